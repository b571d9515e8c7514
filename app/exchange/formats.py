"""The Excel files this app exchanges, told apart by the format id on their metadata sheet.

A plan package and the RSIV's return package look alike (both .xlsx with a hidden metadata
sheet); each reader refuses the other's file and says where it should be read in instead.
"""

from __future__ import annotations

from pathlib import Path

from app.exchange.metadata import METADATA_KEYS
from app.exchange.problems import refuse
from app.exchange.schema import FORMAT_ID

FEEDBACK_FORMAT_ID = "aanpak-woninginbraken/terugkoppeling"

# What a file of each format is, and where a user reads it in.
FORMAT_NAMES = {
    FORMAT_ID: "een pakket van Aanpak Woninginbraken",
    FEEDBACK_FORMAT_ID: "een terugkoppeling van het RSIV",
}
READ_IN_AT = {
    FORMAT_ID: (
        "Het is het plan van een gemeente: lees het in met Bestand > Pakket importeren… "
        "(of de opdracht import)."
    ),
    FEEDBACK_FORMAT_ID: (
        "Het is een terugkoppeling van het RSIV voor een gemeente: lees het in met Bestand > "
        "Terugkoppeling RSIV inlezen… (of de opdracht feedback-import)."
    ),
}


def check_format(path: Path, found: dict[str, object], expected: str) -> None:
    """Refuse a file of another format than `expected`; a missing format is checked later."""
    format_id = str(found.get(METADATA_KEYS["format_id"], "")).strip()
    if not format_id or format_id == expected:
        return
    wanted = FORMAT_NAMES[expected]
    pointer = READ_IN_AT.get(format_id)
    if pointer is not None:
        raise refuse(f"{path.name} is geen {wanted.removeprefix('een ')}. {pointer}")
    raise refuse(
        f"{path.name} is geen {wanted.removeprefix('een ')} (formaat '{format_id[:40]}'). Kies het "
        "bestand dat het programma maakte."
    )
