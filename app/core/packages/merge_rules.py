"""Which packages the RSIV workspace accepts: a participant's (or a bijdrager's), newer than
what it already has.

Each rule returns a Dutch sentence that says what is wrong and which package is newer, or
None. They look only at the package's metadata and the gemeente's own history, so whether a
package is accepted never depends on packages of other gemeenten.

A package from another workspace of a gemeente is a handover (new laptop, new projectleider):
it is merged only when the RSIV accepts the handover explicitly; from then on the new
workspace's packages count and the old workspace's are refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.packages.history import PackageEntry
from app.exchange.metadata import PackageMetadata
from app.kernel.moments import dutch_moment, dutch_moment_text
from app.kernel.reference import MunicipalityRef, participants

NOTHING_CHANGED = "Er is niets gewijzigd."


def refusal_reason(
    metadata: PackageMetadata,
    municipality: MunicipalityRef | None,
    current: PackageEntry | None,
    same_export: PackageEntry | None,
    members: Sequence[MunicipalityRef] = (),
    *,
    replaced_by: PackageEntry | None = None,
    handover_accepted: bool = False,
) -> str | None:
    """Why `metadata`'s package may not be merged now, or None when it may; `members`: the
    RSIV's region (by default the participants of the reference list); `replaced_by`: the
    handover that made the package's workspace an old one."""
    name, code = metadata.municipality_name, metadata.municipality_code
    if municipality is None:
        return (
            f"Dit pakket is van gemeentecode {code} ({name}); die code kent dit programma niet. "
            "Alleen pakketten van de deelnemende gemeenten worden samengevoegd: "
            f"{_names(members)}. "
            f"{NOTHING_CHANGED}"
        )
    if municipality.is_participant and metadata.is_contributor:
        return (
            f"Dit pakket van {municipality.name} ({municipality.cbs_code}) komt uit een "
            "bijdragerwerkruimte, maar de gemeente neemt deel aan de aanpak; het wordt niet "
            f"samengevoegd. {NOTHING_CHANGED} Vraag {municipality.name} het pakket te maken in "
            "de gewone werkruimte van de gemeente."
        )
    # A bijdrager (such as Leiden) shares its measures as good practices, outside the region.
    if not municipality.is_participant and not metadata.is_contributor:
        return (
            f"{municipality.name} ({municipality.cbs_code}) neemt niet deel aan de aanpak "
            f"woninginbraken; het pakket wordt niet samengevoegd. Deelnemers: {_names(members)}. "
            f"{NOTHING_CHANGED}"
        )
    if same_export is not None:
        return (
            f"Dit pakket is al samengevoegd op {dutch_moment(same_export.imported_at)}: "
            f"{name}, volgnummer {same_export.sequence}, gemaakt "
            f"{dutch_moment_text(same_export.exported_at)}. Hetzelfde pakket nogmaals inlezen "
            f"verandert niets. {NOTHING_CHANGED}"
        )
    if current is None:
        return None
    this = f"volgnummer {metadata.sequence}, gemaakt {dutch_moment_text(metadata.exported_at)}"
    merged = (
        f"volgnummer {current.sequence}, gemaakt {dutch_moment_text(current.exported_at)}, "
        f"samengevoegd op {dutch_moment(current.imported_at)}"
    )
    if replaced_by is not None:
        return (
            f"Dit pakket van {name} ({this}) komt uit een oude werkruimte: op "
            f"{dutch_moment(replaced_by.imported_at)} is de aanpak overgedragen aan een nieuwe "
            f"werkruimte (overdracht geaccepteerd door {replaced_by.handover_by or 'onbekend'}), "
            f"en pakketten van de oude werkruimte worden niet meer samengevoegd. "
            f"{NOTHING_CHANGED} Vraag {name} het pakket te maken in de nieuwe werkruimte."
        )
    if current.source_workspace_id != metadata.workspace_id:
        return None if handover_accepted else handover_reason(metadata, current)
    if metadata.sequence < (current.sequence or 0):
        return (
            f"Dit pakket van {name} is ouder dan het pakket dat al is samengevoegd: dit pakket "
            f"heeft {this}; het samengevoegde pakket heeft {merged} en is nieuwer. "
            f"{NOTHING_CHANGED}"
        )
    if metadata.sequence == current.sequence:
        return (
            f"Van {name} is al een ander pakket met hetzelfde volgnummer samengevoegd ({merged}); "
            f"dit pakket heeft {this}. Welk pakket nieuwer is, is niet vast te stellen. "
            f"{NOTHING_CHANGED} Vraag {name} om een nieuw pakket: dat krijgt volgnummer "
            f"{metadata.sequence + 1} of hoger."
        )
    return None


def handover_reason(metadata: PackageMetadata, current: PackageEntry) -> str:
    """Why a package from a new workspace of a gemeente waits, and how to accept it."""
    name = metadata.municipality_name
    return (
        f"Dit pakket van {name} (volgnummer {metadata.sequence}, gemaakt "
        f"{dutch_moment_text(metadata.exported_at)}) komt uit een andere werkruimte dan het "
        f"pakket dat al is samengevoegd (volgnummer {current.sequence}, samengevoegd op "
        f"{dutch_moment(current.imported_at)}): een overdracht, zoals bij een nieuwe laptop of "
        f"een nieuwe projectleider. {NOTHING_CHANGED} Is de aanpak van {name} echt "
        "overgedragen, accepteer dan de overdracht met 'import --overdracht' of de knop "
        "Overdracht accepteren bij het samenvoegen; daarna worden alleen pakketten van de "
        "nieuwe werkruimte samengevoegd."
    )


def _names(members: Sequence[MunicipalityRef]) -> str:
    return ", ".join(f"{m.name} ({m.cbs_code})" for m in members or participants())
