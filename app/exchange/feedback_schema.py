"""The RSIV's return package (terugkoppeling): format version 1 has two data sheets, version 2
adds the good-practice list (Goede voorbeelden).

Described with the plan package's declarative types, so the same writer and validator handle
its cells; its format id keeps it apart from a plan package (see formats.py).
"""

from __future__ import annotations

from app.exchange.schema import Column, Kind, PackageSchema, Sheet
from database.enums import InterventionKind, TargetGroup

SUGGESTIONS_SHEET = "Suggesties"
FIGURES_SHEET = "Kengetallen"
PRACTICES_SHEET = "Goede voorbeelden"
SUGGESTION_LENGTH = 4_000
PRACTICE_TEXT_LENGTH = 4_000

FEEDBACK_V1 = PackageSchema(
    version=1,
    sheets=(
        Sheet(
            SUGGESTIONS_SHEET,
            "werkgroep_suggestion",
            "De suggesties van de werkgroep voor deze gemeente, per werkgroep.",
            (
                Column(
                    "id",
                    "ID",
                    Kind.ID,
                    "Vaste sleutel van de suggestie.",
                    width=38,
                    privacy_scan=False,
                ),
                Column(
                    "werkgroep_on",
                    "Werkgroep",
                    Kind.DATE,
                    "De datum van de werkgroep die de suggestie deed.",
                    required=True,
                    width=13,
                    privacy_scan=False,
                ),
                Column(
                    "text",
                    "Suggestie",
                    Kind.TEXT,
                    "Wat de werkgroep de gemeente in overweging geeft.",
                    required=True,
                    max_length=SUGGESTION_LENGTH,
                    width=90,
                ),
            ),
            label_field="text",
        ),
        Sheet(
            FIGURES_SHEET,
            "feedback_figure",
            "De regionale vergelijking: de cijfers van de gemeente naast die van de regio.",
            (
                Column(
                    "code",
                    "Code",
                    Kind.CODE,
                    "Vaste naam van het kengetal.",
                    required=True,
                    max_length=40,
                    width=24,
                    privacy_scan=False,
                ),
                Column(
                    "label",
                    "Kengetal",
                    Kind.TEXT,
                    "Wat het getal zegt.",
                    required=True,
                    max_length=200,
                    width=60,
                    privacy_scan=False,
                ),
                Column(
                    "value",
                    "Waarde",
                    Kind.DECIMAL,
                    "Het getal; leeg als het onbekend is.",
                    nullable=True,
                    width=12,
                    privacy_scan=False,
                ),
                Column(
                    "unit",
                    "Eenheid",
                    Kind.TEXT,
                    "De eenheid van het getal.",
                    max_length=60,
                    width=28,
                    privacy_scan=False,
                ),
            ),
            label_field="label",
        ),
    ),
)


def _practice_text(field: str, header: str, help_text: str, length: int, width: int) -> Column:
    return Column(field, header, Kind.TEXT, help_text, max_length=length, width=width)


GOOD_PRACTICES = Sheet(
    PRACTICES_SHEET,
    "good_practice",
    "De lijst van goede voorbeelden van het RSIV: maatregelen die werken in de regio en "
    "voorbeelden van bijdragers (gemeenten buiten de regio, zoals Leiden). Alleen om te lezen.",
    (
        Column(
            "title",
            "Maatregel",
            Kind.TEXT,
            "De naam van het goede voorbeeld.",
            required=True,
            max_length=200,
            width=40,
        ),
        Column(
            "target_group",
            "Doelgroep",
            Kind.CHOICE,
            "Dader, slachtoffer/woning of omgeving.",
            required=True,
            choices=TargetGroup,
            width=18,
            privacy_scan=False,
        ),
        Column(
            "intervention",
            "Aard",
            Kind.CHOICE,
            "Preventief, repressief, bestuurlijk of nazorg.",
            required=True,
            choices=InterventionKind,
            width=14,
            privacy_scan=False,
        ),
        _practice_text(
            "gemeenten", "Gemeenten", "Waar het voorbeeld vandaan komt.", PRACTICE_TEXT_LENGTH, 30
        ),
        _practice_text(
            "why",
            "Waarom een goed voorbeeld",
            "Geborgd in het reguliere werk, lopend bij een dalend risico, of van een bijdrager.",
            PRACTICE_TEXT_LENGTH,
            50,
        ),
        _practice_text(
            "description", "Toelichting", "Wat de maatregel inhoudt.", PRACTICE_TEXT_LENGTH, 60
        ),
    ),
    label_field="title",
)

FEEDBACK_V2 = PackageSchema(version=2, sheets=(*FEEDBACK_V1.sheets, GOOD_PRACTICES))
FEEDBACK_CURRENT = FEEDBACK_V2
FEEDBACK_READABLE: dict[int, PackageSchema] = {1: FEEDBACK_V1, 2: FEEDBACK_V2}
