"""Reading CBS open data: table 47022NED and "Kerncijfers wijken en buurten" (parsing only).

Both come as the OData typed data set (JSON: `{"value": [...]}` or a bare list) or as the
StatLine CSV (';' or ',' separated, quoted). CBS pads codes with spaces ("1.1.1   ",
"BU05130001"), names the figure's column with a numbered suffix (`GeregistreerdeMisdrijven_1`,
`Woningvoorraad_34`), writes `null`, an empty cell or "." for a withheld cell, and mixes
roll-ups into the rows they total: offence `0.0.0` is all crime and `2025JJ00` a whole year.
Only `1.1.1` (woninginbraak, attempts included without a split) per month is kept, and only
for the gemeenten asked for, their wijken and buurten.

The file is read as a stream (csv module; JSON object by object), so a file of millions of
rows for a whole eenheid never sits in memory as a whole. No database here: the use case in
app.core stores what this returns.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, TextIO

from app.kernel.errors import UserError
from app.kernel.files import unreadable_file

CRIME_TABLE = "47022NED"
DWELLINGS_TABLE = "Kerncijfers wijken en buurten"
DWELLINGS_SOURCE = "Kerncijfers"  # stored (16 characters at most) when the file has no table id
BURGLARY_OFFENCE = "1.1.1"
ALL_CRIME_OFFENCE = "0.0.0"
WITHHELD_TEXT = frozenset({"", ".", "null"})
ERRORS_SHOWN = 25
ERRORS_COLLECTED = 1000
CHUNK_CHARS = 1 << 20
ONE_BY_ONE = 10_000  # records decoded one at a time after a buffer that would not batch
HEAD_CHARS = 1 << 16
CODE_LIST_STEM = "wijkenenbuurten"
CSV_SUFFIXES = frozenset({".csv", ".txt"})

_MONTH = re.compile(r"^(\d{4})MM(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^(\d{4})JJ00$")
_AREA_LENGTH = {"GM": 6, "WK": 8, "BU": 10}
_SEPARATORS = re.compile(r"[\s,]*")
_WHITESPACE = re.compile(r"\s*")
_TABLE_ID = re.compile(r"/(\d{5}[A-Z]{3})(?:/|$)")
_CBS_TOPIC = re.compile(r"^(geregistreerdemisdrijven|woningvoorraad)_\d+$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


# The picked cells of a row, or (CSV with a hint) the raw text of a line that was not parsed.
Row = Sequence[object] | str


class OpenDataKind(StrEnum):
    BURGLARIES = "burglaries"  # 47022NED: registered burglaries incl. attempts, per month
    DWELLINGS = "dwellings"  # Kerncijfers: dwelling stock on 1 January, per year


class OpenDataError(UserError):
    """A file that was refused; `problems` holds every error line found."""

    def __init__(self, file_name: str, problems: list[str]) -> None:
        shown = problems[:ERRORS_SHOWN]
        count = f"{len(problems)} {'fout' if len(problems) == 1 else 'fouten'}"
        lines = [
            f"{file_name} is niet ingelezen; er is niets opgeslagen. {count}:",
            *(f"- {problem}" for problem in shown),
        ]
        if len(problems) > len(shown):
            lines.append(f"- ... en nog {len(problems) - len(shown)} andere fouten.")
        super().__init__("\n".join(lines))
        self.problems = tuple(problems)


class OpenDataCell(NamedTuple):
    """One kept figure; `value` None means withheld by CBS (unknown, not zero)."""

    municipality_code: str  # GMnnnn
    area_code: str  # GMnnnn, WKnnnnnn or BUnnnnnnnn
    period: date  # first day of the month (burglaries) or 1 January (dwellings)
    value: int | None


@dataclass
class OpenDataFile:
    """What a file held for the gemeenten asked for, and what was left out and why."""

    kind: OpenDataKind
    source: str  # "47022NED"; for Kerncijfers the table id when the file names it
    cells: list[OpenDataCell] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # area code -> title from the code list
    rows_read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows
    code_list: str = ""  # the file name of the code list used, "" without one

    @property
    def withheld(self) -> int:
        return sum(1 for cell in self.cells if cell.value is None)


def looks_like_open_data(path: Path) -> bool:
    """True for JSON, and for a CSV whose header has a CBS column (the own formats have none)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return True
    if path.suffix.lower() not in CSV_SUFFIXES or not path.is_file():
        return False
    with path.open("rb") as handle:
        head = handle.read(HEAD_CHARS)
    first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
    names = {_fold(name) for name in re.split(r"[;,\t]", first_line)}
    # CBS numbers its topics (Woningvoorraad_34); the own dwellings file says 'woningvoorraad'.
    return bool(names & {"wijkenenbuurten", "soortmisdrijf", "perioden", "regios"}) or any(
        _CBS_TOPIC.match(name) for name in names
    )


def read_open_data(path: Path, municipality_codes: Collection[str]) -> OpenDataFile:
    """The kept cells of `path` for the gemeenten `municipality_codes` (GMnnnn each)."""
    path = Path(path)
    if problem := unreadable_file(path):
        raise UserError(problem)
    if path.stat().st_size == 0:
        raise UserError(f"Het bestand {path.name} is leeg. Kies het bestand van CBS.")
    wanted = frozenset(code.upper()[2:] for code in municipality_codes)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            source: _CsvRows | _JsonRows
            if path.suffix.lower() == ".json":
                source = _JsonRows(path.name, handle)
            else:
                source = _CsvRows(path.name, handle)
            result = _Reader(path, source, wanted).read()
    except UnicodeDecodeError as error:
        raise UserError(
            f"{path.name} is geen UTF-8-tekst (byte {error.start + 1} is onleesbaar). Download "
            "het bestand opnieuw bij CBS en bewaar het zonder het in Excel te openen."
        ) from None
    result.names = _code_list_names(path, {cell.area_code for cell in result.cells}, result)
    return result


class _CsvRows:
    """The StatLine CSV: a header line, then one quoted row per line."""

    def __init__(self, file_name: str, handle: TextIO) -> None:
        self.file_name = file_name
        first = handle.readline()
        if not first.strip():
            raise UserError(
                f"{file_name} begint met een lege regel. De eerste regel moet de kopregel van "
                "de CBS-tabel zijn."
            )
        delimiter = max((";", ",", "\t"), key=first.count)
        self.names = [name.strip() for name in next(csv.reader([first], delimiter=delimiter))]
        self.table_id = ""
        self._handle = handle
        self._delimiter = delimiter

    def place(self, number: int) -> str:
        return f"Rij {number}"

    def rows(self, columns: list[str], hint: str = "") -> Iterator[tuple[int, Row]]:
        """Each row's `columns`. With a `hint`, a line without that text is not parsed and
        comes as its raw text: in 47022NED nine rows in ten are other offences. (CBS writes no
        line breaks inside a field, so a line is a row.)"""
        positions = [self.names.index(name) for name in columns]
        last = max(positions)
        pick = itemgetter(*positions)
        current = [1]  # the line number of the line the parser was handed last
        passed_over: list[tuple[int, str]] = []

        def lines() -> Iterator[str]:
            for number, line in enumerate(self._handle, start=2):
                if hint and hint not in line:
                    if line.strip():
                        passed_over.append((number, line))
                    continue
                current[0] = number
                yield line

        for row in csv.reader(lines(), delimiter=self._delimiter):
            if passed_over:
                yield from passed_over
                passed_over.clear()
            number = current[0]
            if len(row) <= last:
                if not any(cell.strip() for cell in row):
                    continue
                raise OpenDataError(
                    self.file_name,
                    [
                        f"Rij {number} heeft {len(row)} velden; de kopregel heeft er "
                        f"{len(self.names)}. Download het bestand opnieuw bij CBS."
                    ],
                )
            yield number, pick(row)
        yield from passed_over


class _JsonRows:
    """The OData typed data set, decoded one record at a time from a text stream."""

    def __init__(self, file_name: str, handle: TextIO) -> None:
        self.file_name = file_name
        self._handle = handle
        self._buffer = ""
        self._position = 0
        self._ended = False
        self._decoder = json.JSONDecoder()
        self.table_id = ""
        self._first: dict[str, object] | None = None
        self._open_array()
        self._first = self._next_record()
        if self._first is None:
            raise UserError(
                f"{file_name} bevat geen regels (de lijst 'value' is leeg). Download de tabel "
                "opnieuw bij CBS, met de perioden en gebieden die u nodig heeft."
            )
        self.names = list(self._first)

    def place(self, number: int) -> str:
        return f"Record {number}"

    def rows(self, columns: list[str]) -> Iterator[tuple[int, Sequence[object]]]:
        """Each record's `columns`, decoded a buffer at a time: one json.loads call for
        thousands of records keeps the per-record cost in C."""
        pick = itemgetter(*columns)

        def picked(record: dict[str, object]) -> Sequence[object]:
            try:
                return pick(record)
            except KeyError:  # a record without a field: treated as an empty cell
                return [record.get(name) for name in columns]

        assert self._first is not None
        yield 1, picked(self._first)
        number = 1
        one_by_one = 0
        while True:
            following = self._skip(_SEPARATORS)
            if following == "]":
                return
            if following != "{":
                raise self._broken()
            if len(self._buffer) - self._position < CHUNK_CHARS and not self._ended:
                self._refill()
            batch = self._batch() if one_by_one == 0 else None
            if batch is None:
                # Nested values or a brace inside a string: the slow, exact way for a while.
                record = self._next_record()
                if record is None:
                    return
                batch = [record]
                one_by_one = (one_by_one + 1) % ONE_BY_ONE
            for record in batch:
                number += 1
                yield number, picked(record)

    def _batch(self) -> list[dict[str, object]] | None:
        """The whole records from here to the last '}' in the buffer, or None when that
        text is not a list of flat records."""
        # Records are flat: the first ']' ends the list (json.loads below checks the guess).
        list_end = self._buffer.find("]", self._position)
        end = self._buffer.rfind("}", self._position, None if list_end < 0 else list_end)
        if end < 0:
            return None
        try:
            batch = json.loads("[" + self._buffer[self._position : end + 1] + "]")
        except ValueError:
            return None
        if not all(isinstance(record, dict) for record in batch):
            return None
        self._position = end + 1
        return batch

    def _refill(self) -> bool:
        more = self._handle.read(CHUNK_CHARS)
        if not more:
            self._ended = True
            return False
        self._buffer = self._buffer[self._position :] + more
        self._position = 0
        return True

    def _skip(self, pattern: re.Pattern[str]) -> str:
        """Skip what `pattern` matches; the next character ("" at the end of the file)."""
        while True:
            self._position = pattern.match(self._buffer, self._position).end()  # type: ignore[union-attr]
            if self._position < len(self._buffer) or not self._refill():
                return self._buffer[self._position : self._position + 1]

    def _decode(self) -> object:
        while True:
            if len(self._buffer) - self._position < HEAD_CHARS and not self._ended:
                self._refill()
            try:
                value, self._position = self._decoder.raw_decode(self._buffer, self._position)
                return value
            except json.JSONDecodeError:
                if self._ended or not self._refill():
                    raise self._broken() from None

    def _broken(self) -> UserError:
        return UserError(
            f"{self.file_name} is geen geldig JSON-bestand (het houdt halverwege op of bevat een "
            "fout). Download de tabel opnieuw bij CBS."
        )

    def _open_array(self) -> None:
        """Move to just inside the list of records: the bare list, or the object's 'value'."""
        first = self._skip(_WHITESPACE)
        if first == "[":
            self._position += 1
            return
        if first != "{":
            raise self._broken()
        self._position += 1
        while True:
            if self._skip(_SEPARATORS) != '"':
                raise UserError(
                    f"{self.file_name} heeft geen lijst 'value' met regels: het is geen "
                    "'TypedDataSet' van CBS. Download de tabel als TypedDataSet (JSON) of als CSV."
                )
            key = self._decode()
            if self._skip(_WHITESPACE) != ":":
                raise self._broken()
            self._position += 1
            following = self._skip(_WHITESPACE)
            if key == "value" and following == "[":
                self._position += 1
                return
            value = self._decode()
            if isinstance(key, str) and "metadata" in key.casefold() and isinstance(value, str):
                found = _TABLE_ID.search(value)
                self.table_id = found.group(1) if found else ""

    def _next_record(self) -> dict[str, object] | None:
        following = self._skip(_SEPARATORS)
        if following == "]":
            return None
        if following != "{":
            raise self._broken()
        record = self._decode()
        if not isinstance(record, dict):
            raise self._broken()
        return record


class _Reader:
    """Recognises the table from its columns, then filters and checks its rows."""

    def __init__(self, path: Path, source: _CsvRows | _JsonRows, wanted: frozenset[str]) -> None:
        self.path = path
        self.source = source
        self.wanted = wanted
        self.problems: list[str] = []
        self.first_row: dict[tuple[str, date], int] = {}
        self.monthly = True

    def read(self) -> OpenDataFile:
        names = self.source.names
        folded = {_fold(name): name for name in names}
        count = _prefixed(names, "geregistreerdemisdrijven")
        stock = _prefixed(names, "woningvoorraad")
        crime = ("soortmisdrijf", "wijkenenbuurten", "perioden")
        if count and all(key in folded for key in crime):
            columns = [folded[key] for key in crime] + [count]
            result = OpenDataFile(OpenDataKind.BURGLARIES, CRIME_TABLE)
            self._read_crime(result, columns)
        elif stock and "wijkenenbuurten" in folded and "soortmisdrijf" not in folded:
            period = folded.get("perioden")
            columns = [folded["wijkenenbuurten"], stock, *([period] if period else [])]
            source = self.source.table_id or DWELLINGS_SOURCE
            result = OpenDataFile(OpenDataKind.DWELLINGS, source)
            self.monthly = False
            self._read_dwellings(result, columns, None if period else _table_year(self.path))
        else:
            raise UserError(_unknown_table(self.path.name, folded, self.source.table_id))
        if self.problems:
            raise OpenDataError(self.path.name, self.problems)
        return result

    def _read_crime(self, result: OpenDataFile, columns: list[str]) -> None:
        # The hot loop of a file with millions of rows: plain counters and a month cache.
        rows_read = roll_ups = offences = areas = not_months = 0
        months: dict[str, date] = {}
        names = (columns[1], columns[3])
        rows = (
            self.source.rows(columns, BURGLARY_OFFENCE)
            if isinstance(self.source, _CsvRows)
            else self.source.rows(columns)
        )
        for number, row in rows:
            rows_read += 1
            if isinstance(row, str):  # a CSV line that cannot be 1.1.1: not parsed
                if ALL_CRIME_OFFENCE in row:
                    roll_ups += 1
                else:
                    offences += 1
                continue
            offence, area, period, value = row
            offence = str(offence or "").strip()
            if offence != BURGLARY_OFFENCE:
                if offence == ALL_CRIME_OFFENCE:
                    roll_ups += 1
                else:
                    offences += 1
                continue
            area = str(area or "").strip().upper()
            if not self._is_wanted(area):
                areas += 1
                continue
            period = str(period or "").strip()
            moment = months.get(period)
            if moment is None:
                month = _MONTH.match(period)
                if month is None:
                    if _YEAR.match(period) or "KW" in period or "JJ" in period:
                        not_months += 1
                    else:
                        self._problem(
                            number,
                            columns[2],
                            f"'{period}' is geen periode van CBS. Een maand staat er als 2025MM09.",
                        )
                    continue
                moment = months[period] = date(int(month.group(1)), int(month.group(2)), 1)
            self._keep(result.cells, number, names, area, moment, value)
            if len(self.problems) >= ERRORS_COLLECTED:
                break
        result.rows_read = rows_read
        counts = {
            "roll-up": roll_ups,
            "offence": offences,
            "area": areas,
            "not a month": not_months,
        }
        result.skipped.update({reason: n for reason, n in counts.items() if n})

    def _read_dwellings(self, result: OpenDataFile, columns: list[str], year: int | None) -> None:
        for number, row in self.source.rows(columns):
            assert not isinstance(row, str)  # no hint given: every row is parsed
            result.rows_read += 1
            area = str(row[0] or "").strip().upper()
            if not self._is_wanted(area):
                result.skipped["area"] += 1
                continue
            if year is None:
                period = str(row[2] or "").strip()
                found = _YEAR.match(period)
                if found is None:
                    result.skipped["not a year"] += 1
                    continue
                moment = date(int(found.group(1)), 1, 1)
            else:
                moment = date(year, 1, 1)
            self._keep(result.cells, number, (columns[0], columns[1]), area, moment, row[1])
            if len(self.problems) >= ERRORS_COLLECTED:
                break

    def _is_wanted(self, area: str) -> bool:
        return _AREA_LENGTH.get(area[:2]) == len(area) and area[2:6] in self.wanted

    def _keep(
        self,
        cells: list[OpenDataCell],
        number: int,
        columns: tuple[str, str],
        area: str,
        moment: date,
        raw: object,
    ) -> None:
        """Keep one cell; `columns` names the area and the value column for error lines."""
        try:
            value = _count(raw)
        except ValueError as error:
            self._problem(number, columns[1], str(error))
            return
        earlier = self.first_row.setdefault((area, moment), number)
        if earlier != number:
            shown = f"{moment:%Y-%m}" if self.monthly else str(moment.year)
            self._problem(
                number,
                columns[0],
                f"{area} in {shown} staat ook in {self.source.place(earlier).lower()}. "
                "Download de tabel opnieuw bij CBS.",
            )
            return
        cells.append(OpenDataCell(f"GM{area[2:6]}", area, moment, value))

    def _problem(self, number: int, column: str, text: str) -> None:
        where = self.source.place(number)
        field_word = "veld" if isinstance(self.source, _JsonRows) else "kolom"
        self.problems.append(f"{where}, {field_word} '{column}': {text}")


def _count(raw: object) -> int | None:
    """A cell's count; None for a withheld cell. Raises ValueError with Dutch text."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"'{raw}' is geen aantal.")
    if isinstance(raw, int | float):
        if raw < 0 or raw != int(raw):
            raise ValueError(f"{raw} is geen aantal (een geheel getal van 0 of meer).")
        return int(raw)
    text = str(raw).strip()
    if text.casefold() in WITHHELD_TEXT:
        return None
    if text.isdigit():
        return int(text)
    raise ValueError(
        f"'{text[:40]}' is geen aantal. Verwacht is een geheel getal, of '.' voor een cel die "
        "CBS geheimhoudt."
    )


def _fold(name: str) -> str:
    return name.strip().strip('"').strip().casefold()


def _prefixed(names: list[str], prefix: str) -> str | None:
    """The first column named `prefix` plus CBS's numbered suffix (`_1`, `_34`...)."""
    return next((name for name in names if _fold(name).startswith(prefix)), None)


def _table_year(path: Path) -> int:
    """The year of a Kerncijfers table: CBS publishes one table per year, without a period
    column. Taken from TableInfos.json beside the file, else from the file name."""
    for info in path.parent.iterdir():
        if info.name.casefold() == "tableinfos.json":
            try:
                raw = json.loads(info.read_text("utf-8-sig"))
            except (OSError, ValueError):
                break
            records = raw.get("value", raw) if isinstance(raw, dict) else raw
            for record in records if isinstance(records, list) else []:
                found = _YEAR_IN_NAME.search(str(record.get("Period", "")))
                if found:
                    return int(found.group(1))
    found = _YEAR_IN_NAME.search(path.stem)
    if found:
        return int(found.group(1))
    raise UserError(
        f"Het jaar van {path.name} is onbekend: CBS maakt voor elk jaar een eigen tabel "
        "Kerncijfers wijken en buurten, zonder kolom met het jaar. Zet het jaar in de "
        "bestandsnaam (bijvoorbeeld kerncijfers-2019.csv) of bewaar TableInfos.json ernaast."
    )


def _unknown_table(file_name: str, folded: dict[str, str], table_id: str) -> str:
    """One Dutch sentence: which table the file looks like and what to download instead."""
    download = (
        f"Download tabel {CRIME_TABLE} (Geregistreerde misdrijven; soort misdrijf, wijk en "
        f"buurt) voor de inbraken of {DWELLINGS_TABLE} voor de woningvoorraad, als "
        "TypedDataSet (JSON) of als CSV."
    )
    it_is = f"CBS-tabel {table_id}" if table_id else "een andere CBS-tabel"
    if set(folded) <= {"key", "title", "description", "categorygroupid", "dimensiongroupid"}:
        return (
            f"{file_name} is een codelijst (Key en Title), niet de tabel zelf. Kies het bestand "
            "met de gegevens (TypedDataSet); de codelijst mag ernaast staan."
        )
    if "regios" in folded and ("soortmisdrijf" in folded or _has_count(folded)):
        return (
            f"{file_name} lijkt op CBS-tabel 83648NED (Geregistreerde criminaliteit; soort "
            "misdrijf, regio): jaarcijfers per gemeente, zonder buurten en maanden. " + download
        )
    if _has_count(folded):
        missing = [k for k in ("soortmisdrijf", "wijkenenbuurten", "perioden") if k not in folded]
        shown = ", ".join({"soortmisdrijf": "SoortMisdrijf"}.get(k, k) for k in missing)
        return (
            f"{file_name} lijkt op tabel {CRIME_TABLE}, maar de kolom(men) {shown} ontbreken. "
            + download
        )
    if "wijkenenbuurten" in folded:
        return (
            f"{file_name} is {it_is} met wijken en buurten, maar zonder kolom "
            "GeregistreerdeMisdrijven of Woningvoorraad. " + download
        )
    shown = ", ".join(list(folded.values())[:6])
    return f"{file_name} is geen tabel die het programma kent (kolommen: {shown}). " + download


def _has_count(folded: dict[str, str]) -> bool:
    return any(name.startswith("geregistreerdemisdrijven") for name in folded)


def _code_list_names(path: Path, areas: set[str], result: OpenDataFile) -> dict[str, str]:
    """Area titles from WijkenEnBuurten.json or .csv beside the file, for the kept areas."""
    for candidate in sorted(path.parent.iterdir()):
        if candidate.stem.casefold() != CODE_LIST_STEM or candidate == path:
            continue
        if candidate.suffix.lower() not in {".json", *CSV_SUFFIXES}:
            continue
        try:
            pairs = _code_list_pairs(candidate)
        except (OSError, ValueError, csv.Error, AttributeError, TypeError):
            raise UserError(
                f"De codelijst {candidate.name} naast {path.name} is niet te lezen. Download "
                "hem opnieuw bij CBS (Key en Title), of haal hem weg: dan tonen de schermen "
                "de codes."
            ) from None
        result.code_list = candidate.name
        return {key: title for key, title in pairs if key in areas and title}
    return {}


def _code_list_pairs(path: Path) -> Iterator[tuple[str, str]]:
    text = path.read_text("utf-8-sig")
    if path.suffix.lower() == ".json":
        raw = json.loads(text)
        records = raw["value"] if isinstance(raw, dict) else raw
        for record in records:
            yield str(record["Key"]).strip().upper(), str(record.get("Title") or "").strip()
        return
    lines = text.splitlines()
    delimiter = max((";", ",", "\t"), key=lines[0].count)
    reader = csv.reader(lines, delimiter=delimiter)
    header = [_fold(name) for name in next(reader)]
    key, title = header.index("key"), header.index("title")
    for row in reader:
        if len(row) > max(key, title):
            yield row[key].strip().upper(), row[title].strip()
