"""The safety pass measures a sheet in plain XML from the raw bytes and anything else element
by element: both ways must hold every cell to the limits and find every formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

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
