"""Declarative base, naming convention and the columns every exchanged record has."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from database.types import UTCDateTime, new_uuid, utc_now

# Alembic's batch mode on SQLite needs named constraints to alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LENGTH = 36


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_class: type[StrEnum]) -> Enum:
    """Store an enumeration by its English value, as plain text (no native enum in SQLite)."""
    return Enum(
        enum_class,
        values_callable=lambda members: [member.value for member in members],
        native_enum=False,
        create_constraint=False,
        validate_strings=True,
        length=32,
    )


class Identified:
    """A stable UUID and creation/update moments."""

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)


class Exchanged(Identified):
    """A record that travels in a package: it knows the gemeente it belongs to."""

    @declared_attr
    def municipality_id(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy passes the class
        return mapped_column(
            String(UUID_LENGTH),
            ForeignKey("municipality.id", ondelete="CASCADE"),
            index=True,
        )
