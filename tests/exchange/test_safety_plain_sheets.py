"""The safety pass measures a sheet in plain XML from the raw bytes and anything else element
by element: both ways must hold every cell to the limits and find every formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from app.exchange.limits import SheetLimits
from app.exchange.problems import PackageRefusedError
from app.exchange.safety import CHUNK, inspect_package
from tests.exchange.hostile_parts import edit_part, sheet_part

FAR = b'<c r="XFD7" t="inlineStr"><is><t>x</t></is></c>'


def _workbook(folder: Path, rows: int = 3) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Acties")
    for number in range(rows):
        sheet.append([f"actie {number}", "tekst " * 20, number])
    path = folder / "bron.xlsx"
    workbook.save(path)
    return path


def _with_sheet(folder: Path, change: bytes, rows: int = 3) -> Path:
    source = _workbook(folder, rows)
    return edit_part(
        source,
        folder / "pakket.xlsx",
        sheet_part(source, "Acties"),
        lambda xml: xml.replace(b"</sheetData>", change + b"</sheetData>"),
    )


def _refusal(path: Path) -> str:
    with pytest.raises(PackageRefusedError) as refused:
        inspect_package(path)
    return str(refused.value)


def test_a_far_cell_is_refused_with_its_reference(tmp_path: Path) -> None:
    path = _with_sheet(tmp_path, b'<row r="7">' + FAR + b"</row>")

    assert "Blad Acties loopt tot cel XFD7" in _refusal(path)


def test_a_far_cell_with_a_prefix_is_refused(tmp_path: Path) -> None:
    far = FAR.replace(b"<c ", b"<x:c ").replace(b"</c>", b"</x:c>")
    row = b'<row r="7" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    path = _with_sheet(tmp_path, row + far + b"</row>")

    assert "Blad Acties loopt tot cel XFD7" in _refusal(path)


def test_a_far_cell_in_a_comment_is_no_cell_and_one_after_it_is(tmp_path: Path) -> None:
    assert inspect_package(_with_sheet(tmp_path, b"<!-- " + FAR + b" -->")).formula_cells == {}

    after = b'<!-- note --><row r="7">' + FAR + b"</row>"
    assert "Blad Acties loopt tot cel XFD7" in _refusal(_with_sheet(tmp_path, after))


def test_a_far_cell_across_the_boundary_of_two_chunks_is_refused(tmp_path: Path) -> None:
    # Enough rows to pass one chunk, then the far cell's tag split by the chunk boundary.
    source = _workbook(tmp_path, rows=CHUNK // 150)
    part = sheet_part(source, "Acties")

    def split_far_cell(xml: bytes) -> bytes:
        head, tail = xml[: CHUNK - 3], xml[CHUNK - 3 :]
        cut = head.rfind(b"</row>") + len(b"</row>")
        row = b'<row r="9">'
        filler = b" " * (CHUNK - 3 - cut - len(row))  # whitespace between rows: plain XML
        return head[:cut] + filler + row + FAR + b"</row>" + head[cut:] + tail

    path = edit_part(source, tmp_path / "pakket.xlsx", part, split_far_cell)

    assert "Blad Acties loopt tot cel XFD7" in _refusal(path)


def test_a_formula_in_a_large_plain_sheet_is_found_at_its_cell(tmp_path: Path) -> None:
    source = _workbook(tmp_path, rows=CHUNK // 100)
    part = sheet_part(source, "Acties")
    path = edit_part(
        source,
        tmp_path / "pakket.xlsx",
        part,
        lambda xml: xml.replace(b'<c r="C5000" t="n"><v>', b'<c r="C5000"><f>1+1</f><v>'),
    )

    assert inspect_package(path).formula_cells == {"Acties": ["C5000"]}


# Rows over more than one chunk, so the early cell lies far before the last cell of its chunk.
ROWS = CHUNK // 100
FAR_ROW = ROWS + 500
EARLY_CELLS = {
    # A cell in a column beyond the others, in the first row under the header (rows x J) ...
    "kolom": (b'<row r="2"><c r="J2" t="inlineStr"><is><t>x</t></is></c>', ROWS * 10),
    # ... and a row far below the others, before them in the file (that row x C).
    "rij": (
        b'<row r="%d"><c r="C%d" t="n"><v>1</v></c></row><row r="2">' % (FAR_ROW, FAR_ROW),
        FAR_ROW * 3,
    ),
}


@pytest.mark.parametrize("case", list(EARLY_CELLS))
def test_an_early_cell_beyond_the_later_ones_counts_for_the_extent(
    tmp_path: Path, case: str
) -> None:
    source = _workbook(tmp_path, rows=ROWS)
    early, extent = EARLY_CELLS[case]
    path = edit_part(
        source,
        tmp_path / "pakket.xlsx",
        sheet_part(source, "Acties"),
        lambda xml: xml.replace(b'<row r="2">', early, 1),
    )

    def limits(workbook_cells: int) -> SheetLimits:
        return SheetLimits(
            rows=100_000,
            columns=64,
            cells=2_500_000,
            workbook_cells=workbook_cells,
            what="een pakket",
        )

    # Exactly as large as its farthest cell: the limit holds it, one cell less refuses it.
    assert inspect_package(path, limits(extent)).formula_cells == {}
    with pytest.raises(PackageRefusedError, match="samen meer cellen"):
        inspect_package(path, limits(extent - 1))


@pytest.mark.parametrize(
    "hiding",
    [
        b'<row r="7"><c r="A7" t="inlineStr"><is><t><![CDATA[' + FAR + b"]]></t></is></c></row>",
        b"<?notitie " + FAR + b"?>",
        b'<row r="7"><c r="A7" t="inlineStr"><is><t>zie:c of:f en:row </t></is></c></row>',
    ],
    ids=["cdata", "instructie", "dubbele punt in tekst"],
)
def test_text_that_looks_like_a_far_cell_or_a_prefix_is_no_cell(
    tmp_path: Path, hiding: bytes
) -> None:
    assert inspect_package(_with_sheet(tmp_path, hiding)).formula_cells == {}
