"""The national series (burglaries and dwellings per year) the user can correct and extend."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from app.kernel.errors import FieldError
from app.kernel.workspace import Workspace
from database.models import NationalReference
from database.tables import national_reference_table

# The national series stays in the workspace (it does not travel): its table is the source.
SOURCE_MAX: int = national_reference_table.c.source.type.length  # type: ignore[attr-defined]

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class NationalYear:
    year: int
    burglaries: int
    dwellings: int
    source: str

    @property
    def rate(self) -> float:
        """Burglaries per 1,000 dwellings."""
        return self.burglaries / self.dwellings * 1000


def national_series(workspace: Workspace) -> list[NationalYear]:
    with workspace.reading() as session:
        return [
            NationalYear(row.year, row.burglaries, row.dwellings, row.source)
            for row in session.scalars(select(NationalReference).order_by(NationalReference.year))
        ]


def set_national_year(workspace: Workspace, entry: NationalYear) -> None:
    """Add a year or replace its figures."""
    if not FIRST_YEAR <= entry.year <= LAST_YEAR:
        raise FieldError("year", f"Vul een jaar in tussen {FIRST_YEAR} en {LAST_YEAR}.")
    if entry.burglaries < 0:
        raise FieldError("burglaries", "Het aantal woninginbraken is 0 of meer.")
    if entry.dwellings <= 0:
        raise FieldError("dwellings", "Vul het aantal woningen in Nederland in (meer dan 0).")
    with workspace.transaction() as session:
        session.merge(
            NationalReference(
                year=entry.year,
                burglaries=entry.burglaries,
                dwellings=entry.dwellings,
                source=entry.source.strip()[:SOURCE_MAX],
            )
        )


def remove_national_year(workspace: Workspace, year: int) -> None:
    with workspace.transaction() as session:
        session.execute(delete(NationalReference).where(NationalReference.year == year))
