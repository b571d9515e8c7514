"""The RSIV's return package (terugkoppeling), format version 1: two data sheets.

Described with the plan package's declarative types, so the same writer and validator handle
its cells; its format id keeps it apart from a plan package (see formats.py).
"""

from __future__ import annotations

from app.exchange.schema import Column, Kind, PackageSchema, Sheet

SUGGESTIONS_SHEET = "Suggesties"
FIGURES_SHEET = "Kengetallen"
SUGGESTION_LENGTH = 4_000

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
