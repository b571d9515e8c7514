"""What the werkgroep report and the RBO summary hold, read once for both PDF and Excel.

The werkgroep report has a page per gemeente with the memo's agenda items; the RBO summary
only the regional picture and the progress per gemeente. Both list which packages are in and
which gemeenten are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.core.region.agenda import MunicipalityAgenda, municipality_agendas
from app.core.region.overview import MunicipalityStanding, RegionalOverview, regional_overview
from app.core.region.practices import BestPractice, best_practices
from app.core.region.werkgroep_changes import WerkgroepExtras, werkgroep_extras_of
from app.kernel.errors import UserError
from app.kernel.workspace import Workspace
from database.enums import WorkspaceRole


class ReportKind(StrEnum):
    WERKGROEP = "werkgroep"
    RBO = "rbo"

    @property
    def heading(self) -> str:
        """The report's title (not `title`, which would hide str.title of the StrEnum)."""
        if self is ReportKind.RBO:
            return "Aanpak woninginbraken: voortgang voor het RBO"
        return "Werkgroep woninginbraken: agenda en voortgang per gemeente"


@dataclass(frozen=True)
class ReportContent:
    kind: ReportKind
    made_on: date
    overview: RegionalOverview
    practices: tuple[BestPractice, ...]
    agendas: tuple[tuple[MunicipalityStanding, MunicipalityAgenda], ...]  # werkgroep only
    # werkgroep only, by CBS code: changes since the last werkgroep, RSIV notes, suggestions
    extras: Mapping[str, WerkgroepExtras] = field(default_factory=dict)


def report_content(
    workspace: Workspace,
    kind: ReportKind,
    today: date | None = None,
    progress: Callable[[int], None] = lambda percent: None,
) -> ReportContent:
    """Read everything the report prints; `progress` gets 0-100 (reading is most of the work)."""
    if workspace.summary.role is not WorkspaceRole.REGION:
        raise UserError(
            "Een rapportage voor werkgroep of RBO maakt de RSIV-werkruimte, met de "
            "samengevoegde pakketten van de gemeenten. Open de RSIV-werkruimte."
        )
    today = today or date.today()
    progress(5)
    overview = regional_overview(workspace, today)
    progress(60)
    agendas: tuple[tuple[MunicipalityStanding, MunicipalityAgenda], ...] = ()
    extras: dict[str, WerkgroepExtras] = {}
    if kind is ReportKind.WERKGROEP:
        # Every table read once for all gemeenten, not once per gemeente.
        codes = [row.cbs_code for row in overview.included]
        read = municipality_agendas(workspace, codes, today)
        agendas = tuple((row, read[row.cbs_code]) for row in overview.included)
        extras = werkgroep_extras_of(workspace, codes, today)
    progress(80)
    practices = best_practices(workspace, overview)
    return ReportContent(kind, today, overview, practices, agendas, extras)
