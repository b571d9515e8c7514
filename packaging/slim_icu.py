"""Linux build step: a 3 MB ICU data library in place of the 31 MB one PySide6 ships.

Qt on Linux uses ICU (libicudata holds all of ICU's data) only for QCollator's sorting,
locale-aware upper and lower case, time-zone display names and the legacy text codecs of
QStringConverter. The app works in Dutch and English, so the slim library keeps the root, Dutch
and English locales with their collation, time-zone and region names, the time-zone and
supplemental tables, and the single-byte Western and Central European code pages; it drops
the other locales, the word-break dictionaries, transliteration, rule-based number formats and
the East Asian code pages. Case mapping and character properties live in libicuuc, untouched.

Needs binutils (nm, readelf, as, ld) and icupkg (Debian's icu-devtools; its version 72 reads
and writes the common-data format of ICU 73 unchanged). Windows and macOS builds use the
system's ICU through Qt and never run this step.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

Toc = list[tuple[str, str, str]]  # PyInstaller's (destination, source, kind) entries

# The package items (paths inside ICU's common data) that the slim library keeps.
KEPT_ITEMS = re.compile(
    r"""
    ^(coll/|zone/|region/)?(root|nl(_\w+)?|en(_\w+)?|pool|res_index)\.res$  # locales, per tree
    | ^coll/ucadata\.icu$                                   # the root collation table
    | ^(currencyNumericCodes|dayPeriods|icustd|icuver|keyTypeData|langInfo|likelySubtags
        |metaZones|metadata|numberingSystems|pluralRanges|plurals|supplementalData
        |timezoneTypes|windowsZones|zoneinfo64)\.res$       # tables that are no locale
    | ^(cnvalias\.icu|nfkc\.nrm|nfkc_cf\.nrm|uts46\.nrm|ulayout\.icu)$
    | ^ibm-(5346|5347|5348|5349|5350|5351|5352|5353|5354)_P\w+\.cnv$  # windows-1250 .. 1258
    | ^ibm-(912|913|914|915|916|920|921|923)_P\w+\.cnv$     # ISO-8859-2 .. 15
    | ^iso-8859_(10|14)-1998\.cnv$
    | ^ibm-(437|850|858)_P\w+\.cnv$                         # DOS code pages
    """,
    re.VERBOSE,
)
# Items whose absence would mean the filter above no longer matches ICU's layout.
REQUIRED_ITEMS = ("root.res", "nl.res", "coll/nl.res", "coll/ucadata.icu", "cnvalias.icu")
ICU_DATA_LIBRARY = re.compile(r"(^|/)PySide6/Qt/lib/libicudata\.so\.\d+$")


def with_slim_icu(binaries: Toc, workdir: Path) -> Toc:
    """The TOC `binaries` with PySide6's libicudata replaced by a slim build of it."""
    matches = [entry for entry in binaries if ICU_DATA_LIBRARY.search(entry[0])]
    if len(matches) != 1:
        raise SystemExit(f"slim_icu: expected PySide6's libicudata once, found {len(matches)}")
    name, source, kind = matches[0]
    slim = build_slim_library(Path(source), workdir / "slim_icu")
    return [(name, str(slim), kind) if entry is matches[0] else entry for entry in binaries]


def build_slim_library(original: Path, workdir: Path) -> Path:
    """Cut the common data out of `original`, drop the unused items, link it again."""
    workdir.mkdir(parents=True, exist_ok=True)
    symbol, data = _common_data(original)
    package = symbol.removesuffix("_dat") + "l"  # ICU names little-endian packages "...l"
    full, slim = workdir / "full", workdir / "slim"
    for folder in (full, slim):
        folder.mkdir(exist_ok=True)
    (full / f"{package}.dat").write_bytes(data)
    items = _run("icupkg", "-l", str(full / f"{package}.dat")).split()
    missing = [item for item in REQUIRED_ITEMS if item not in items]
    if missing:
        raise SystemExit(f"slim_icu: {original.name} lacks {', '.join(missing)}")
    dropped = workdir / "dropped.txt"
    dropped.write_text("".join(f"{item}\n" for item in items if not KEPT_ITEMS.search(item)))
    _run("icupkg", "-r", str(dropped), str(full / f"{package}.dat"), str(slim / f"{package}.dat"))

    assembly = workdir / "icudata.s"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{slim / f"{package}.dat"}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    target = workdir / original.name
    _run("as", "-o", str(workdir / "icudata.o"), str(assembly))
    _run(
        "ld", "-shared", "-z", "noexecstack", "-soname", original.name,
        "-o", str(target), str(workdir / "icudata.o"),
    )  # fmt: skip
    return target


def _common_data(library: Path) -> tuple[str, bytes]:
    """The exported data symbol (icudtNN_dat) of an ICU data library and its bytes."""
    symbols = [
        line.split() for line in _run("nm", "-D", "--defined-only", "-S", str(library)).splitlines()
    ]
    address, size, symbol = next(
        (int(fields[0], 16), int(fields[1], 16), fields[3])
        for fields in symbols
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3])
    )
    # The file offset of the symbol: through the section that holds it.
    for line in _run("readelf", "-SW", str(library)).splitlines():
        fields = re.sub(r"^\s*\[\s*\d+\]", "", line).split()
        if len(fields) >= 5 and fields[0] == ".rodata":
            section_address, section_offset = int(fields[2], 16), int(fields[3], 16)
            offset = section_offset + address - section_address
            with library.open("rb") as binary:
                binary.seek(offset)
                return symbol, binary.read(size)
    raise SystemExit(f"slim_icu: no .rodata section in {library.name}")


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
