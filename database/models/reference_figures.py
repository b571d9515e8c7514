"""The national burglary series the user can enter: the project's joint goal is to get below it."""

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from database.models.base import Base


class NationalReference(Base):
    """Registered burglaries (incl. attempts) and dwellings in the Netherlands in one year.

    Not tied to a gemeente and not exchanged: every workspace keeps its own copy, seeded
    with the published figures, which the user can correct or extend.
    """

    __tablename__ = "national_reference"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    burglaries: Mapped[int] = mapped_column(Integer)
    dwellings: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")

    @property
    def rate(self) -> float:
        """Burglaries per 1,000 dwellings."""
        return self.burglaries / self.dwellings * 1000
