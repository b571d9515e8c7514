"""A seeded mutation generator over valid .xlsx and CSV files.

Each mutation works on the parsed zip (a list of parts) or on the CSV text, so one seed gives
one reproducible file: flipped and inserted bytes in XML parts, changed cell types, huge and
odd values, far cell references, formulas, duplicate and extra parts (macros, external
links), renamed and duplicated sheets, dropped parts and truncated archives.
"""

from __future__ import annotations

import io
import random
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

Parts = list[tuple[str, bytes]]

ODD_NUMBERS = (
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "-inf",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999",
    "0",
    "-1",
    "2958466",
    "-700000",
    "1.5",
    "",
    "0x10",
    "²",
    "1E-320",
    "4.9e-324",
)
ODD_TEXTS = (
    "=1+1",
    "+31 6 1234",
    "@SUM(A1)",
    "-",
    "²",
    "٣",
    "0999-01-01",
    "31-02-2018",
    "1-1-0001",
    "9999-12-31",
    "&#xFFFE;",
    "&#xFFFF;",
    "&#x1;",
    "&#xD800;",
    "\u000b",
    "regel\u000bregel",
    "x" * 33_000,
    "é" * 40,
    "00000000-0000-0000-0000-000000000000",
    "ja",
    "WAAR",
    "  ",
    "2018-13-45 25:61:61.000000",
    "1900-01-01",
    "2101-01-01",
    "&amp;lt;f&amp;gt;",
    "9223372036854775807",
    "1" * 5000,
)
SNIPPETS = (
    b"<f>1+1</f>",
    b"<f\n>SUM(A1)</f>",
    b"<c r='C2'><f>1</f></c>",
    b"<c><f>2</f></c>",
    b'<c r="XFD1048576"><v>1</v></c>',
    b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
    b'<c r="ZZZZ1"><v>1</v></c>',
    b'<c r="A0"/>',
    b"<!DOCTYPE x>",
    b"&lol;",
    b"\x00",
    b"<",
    b"]]>",
    b"<![CDATA[<f>]]>",
    b'<c r="B2" t="e"><v>#DIV/0!</v></c>',
    b'<c r="B2" t="d"><v>0001-01-01T00:00:00</v></c>',
    b'<x:f xmlns:x="urn:x">1</x:f>',
)
CELL_TYPES = (b"n", b"s", b"b", b"e", b"str", b"inlineStr", b"d", b"zz")
_TEXT = re.compile(rb"<t(?: [^>]*)?>([^<]*)</t>")
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_TYPE = re.compile(rb' t="([A-Za-z]+)"')
_SHEET_NAME = re.compile(rb'<sheet [^>]*?name="([^"]*)"')
_REFERENCE = re.compile(rb' r="([A-Z]+[0-9]+)"')


def read_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def write_parts(parts: Parts) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate parts we add
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts:
                archive.writestr(name, data)
    return buffer.getvalue()


def _xml_parts(parts: Parts) -> list[int]:
    return [i for i, (name, _) in enumerate(parts) if name.endswith((".xml", ".rels"))]


def _sheet_parts(parts: Parts) -> list[int]:
    found = [i for i, (name, _) in enumerate(parts) if name.startswith("xl/worksheets/")]
    return found or _xml_parts(parts)


def _replace_in(rng: random.Random, data: bytes, pattern: re.Pattern[bytes], new: bytes) -> bytes:
    matches = list(pattern.finditer(data))
    if not matches:
        return data
    match = rng.choice(matches)
    return data[: match.start(1)] + new + data[match.end(1) :]


def _odd_text(rng: random.Random) -> bytes:
    text = rng.choice(ODD_TEXTS)
    if text.startswith("&"):
        return text.encode()
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return escaped.encode("utf-8", "surrogatepass")


def flip_bytes(rng: random.Random, parts: Parts) -> Parts:
    index = rng.choice(_xml_parts(parts))
    name, data = parts[index]
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buffer:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    parts[index] = (name, bytes(buffer))
    return parts


def insert_snippet(rng: random.Random, parts: Parts) -> Parts:
    index = rng.choice(_sheet_parts(parts))
    name, data = parts[index]
    anchors = [m.end() for m in re.finditer(rb"<row[^>]*>|</c>|<sheetData>", data)] or [
        rng.randrange(len(data) + 1)
    ]
    at = rng.choice(anchors) if rng.random() < 0.8 else rng.randrange(len(data) + 1)
    parts[index] = (name, data[:at] + rng.choice(SNIPPETS) + data[at:])
    return parts


def change_cell_type(rng: random.Random, parts: Parts) -> Parts:
    index = rng.choice(_sheet_parts(parts))
    name, data = parts[index]
    parts[index] = (name, _replace_in(rng, data, _TYPE, rng.choice(CELL_TYPES)))
    return parts


def odd_value(rng: random.Random, parts: Parts) -> Parts:
    index = rng.choice(_sheet_parts(parts) + [i for i, (n, _) in enumerate(parts) if "shared" in n])
    name, data = parts[index]
    if rng.random() < 0.5:
        data = _replace_in(rng, data, _VALUE, rng.choice(ODD_NUMBERS).encode())
    else:
        data = _replace_in(rng, data, _TEXT, _odd_text(rng))
    parts[index] = (name, data)
    return parts


def far_reference(rng: random.Random, parts: Parts) -> Parts:
    index = rng.choice(_sheet_parts(parts))
    name, data = parts[index]
    column = rng.choice([b"A", b"Z", b"BZ", b"XFD", b"XFE", b"AAAA"])
    row = str(rng.choice([1, 2, 1000, 100_002, 1_048_576, 1_048_577, 99_999_999])).encode()
    if rng.random() < 0.3:
        data = data.replace(b' r="', b" r='", 1).replace(b'" ', b"' ", 1)  # single quotes
        parts[index] = (name, data)
        return parts
    if rng.random() < 0.3:
        parts[index] = (name, re.sub(rb' r="[A-Z]+[0-9]+"', b"", data, count=rng.randint(1, 50)))
        return parts
    parts[index] = (name, _replace_in(rng, data, _REFERENCE, column + row))
    return parts


def metadata_edit(rng: random.Random, parts: Parts) -> Parts:
    """An edited value on the last sheet (the hidden metadata sheet of every seed)."""
    sheets = _sheet_parts(parts)
    index = max(sheets, key=lambda i: parts[i][0])
    name, data = parts[index]
    new = rng.choice([b"9223372036854775807", b"\xc2\xb2", b"0", b"-5", b"2", b"1.0", b"abc"])
    parts[index] = (name, _replace_in(rng, data, _TEXT, new))
    return parts


def duplicate_part(rng: random.Random, parts: Parts) -> Parts:
    name, data = rng.choice(parts)
    if rng.random() < 0.5:
        data = data[: len(data) // 2]
    parts.append((name.upper() if rng.random() < 0.3 else name, data))
    return parts


def extra_part(rng: random.Random, parts: Parts) -> Parts:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    name, data = rng.choice(
        [
            ("xl/vbaProject.bin", ole),
            ("xl/media/image1.bin", ole),
            ("xl/printerSettings/p.bin", ole),
            ("xl/externalLinks/externalLink1.xml", b"<externalLink/>"),
            ("customXml/item1.xml", b"<!DOCTYPE a [<!ENTITY b 'c'>]><a>&b;</a>"),
            ("../evil.xml", b"<a/>"),
        ]
    )
    parts.append((name, data))
    index = next((i for i, (n, _) in enumerate(parts) if n == "[Content_Types].xml"), None)
    if index is not None and rng.random() < 0.5:
        types = parts[index][1].replace(
            b"</Types>",
            b'<Override PartName="/xl/x.bin" '
            b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        )
        parts[index] = ("[Content_Types].xml", types)
    return parts


def rename_sheet(rng: random.Random, parts: Parts) -> Parts:
    index = next(i for i, (n, _) in enumerate(parts) if n == "xl/workbook.xml")
    data = parts[index][1]
    names = _SHEET_NAME.findall(data)
    if not names:
        return parts
    new = rng.choice([*names, b"Blad1", b"", b"x" * 40, b"acties", b"Metadata"])
    parts[index] = ("xl/workbook.xml", _replace_in(rng, data, _SHEET_NAME, new))
    return parts


_INLINE = re.compile(
    rb'(<c r="[A-Z]+[0-9]+")((?: s="[0-9]+")?) t="inlineStr"><is><t>([^<]*)</t></is>'
)


def shared_strings(rng: random.Random, parts: Parts) -> Parts:
    """Inline strings become shared strings, as Excel writes them; sometimes with a claimed
    count far beyond what is there."""
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(3))
        return match.group(1) + match.group(2) + b' t="s"><v>%d</v>' % (len(strings) - 1)

    parts = [
        (name, _INLINE.sub(shared, data) if name.startswith("xl/worksheets/") else data)
        for name, data in parts
    ]
    count = str(len(strings)).encode()
    if rng.random() < 0.3:
        count = rng.choice([b"4000000000", b"99999999999", b"-1", b"abc", b"5000001"])
    items = b"".join(b"<si><t>" + text + b"</t></si>" for text in strings)
    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="'
        + count
        + b'" uniqueCount="'
        + count
        + b'">'
        + items
        + b"</sst>"
    )
    result = []
    for name, data in parts:
        if name == "[Content_Types].xml":
            data = data.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            )
        elif name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                b"</Relationships>",
            )
        result.append((name, data))
    return [*result, ("xl/sharedStrings.xml", table)]


def drop_part(rng: random.Random, parts: Parts) -> Parts:
    del parts[rng.randrange(len(parts))]
    return parts


PART_MUTATIONS: tuple[Callable[[random.Random, Parts], Parts], ...] = (
    flip_bytes,
    insert_snippet,
    change_cell_type,
    odd_value,
    odd_value,
    far_reference,
    metadata_edit,
    duplicate_part,
    extra_part,
    rename_sheet,
    drop_part,
)


def mutate_parts(rng: random.Random, parts: Parts) -> tuple[str, Parts]:
    """Half the time first as Excel stores text (shared strings), then one to three steps."""
    steps = [rng.choice(PART_MUTATIONS) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        steps.insert(0, shared_strings)
    for step in steps:
        try:
            parts = step(rng, parts)
        except (IndexError, StopIteration):
            continue  # an earlier step dropped the part this one edits
    return "+".join(step.__name__ for step in steps), parts


def mutate_xlsx(rng: random.Random, seed_file: bytes) -> tuple[str, bytes]:
    """One to three mutations of the parts, or a damaged archive; (description, bytes)."""
    roll = rng.random()
    if roll < 0.05:
        return "afgebroken zip", seed_file[: rng.randrange(len(seed_file))]
    if roll < 0.08:
        data = bytearray(seed_file)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "bytes in de zip", bytes(data)
    with zipfile.ZipFile(io.BytesIO(seed_file)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    description, parts = mutate_parts(rng, parts)
    return description, write_parts(parts)


CSV_VALUES = (*ODD_NUMBERS, "²", "2018-00", "0999-01", "2101-01", "GM0513", "BU05130101", '"')


def mutate_csv(rng: random.Random, seed_file: bytes) -> tuple[str, bytes]:
    lines = seed_file.split(b"\n")
    roll = rng.random()
    if roll < 0.2:
        data = bytearray(seed_file)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "bytes", bytes(data)
    if roll < 0.5:
        index = rng.randrange(1, len(lines) - 1)
        cells = lines[index].split(b";")
        cells[rng.randrange(len(cells))] = rng.choice(CSV_VALUES).encode("utf-8")
        lines[index] = b";".join(cells)
        return "waarde", b"\n".join(lines)
    if roll < 0.6:
        lines.insert(rng.randrange(1, len(lines)), b"x" * rng.choice([10, 70_000, 2_000_000]))
        return "lange regel", b"\n".join(lines)
    if roll < 0.65:
        row = lines[1] + b"\n"
        return "veel regels", lines[0] + b"\n" + row * rng.choice([200_001, 1_000_000])
    if roll < 0.75:
        return "kopregel", rng.choice([b"", b"\xff\xfe", b"a;b;c", b"\x00" * 10]) + seed_file
    if roll < 0.85:
        return "afgebroken", seed_file[: rng.randrange(len(seed_file))]
    lines.insert(rng.randrange(1, len(lines)), rng.choice(CSV_VALUES).encode() * 3)
    return "regel erbij", b"\n".join(lines)
