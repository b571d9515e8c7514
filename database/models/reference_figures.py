"""The national burglary series the user can enter: the project's joint goal is to get below it."""

from sqlalchemy.orm import Mapped

from database.models.base import Base
from database.tables.reference_figures import national_reference_table


class NationalReference(Base):
    """Registered burglaries (incl. attempts) and dwellings in the Netherlands in one year.

    Not tied to a gemeente and not exchanged: every workspace keeps its own copy, seeded
    with the published figures, which the user can correct or extend.
    """

    __table__ = national_reference_table

    year: Mapped[int]
    burglaries: Mapped[int]
    dwellings: Mapped[int]
    source: Mapped[str]
