"""Checks on an incoming file before any spreadsheet library unpacks it.

Only a plain .xlsx is accepted. Sizes and ratios come from the zip directory, and every part
is then streamed through zlib with a byte budget (a lying directory cannot get past it). Every
XML part is parsed while it streams (expat, no DTDs or entities: XML bombs), so this pass and
the reader see the same parts: duplicate or misnamed parts, macros (by name, content type and
content), external links and two sheets of one name are refused, each sheet's extent is
counted from the cell references actually present (not the <dimension> tag) and held to the
file's limits before a reader allocates it, and the formula cells are noted per sheet.
"""

from __future__ import annotations

import functools
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from xml.parsers import expat

from app.exchange.limits import PACKAGE_LIMITS, SheetLimits, dutch_number
from app.exchange.problems import PackageRefusedError, refuse
from app.kernel.files import unreadable_file

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PARTS = 2_000
MAX_TOTAL_UNPACKED = 512 * 1024 * 1024
MAX_PART_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200  # bigger parts may not be more compressed than this
RATIO_CHECKED_FROM = 8 * 1024 * 1024
MAX_DESCRIPTION_PART = 16 * 1024 * 1024  # workbook.xml, its relationships, content types
CHUNK = 1024 * 1024

_ZIP_SIGNATURE = b"PK\x03\x04"
_EMPTY_ZIP_SIGNATURE = b"PK\x05\x06"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_MACRO_PARTS = ("xl/vbaproject", "xl/macrosheets/", "xl/dialogsheets/", "xl/activex/")
_MACRO_CONTENT = ("vba", "macro", "activex", "dialogsheet")
_EXTERNAL_LINK = "externallink"
# The worksheet elements that follow <sheetData> (ECMA-376 CT_Worksheet), any of which ends it.
_AFTER_SHEET_DATA = frozenset(
    [
        "sheetCalcPr",
        "sheetProtection",
        "protectedRanges",
        "scenarios",
        "autoFilter",
        "sortState",
        "dataConsolidate",
        "customSheetViews",
        "mergeCells",
        "phoneticPr",
        "conditionalFormatting",
        "dataValidations",
        "hyperlinks",
        "printOptions",
        "pageMargins",
        "pageSetup",
        "headerFooter",
        "rowBreaks",
        "colBreaks",
        "customProperties",
        "cellWatches",
        "ignoredErrors",
        "smartTags",
        "drawing",
        "legacyDrawing",
        "legacyDrawingHF",
        "drawingHF",
        "picture",
        "oleObjects",
        "controls",
        "webPublishItems",
        "tableParts",
    ]
)
_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
# What a zip library raises on a damaged archive, a damaged part or an unknown compression.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
    struct.error,
    UnicodeError,
)


@dataclass
class Inspection:
    """What the safety pass learned: the formula cells per sheet name ("Acties" -> ["D14"])."""

    formula_cells: dict[str, list[str]] = field(default_factory=dict)


class _Refused(Exception):  # noqa: N818 - carries a finished refusal out of an expat handler
    def __init__(self, refusal: PackageRefusedError) -> None:
        super().__init__()
        self.refusal = refusal


def inspect_package(path: Path, limits: SheetLimits = PACKAGE_LIMITS) -> Inspection:
    """Refuse anything that is not a safe, plain .xlsx; raise PackageRefusedError."""
    path = Path(path)
    _check_name_and_signature(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_directory(path, members)
            by_name = {info.filename: info for info in members}
            _check_content_types(path, _read_part(archive, by_name, "[Content_Types].xml"))
            sheet_parts, string_parts = _sheet_parts(path, archive, by_name)
            sheet_names = {part: name for name, part in sheet_parts.items()}
            budget = _CellBudget(path, limits)
            inspection = Inspection()
            for info in members:
                sheet = sheet_names.get(info.filename)
                strings = info.filename in string_parts
                formulas = _stream_member(path, archive, info, sheet, strings, budget)
                if sheet is not None and formulas:
                    inspection.formula_cells[sheet] = formulas
            return inspection
    except _Refused as refused:
        raise refused.refusal from None
    except _DAMAGED as problem:
        raise _damaged(path) from problem


def _damaged(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} is beschadigd en kan niet worden gelezen. Sla het bestand opnieuw op als "
        "Excel-werkmap (.xlsx) of vraag de afzender om een nieuw bestand."
    )


def _check_name_and_signature(path: Path) -> None:
    if problem := unreadable_file(path):
        raise refuse(problem)
    size = path.stat().st_size
    if size == 0:
        raise refuse(
            f"{path.name} is leeg (0 bytes). Vraag de afzender het pakket opnieuw te sturen."
        )
    if size > MAX_FILE_BYTES:
        raise refuse(
            f"{path.name} is {size // (1024 * 1024)} MB; een pakket is hoogstens "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Dit is geen normaal pakket."
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head == _OLE_SIGNATURE:
        data = path.read_bytes()
        if _ENCRYPTED_MARKER in data:
            raise refuse(
                f"{path.name} is versleuteld (beveiligd met een wachtwoord). Open het in Excel, "
                "verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen) en sla het op "
                "als .xlsx."
            )
        raise refuse(
            f"{path.name} is een oud Excel-bestand (.xls, Excel 97-2003). Open het in Excel "
            "of LibreOffice en sla het op als Excel-werkmap (.xlsx)."
        )
    if suffix in (".xlsm", ".xltm", ".xlsb", ".xlam"):
        raise refuse(
            f"{path.name} is een Excel-bestand met macro's ({suffix}); dat wordt nooit "
            "ingelezen. Sla het op als Excel-werkmap (.xlsx) zonder macro's."
        )
    if suffix == ".xls":
        raise refuse(
            f"{path.name} is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx)."
        )
    if head[:4] not in (_ZIP_SIGNATURE, _EMPTY_ZIP_SIGNATURE):
        raise refuse(
            f"{path.name} is geen Excel-werkmap (.xlsx): de inhoud is geen Excel-bestand. Kies "
            "het pakket dat het programma heeft gemaakt."
        )
    if suffix != ".xlsx":
        raise refuse(
            f"{path.name} heeft de extensie '{suffix or '(geen)'}'; alleen .xlsx-bestanden "
            "worden ingelezen. Sla het op als Excel-werkmap (.xlsx)."
        )


def _check_directory(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_PARTS:
        raise refuse(
            f"{path.name} bevat {len(members)} onderdelen; een pakket heeft er hoogstens "
            f"{MAX_PARTS}. Dit is geen normaal pakket."
        )
    names = [info.filename.lower() for info in members]
    if len(set(names)) != len(names):
        twice = sorted({name for name in names if names.count(name) > 1})[0]
        raise refuse(
            f"{path.name} bevat het onderdeel {twice} twee keer; zo'n bestand kan op twee "
            "manieren worden gelezen en wordt niet vertrouwd. Sla het opnieuw op als .xlsx of "
            "vraag de afzender om een nieuw bestand."
        )
    if any(name.startswith(_MACRO_PARTS) or "vbaproject" in name for name in names):
        raise _macros(path)
    if any(_EXTERNAL_LINK in name for name in names):
        raise _external_links(path)
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse(
            f"{path.name} is een zip-bestand, maar geen Excel-werkmap. Kies het pakket (.xlsx)."
        )
    total = 0
    for info in members:
        name = info.filename
        if name.startswith("/") or "\\" in name or ".." in posixpath.normpath(name).split("/"):
            raise refuse(f"{path.name} bevat een onderdeel met een verdacht pad ({name}).")
        if info.flag_bits & 0x1:
            raise refuse(
                f"{path.name} bevat versleutelde onderdelen. Verwijder de beveiliging en sla "
                "het op als .xlsx."
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_UNPACKED or (
            info.file_size > RATIO_CHECKED_FROM and ratio > MAX_RATIO
        ):
            raise _bomb(path)
    if total > MAX_TOTAL_UNPACKED:
        raise _bomb(path)


def _macros(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} bevat macro's, ActiveX- of ingesloten onderdelen; dat wordt nooit "
        "ingelezen. Sla het op als Excel-werkmap (.xlsx) zonder macro's."
    )


def _external_links(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} bevat koppelingen naar andere bestanden (externe verwijzingen); dat wordt "
        "niet ingelezen. Verbreek de koppelingen in Excel (Gegevens > Koppelingen bewerken) en "
        "sla het bestand opnieuw op."
    )


def _bomb(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} pakt uit tot veel meer gegevens dan een pakket kan bevatten (een "
        "zogenaamde zip-bom). Het bestand is niet geopend; vraag de afzender om een nieuw pakket."
    )


def _xml_bomb(path: Path, part: str) -> PackageRefusedError:
    return refuse(
        f"{path.name} bevat een XML-definitie (DOCTYPE of ENTITY) in {part}; zo'n bestand kan "
        "het programma laten vastlopen (XML-bom) en wordt niet geopend. Vraag de afzender om een "
        "nieuw pakket."
    )


def _broken_xml(path: Path, part: str) -> PackageRefusedError:
    return refuse(
        f"{path.name} is beschadigd: het onderdeel {part} is geen geldige XML. Sla het bestand "
        "opnieuw op als Excel-werkmap (.xlsx) of vraag de afzender om een nieuw bestand."
    )


def _read_part(archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], name: str) -> bytes:
    """A small describing part, read within its budget (the directory may lie)."""
    info = next((i for n, i in by_name.items() if n.lower() == name.lower()), None)
    if info is None:
        raise _Refused(
            refuse(
                f"{Path(archive.filename or 'pakket').name} is een zip-bestand, maar geen "
                f"Excel-werkmap ({name} ontbreekt). Kies het pakket (.xlsx)."
            )
        )
    with archive.open(info) as stream:
        data = stream.read(MAX_DESCRIPTION_PART + 1)
    if len(data) > MAX_DESCRIPTION_PART:
        raise _Refused(_bomb(Path(archive.filename or "pakket")))
    return data


def _parse_small(path: Path, part: str, data: bytes, start: Callable[..., None]) -> None:
    """Parse a whole small part, calling `start(local_name, attributes)` for each element."""
    parser = _parser(path, part)
    parser.StartElementHandler = lambda name, attributes: start(_local(name), attributes)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as problem:
        raise _Refused(_broken_xml(path, part)) from problem


def _parser(path: Path, part: str) -> Any:
    """An expat parser that refuses any DTD or entity declaration (XML bombs, XXE)."""
    parser = expat.ParserCreate()

    def forbidden(*_: object) -> NoReturn:
        raise _Refused(_xml_bomb(path, part))

    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.UnparsedEntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _local(name: str) -> str:
    return name[name.find(":") + 1 :]


def _check_content_types(path: Path, data: bytes) -> None:
    def start(name: str, attributes: dict[str, str]) -> None:
        content_type = attributes.get("ContentType", "").lower()
        if any(marker in content_type for marker in _MACRO_CONTENT):
            raise _Refused(_macros(path))
        if _EXTERNAL_LINK in content_type:
            raise _Refused(_external_links(path))

    _parse_small(path, "[Content_Types].xml", data, start)


def _sheet_parts(
    path: Path, archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo]
) -> tuple[dict[str, str], set[str]]:
    """Sheet name -> worksheet part, from workbook.xml and its relationships; and the parts
    a reader may take for the shared strings."""
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}
    strings = {name for name in by_name if name.lower() == "xl/sharedstrings.xml"}

    def workbook_start(name: str, attributes: dict[str, str]) -> None:
        if name == "sheet":
            relation = next((v for k, v in attributes.items() if _local(k) == "id"), "")
            sheets.append((attributes.get("name", ""), relation))

    def relations_start(name: str, attributes: dict[str, str]) -> None:
        if name == "Relationship":
            kind = attributes.get("Type", "").lower()
            if any(marker in kind for marker in _MACRO_CONTENT):
                raise _Refused(_macros(path))
            if _EXTERNAL_LINK in kind:
                raise _Refused(_external_links(path))
            targets[attributes.get("Id", "")] = attributes.get("Target", "")
            if kind.endswith("/sharedstrings"):
                strings.add(_part_name(attributes.get("Target", "")))

    _parse_small(
        path, "xl/workbook.xml", _read_part(archive, by_name, "xl/workbook.xml"), workbook_start
    )
    relations = "xl/_rels/workbook.xml.rels"
    if sheets or relations in by_name:
        _parse_small(path, relations, _read_part(archive, by_name, relations), relations_start)
    parts: dict[str, str] = {}
    seen: dict[str, str] = {}
    for name, relation in sheets:
        folded = name.casefold()
        if folded in seen:
            raise _Refused(
                refuse(
                    f"{path.name} heeft twee bladen met de naam '{name}'; zo'n bestand kan op "
                    "twee manieren worden gelezen en wordt niet vertrouwd. Geef elk blad een "
                    "eigen naam of vraag de afzender om een nieuw bestand."
                )
            )
        seen[folded] = name
        part = _part_name(targets.get(relation, ""))
        if part not in by_name:
            raise _Refused(
                refuse(
                    f"{path.name} is beschadigd: het blad '{name}' ontbreekt in het bestand. "
                    "Sla het opnieuw op als Excel-werkmap (.xlsx) of vraag de afzender om een "
                    "nieuw bestand."
                )
            )
        parts[name] = part
    return parts, strings


def _part_name(target: str) -> str:
    """A workbook relationship's target as a part name in the zip."""
    part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(part)


@dataclass
class _CellBudget:
    """The cells all sheets of one workbook may materialise together."""

    path: Path
    limits: SheetLimits
    used: int = 0


def _stream_member(
    path: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    sheet: str | None,
    strings: bool,
    budget: _CellBudget,
) -> list[str]:
    """Decompress one part within its budget and parse it when it is XML.

    Returns the formula cells when the part is a sheet.
    """
    if sheet is not None:
        return _scan_sheet(path, archive, info, sheet, budget)
    is_xml = strings or info.filename.lower().endswith(_XML_SUFFIXES)
    parser = _parser(path, info.filename) if is_xml else None
    if parser is not None and strings:
        parser.StartElementHandler = _string_count_check(path, parser, budget.limits)
    _stream(path, archive, info, parser)
    return []


def _scan_sheet(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, budget: _CellBudget
) -> list[str]:
    """A sheet's extent and formula cells. A sheet as spreadsheet programs write it is read
    with a few searches per chunk (`_PlainSheet`) while expat checks the XML without calling
    back per element; anything else, and any refusal, is read again element by element."""
    scanner = _SheetScanner(path, sheet, budget)
    try:
        _stream(path, archive, info, _plain_parser(path, info.filename), _PlainSheet(scanner))
    except (_NotPlain, _Refused):
        scanner = _SheetScanner(path, sheet, budget)
        parser = _parser(path, info.filename)
        parser.StartElementHandler = scanner.start
        _stream(path, archive, info, parser)
    scanner.finish()
    return scanner.formulas


def _plain_parser(path: Path, part: str) -> Any:
    """The checking parser of a plain reading: a comment, CDATA or processing instruction,
    which may hold text that looks like a cell, ends it."""
    parser = _parser(path, part)

    def not_plain(*_: object) -> NoReturn:
        raise _NotPlain

    parser.CommentHandler = not_plain
    parser.StartCdataSectionHandler = not_plain
    parser.ProcessingInstructionHandler = not_plain
    return parser


def _stream(
    path: Path,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    parser: Any,
    plain: _PlainSheet | None = None,
) -> None:
    """Decompress one part within its budget, through `parser` (when XML) and `plain`."""
    limit = min(info.file_size, MAX_PART_UNPACKED)
    seen = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                if seen == 0 and parser is None and chunk.startswith(_OLE_SIGNATURE):
                    raise _Refused(_macros(path))  # a macro project is an OLE file, any name
                seen += len(chunk)
                if seen > limit:
                    raise _Refused(_bomb(path))
                if parser is not None:
                    parser.Parse(chunk, False)
                if plain is not None:
                    plain.feed(chunk)
            if parser is not None:
                parser.Parse(b"", True)
            if plain is not None:
                plain.finish()
    except expat.ExpatError as problem:
        raise _Refused(_broken_xml(path, info.filename)) from problem


class _NotPlain(Exception):  # noqa: N818 - a signal: read this sheet element by element
    pass


# In well-formed XML a "<" starts markup, never text or an attribute value. Comments, CDATA
# and processing instructions (where a "<c" would be text) are reported by expat while it
# checks the sheet, and end the plain reading (`_plain_parser`). Every other "<" followed by a
# name is a tag, so one search per chunk finds every <c> and <row> that does not carry its
# reference as the first attribute (as Excel, LibreOffice and openpyxl write it), every
# formula (<f>), and every cell that lies beyond the extent counted so far; a second search
# finds a prefixed <c>, <row> or <f> (`_local` strips a prefix; the search may also stop at
# such a word in a text, which only costs the element-by-element pass). A cell beyond the
# extent widens it; anything else sends the sheet to the element-by-element pass.
_PREFIXED = re.compile(rb":(?:c|row|f)[\s/>]")
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"[\s/>]')
_UTF8_DECLARATION = re.compile(
    rb"<\?xml\s+version\s*=\s*[\"']1\.[0-9]+[\"']"
    rb"(?:\s+encoding\s*=\s*[\"'](?i:utf-8)[\"'])?(?:\s+standalone\s*=\s*[\"'](?:yes|no)[\"'])?"
    rb"\s*\?>"
)


@functools.lru_cache(maxsize=64)
def _unusual_or_beyond(rows: int, columns: int) -> re.Pattern[bytes]:
    """The search for a tag the plain reading cannot place, or a cell beyond `rows` x
    `columns` (a cell within them needs no look: the extent is already that large)."""
    within = (
        rb"(?:" + _columns_up_to(columns) + rb")(?:" + _rows_up_to(rows) + rb")"
        if rows and columns
        else rb"(?!)"  # nothing counted yet: every cell is beyond
    )
    return re.compile(
        rb"<(?:c(?=[\s/>])(?! r=\"" + within + rb"\"[\s/>])"
        rb"|row(?=[\s/>])(?! r=\"[0-9]{1,7}\"[\s/>])"
        rb"|f[\s/>])"
    )


def _rows_up_to(last: int) -> bytes:
    """A regex for the row numbers 1 to `last` (no leading zeros)."""
    digits = str(last)
    shorter = [f"[1-9][0-9]{{0,{len(digits) - 2}}}"] if len(digits) > 1 else []
    return _up_to(digits, shorter, "0123456789", first="1")


def _columns_up_to(last: int) -> bytes:
    """A regex for the column letters A to the letters of column `last`."""
    letters = _reference(1, last)[:-1]
    shorter = [f"[A-Z]{{1,{len(letters) - 1}}}"] if len(letters) > 1 else []
    return _up_to(letters, shorter, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", first="A")


def _up_to(last: str, shorter: list[str], alphabet: str, first: str) -> bytes:
    """Alternatives for every numeral of `last`'s length up to `last`: its first i symbols,
    then a smaller symbol, then any; and `shorter` for the shorter ones."""
    alternatives = list(shorter)
    for index, symbol in enumerate(last):
        lowest = alphabet.index(first) if index == 0 else 0
        below = alphabet[lowest : alphabet.index(symbol)]
        if below:
            rest = len(last) - index - 1
            alternatives.append(
                f"{last[:index]}[{below[0]}-{below[-1]}]"
                + (f"[{alphabet[0]}-{alphabet[-1]}]{{{rest}}}" if rest else "")
            )
    alternatives.append(last)
    return "|".join(alternatives).encode()


class _PlainSheet:
    """The extent of a sheet in plain UTF-8 XML from the raw chunks, into `scanner`'s state.

    Raises _NotPlain for anything else: a chunk whose cells reach beyond the limits too, so
    that the element-by-element pass refuses it with the cell where it crosses them.
    """

    def __init__(self, scanner: _SheetScanner) -> None:
        self.scanner = scanner
        self.tail = b""
        self.started = False

    def feed(self, chunk: bytes) -> None:
        data = self.tail + chunk
        if not self.started:
            if len(data) < 2:
                self.tail = data
                return
            data = self._after_declaration(data)
            self.started = True
        cut = data.rfind(b"<")  # a tag may go on in the next chunk
        if cut == -1:
            cut = len(data)
        self.tail = data[cut:]
        self._scan(data[:cut])

    def finish(self) -> None:
        if not self.started:
            raise _NotPlain
        self._scan(self.tail)

    @staticmethod
    def _after_declaration(data: bytes) -> bytes:
        if data.startswith(b"<?"):
            declaration = _UTF8_DECLARATION.match(data)
            if declaration is None:
                raise _NotPlain  # another encoding, or a processing instruction
            return data[declaration.end() :]
        if data[:1] != b"<" or data[1:2] == b"\x00":  # a byte order mark, UTF-16
            raise _NotPlain
        return data

    def _scan(self, data: bytes) -> None:
        if _PREFIXED.search(data):
            raise _NotPlain
        # Sheets are written row by row: the chunk's last cell makes the extent nearly as
        # large as it gets, so the search below stops at few cells.
        last = data.rfind(b'<c r="')
        if last != -1 and (cell := _PLAIN_CELL.match(data, last)) is not None:
            self._widen(cell)
        scanner = self.scanner
        start = 0
        while found := _unusual_or_beyond(scanner.last_row, scanner.last_column).search(
            data, start
        ):
            cell = _PLAIN_CELL.match(data, found.start())
            if cell is None:
                raise _NotPlain
            self._widen(cell)
            start = cell.end()

    def _widen(self, cell: re.Match[bytes]) -> None:
        scanner, limits = self.scanner, self.scanner.limits
        last_row = max(scanner.last_row, int(cell[2]))
        last_column = max(scanner.last_column, _column_number(cell[1].decode()))
        if (
            last_row > limits.rows + 1
            or last_column > limits.columns
            or last_row * last_column > limits.cells
        ):
            raise _NotPlain
        scanner.last_row, scanner.last_column = last_row, last_column


def _string_count_check(path: Path, parser: Any, limits: SheetLimits) -> Callable[..., None]:
    """A reader reserves room for the number of strings the root element claims: a file of a
    few bytes that claims four billion makes it abort. No file has more strings than cells."""

    def check(_name: str, attributes: dict[str, str]) -> None:
        parser.StartElementHandler = None  # only the root element says how many
        for key in ("count", "uniqueCount"):
            claimed = attributes.get(key, "0")
            if not (claimed.isascii() and claimed.isdigit() and len(claimed) <= 10) or (
                int(claimed) > limits.workbook_cells
            ):
                raise _Refused(
                    refuse(
                        f"{path.name} zegt {claimed[:20]} teksten te bevatten; dat is meer dan "
                        f"{limits.what} kan bevatten. Sla het bestand opnieuw op als "
                        "Excel-werkmap (.xlsx) of vraag de afzender om een nieuw bestand."
                    )
                )

    return check


class _SheetScanner:
    """Counts a sheet's extent from its <c> elements as a reader places them, and its formulas.

    A cell without a reference follows the previous one in its row, as Excel reads it; a
    sheet beyond the limits is refused at its first cell outside them, before the rest is read.
    """

    def __init__(self, path: Path, sheet: str, budget: _CellBudget) -> None:
        self.path = path
        self.sheet = sheet
        self.budget = budget
        self.limits = budget.limits
        self.row = 0
        self.column = 0
        self.last_row = 0
        self.last_column = 0
        self.in_data = False
        self.formulas: list[str] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if ":" in name:
            name = name[name.find(":") + 1 :]
        if name == "c":
            self._cell(attributes.get("r"))
        elif name == "row":
            number = attributes.get("r")
            self.row = self._number(number) if number else self.row + 1
            self.column = 0
        elif name == "f":
            if self.in_data:  # a cell's formula; a reader never runs it, it reads the value
                self.formulas.append(_reference(max(self.row, 1), max(self.column, 1)))
        elif name == "sheetData":
            self.in_data = True
        elif name in _AFTER_SHEET_DATA:
            self.in_data = False  # validations and conditional formats keep <xm:f> ranges here

    def _cell(self, reference: str | None) -> None:
        if reference:
            match = _CELL_REFERENCE.fullmatch(reference)
            if match is None:
                raise _Refused(_broken_xml(self.path, f"blad '{self.sheet}' (cel '{reference}')"))
            self.column = _column_number(match.group(1))
            self.row = int(match.group(2))
        else:
            self.column += 1
            self.row = max(self.row, 1)
        if self.row > self.last_row or self.column > self.last_column:
            self.last_row = max(self.last_row, self.row)
            self.last_column = max(self.last_column, self.column)
            if (
                self.last_row > self.limits.rows + 1
                or self.last_column > self.limits.columns
                or self.last_row * self.last_column > self.limits.cells
            ):
                raise _Refused(self._too_large())

    def _number(self, text: str) -> int:
        if not text.isascii() or not text.isdigit() or len(text) > 7:
            raise _Refused(_broken_xml(self.path, f"blad '{self.sheet}' (rij '{text}')"))
        return int(text)

    def _too_large(self) -> PackageRefusedError:
        limits = self.limits
        return refuse(
            f"Blad {self.sheet} loopt tot cel {_reference(self.row, self.column)}; "
            f"{limits.what} heeft hoogstens {dutch_number(limits.rows)} rijen per blad onder de "
            f"kop en {limits.columns} kolommen. Verwijder de lege of overbodige rijen en kolommen "
            "buiten de tabel en sla het bestand opnieuw op."
        )

    def finish(self) -> None:
        self.budget.used += self.last_row * self.last_column
        if self.budget.used > self.limits.workbook_cells:
            raise _Refused(
                refuse(
                    f"{self.path.name} bevat samen meer cellen dan {self.limits.what} kan "
                    "bevatten. Verwijder de lege of overbodige rijen en kolommen buiten de "
                    "tabellen en sla het bestand opnieuw op."
                )
            )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _reference(row: int, column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"
