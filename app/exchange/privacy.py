"""The privacy scan before export: what must not leave the gemeente in free text.

A BSN (that passes the 11-proef) blocks the export; phone numbers, e-mail addresses outside
the organisations in the approach, licence plates and postcode-plus-house-number are shown
with their place so the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from app.exchange.metadata import Record
from app.exchange.schema import PackageSchema

# Public bodies in the approach; the domains of partners' work addresses are added per export.
ORGANISATION_DOMAINS = frozenset(
    {
        "politie.nl",
        "om.nl",
        "rijksoverheid.nl",
        "minjenv.nl",
        "gouda.nl",
        "waddinxveen.nl",
        "bodegraven-reeuwijk.nl",
        "delft.nl",
        "rijswijk.nl",
        "gemeentewestland.nl",
        "middendelfland.nl",
        "denhaag.nl",
        "leiden.nl",
        "lv.nl",
        "leidschendam-voorburg.nl",
    }
)
# Never an organisation, even when a partner's contact uses one.
PRIVATE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "live.nl",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "kpnmail.nl",
        "ziggo.nl",
        "planet.nl",
        "xs4all.nl",
        "home.nl",
    }
)

CONTEXT_CHARACTERS = 40
_WORTH_SCANNING = re.compile(r"[\d@]")
_BSN = re.compile(r"(?<![\d.])(\d{4}[ .]?\d{2}[ .]?\d{3})(?![\d])")
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[ -]?\(?\d\)?){9}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_PLATE = re.compile(
    r"(?<![\w-])([A-Z]{1,3}|\d{1,3})-([A-Z]{1,3}|\d{1,3})-([A-Z]{1,3}|\d{1,3})(?![\w-])"
)
_POSTCODE_AND_NUMBER = re.compile(
    r"\b[1-9]\d{3} ?[A-Z]{2}\b,? *\d{1,5}\b|\b\d{1,5}[a-z]?,? +[1-9]\d{3} ?[A-Z]{2}\b"
)


@dataclass(frozen=True)
class PrivacyFinding:
    what: str  # Dutch: "BSN", "telefoonnummer", ...
    found: str
    place: str  # e.g. "Acties!D14"
    column: str
    blocks_export: bool
    record: str = ""  # the record's label, e.g. the action's title
    context: str = ""  # the text around the finding, on one line

    @property
    def sentence(self) -> str:
        advice = (
            "Verwijder het BSN; zolang het er staat kan het pakket niet worden gemaakt."
            if self.blocks_export
            else "Controleer of dit weg moet voordat het pakket de gemeente verlaat."
        )
        return f"{self.place} (kolom {self.column}): {self.what} '{self.found}'. {advice}"


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def scan_records(
    schema: PackageSchema,
    records: Mapping[str, Sequence[Record]],
    organisation_domains: frozenset[str] = ORGANISATION_DOMAINS,
) -> list[PrivacyFinding]:
    """Findings in every scanned text column; places follow the row order of the export."""
    findings: list[PrivacyFinding] = []
    for sheet in schema.sheets:
        scanned = [
            (position, column)
            for position, column in enumerate(sheet.columns)
            if column.is_text and column.privacy_scan
        ]
        for row_number, row in enumerate(records.get(sheet.table, ()), start=2):
            for position, column in scanned:
                text = row[position]
                if not text or not _WORTH_SCANNING.search(text):
                    continue
                place = f"{sheet.name}!{get_column_letter(position + 1)}{row_number}"
                record = sheet.record_label(row)
                for what, match, blocks in _scan_text(text, organisation_domains):
                    findings.append(
                        PrivacyFinding(
                            what,
                            match.group(0),
                            place,
                            column.header,
                            blocks,
                            record,
                            _context(text, match),
                        )
                    )
    return findings


def partner_domains(emails: Sequence[str]) -> frozenset[str]:
    """The organisation domains of partners' work addresses (free-mail providers excluded)."""
    domains = {email.rsplit("@", 1)[-1].strip().casefold() for email in emails if "@" in email}
    return frozenset(domains - PRIVATE_MAIL_DOMAINS)


def _context(text: str, match: re.Match[str]) -> str:
    """The finding with up to CONTEXT_CHARACTERS either side in whole words, on one line."""
    start = max(match.start() - CONTEXT_CHARACTERS, 0)
    end = match.end() + CONTEXT_CHARACTERS
    if start:  # begin after the first space, so no word is cut
        start = text.find(" ", start, match.start()) + 1 or start
    if end < len(text):  # end at the last space
        cut = text.rfind(" ", match.end(), end)
        end = end if cut == -1 else cut
    around = " ".join(text[start:end].split())
    return ("…" if start else "") + around + ("…" if end < len(text) else "")


def _scan_text(
    text: str, organisation_domains: frozenset[str]
) -> Iterator[tuple[str, re.Match[str], bool]]:
    for match in _BSN.finditer(text):
        if passes_eleven_test(re.sub(r"[ .]", "", match.group(1))):
            yield "BSN", match, True
    for match in _PHONE.finditer(text):
        yield "telefoonnummer", match, False
    for match in _EMAIL.finditer(text):
        if not _is_organisation(match.group(1).casefold(), organisation_domains):
            yield "e-mailadres buiten de organisatie", match, False
    for match in _PLATE.finditer(text):
        groups = match.groups()
        if (
            sum(map(len, groups)) == 6
            and any(g.isdigit() for g in groups)
            and any(g.isalpha() for g in groups)
        ):
            yield "kenteken", match, False
    for match in _POSTCODE_AND_NUMBER.finditer(text):
        yield "postcode met huisnummer", match, False


def _is_organisation(domain: str, organisation_domains: frozenset[str]) -> bool:
    if domain in PRIVATE_MAIL_DOMAINS:
        return False
    return any(domain == known or domain.endswith("." + known) for known in organisation_domains)
