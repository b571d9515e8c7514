"""The lines that describe an import preview, for the gemeente's import and the RSIV's merge."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.packages.importer import ImportPreview

FINDINGS_NOT_ACCEPTED = (
    "Het pakket is niet ingelezen: de privacycontrole vond mogelijk privégegevens (zie "
    "hierboven). Controleer elke plaats en lees het pakket opnieuw in met --accept-findings "
    "als het zo in de werkruimte mag, of vraag de afzender om een verbeterd pakket."
)


def preview_summary(preview: ImportPreview) -> list[str]:
    from app.kernel.moments import dutch_moment_text

    metadata = preview.package.metadata
    lines = [
        f"Pakket van {metadata.municipality_name} ({metadata.municipality_code}), volgnummer "
        f"{metadata.sequence}, gemaakt {dutch_moment_text(metadata.exported_at)}."
    ]
    for kind in preview.kinds:
        if not kind.has_changes:
            continue
        lines.append(
            f"{kind.sheet.name}: {len(kind.added)} nieuw, {len(kind.changed)} gewijzigd, "
            f"{len(kind.removed)} verwijderd"
        )
        lines.extend(f"  - verwijderd: {change.label}" for change in kind.removed)
    if not preview.change_count:
        lines.append("Geen wijzigingen: de werkruimte is al gelijk aan het pakket.")
    return lines
