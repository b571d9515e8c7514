"""Checks on an incoming file before any spreadsheet library unpacks it.

Only a plain .xlsx is accepted. Sizes and ratios come from the zip directory, and every part
is then streamed through zlib with a byte budget (a lying directory cannot get past it). The
same pass refuses DTDs and entities (XML bombs) and notes which sheets hold formulas.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from app.exchange.problems import PackageRefusedError, refuse

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PARTS = 2_000
MAX_TOTAL_UNPACKED = 512 * 1024 * 1024
MAX_PART_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200  # bigger parts may not be more compressed than this
RATIO_CHECKED_FROM = 8 * 1024 * 1024
CHUNK = 1024 * 1024

_ZIP_SIGNATURE = b"PK\x03\x04"
_EMPTY_ZIP_SIGNATURE = b"PK\x05\x06"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A formula element starts "<f" or, with a namespace prefix, ":f", followed by ">", " " or
# "/". Finding the two markers with bytes.find is far faster than a regular expression that
# stops at every "<" of the sheet; a false hit only costs the precise search afterwards.
_FORMULA_MARKERS = (b"<f", b":f")
_FORMULA_MARKER_ENDS = (b">", b" ", b"/")
_FORMULA_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br=\"([A-Z]+[0-9]+)\"[^>]*>"
    rb"(?:(?!</(?:[A-Za-z_][\w.-]*:)?c>).)*?<(?:[A-Za-z_][\w.-]*:)?f[\s/>]",
    re.DOTALL,
)
_MACRO_PARTS = ("xl/vbaproject.bin", "xl/macrosheets/", "xl/dialogsheets/", "xl/activex/")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class Inspection:
    """What the safety pass learned: the formula cells per sheet name ("Acties" -> ["D14"])."""

    formula_cells: dict[str, list[str]] = field(default_factory=dict)


def inspect_package(path: Path) -> Inspection:
    """Refuse anything that is not a safe, plain .xlsx; raise PackageRefusedError."""
    path = Path(path)
    _check_name_and_signature(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_directory(path, members)
            sheet_parts = _sheet_parts(archive)
            formula_parts = {
                info.filename
                for info in members
                if _stream_member(archive, info, info.filename in sheet_parts.values())
            }
            cells = {
                name: _formula_cells(archive, part)
                for name, part in sheet_parts.items()
                if part in formula_parts
            }
            return Inspection({name: found for name, found in cells.items() if found})
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as problem:
        raise refuse(
            f"{path.name} is beschadigd of onvolledig (geen leesbare Excel-werkmap). Sla het "
            "bestand opnieuw op als "
            "Excel-werkmap (.xlsx) of vraag de afzender om een nieuw pakket."
        ) from problem


def _check_name_and_signature(path: Path) -> None:
    if not path.is_file():
        raise refuse(f"Het bestand {path} bestaat niet. Controleer naam en map.")
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
    names = {info.filename.lower() for info in members}
    if any(name.startswith(_MACRO_PARTS) for name in names):
        raise refuse(
            f"{path.name} bevat macro's of ActiveX-onderdelen; dat wordt nooit ingelezen. Sla "
            "het op als Excel-werkmap (.xlsx) zonder macro's."
        )
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse(
            f"{path.name} is een zip-bestand, maar geen Excel-werkmap. Kies het pakket (.xlsx)."
        )
    total = 0
    for info in members:
        name = info.filename
        if name.startswith("/") or ".." in posixpath.normpath(name).split("/"):
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


def _bomb(path: Path) -> PackageRefusedError:
    return refuse(
        f"{path.name} pakt uit tot veel meer gegevens dan een pakket kan bevatten (een "
        "zogenaamde zip-bom). Het bestand is niet geopend; vraag de afzender om een nieuw pakket."
    )


def _stream_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, is_sheet: bool) -> bool:
    """Decompress one part within its budget; refuse DTDs; True when a sheet holds formulas."""
    budget = min(info.file_size, MAX_PART_UNPACKED)
    seen = 0
    has_formula = False
    tail = b""
    with archive.open(info) as stream:
        first = True
        while chunk := stream.read(CHUNK):
            seen += len(chunk)
            if seen > budget:
                raise _bomb(Path(archive.filename or "pakket"))
            if first and info.filename.lower().endswith((".xml", ".rels", ".vml")):
                _refuse_dtd(archive, info, chunk)
            first = False
            if is_sheet and not has_formula:
                has_formula = _has_formula(tail + chunk[:8]) or _has_formula(chunk)
                tail = chunk[-8:]
    return has_formula


def _has_formula(data: bytes) -> bool:
    for marker in _FORMULA_MARKERS:
        start = data.find(marker)
        while start != -1:
            if data[start + 2 : start + 3] in _FORMULA_MARKER_ENDS:
                return True
            start = data.find(marker, start + 2)
    return False


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, chunk: bytes) -> None:
    prolog = chunk[:4096]
    if prolog.startswith((b"\xff\xfe", b"\xfe\xff")):
        prolog = prolog.decode("utf-16", errors="ignore").encode()
    if _DTD.search(prolog):
        raise _xml_bomb(archive, info.filename)


def _xml_bomb(archive: zipfile.ZipFile, part: str) -> PackageRefusedError:
    return refuse(
        f"{Path(archive.filename or 'pakket').name} bevat een XML-definitie (DOCTYPE of "
        f"ENTITY) in {part}; zo'n bestand kan het programma laten vastlopen (XML-bom) en wordt "
        "niet geopend. Vraag de afzender om een nieuw pakket."
    )


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part, from workbook.xml and its relationships (defusedxml)."""
    try:
        workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
        relations = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except DefusedXmlException as problem:
        raise _xml_bomb(archive, "xl/workbook.xml") from problem
    except (KeyError, SafeET.ParseError) as problem:
        raise refuse(
            f"{Path(archive.filename or 'pakket').name} is beschadigd: de lijst met bladen kan "
            "niet worden gelezen. Sla het bestand opnieuw op als .xlsx."
        ) from problem
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in relations.iter(f"{_NS_PKG_REL}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        parts[sheet.get("name", "")] = posixpath.normpath(part)
    return parts


def _formula_cells(archive: zipfile.ZipFile, part: str) -> list[str]:
    xml = archive.read(part)
    return [match.group(1).decode() for match in _FORMULA_CELL.finditer(xml)]
