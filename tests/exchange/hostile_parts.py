"""Edits on the parsed parts of an .xlsx, for files no spreadsheet program would write."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.fuzz.mutations import read_parts, write_parts


def sheet_part(path: Path, sheet: str) -> str:
    """The part that holds `sheet`, found through workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        relations = archive.read("xl/_rels/workbook.xml.rels").decode()
    relation = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', workbook)
    assert relation is not None, sheet
    target = re.search(rf'Id="{relation.group(1)}"[^>]*Target="([^"]+)"', relations) or re.search(
        rf'Target="([^"]+)"[^>]*Id="{relation.group(1)}"', relations
    )
    assert target is not None
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def edit_part(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    parts = [(name, change(data) if name == part else data) for name, data in read_parts(source)]
    target.write_bytes(write_parts(parts))
    return target


def add_parts(source: Path, target: Path, extra: list[tuple[str, bytes]]) -> Path:
    target.write_bytes(write_parts([*read_parts(source), *extra]))
    return target


def set_cell(source: Path, target: Path, sheet: str, cell: str, value: object) -> Path:
    workbook = openpyxl.load_workbook(source)
    workbook[sheet][cell] = value
    workbook.save(target)
    return target


def set_metadata(source: Path, target: Path, key: str, value: str) -> Path:
    workbook = openpyxl.load_workbook(source)
    for row in workbook["Metadata"].iter_rows():
        if row[0].value == key:
            row[1].value = value
    workbook.save(target)
    return target
