"""The declarative schema of the package, format versions 1, 2 and 3.

The writer, the reader/validator and docs/package-format.md are all derived from this one
description. Changing what travels means a new format version (see versions.py). Version 2
carries incidents only as counts per month, buurt and hot-time cell (sheet
Incidentaantallen) instead of one row per incident with its modus operandi. Version 3 adds
the issued wijkagent forms and the proposed measures (sheets Formulieren and Voorgestelde
maatregelen) and the matrix cells left empty on purpose (sheet Bewust leeg).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property

from app.exchange.limits import EXCEL_TEXT_LIMIT
from database.enums import (
    ActionStatus,
    AnalysisState,
    B3WAnswer,
    B3WStage,
    B3WWorld,
    BylawStatus,
    DeepAnalysisState,
    DomainEnum,
    GoalIndicator,
    HotKind,
    InformationSource,
    InterventionKind,
    MeasureDecision,
    MeasureStatus,
    MeetingTier,
    PartnerKind,
    TargetGroup,
)

FORMAT_ID = "aanpak-woninginbraken/pakket"
YES, NO = "ja", "nee"
LABEL_LENGTH = 60


class Kind(Enum):
    """How a column is written, read and checked. The value is the Dutch type name."""

    ID = "ID (UUID)"
    REFERENCE = "verwijzing (ID)"
    TEXT = "tekst"
    CODE = "code (tekst)"
    INTEGER = "geheel getal"
    DECIMAL = "getal"
    DATE = "datum"
    MONTH = "maand (eerste dag)"
    DATETIME = "datum en tijd"
    TIMESTAMP = "tijdstempel (Nederlandse tijd, tekst)"
    BOOLEAN = "ja/nee"
    CHOICE = "keuzelijst"


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: a database field shown under a Dutch header."""

    field: str
    header: str
    kind: Kind
    help: str
    required: bool = False
    nullable: bool = False  # an empty cell is stored as NULL rather than as ""
    max_length: int | None = None
    choices: type[DomainEnum] | None = None
    references: str | None = None  # table of the record the ID points to
    default: int | None = None  # stored when an optional number cell is empty
    minimum: int | None = None
    width: int = 18
    # Every text and code is scanned for personal data; only the revision content is not,
    # as its records are scanned one by one (app/exchange/revision_privacy.py).
    privacy_scan: bool = True
    # Headers this column had in older packages; the reader still accepts them.
    former_headers: tuple[str, ...] = ()

    @property
    def allowed_values(self) -> list[str]:
        if self.kind is Kind.BOOLEAN:
            return [YES, NO]
        return self.choices.labels() if self.choices else []

    @property
    def is_text(self) -> bool:
        return self.kind in (Kind.TEXT, Kind.CODE)


@dataclass(frozen=True)
class Sheet:
    """A data sheet: one record kind, keyed by UUID (or by its references for a link table)."""

    name: str
    table: str
    description: str
    columns: tuple[Column, ...]
    label_field: str  # what a preview shows to name a record
    unique_together: tuple[tuple[str, ...], ...] = ()
    # A sheet added after its format version was released: a package made before it has no
    # such sheet and reads as having none of its records.
    optional: bool = False

    @property
    def keyed_by_id(self) -> bool:
        return self.columns[0].kind is Kind.ID

    @property
    def key_fields(self) -> tuple[str, ...]:
        if self.keyed_by_id:
            return ("id",)
        return tuple(c.field for c in self.columns if c.kind is Kind.REFERENCE)

    @cached_property  # asked for per record (labels, keys): built once
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)

    @property
    def table_name(self) -> str:
        """The Excel table's name: letters only, unique in the workbook."""
        return "tbl_" + self.table

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)

    @cached_property
    def _label_position(self) -> int:
        return self.fields.index(self.label_field)

    def record_label(self, record: tuple[object, ...]) -> str:
        """A few words that name `record` for a person: its label field on one line."""
        text = str(record[self._label_position] or "").replace("\n", " ")
        return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 3] + "..."


@dataclass(frozen=True)
class PackageSchema:
    version: int
    sheets: tuple[Sheet, ...]

    def sheet(self, table: str) -> Sheet:
        return next(s for s in self.sheets if s.table == table)


def _id(what: str) -> Column:
    return Column(
        "id",
        "ID",
        Kind.ID,
        f"Vaste sleutel van {what}. Niet wijzigen; laat leeg bij een nieuwe rij, dan krijgt die "
        "bij het inlezen een nieuwe ID.",
        width=38,
        privacy_scan=False,
    )


def _timestamps() -> tuple[Column, Column]:
    return (
        Column(
            "created_at",
            "Aangemaakt",
            Kind.TIMESTAMP,
            "Wanneer de rij is aangemaakt. Niet wijzigen; leeg bij een nieuwe rij.",
            width=34,
            privacy_scan=False,
            former_headers=("Aangemaakt (UTC)",),
        ),
        Column(
            "updated_at",
            "Gewijzigd",
            Kind.TIMESTAMP,
            "Laatste wijziging in het programma. Niet wijzigen; wordt bij inlezen bijgewerkt.",
            width=34,
            privacy_scan=False,
            former_headers=("Gewijzigd (UTC)",),
        ),
    )


def _ref(field: str, header: str, table: str, sheet: str, *, required: bool = True) -> Column:
    return Column(
        field,
        header,
        Kind.REFERENCE,
        f"De ID van een rij op blad {sheet}; kopieer die uit de kolom ID daar.",
        required=required,
        nullable=not required,
        references=table,
        width=38,
        privacy_scan=False,
    )


def _plan_ref() -> Column:
    return Column(
        "plan_id",
        "Plan-ID",
        Kind.REFERENCE,
        "De ID van het plan op blad Plan. Mag leeg blijven: dan geldt het enige plan.",
        references="plan",
        width=38,
        privacy_scan=False,
    )


def _text(
    field: str,
    header: str,
    help_text: str,
    max_length: int = 200,
    *,
    required: bool = False,
    nullable: bool = False,
) -> Column:
    return Column(
        field,
        header,
        Kind.TEXT,
        help_text,
        required=required,
        nullable=nullable,
        max_length=max_length,
        width=30 if max_length >= 200 else 18,
    )


def _long(field: str, header: str, help_text: str, *, required: bool = False) -> Column:
    return Column(
        field,
        header,
        Kind.TEXT,
        help_text,
        required=required,
        max_length=EXCEL_TEXT_LIMIT,
        width=50,
    )


def _integer(
    field: str, header: str, help_text: str, *, default: int | None = None, nullable: bool = False
) -> Column:
    return Column(
        field,
        header,
        Kind.INTEGER,
        help_text,
        required=default is None and not nullable,
        nullable=nullable,
        default=default,
        minimum=0,
        width=12,
    )


def _matrix_cell() -> tuple[Column, Column]:
    """The cell of the 3D matrix a row is about: doelgroep and aard."""
    return (
        _choice("target_group", "Doelgroep", TargetGroup, "Dader, slachtoffer/woning of omgeving."),
        _choice(
            "intervention",
            "Aard",
            InterventionKind,
            "Preventief, repressief, bestuurlijk of nazorg.",
        ),
    )


def _choice(field: str, header: str, enum: type[DomainEnum], help_text: str) -> Column:
    return Column(field, header, Kind.CHOICE, help_text, required=True, choices=enum, width=22)


def _date(field: str, header: str, help_text: str, *, required: bool = False) -> Column:
    return Column(
        field, header, Kind.DATE, help_text, required=required, nullable=not required, width=13
    )


def _buurt(
    help_text: str = "CBS-buurtcode, bijvoorbeeld BU05130101; leeg voor de hele gemeente.",
) -> Column:
    return Column(
        "neighbourhood_code",
        "Buurtcode",
        Kind.CODE,
        "CBS-buurtcode, bijvoorbeeld BU05130101; leeg voor de hele gemeente.",
        nullable=True,
        max_length=10,
        width=14,
    )


HOTS = "Hots"
PLAN = "Plan"
GOALS = "Doelstellingen"
MEASURES = "Maatregelen"
MEETINGS = "Overleggen"
PROGRESS_NOTES = "Voortgang"
EVALUATIONS = "Evaluaties"
REVISIONS = "Planversies"
ANALYSES = "Probleemanalyses"
# A revision's JSON document is cut into parts this long: at most 32,000 UTF-16 units even
# when every character needs two, so each part fits an Excel cell.
REVISION_PART_LENGTH = 16_000

V1 = PackageSchema(
    version=1,
    sheets=(
        Sheet(
            PLAN,
            "plan",
            "Het plan van aanpak van de gemeente: één rij.",
            (
                _id("het plan"),
                _text("title", "Titel", "De titel van het plan.", required=True),
                _text("project_lead", "Projectleider", "Functie of naam van de projectleider."),
                _long("problem_summary", "Probleembeschrijving", "Samenvatting van de analyse."),
                _long("organisation", "Organisatie", "Hoe de aanpak is georganiseerd."),
                _long("communication", "Communicatie", "Hoe over de aanpak wordt gecommuniceerd."),
                _date("local_start", "Lokale start", "Datum waarop de lokale aanpak begon."),
                _date("triangle_commitment", "Opdracht driehoek", "Datum van de opdracht."),
                _long(
                    "triangle_assignment",
                    "Opdracht van de driehoek",
                    "Wat de driehoek (opdrachtgever) heeft opgedragen.",
                ),
                _long("budget", "Budget", "Het budget van de aanpak: bedragen en herkomst."),
                _date("period_start", "Looptijd van", "Eerste dag van de looptijd."),
                _date("period_end", "Looptijd tot", "Laatste dag van de looptijd."),
                *_timestamps(),
            ),
            label_field="title",
        ),
        Sheet(
            HOTS,
            "hot_item",
            "De probleembeschrijving langs de zeven hots. Hotshots zijn mensen: alleen een "
            "omschrijving of aantal, nooit een naam.",
            (
                _id("het hot-item"),
                _plan_ref(),
                _choice("kind", "Soort", HotKind, "Hotspot, hotshot, hotgroup, ..."),
                _text(
                    "label",
                    "Omschrijving",
                    "Korte naam, nooit de naam van een persoon.",
                    required=True,
                ),
                _long("description", "Toelichting", "Wat er over dit item bekend is."),
                _choice("source", "Bron", InformationSource, "Waar de informatie vandaan komt."),
                _text("period", "Periode", "Bijvoorbeeld 'oktober tot maart'.", max_length=100),
                _integer(
                    "person_count",
                    "Aantal personen",
                    "Alleen bij hotshots en hotgroups.",
                    nullable=True,
                ),
                _buurt(),
                _text(
                    "neighbourhood_name",
                    "Buurtnaam",
                    "Naam van de buurt.",
                    max_length=100,
                    nullable=True,
                ),
                _integer("position", "Volgorde", "Volgorde in de lijst (0, 1, 2, ...).", default=0),
                *_timestamps(),
            ),
            label_field="label",
        ),
        Sheet(
            ANALYSES,
            "hotspot_analysis",
            "De korte probleemanalyse van de wijkagent per hotspot; de hoogste versie geldt.",
            (
                _id("de analyse"),
                _ref("hot_item_id", "Hot-ID", "hot_item", HOTS),
                _integer("version", "Versie", "1 voor de eerste analyse, dan 2, 3, ...", default=1),
                _choice("state", "Stand", AnalysisState, "Verstuurd, ontvangen, verwerkt, ..."),
                _date("sent_on", "Verstuurd op", "Datum waarop het formulier is verstuurd."),
                _date("received_on", "Ontvangen op", "Datum waarop het terugkwam."),
                _date("processed_on", "Verwerkt op", "Datum van verwerking in het plan."),
                _long("offender", "Dader", "Wat bekend is over daders."),
                _long("victim_target", "Slachtoffer/object", "Welke woningen en bewoners."),
                _long("environment", "Omgeving", "De situatie ter plaatse."),
                _long("times", "Tijden", "Wanneer er wordt ingebroken."),
                _long("modus_operandi", "Werkwijze", "Hoe er wordt ingebroken."),
                _long("street_knowledge", "Straatkennis", "Wat de wijkagent weet."),
                _long("conclusions", "Conclusies", "Conclusies en voorstellen."),
                _text("author_name", "Opgesteld door", "Naam of functie van de opsteller."),
                _text("author_role", "Functie opsteller", "Bijvoorbeeld wijkagent."),
                _date("written_on", "Opgesteld op", "Datum van de analyse."),
                *_timestamps(),
            ),
            label_field="version",
            unique_together=(("hot_item_id", "version"),),
        ),
        Sheet(
            "Verdiepende analyses",
            "deep_analysis_request",
            "Aanvragen van een verdiepende analyse bij de DIK.",
            (
                _id("de aanvraag"),
                _ref("hot_item_id", "Hot-ID", "hot_item", HOTS),
                _choice("state", "Stand", DeepAnalysisState, "Aangevraagd, beantwoord, ..."),
                _date("requested_on", "Aangevraagd op", "Datum van de aanvraag.", required=True),
                _text("requested_by", "Aangevraagd door", "Naam of functie van de aanvrager."),
                _long("question", "Vraag", "De vraag aan de DIK."),
                _date("answered_on", "Beantwoord op", "Datum van het antwoord."),
                _long("summary", "Samenvatting antwoord", "Wat de analyse opleverde."),
                *_timestamps(),
            ),
            label_field="question",
        ),
        Sheet(
            "APV-instrumenten",
            "bylaw_instrument",
            "Bestuurlijke instrumenten (APV) die de gemeente gebruikt of overweegt.",
            (
                _id("het instrument"),
                _plan_ref(),
                _text("name", "Naam", "Bijvoorbeeld verbod op inbrekerswerktuig.", required=True),
                _long("description", "Toelichting", "Hoe het instrument wordt ingezet."),
                _choice("status", "Status", BylawStatus, "Overwogen, in gebruik, ..."),
                *_timestamps(),
            ),
            label_field="name",
        ),
        Sheet(
            GOALS,
            "goal",
            "SMART-doelstellingen: van een nulmeting naar een doel vóór een datum.",
            (
                _id("de doelstelling"),
                _plan_ref(),
                _text("title", "Titel", "Korte naam van het doel.", required=True),
                _long("description", "Toelichting", "Wat het doel inhoudt."),
                _choice("indicator", "Indicator", GoalIndicator, "Wat er wordt gemeten."),
                Column(
                    "unit",
                    "Eenheid",
                    Kind.TEXT,
                    "Bijvoorbeeld 'per 1.000 woningen'.",
                    required=True,
                    max_length=50,
                ),
                _buurt(),
                Column(
                    "baseline_value",
                    "Nulmeting",
                    Kind.DECIMAL,
                    "Waarde bij de start.",
                    required=True,
                    width=12,
                ),
                _integer("baseline_year", "Jaar nulmeting", "Jaar van de nulmeting."),
                Column(
                    "target_value",
                    "Streefwaarde",
                    Kind.DECIMAL,
                    "De te bereiken waarde.",
                    required=True,
                    width=12,
                    former_headers=("Doelwaarde",),
                ),
                replace(
                    _date(
                        "deadline", "Termijn", "Datum waarop het doel bereikt is.", required=True
                    ),
                    former_headers=("Uiterlijk",),
                ),
                replace(
                    _text("owner", "Verantwoordelijke", "Wie het doel waarmaakt (functie)."),
                    former_headers=("Eigenaar",),
                ),
                *_timestamps(),
            ),
            label_field="title",
        ),
        Sheet(
            "Metingen",
            "goal_measurement",
            "Met de hand gemeten waarden van een doelstelling, bijvoorbeeld het aantal "
            "gegeven woonadviezen: één waarde per doelstelling en dag.",
            (
                _id("de meting"),
                _ref("goal_id", "Doelstelling-ID", "goal", GOALS),
                _date("measured_on", "Datum", "Dag van de meting.", required=True),
                Column(
                    "value",
                    "Waarde",
                    Kind.DECIMAL,
                    "De gemeten waarde, in de eenheid van de doelstelling.",
                    required=True,
                    width=12,
                ),
                _text("source", "Bron", "Waar de waarde vandaan komt, bijvoorbeeld 'politie'."),
                _long("note", "Toelichting", "Een opmerking bij de meting."),
                *_timestamps(),
            ),
            label_field="measured_on",
            unique_together=(("goal_id", "measured_on"),),
        ),
        Sheet(
            MEASURES,
            "measure",
            "Maatregelen in de 3D-matrix: doelgroep x aard, met partner, periode en status.",
            (
                _id("de maatregel"),
                _plan_ref(),
                _text("title", "Titel", "Korte naam van de maatregel.", required=True),
                _long("description", "Toelichting", "Wat de maatregel inhoudt."),
                *_matrix_cell(),
                _ref("partner_id", "Partner-ID", "partner", "Partners", required=False),
                _choice("status", "Status", MeasureStatus, "Gepland, lopend, afgerond, gestopt."),
                _date("period_start", "Van", "Eerste dag van de maatregel."),
                _date("period_end", "Tot", "Laatste dag van de maatregel."),
                Column(
                    "dark_days",
                    "Donkere dagen",
                    Kind.BOOLEAN,
                    "'ja' als de maatregel hoort bij het Donkere Dagen Offensief.",
                    width=10,
                ),
                _integer("extra_cost_eur", "Extra kosten (euro)", "Hele euro's.", default=0),
                _text(
                    "catalogue_key",
                    "Catalogussleutel",
                    "Sleutel uit de maatregelcatalogus.",
                    max_length=50,
                    nullable=True,
                ),
                *_timestamps(),
            ),
            label_field="title",
        ),
        Sheet(
            "Maatregel-hots",
            "measure_hot_item",
            "Op welke hots een maatregel is gericht: één rij per koppeling.",
            (
                _ref("measure_id", "Maatregel-ID", "measure", MEASURES),
                _ref("hot_item_id", "Hot-ID", "hot_item", HOTS),
            ),
            label_field="measure_id",
        ),
        Sheet(
            "Acties",
            "action",
            "De actielijst: taken met actiehouder, termijn en status.",
            (
                _id("de actie"),
                _plan_ref(),
                _text("title", "Titel", "Wat er moet gebeuren.", max_length=300, required=True),
                _long("description", "Toelichting", "Details van de actie."),
                replace(
                    _text(
                        "owner", "Actiehouder", "Wie de actie uitvoert (functie of organisatie)."
                    ),
                    former_headers=("Eigenaar",),
                ),
                _date("start_date", "Start", "Startdatum."),
                replace(
                    _date("due_date", "Termijn", "Datum waarop de actie klaar moet zijn."),
                    former_headers=("Gereed uiterlijk",),
                ),
                _choice("status", "Status", ActionStatus, "Open, lopend, gereed, vervallen."),
                _date("completed_on", "Gereed op", "Datum waarop de actie klaar was."),
                _ref("measure_id", "Maatregel-ID", "measure", MEASURES, required=False),
                _ref("meeting_id", "Overleg-ID", "meeting", MEETINGS, required=False),
                _ref("decision_id", "Besluit-ID", "decision", "Besluiten", required=False),
                *_timestamps(),
            ),
            label_field="title",
        ),
        Sheet(
            MEETINGS,
            "meeting",
            "Overleggen: de driehoek (opdrachtgever), strategisch (projectgroep), tactisch "
            "(werkgroep) en operationeel.",
            (
                _id("het overleg"),
                _choice(
                    "tier",
                    "Niveau",
                    MeetingTier,
                    "Driehoek, strategisch (projectgroep), tactisch of operationeel.",
                ),
                _text("title", "Titel", "Naam van het overleg.", required=True),
                _date("held_on", "Datum", "Datum van het overleg.", required=True),
                _text("location", "Plaats", "Waar het overleg was."),
                _long(
                    "participants", "Deelnemers", "Functies of organisaties, geen privégegevens."
                ),
                _long("agenda", "Agenda", "De agenda."),
                _long("minutes", "Verslag", "Het verslag."),
                *_timestamps(),
            ),
            label_field="title",
        ),
        Sheet(
            "Besluiten",
            "decision",
            "Besluiten uit overleggen; acties kunnen naar een besluit verwijzen.",
            (
                _id("het besluit"),
                _ref("meeting_id", "Overleg-ID", "meeting", MEETINGS),
                _long("text", "Besluit", "De tekst van het besluit.", required=True),
                _integer("position", "Volgorde", "Volgorde binnen het overleg.", default=0),
                *_timestamps(),
            ),
            label_field="text",
        ),
        Sheet(
            PROGRESS_NOTES,
            "progress_note",
            "De tweemaandelijkse voortgangsnotitie voor de werkgroep: successen, knelpunten, "
            "communicatie en kosten over een periode. Pakketten van vóór dit blad hebben het "
            "niet; die worden gelezen als zonder voortgangsnotities.",
            (
                _id("de voortgangsnotitie"),
                _date("period_start", "Periode van", "Eerste dag van de periode.", required=True),
                _date("period_end", "Periode tot", "Laatste dag van de periode.", required=True),
                _long("successes", "Successen", "Wat er in de periode goed ging."),
                _long("bottlenecks", "Knelpunten", "Waar de aanpak op vastloopt."),
                _long("communication", "Communicatie", "Wat er is gecommuniceerd, en aan wie."),
                _long("costs", "Kosten", "De (extra) kosten in de periode: bedragen en waarvoor."),
                _text("author", "Geschreven door", "Functie of naam van wie de notitie schreef."),
                Column(
                    "written_at",
                    "Geschreven op",
                    Kind.TIMESTAMP,
                    "Wanneer de notitie voor het laatst is geschreven. Niet wijzigen.",
                    required=True,
                    width=28,
                    privacy_scan=False,
                    former_headers=("Geschreven op (UTC)",),
                ),
                *_timestamps(),
            ),
            label_field="period_start",
            optional=True,
        ),
        Sheet(
            "Partners",
            "partner",
            "Organisaties in de aanpak, met een werkcontact (nooit privégegevens).",
            (
                _id("de partner"),
                _text("name", "Naam", "Naam van de organisatie.", required=True),
                _choice("kind", "Soort", PartnerKind, "Gemeente, politie, OM, ..."),
                _long("role", "Rol", "Wat de partner doet in de aanpak."),
                _text("contact_name", "Contactpersoon", "Werkcontact bij de organisatie."),
                _text("contact_email", "E-mail contact", "Werkadres bij de organisatie."),
                _text(
                    "contact_phone",
                    "Telefoon contact",
                    "Werknummer van de organisatie.",
                    max_length=50,
                ),
                *_timestamps(),
            ),
            label_field="name",
        ),
        Sheet(
            "Buurten",
            "neighbourhood",
            "De buurten (CBS-buurtcode) van de gemeente.",
            (
                _id("de buurt"),
                Column(
                    "code",
                    "Buurtcode",
                    Kind.CODE,
                    "CBS-buurtcode, bijvoorbeeld BU05130101.",
                    required=True,
                    max_length=10,
                    width=14,
                ),
                _text(
                    "name",
                    "Naam",
                    "Naam van de buurt.",
                    max_length=100,
                    required=True,
                ),
                *_timestamps(),
            ),
            label_field="code",
            unique_together=(("code",),),
        ),
        Sheet(
            "Woningvoorraad",
            "dwelling_stock",
            "Aantal woningen op 1 januari: de noemer van het inbraakrisico.",
            (
                _id("de telling"),
                _integer("year", "Jaar", "Het jaar (1 januari)."),
                _buurt(),
                _integer("dwellings", "Woningen", "Aantal woningen."),
                *_timestamps(),
            ),
            label_field="year",
            unique_together=(("year", "neighbourhood_code"),),
        ),
        Sheet(
            "Maandcijfers",
            "monthly_figure",
            "Geregistreerde woninginbraken per maand, voor de gemeente of een buurt.",
            (
                _id("het maandcijfer"),
                Column(
                    "month",
                    "Maand",
                    Kind.MONTH,
                    "De eerste dag van de maand.",
                    required=True,
                    width=13,
                ),
                _buurt(),
                _integer("completed", "Geslaagd", "Geslaagde inbraken."),
                _integer("attempts", "Pogingen", "Pogingen tot inbraak."),
                *_timestamps(),
            ),
            label_field="month",
            unique_together=(("month", "neighbourhood_code"),),
        ),
        Sheet(
            "Incidenten",
            "incident",
            "Losse inbraken als tijdvak (zonder adres of namen).",
            (
                _id("het incident"),
                Column(
                    "window_start",
                    "Vanaf",
                    Kind.DATETIME,
                    "Begin van het tijdvak.",
                    required=True,
                    width=18,
                ),
                Column(
                    "window_end",
                    "Tot",
                    Kind.DATETIME,
                    "Einde van het tijdvak.",
                    required=True,
                    width=18,
                ),
                _buurt(),
                Column("is_attempt", "Poging", Kind.BOOLEAN, "'ja' bij een poging.", width=10),
                _text("modus_operandi", "Werkwijze", "Hoe er is ingebroken."),
                *_timestamps(),
            ),
            label_field="window_start",
        ),
        Sheet(
            EVALUATIONS,
            "evaluation",
            "De evaluatie van het plan na twaalf maanden.",
            (
                _id("de evaluatie"),
                _plan_ref(),
                _date("evaluated_on", "Datum", "Datum van de evaluatie."),
                _long("summary", "Samenvatting", "De uitkomst in het kort."),
                _long("successes", "Successen", "Wat goed ging."),
                _long("bottlenecks", "Knelpunten", "Wat niet goed ging."),
                _long("follow_up", "Vervolg", "Wat er nu gebeurt."),
                *_timestamps(),
            ),
            label_field="evaluated_on",
        ),
        Sheet(
            "Maatregelevaluaties",
            "measure_evaluation",
            "Per maatregel: stoppen, voortzetten of borgen in regulier werk.",
            (
                _id("het besluit over de maatregel"),
                _ref("evaluation_id", "Evaluatie-ID", "evaluation", EVALUATIONS),
                _ref("measure_id", "Maatregel-ID", "measure", MEASURES),
                _choice("decision", "Besluit", MeasureDecision, "Stoppen, voortzetten, borgen."),
                _long("explanation", "Toelichting", "Waarom."),
                *_timestamps(),
            ),
            label_field="decision",
            unique_together=(("evaluation_id", "measure_id"),),
        ),
        Sheet(
            "B3W-checklist",
            "b3w_check",
            "Per evaluatie: was elke wereld van B3W (probleemgericht werken, informatiegestuurd "
            "werken, burgerparticipatie) aanwezig in de analyse, de maatregelen en de uitvoering? "
            "Een eigen checklist van dit programma: er bestaat geen openbare B3W-vragenlijst.",
            (
                _id("het antwoord"),
                _ref("evaluation_id", "Evaluatie-ID", "evaluation", EVALUATIONS),
                _choice("world", "Wereld", B3WWorld, "Een van de drie werelden van B3W."),
                _choice("stage", "Onderdeel", B3WStage, "Analyse, maatregelen of uitvoering."),
                _choice("answer", "Antwoord", B3WAnswer, "Ja, deels of nee."),
                _long("explanation", "Toelichting", "Korte uitleg bij het antwoord."),
                *_timestamps(),
            ),
            label_field="world",
            unique_together=(("evaluation_id", "world", "stage"),),
        ),
        Sheet(
            REVISIONS,
            "plan_revision",
            "Bevroren versies van het plan met een naam, zoals 'na gebiedsscan 2018'; de inhoud "
            "staat op blad Planversie-inhoud.",
            (
                _id("de planversie"),
                _text("name", "Naam", "Bijvoorbeeld 'voor werkgroep maart'.", required=True),
                Column(
                    "frozen_at",
                    "Vastgelegd op",
                    Kind.TIMESTAMP,
                    "Wanneer de versie is vastgelegd. Niet wijzigen.",
                    width=34,
                    privacy_scan=False,
                    former_headers=("Vastgelegd op (UTC)", "Bevroren op (UTC)"),
                ),
                _text("created_by", "Gemaakt door", "Functie of naam van wie de versie maakte."),
                *_timestamps(),
            ),
            label_field="name",
        ),
        Sheet(
            "Planversie-inhoud",
            "plan_revision_part",
            "De inhoud van elke planversie: een JSON-document met de hots, doelstellingen, "
            "maatregelen en acties zoals ze toen waren, in delen van hoogstens 16.000 tekens "
            "(een Excel-cel is begrensd). Niet wijzigen; het programma controleert de tekst per "
            "record op privégegevens.",
            (
                _id("het deel"),
                _ref("revision_id", "Planversie-ID", "plan_revision", REVISIONS),
                _integer("position", "Deel", "Volgorde van het deel (0, 1, 2, ...).", default=0),
                Column(
                    "content",
                    "Inhoud",
                    Kind.TEXT,
                    "Een stuk van het JSON-document; de delen achter elkaar geven het geheel.",
                    required=True,
                    max_length=EXCEL_TEXT_LIMIT,
                    width=50,
                    privacy_scan=False,
                ),
                *_timestamps(),
            ),
            label_field="position",
            unique_together=(("revision_id", "position"),),
        ),
    ),
)


INCIDENT_COUNTS = Sheet(
    "Incidentaantallen",
    "incident_count",
    "Inbraken per maand, buurt en tijdvak van de week (weekdag en uur), geteld zoals de "
    "hot-times-grafiek: elk incident telt 1, verdeeld over de uren van zijn tijdvak. Losse "
    "incidenten (tijdvak en werkwijze) blijven bij de gemeente.",
    (
        _id("de telling"),
        Column(
            "month",
            "Maand",
            Kind.MONTH,
            "De eerste dag van de maand waarin de tijdvakken begonnen.",
            required=True,
            width=13,
        ),
        _buurt(),
        Column(
            "weekday",
            "Weekdag",
            Kind.INTEGER,
            "1 = maandag, 2 = dinsdag, ..., 7 = zondag.",
            required=True,
            minimum=1,
            width=10,
        ),
        Column(
            "hour",
            "Uur",
            Kind.INTEGER,
            "Het uur van de dag, 0 tot en met 23.",
            required=True,
            minimum=0,
            width=8,
        ),
        Column(
            "completed",
            "Geslaagd",
            Kind.DECIMAL,
            "Geslaagde inbraken in dit uur (gewogen).",
            required=True,
            width=12,
        ),
        Column(
            "attempts",
            "Pogingen",
            Kind.DECIMAL,
            "Pogingen in dit uur (gewogen).",
            required=True,
            width=12,
        ),
        *_timestamps(),
    ),
    label_field="month",
    unique_together=(("month", "neighbourhood_code", "weekday", "hour"),),
)

V2 = PackageSchema(
    version=2,
    sheets=tuple(INCIDENT_COUNTS if sheet.table == "incident" else sheet for sheet in V1.sheets),
)

ANALYSIS_FORMS = Sheet(
    "Formulieren",
    "analysis_form",
    "De formulieren die voor de probleemanalyse van een hotspot naar de wijkagent zijn "
    "gestuurd. Een teruggestuurd formulier wordt alleen ingelezen als het hier staat, ook in "
    "een werkruimte die uit dit pakket is opgebouwd (nieuwe laptop, nieuwe projectleider).",
    (
        _id("het formulier; dezelfde ID staat verborgen in het formulier zelf"),
        _ref("hot_item_id", "Hot-ID", "hot_item", HOTS),
        _integer(
            "form_version",
            "Formulierversie",
            "1 voor het eerste formulier van de hotspot, dan 2, 3, ...",
        ),
        Column(
            "issued_at",
            "Gemaakt op",
            Kind.TIMESTAMP,
            "Wanneer het formulier is gemaakt; het formulier draagt hetzelfde moment. Niet "
            "wijzigen.",
            required=True,
            width=28,
            privacy_scan=False,
            former_headers=("Gemaakt op (UTC)",),
        ),
        Column(
            "accepted_at",
            "Ingelezen op",
            Kind.TIMESTAMP,
            "Wanneer het ingevulde formulier is ingelezen; leeg zolang het niet terug is. Niet "
            "wijzigen.",
            nullable=True,
            width=28,
            privacy_scan=False,
            former_headers=("Ingelezen op (UTC)",),
        ),
        _integer(
            "accepted_version",
            "Ingelezen als versie",
            "De versie van de probleemanalyse die het ingelezen formulier werd; leeg zolang het "
            "niet terug is.",
            nullable=True,
        ),
        *_timestamps(),
    ),
    label_field="form_version",
    unique_together=(("hot_item_id", "form_version"),),
)
PROPOSED_MEASURES = Sheet(
    "Voorgestelde maatregelen",
    "proposed_measure",
    "De maatregelen die een probleemanalyse voorstelt; Maatregel-ID is gevuld zodra de "
    "projectleider het voorstel als maatregel in de 3D-matrix heeft gezet.",
    (
        _id("het voorstel"),
        _ref("analysis_id", "Analyse-ID", "hotspot_analysis", ANALYSES),
        _integer("position", "Volgorde", "Volgorde in de analyse (0, 1, 2, ...).", default=0),
        _text("title", "Titel", "Korte naam van de voorgestelde maatregel.", required=True),
        *_matrix_cell(),
        _text("partner", "Partner", "De partner die de wijkagent voorstelt (organisatie)."),
        _ref("measure_id", "Maatregel-ID", "measure", MEASURES, required=False),
        *_timestamps(),
    ),
    label_field="title",
)

EMPTY_CELL_REASON_LENGTH = 500

DELIBERATELY_EMPTY_CELLS = Sheet(
    "Bewust leeg",
    "deliberately_empty_cell",
    "Cellen van de 3D-matrix die de gemeente bewust leeg laat, met de reden: geen gat in het "
    "plan. Eén rij per cel (doelgroep x aard).",
    (
        _id("de markering"),
        _plan_ref(),
        *_matrix_cell(),
        _text(
            "reason",
            "Reden",
            "Waarom de cel bewust leeg is, bijvoorbeeld 'repressief richt zich niet op "
            "slachtoffers'.",
            required=True,
            max_length=EMPTY_CELL_REASON_LENGTH,
        ),
        *_timestamps(),
    ),
    label_field="reason",
    unique_together=(("target_group", "intervention"),),
)


def _with_sheets_after(
    sheets: tuple[Sheet, ...], added: dict[str, tuple[Sheet, ...]]
) -> tuple[Sheet, ...]:
    """`sheets` with the sheets of `added` placed right after the table named by their key."""
    placed: list[Sheet] = []
    for sheet in sheets:
        placed.append(sheet)
        placed.extend(added.get(sheet.table, ()))
    return tuple(placed)


# Version 3 carries the issued wijkagent forms and the measures an analysis proposes, so a
# workspace rebuilt from its own package holds the complete plan.
V3 = PackageSchema(
    version=3,
    sheets=_with_sheets_after(
        V2.sheets,
        {
            "hotspot_analysis": (ANALYSIS_FORMS,),
            "measure_hot_item": (PROPOSED_MEASURES, DELIBERATELY_EMPTY_CELLS),
        },
    ),
)
