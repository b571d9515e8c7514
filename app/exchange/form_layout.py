"""The wijkagent's form: what it asks, in which order, and what it carries.

The writer lays the form out from these descriptions and records the row of every answer in
the hidden metadata; the reader checks each answer's label at that row, so a form whose rows
were inserted, deleted or moved is refused instead of read into the wrong fields.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace
from datetime import date

from database.enums import InterventionKind, TargetGroup

FORM_FORMAT_ID = "aanpak-woninginbraken/wijkagentformulier"
FORM_FORMAT_VERSION = 1
MEASURE_ROWS = 6
TITLE_LIMIT = 200
LINE_LIMIT = 200

# Columns: A holds labels, B..G the answers (merged) and the tables.
LAST_COLUMN = "G"
COLUMN_WIDTHS = {"A": 26, "B": 11, "C": 11, "D": 11, "E": 19, "F": 13, "G": 14}
MEASURE_COLUMNS = {"title": "B", "target_group": "E", "intervention": "F", "partner": "G"}
MEASURE_HEADERS = {
    "title": "Maatregel",
    "target_group": "Doelgroep",
    "intervention": "Aard",
    "partner": "Wie voert uit?",
}


@dataclass(frozen=True)
class Question:
    """One open question: the analysis field it fills, its heading and the hint beside it."""

    field: str
    heading: str
    hint: str

    @property
    def label(self) -> str:
        """What the label cell holds (the reader compares it to find moved rows)."""
        return f"{self.heading}\n{self.hint}"


@dataclass(frozen=True)
class Section:
    title: str
    questions: tuple[Question, ...]


# The problem-analysis triangle first (dader, slachtoffer/doelwit, omgeving), then time and
# method, what the neighbourhood says, and the conclusion.
SECTIONS = (
    Section(
        "A  De probleemanalysedriehoek",
        (
            Question(
                "offender",
                "1. Dader",
                "Wie zijn de daders? Waar komen ze vandaan, hoe verplaatsen ze zich? "
                "Geen namen: schrijf 'bekende veelpleger' of 'groep jongeren'.",
            ),
            Question(
                "victim_target",
                "2. Slachtoffer / doelwit",
                "Welke woningen en bewoners worden getroffen? Wat wordt er meegenomen?",
            ),
            Question(
                "environment",
                "3. Omgeving / plaats",
                "Wat maakt de plek kwetsbaar: verlichting, achterpaden, zicht, vluchtroutes?",
            ),
        ),
    ),
    Section(
        "B  Tijd en werkwijze",
        (
            Question(
                "times",
                "4. Tijden",
                "Op welke dagen en uren, in welke maanden? Klopt de tabel hierboven?",
            ),
            Question(
                "modus_operandi",
                "5. Werkwijze",
                "Hoe komen inbrekers binnen: deur, raam, schuur, flipperen, ...?",
            ),
        ),
    ),
    Section(
        "C  Wat zeggen bewoners en partners?",
        (
            Question(
                "street_knowledge",
                "6. Bewoners en partners",
                "Wat hoort u van bewoners, woningcorporatie, ondernemers en andere partners?",
            ),
        ),
    ),
    Section(
        "D  Conclusie",
        (
            Question(
                "conclusions",
                "7. Conclusie",
                "Wat is volgens u de kern van het probleem en waar ligt de kans?",
            ),
        ),
    ),
)
QUESTIONS = tuple(question for section in SECTIONS for question in section.questions)
MEASURES_SECTION = "E  Voorgestelde maatregelen"
AUTHOR_SECTION = "F  Ingevuld door"
AUTHOR_LABELS = {
    "author_name": "Naam",
    "author_role": "Functie en werkcontact",
    "written_on": "Datum (dd-mm-jjjj)",
}
AUTHOR_HINTS = {
    "author_name": "",
    "author_role": "bijvoorbeeld: wijkagent Korte Akkeren, e-mail of telefoon van het werk",
    "written_on": "",
}
MEASURE_KEY = "maatregel-{n}"
MEASURES_HEADER_KEY = "maatregelen"


@dataclass(frozen=True)
class ProposedRow:
    """A measure the wijkagent proposes, as read from (or prefilled in) the form."""

    title: str
    target_group: TargetGroup
    intervention: InterventionKind
    partner: str = ""


@dataclass(frozen=True)
class WrittenAnalysis:
    """A problem analysis as written: the answers to the QUESTIONS and who wrote them when.

    The form asks exactly this, and a hotspot's analysis keeps it (with its progress)."""

    offender: str = ""
    victim_target: str = ""
    environment: str = ""
    times: str = ""
    modus_operandi: str = ""
    street_knowledge: str = ""
    conclusions: str = ""
    author_name: str = ""
    author_role: str = ""
    written_on: date | None = None


@dataclass(frozen=True)
class FormAnswers(WrittenAnalysis):
    """Everything the wijkagent fills in."""

    measures: tuple[ProposedRow, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == FormAnswers()


@dataclass(frozen=True)
class HotTimesTable:
    """Weighted burglaries per weekday (rows) and block of hours (columns)."""

    blocks: tuple[str, ...]  # column headings, e.g. "0-4 uur"
    rows: tuple[tuple[str, tuple[float, ...]], ...]  # weekday, one value per block
    caption: str


@dataclass(frozen=True)
class FormMetadata:
    """The hidden identity of a form; `checksum` covers every other field."""

    format_id: str
    format_version: int
    form_id: str
    form_version: int
    hotspot_id: str
    workspace_id: str
    municipality_code: str
    issued_at: str  # ISO 8601, UTC; on the sheet as Dutch time (see file_moment)
    app_version: str
    sheet: str
    answer_rows: str  # "offender:14,victim_target:15,..."
    checksum: str = ""

    def signed(self) -> FormMetadata:
        return replace(self, checksum=self.expected_checksum())

    def expected_checksum(self) -> str:
        digest = hashlib.sha256()
        for item in fields(self):
            if item.name != "checksum":
                digest.update(f"{item.name}={getattr(self, item.name)}\n".encode())
        return digest.hexdigest()

    def rows(self) -> dict[str, int]:
        pairs = (pair.split(":") for pair in self.answer_rows.split(",") if pair)
        return {key: int(row) for key, row in pairs}


METADATA_KEYS: dict[str, str] = {
    "format_id": "Formaat",
    "format_version": "Formaatversie",
    "form_id": "Formulier-ID",
    "form_version": "Formulierversie",
    "hotspot_id": "Hotspot-ID",
    "workspace_id": "Werkruimte-ID",
    "municipality_code": "Gemeentecode",
    "issued_at": "Gemaakt op",
    "app_version": "Programmaversie",
    "sheet": "Blad",
    "answer_rows": "Indeling",
    "checksum": "Controlecode (SHA-256)",
}

# Keys of forms made before this version, read as the current key.
FORMER_METADATA_KEYS: dict[str, str] = {"Gemaakt op (UTC)": METADATA_KEYS["issued_at"]}


@dataclass(frozen=True)
class FormContent:
    """What a form shows: the read-only facts at the top, the prefilled answers, the identity."""

    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...]
    hot_times: HotTimesTable | None
    answers: FormAnswers
    return_to: str
    metadata: FormMetadata
