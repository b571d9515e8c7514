"""The privacy scanner: personal data in any text or code that leaves or enters a workspace.

One rule table (`RULES`) says what is looked for, whether it blocks, and what must not be
mistaken for it; `scan_text` applies it to one text and `scan_records` to every text and code
column of package-shaped records, naming the record and field of each finding. The same scan
runs on export (package, feedback), on import (package, RSIV merge, wijkagent form, feedback)
and over the content of plan revisions. docs/privacy.md describes the rules for the FG.

A BSN (that passes the 11-proef) blocks; every other finding is shown to the user, who
decides, and can be replaced by "[verwijderd]" (see app/core/privacy/redaction.py).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from openpyxl.utils import get_column_letter

from app.exchange.metadata import Record
from app.exchange.problems import Problem, error, warning
from app.exchange.schema import PackageSchema, Sheet
from database.enums import DomainEnum

REDACTED = "[verwijderd]"
CONTEXT_CHARACTERS = 40

BSN, UNREADABLE, PHONE, EMAIL, PLATE, ADDRESS, BIRTH_DATE, NAME = (
    "bsn",
    "unreadable",
    "phone",
    "email",
    "plate",
    "address",
    "birth_date",
    "name",
)


@dataclass(frozen=True)
class Rule:
    """One kind of personal data: what the user reads, whether it blocks, and its limits."""

    key: str
    what: str  # Dutch, as the user reads it
    blocks: bool
    finds: str  # Dutch: what counts
    not_found: str  # Dutch: what looks alike but is no finding


RULES: tuple[Rule, ...] = (
    Rule(
        BSN,
        "BSN",
        True,
        "negen cijfers die de 11-proef halen, aaneen of in groepen met spaties, punten of "
        "streepjes (111222333, 111 222 333, 111.222.333, 1112.22.333, 111-22-2333)",
        "bedragen (€ 123.456.789, 123.456.789 euro), cijferreeksen van een andere lengte, "
        "negen cijfers die de 11-proef niet halen",
    ),
    Rule(
        UNREADABLE,
        "planversie die niet te controleren is",
        True,
        "de inhoud van een planversie die geen leesbaar document is, of velden of tabellen "
        "bevat die een planversie niet heeft: wat erin staat kan niet worden gecontroleerd",
        "—",
    ),
    Rule(
        PHONE,
        "telefoonnummer",
        False,
        "Nederlandse mobiele en vaste nummers van tien cijfers, ook met +31, 0031, (0), "
        "haakjes, spaties, punten of streepjes (06-12345678, +31 (0)6 12345678, 070 123 45 67)",
        "0800- en 0900-nummers, datums en tijden, IBAN's, buurtcodes, het werknummer in het "
        "veld Telefoon contact van een partner",
    ),
    Rule(
        EMAIL,
        "e-mailadres",
        False,
        "elk e-mailadres, behalve precies de adressen die de gebruiker als werkadres van een "
        "partner heeft vastgelegd (nooit een heel domein)",
        "—",
    ),
    Rule(
        PLATE,
        "kenteken",
        False,
        "Nederlandse kentekens in alle sidecodes met streepjes, in hoofd- of kleine letters "
        "(12-ABC-3, ab-12-cd), en zonder streepjes in hoofdletters (AB12CD)",
        "CBS-codes (GM0513, WK051301, BU05130101), datums",
    ),
    Rule(
        ADDRESS,
        "postcode met huisnummer",
        False,
        "een postcode met een huisnummer ervoor of erachter (2801 AB 12, 2801AB12, "
        "Kerkstraat 12, 2801 AB)",
        "een postcode zonder huisnummer (2801 AB), jaartallen met een woord (2018 en 2019)",
    ),
    Rule(
        BIRTH_DATE,
        "geboortedatum",
        False,
        "een datum of jaar na 'geb.', 'geboren', 'geboortedatum', of een datum tussen haakjes "
        "direct na een naam",
        "andere datums, zoals de start van een maatregel",
    ),
    Rule(
        NAME,
        "naam van een persoon",
        False,
        "hoofdletterwoorden na verdachte, dader, slachtoffer, bewoner, aangever, getuige, "
        "de heer, mevrouw, dhr., mevr. en dergelijke; in de omschrijving van een hotshot of "
        "hotgroup ook een los naampatroon (J. de Vries, Jan de Vries)",
        "de woorden zonder naam erna (de verdachte is onbekend), meervouden (bewoners), "
        "'Onbekend' en dergelijke",
    ),
)
RULE = {rule.key: rule for rule in RULES}


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int
    found: str


# --- the patterns ---------------------------------------------------------------------------

_WORTH_SCANNING = re.compile(r"[\d@]|[A-Za-z]{2}")
# Runs of digits joined by single spaces, dots or dashes, not glued to letters or digits.
_DIGIT_RUN = re.compile(r"(?<![\w€$])\d+(?:[ .\-]\d+)*(?![\w])")
_IBAN_BEFORE = re.compile(r"[A-Z]{2}\d{2} ?[A-Z]{4} ?$")
_MONEY_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"^\s*(?:,-|,\d|euro|eur\b)", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .\-]*(?:\(0\)[ .\-]*)?|\(0|0)[\d() .\-]{8,18}\d(?![\w])"
)
_DATE = re.compile(
    r"\b\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
)
_SHORT_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{2}")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*")
_PLATE_DASHED = re.compile(
    r"(?<![\w\-])([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})(?![\w\-])"
)
_PLATE_PLAIN = re.compile(r"(?<![\w\-])[A-Z0-9]{6}(?![\w\-])")
# The sidecodes, L letters and 9 digits: https://nl.wikipedia.org/wiki/Nederlands_kenteken
_SIDECODES = frozenset(
    {
        "LL-99-99",
        "99-99-LL",
        "99-LL-99",
        "LL-99-LL",
        "LL-LL-99",
        "99-LL-LL",
        "99-LLL-9",
        "9-LLL-99",
        "LL-999-L",
        "L-999-LL",
        "LLL-99-L",
        "L-99-LLL",
        "9-LL-999",
        "999-LL-9",
    }
)
_CBS_CODE = re.compile(r"^(?:GM|WK|BU|PV|CR)\d+$")
_POSTCODE = r"[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?<!SA)(?<!SD)(?<!SS)"
_ADDRESS = re.compile(
    rf"(?<![\w])(?:{_POSTCODE},? ?\d{{1,5}}(?:[a-zA-Z](?![\w]))?"
    rf"|\d{{1,5}}[a-zA-Z]?,? +{_POSTCODE})(?![\w])"
)
_DATE_WORDS = (
    r"\d{1,2}[-./ ]\d{1,2}[-./ ](?:19|20)\d{2}"
    r"|\d{1,2} (?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.? (?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
)
_BIRTH = re.compile(
    rf"\b(?:geb\.?|geboren(?: op| in)?|geboortedatum:?|geb\.datum:?|geboortejaar:?)\s*"
    rf"(?:{_DATE_WORDS}|(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_DATE_IN_BRACKETS = re.compile(rf"\s*[(,]\s*(?:{_DATE_WORDS})")
_PARTICLES = r"(?:van|de|der|den|te|ter|ten|het|'t|la|le|el|al|op|in)"
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
_INITIALS = r"(?:[A-Z]\.\s?){1,4}"
_TRIGGER_WORDS = (
    r"verdachten?|daders?|slachtoffer|bewoner|bewoonster|aangever|aangeefster|getuige|"
    r"de heer|mevrouw|meneer|dhr\.|mevr\.|mw\.|hr\."
)
_NAME_TRIGGER = re.compile(rf"\b(?:{_TRIGGER_WORDS})[:,]?\s+", re.IGNORECASE)
# What every finding needs somewhere in its text: a digit (BSN, phone number, plate, postcode,
# date), an "@" (e-mail address) or a word like verdachte (a name). Only a bare name needs none
# of these, so the rows about people are always scanned in full. The words are looked for in
# folded text (`_folded`): a case-insensitive search costs three times as much.
_DIGIT_OR_AT = re.compile(r"[\d@]")
_TRIGGER_WORD = re.compile(_TRIGGER_WORDS)
_NAME_AFTER_TRIGGER = re.compile(rf"(?:{_INITIALS}\s?)?(?:{_PARTICLES}\s)*{_NAME_WORD}")
_NAME_MORE = re.compile(rf"\s(?:(?:{_PARTICLES})\s){{0,3}}{_NAME_WORD}")
# Capitalised words that follow the trigger words without being a name.
_NOT_A_NAME = frozenset(
    {
        "Onbekend",
        "Onbekende",
        "Man",
        "Vrouw",
        "Persoon",
        "Personen",
        "Jongere",
        "Jongeren",
        "Is",
        "Was",
        "Zijn",
        "Heeft",
        "Hebben",
        "Werd",
        "Wordt",
        "Niet",
        "Geen",
        "Nog",
        "Op",
        "Uit",
        "Met",
        "Bij",
        "Woning",
        "Woningen",
        "Inbraak",
        "Inbraken",
        "Groep",
        "Top",
        "Zie",
        "Hotspot",
        "Hotshot",
        "Buurt",
        "Wijk",
    }
)
_BARE_NAME = re.compile(
    rf"(?<![\w])(?:{_INITIALS}\s?(?:{_PARTICLES}\s)*{_NAME_WORD}"
    rf"|{_NAME_WORD}\s(?:{_PARTICLES}\s)+{_NAME_WORD})(?![\w])"
)


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def scan_text(
    text: str,
    *,
    confirmed_addresses: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
    bare_names: bool = False,
) -> list[Hit]:
    """Every finding in `text`, in order of place; `skip` leaves rules out (see COLUMN_SKIPS).

    `confirmed_addresses` are exact e-mail addresses (case-insensitive) the user recorded as a
    partner's work address; `bare_names` also looks for a name without a word like verdachte
    before it (a hotshot's label and description).
    """
    if not text or not _WORTH_SCANNING.search(text):
        return []
    hits: list[Hit] = []
    if BSN not in skip:
        hits += _bsn_hits(text)
    if PHONE not in skip:
        hits += _phone_hits(text)
    if EMAIL not in skip:
        hits += [
            Hit(RULE[EMAIL], m.start(), m.end(), m.group(0))
            for m in _EMAIL.finditer(text)
            if "." in m.group(0).rpartition("@")[2]
            and m.group(0).casefold() not in confirmed_addresses
        ]
    if PLATE not in skip:
        hits += _plate_hits(text)
    if ADDRESS not in skip:
        hits += [Hit(RULE[ADDRESS], m.start(), m.end(), m[0]) for m in _ADDRESS.finditer(text)]
    if NAME not in skip or BIRTH_DATE not in skip:
        names = _name_hits(text, bare_names)
        if NAME not in skip:
            hits += names
        if BIRTH_DATE not in skip:
            hits += _birth_hits(text, names)
    return _without_overlaps(hits)


def _bsn_hits(text: str) -> Iterator[Hit]:
    for match in _DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) != 9 or not passes_eleven_test(digits):
            continue
        if _MONEY_BEFORE.search(text[: match.start()]) or _MONEY_AFTER.search(text[match.end() :]):
            continue
        yield Hit(RULE[BSN], match.start(), match.end(), match.group(0))


def _phone_hits(text: str) -> Iterator[Hit]:
    for match in _PHONE.finditer(text):
        found = _phone_prefix(match.group(0))
        if found is not None and not _IBAN_BEFORE.search(text[: match.start()]):
            yield Hit(RULE[PHONE], match.start(), match.start() + len(found), found)


def _phone_prefix(candidate: str) -> str | None:
    """The part of `candidate` that is one Dutch number of ten digits, or None."""
    international = candidate.startswith(("+", "00"))
    digits = ""
    for position, character in enumerate(candidate):
        if not character.isdigit():
            continue
        digits += character
        national = _national(digits) if international else digits
        if national is not None and len(national) == 10:
            found = candidate[: position + 1]
            if _DATE.search(found) or not national.startswith("0") or national[1] == "0":
                return None
            if national.startswith(("0800", "0900", "0906", "0909")):
                return None  # information numbers, no person's
            return found
    return None


def _national(digits: str) -> str | None:
    """+31/0031 digits as a national number: 31 6 1234... becomes 06 1234..."""
    rest = digits[4:] if digits.startswith("0031") else digits[2:]
    if not rest:
        return None
    if rest.startswith("0"):  # the "(0)" some people write after +31
        rest = rest[1:]
    return "0" + rest


def _plate_hits(text: str) -> Iterator[Hit]:
    for match in _PLATE_DASHED.finditer(text):
        plate = match.group(0)
        if _sidecode(plate) in _SIDECODES and not _SHORT_DATE.fullmatch(plate):
            yield Hit(RULE[PLATE], match.start(), match.end(), plate)
    for match in _PLATE_PLAIN.finditer(text):
        plain = match.group(0)
        if _CBS_CODE.match(plain):
            continue
        if _plain_sidecode(plain):
            yield Hit(RULE[PLATE], match.start(), match.end(), plain)


def _sidecode(plate: str) -> str:
    return "".join("9" if c.isdigit() else "L" if c.isalpha() else c for c in plate)


def _plain_sidecode(plain: str) -> bool:
    shape = _sidecode(plain)
    return any(code.replace("-", "") == shape for code in _SIDECODES) and (
        any(c.isdigit() for c in plain) and any(c.isalpha() for c in plain)
    )


def _name_hits(text: str, bare_names: bool) -> list[Hit]:
    hits: list[Hit] = []
    for trigger in _NAME_TRIGGER.finditer(text):
        name = _NAME_AFTER_TRIGGER.match(text, trigger.end())
        if name is None:
            continue
        end = name.end()
        while more := _NAME_MORE.match(text, end):
            end = more.end()
        found = text[name.start() : end]
        words = found.replace(".", " ").split()
        if words[0] in _NOT_A_NAME or words[-1] in _NOT_A_NAME:
            continue
        hits.append(Hit(RULE[NAME], name.start(), end, found))
    if bare_names:
        hits += [
            Hit(RULE[NAME], m.start(), m.end(), m.group(0))
            for m in _BARE_NAME.finditer(text)
            if m.group(0).split()[0] not in _NOT_A_NAME
        ]
    return hits


def _birth_hits(text: str, names: Sequence[Hit]) -> Iterator[Hit]:
    for match in _BIRTH.finditer(text):
        yield Hit(RULE[BIRTH_DATE], match.start(), match.end(), match.group(0))
    for name in names:
        after = _DATE_IN_BRACKETS.match(text, name.end)
        if after is not None:
            yield Hit(RULE[BIRTH_DATE], name.end, after.end(), after.group(0).strip(" (,"))


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """One finding per stretch of text: a blocking one wins, then the longer one."""
    ordered = sorted(hits, key=lambda h: (not h.rule.blocks, -(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in ordered:
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


# --- findings in records --------------------------------------------------------------------

# Rules left out per (table, field): the field holds exactly that kind of value on purpose,
# a partner's work number or work address, which the user entered as such.
COLUMN_SKIPS: dict[tuple[str, str], frozenset[str]] = {
    ("partner", "contact_phone"): frozenset({PHONE}),
    ("hotspot_analysis", "author_role"): frozenset({PHONE, EMAIL}),  # the form asks for them
}
# Sheets whose rows describe people: a bare name there counts (hotshots are never named).
PERSON_KINDS = frozenset({"hotshot", "hotgroup"})

# What a person calls a record of each table, for messages.
RECORD_NOUNS: dict[str, str] = {
    "plan": "plan",
    "hot_item": "hot-item",
    "hotspot_analysis": "probleemanalyse",
    "deep_analysis_request": "verdiepende analyse",
    "bylaw_instrument": "APV-instrument",
    "goal": "doelstelling",
    "measure": "maatregel",
    "action": "actie",
    "meeting": "overleg",
    "decision": "besluit",
    "partner": "partner",
    "neighbourhood": "buurt",
    "dwelling_stock": "woningvoorraad",
    "monthly_figure": "maandcijfer",
    "incident": "incident",
    "incident_count": "incidentaantal",
    "evaluation": "evaluatie",
    "measure_evaluation": "maatregelevaluatie",
    "b3w_check": "B3W-antwoord",
    "plan_revision": "planversie",
    "progress_note": "voortgangsnotitie",
}


@dataclass(frozen=True)
class PrivacyFinding:
    what: str  # Dutch: "BSN", "telefoonnummer", ...
    found: str
    place: str  # the package cell, e.g. "Acties!D14", or "" outside a package
    column: str  # the field's Dutch name
    blocks_export: bool
    record: str = ""  # the record in words, e.g. "probleemanalyse van hotspot 'Markt', versie 2"
    context: str = ""  # the text around the finding, on one line
    table: str = ""
    record_id: str = ""
    field: str = ""
    revision_id: str = ""  # set when the finding is inside a plan revision's content
    rule: str = ""
    about_people: bool = False  # in a hotshot's or hotgroup's row, which never holds a name

    @property
    def key(self) -> str:
        """A short code that names this finding on the command line (`redact --finding`)."""
        text = "|".join((self.revision_id, self.table, self.record_id, self.field, self.found))
        return hashlib.sha256(text.encode()).hexdigest()[:8]

    @property
    def where(self) -> str:
        """The record and field, and the package cell when there is one."""
        cell = f" ({self.place})" if self.place else ""
        field = f", veld {self.column}" if self.column else ""
        return f"{_capital(self.record)}{field}{cell}"

    @property
    def sentence(self) -> str:
        found = f"{self.what} '{self.found}'" if self.found else f"{self.what}: {self.context}"
        advice = (
            "Zolang dit er staat kan het pakket niet worden gemaakt."
            if self.blocks_export
            else "Controleer of dit weg moet voordat het de gemeente verlaat."
        )
        return f"{self.where}: {found}. {advice}"


def scan_records(
    schema: PackageSchema,
    records: Mapping[str, Sequence[Record]],
    confirmed_addresses: frozenset[str] = frozenset(),
) -> list[PrivacyFinding]:
    """Findings in every text and code column; places follow the row order of the export."""
    addresses = confirmed_addresses
    names = RecordNames(records)
    findings: list[PrivacyFinding] = []
    for sheet in schema.sheets:
        rows = records.get(sheet.table, ())
        if not rows:
            continue
        scanned = [
            (position, column)
            for position, column in enumerate(sheet.columns)
            if column.is_text and column.privacy_scan
        ]
        kind_position = sheet.fields.index("kind") if sheet.table == "hot_item" else None
        people = (
            set()
            if kind_position is None
            else {n for n, row in enumerate(rows) if str(row[kind_position]) in PERSON_KINDS}
        )
        # Per row, the hits of each column in the export's order. A column repeats its texts
        # (a buurt's code in every monthly figure): each distinct text is looked at once.
        hits_by_row: dict[int, list[tuple[int, str, list[Hit]]]] = {}
        for index, (position, column) in enumerate(scanned):
            texts = [row[position] for row in rows]
            skip = COLUMN_SKIPS.get((sheet.table, column.field), frozenset())
            distinct = [text for text in dict.fromkeys(texts) if isinstance(text, str) and text]
            found = {
                distinct[n]: hits
                for n in _rows_worth_scanning(distinct)
                if (hits := scan_text(distinct[n], confirmed_addresses=addresses, skip=skip))
            }
            numbers = [n for n, text in enumerate(texts) if text in found] if found else []
            for number in sorted({*numbers, *people}):
                text = texts[number]
                if not isinstance(text, str) or not text:
                    continue
                hits = found.get(text, [])
                if number in people:  # bare names count
                    hits = scan_text(
                        text, confirmed_addresses=addresses, skip=skip, bare_names=True
                    )
                if hits:
                    hits_by_row.setdefault(number, []).append((index, text, hits))
        for number in sorted(hits_by_row):
            row = rows[number]
            about_people = number in people
            for index, text, hits in hits_by_row[number]:
                position, column = scanned[index]
                place = f"{sheet.name}!{get_column_letter(position + 1)}{number + 2}"
                record = names.describe(sheet, row)
                for hit in hits:
                    findings.append(
                        PrivacyFinding(
                            hit.rule.what,
                            hit.found,
                            place,
                            column.header,
                            hit.rule.blocks,
                            record,
                            _context(text, hit.start, hit.end),
                            sheet.table,
                            str(row[0]) if sheet.keyed_by_id else "",
                            column.field,
                            rule=hit.rule.key,
                            about_people=about_people,
                        )
                    )
    return findings


def _rows_worth_scanning(texts: Sequence[object]) -> set[int]:
    """The positions of the texts that hold what every finding needs (a digit, an "@" or a
    word like verdachte), found by searches over the column's texts joined by line feeds.

    A match that reaches over a line feed marks every text it touches, so no text with such
    a mark is missed; the full scan then runs on these texts alone.
    """
    strings = [text if isinstance(text, str) else "" for text in texts]
    joined = "\n".join(strings)
    starts = [0, *accumulate(len(text) + 1 for text in strings)]
    folded = _folded(joined)
    searches = (
        (_DIGIT_OR_AT, joined),
        (_TRIGGER_WORD, folded) if folded is not None else (_NAME_TRIGGER, joined),
    )
    worth: set[int] = set()
    for pattern, haystack in searches:
        match = pattern.search(haystack)
        while match is not None:
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.end() - 1, match.start())) - 1
            worth.update(range(first, last + 1))
            match = pattern.search(haystack, starts[last + 1])  # the rest adds nothing
    return worth


def _folded(text: str) -> str | None:
    """`text` in lower case, character for character, where a case-insensitive search of the
    trigger words would also match: casefold, plus the dotless i that `re` takes for an i.
    None when a character folds to more than one (then the search is case-insensitive)."""
    folded = text.casefold().replace("\u0131", "i")
    return folded if len(folded) == len(text) else None


def scan_fields(
    table: str,
    record_id: str,
    record: str,
    texts: Sequence[tuple[str, str, str]],
    confirmed_addresses: frozenset[str] = frozenset(),
) -> list[PrivacyFinding]:
    """Findings in one record's texts outside a package: (field, Dutch name, text) each."""
    findings: list[PrivacyFinding] = []
    for field, name, text in texts:
        skip = COLUMN_SKIPS.get((table, field), frozenset())
        for hit in scan_text(text, confirmed_addresses=confirmed_addresses, skip=skip):
            findings.append(
                PrivacyFinding(
                    hit.rule.what,
                    hit.found,
                    "",
                    name,
                    hit.rule.blocks,
                    record,
                    _context(text, hit.start, hit.end),
                    table,
                    record_id,
                    field,
                    rule=hit.rule.key,
                )
            )
    return findings


def scan_feedback(records: Mapping[str, Sequence[Record]]) -> list[PrivacyFinding]:
    """Findings in a return package's suggestions, figure labels and good practices (RSIV to
    gemeente)."""
    findings: list[PrivacyFinding] = []
    for identifier, werkgroep_on, text in records.get("werkgroep_suggestion", ()):
        record = f"suggestie voor de werkgroep van {_day(werkgroep_on)}"
        findings += scan_fields(
            "werkgroep_suggestion", str(identifier), record, [("text", "Suggestie", str(text))]
        )
    for code, label, _value, unit in records.get("feedback_figure", ()):
        texts = [("label", "Omschrijving", str(label)), ("unit", "Eenheid", str(unit or ""))]
        findings += scan_fields("feedback_figure", str(code), f"cijfer '{code}'", texts)
    for title, _group, _kind, gemeenten, why, description in records.get("good_practice", ()):
        texts = [
            ("title", "Maatregel", str(title)),
            ("gemeenten", "Gemeenten", str(gemeenten or "")),
            ("why", "Waarom een goed voorbeeld", str(why or "")),
            ("description", "Toelichting", str(description or "")),
        ]
        findings += scan_fields("good_practice", str(title), f"goed voorbeeld '{title}'", texts)
    return findings


def refuse_blocking(findings: Sequence[PrivacyFinding], what: str) -> None:
    """Raise a refusal naming every BSN in `findings`; `what` starts the sentence."""
    from app.kernel.errors import UserError

    blocking = [finding for finding in findings if finding.blocks_export]
    if blocking:
        raise UserError(
            f"{what}: er staat een BSN in. Verwijder het en probeer het opnieuw; er is niets "
            "gewijzigd.\n" + "\n".join(finding.sentence for finding in blocking)
        )


def _day(value: object) -> str:
    text = str(value)
    return f"{text[8:10]}-{text[5:7]}-{text[:4]}" if len(text) == 10 and text[4] == "-" else text


class RecordNames:
    """Names records for a person, following references: "probleemanalyse van hotspot 'X'"."""

    def __init__(self, records: Mapping[str, Sequence[Record]]) -> None:
        from app.exchange.versions import CURRENT

        self._labels: dict[object, str] = {}
        for table in ("hot_item", "measure", "meeting", "evaluation", "plan_revision"):
            sheet = next((s for s in CURRENT.sheets if s.table == table), None)
            if sheet is None:
                continue
            for row in records.get(table, ()):
                self._labels[row[0]] = _labelled(sheet, row)

    def label(self, record_id: object) -> str:
        return self._labels.get(record_id, "onbekend record")

    def describe(self, sheet: Sheet, row: Record) -> str:
        value = dict(zip(sheet.fields, row, strict=True))
        table = sheet.table
        if table == "hotspot_analysis":
            return (
                f"probleemanalyse van {self.label(value['hot_item_id'])}, versie {value['version']}"
            )
        if table == "deep_analysis_request":
            return f"verdiepende analyse van {self.label(value['hot_item_id'])}"
        if table == "decision":
            return f"besluit in {self.label(value['meeting_id'])}"
        if table == "measure_evaluation":
            return f"evaluatie van {self.label(value['measure_id'])}"
        if table == "b3w_check":
            return f"B3W-antwoord in {self.label(value['evaluation_id'])}"
        return _labelled(sheet, row)


def _labelled(sheet: Sheet, row: Record) -> str:
    value = dict(zip(sheet.fields, row, strict=True))
    noun = RECORD_NOUNS.get(sheet.table, sheet.name)
    if sheet.table == "hot_item":
        noun = _choice_label(sheet, "kind", value["kind"])
    return f"{noun} '{sheet.record_label(row)}'"


def _choice_label(sheet: Sheet, field: str, stored: object) -> str:
    choices: type[DomainEnum] | None = sheet.column(field).choices
    try:
        return choices(str(stored)).label.lower() if choices else str(stored)
    except ValueError:
        return str(stored)


def confirmed_addresses(emails: Sequence[str]) -> frozenset[str]:
    """The exact work addresses the user recorded for partners, case-insensitive."""
    return frozenset(email.strip().casefold() for email in emails if email and "@" in email)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _context(text: str, start_at: int, end_at: int) -> str:
    """The finding with up to CONTEXT_CHARACTERS either side in whole words, on one line."""
    start = max(start_at - CONTEXT_CHARACTERS, 0)
    end = end_at + CONTEXT_CHARACTERS
    if start:  # begin after the first space, so no word is cut
        start = text.find(" ", start, start_at) + 1 or start
    if end < len(text):  # end at the last space
        cut = text.rfind(" ", end_at, end)
        end = end if cut == -1 else cut
    around = " ".join(text[start:end].split())
    return ("…" if start else "") + around + ("…" if end < len(text) else "")


def refuses_import(finding: PrivacyFinding) -> bool:
    """A BSN, content that cannot be checked, or a name where hotshots are described."""
    return finding.blocks_export or (finding.about_people and finding.rule == NAME)


def import_problem(finding: PrivacyFinding, source: str) -> Problem:
    """The finding as a problem of an incoming file (`source`: "het pakket", ...)."""
    found = f"{finding.what} '{finding.found}'" if finding.found else f"{finding.what}"
    if finding.rule == NAME and finding.about_people:
        advice = (
            f"Hotshots en hotgroups worden zonder namen beschreven; vraag de afzender de naam "
            f"te verwijderen en {source} opnieuw te maken. Er is niets ingelezen."
        )
    elif finding.blocks_export:
        advice = (
            f"Dit mag nooit in {source} staan; vraag de afzender het te verwijderen en "
            f"{source} opnieuw te maken. Er is niets ingelezen."
        )
    else:
        advice = (
            "Controleer of dit in de werkruimte mag; na het inlezen kunt u het vervangen door "
            f"'{REDACTED}' (knop Verwijderen bij de privacycontrole, of 'python -m app redact')."
        )
    detail = f" ({finding.context})" if not finding.found and finding.context else ""
    message = f"{finding.where}: {found}{detail}. {advice}"
    sheet = finding.place.partition("!")[0]
    if refuses_import(finding):
        return error(message, sheet=sheet)
    return warning(message, sheet=sheet)
