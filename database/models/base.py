"""The declarative base, mapped onto database.tables, and the attributes every exchanged
record has (for type checkers: the columns themselves are defined with the tables)."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import DeclarativeBase, Mapped

from database.tables.base import metadata


class Base(DeclarativeBase):
    metadata = metadata


class Identified:
    """A stable UUID and creation/update moments."""

    id: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    if TYPE_CHECKING:
        # Every model also derives from Base, whose constructor takes the columns by keyword;
        # declared here so that code holding only type[Exchanged] may call it that way.
        def __init__(self, **kw: Any) -> None: ...


class Exchanged(Identified):
    """A record that travels in a package: it knows the gemeente it belongs to."""

    municipality_id: Mapped[str]
