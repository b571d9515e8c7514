"""The scan of a package's records searches each column once and scans only the texts that
can hold a finding: it must find exactly what scanning every text on its own finds."""

from __future__ import annotations

import random
import re

from app.exchange.metadata import Record
from app.exchange.privacy import (
    _TRIGGER_WORDS,
    COLUMN_SKIPS,
    PERSON_KINDS,
    _folded,
    scan_records,
    scan_text,
)
from app.exchange.versions import CURRENT
from tests.privacy.test_scanner_table import SPELLINGS

CLEAN = ("inbraak", "buurt", "preventie", "café", "overleg", "woning", "'s avonds", '"slot"')


def _row(table: str, texts: dict[str, str], number: int) -> Record:
    sheet = CURRENT.sheet(table)
    values: list[object] = []
    for column in sheet.columns:
        if column.field in texts:
            values.append(texts[column.field])
        elif column.field == "id":
            values.append(f"00000000-0000-4000-8000-{number:012d}")
        else:
            values.append(None)
    return tuple(values)


def _every_text_on_its_own(records: dict[str, list[Record]]) -> list[tuple[str, str, str]]:
    """The findings as the scan of each text in turn gives them: (cell, what, found)."""
    found: list[tuple[str, str, str]] = []
    for sheet in CURRENT.sheets:
        kind = sheet.fields.index("kind") if sheet.table == "hot_item" else None
        for number, row in enumerate(records.get(sheet.table, ()), start=2):
            people = kind is not None and str(row[kind]) in PERSON_KINDS
            for position, column in enumerate(sheet.columns):
                text = row[position]
                if not (column.is_text and column.privacy_scan and isinstance(text, str)):
                    continue
                skip = COLUMN_SKIPS.get((sheet.table, column.field), frozenset())
                for hit in scan_text(text, skip=skip, bare_names=people):
                    letter = chr(ord("A") + position)
                    found.append((f"{sheet.name}!{letter}{number}", hit.rule.what, hit.found))
    return found


def _scanned(records: dict[str, list[Record]]) -> list[tuple[str, str, str]]:
    return [(f.place, f.what, f.found) for f in scan_records(CURRENT, records)]


def test_findings_among_thousands_of_clean_texts_are_the_same_as_text_by_text() -> None:
    rng = random.Random(13)
    texts = [text for text, _ in SPELLINGS] + [
        "verdachte",  # a trigger at the end of one text, a name at the start of the next
        "Jan de Vries kwam langs",
        "\u017flachtoffer Piet Jansen",  # a long s: a case-insensitive search takes it for an s
        "GETUİGE Ahmed Yilmaz",  # a dotted capital I folds to two characters
        "mail JAN@VOORBEELD.NL",
        "",
    ]
    actions = []
    for number in range(3000):
        fields = {
            "title": " ".join(rng.choice(CLEAN) for _ in range(5)),
            "description": " ".join(rng.choice(CLEAN) for _ in range(20)),
            "owner": "wijkagent",
        }
        if number % 40 == 7:
            fields[rng.choice(("title", "description", "owner"))] = rng.choice(texts)
        actions.append(_row("action", fields, number))
    # Consecutive rows: the joined column holds "verdachte" right before "Jan de Vries".
    actions[100] = _row("action", {"title": "verdachte", "owner": "x"}, 100)
    actions[101] = _row("action", {"title": "Jan de Vries kwam langs"}, 101)
    hots = [
        _row("hot_item", {"kind": "hotshot", "label": "Jan de Vries", "description": "x"}, 1),
        _row("hot_item", {"kind": "hotspot", "label": "Jan de Vries", "description": "x"}, 2),
    ]
    records = {"action": actions, "hot_item": hots}

    expected = _every_text_on_its_own(records)

    assert expected  # the mixture holds findings
    assert ("Acties!B102", "naam van een persoon", "Jan de Vries") not in expected
    assert _scanned(records) == expected


def test_a_text_repeated_in_every_row_is_found_in_every_row() -> None:
    figures = [
        _row("monthly_figure", {"neighbourhood_code": code}, number)
        for number, code in enumerate(["BU05130001", "bel 06-12345678"] * 500)
    ]

    found = _scanned({"monthly_figure": figures})

    assert len(found) == 500
    assert found[0][1:] == ("telefoonnummer", "06-12345678")
    assert [place for place, _, _ in found][-1] == f"Maandcijfers!{_letter(figures)}1001"


def _letter(figures: list[Record]) -> str:
    position = CURRENT.sheet("monthly_figure").fields.index("neighbourhood_code")
    return chr(ord("A") + position)


def test_folding_keeps_every_character_a_case_insensitive_search_takes_for_a_trigger_letter() -> (
    None
):
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    letters = set(re.sub(r"[^a-z. ]", "", _TRIGGER_WORDS.replace("\\.", ".")))
    for letter in letters:
        for character in re.findall(re.escape(letter), everything, re.IGNORECASE):
            assert _folded(character) in (letter, None), (letter, hex(ord(character)))
