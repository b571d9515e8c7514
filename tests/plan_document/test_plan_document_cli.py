"""`plan-document` and `driehoek` on the command line, as a projectleider runs them: on each
of the nine demo workspaces a Word file that Word (python-docx) reads back with every chapter
as a Heading 1 and the goals as a table, and a PDF whose text has the same chapters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from app.core.goals.goals import list_goals
from app.core.plan.document import CHAPTERS, GOALS_HEADER, ILLUSTRATIVE
from app.kernel.reference import participants
from app.kernel.workspace import open_workspace

CODES = [m.cbs_code for m in participants()]


def _run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "WONINGINBRAKEN_DATA_DIR": str(data_dir)},
        timeout=600,
        check=False,
    )


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _squeezed(text: str) -> str:
    """Without white space and hyphens: a PDF line may break a text after a hyphen, and
    pdftotext then joins the parts without it."""
    return "".join(text.split()).replace("-", "")


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demos")
    made = {}
    for code in CODES:
        path = folder / f"{code}.db"
        result = _run("demo", "--db", str(path), "--gemeente", code, data_dir=folder / "data")
        assert result.returncode == 0, result.stderr
        made[code] = path
    return made


def test_nine_participants() -> None:
    assert len(CODES) == 9


@pytest.mark.parametrize("code", CODES)
def test_the_plan_as_word_and_pdf_has_every_chapter_and_the_goals(
    code: str, demos: dict[str, Path], tmp_path: Path
) -> None:
    database = demos[code]
    word, pdf = tmp_path / "plan.docx", tmp_path / "plan.pdf"
    for out in (word, pdf):
        made = _run("plan-document", "--db", str(database), "--out", str(out), data_dir=tmp_path)
        assert made.returncode == 0, made.stderr
        assert f"Plan van aanpak gemaakt: {out}" in made.stdout
    with open_workspace(database) as workspace:
        goals = [row.draft.title for row in list_goals(workspace)]

    document = docx.Document(str(word))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(CHAPTERS)
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    assert any(ILLUSTRATIVE in p.text for p in document.paragraphs)
    [goal_table] = [
        t for t in document.tables if tuple(c.text for c in t.rows[0].cells) == GOALS_HEADER
    ]
    titles = [row.cells[0].text for row in goal_table.rows[1:]]
    assert len(titles) == len(goals)
    assert all(any(t.startswith(goal) for t in titles) for goal in goals)
    assert "met de hand" in " ".join(c.text for row in goal_table.rows for c in row.cells)

    text = _pdf_text(pdf)
    positions = [text.find(chapter) for chapter in CHAPTERS]
    assert all(p >= 0 for p in positions), CHAPTERS
    assert positions == sorted(positions)
    assert "DEMO, illustratief" in text
    flat = _squeezed(text)
    assert all(_squeezed(goal) in flat for goal in goals)


def test_the_driehoek_report_is_one_to_two_pages(demos: dict[str, Path], tmp_path: Path) -> None:
    from app.core.plan.driehoek_report import CHAPTERS as REPORT_CHAPTERS

    database = demos["GM0513"]
    pdf, word = tmp_path / "driehoek.pdf", tmp_path / "driehoek.docx"
    for out in (pdf, word):
        made = _run("driehoek", "--db", str(database), "--out", str(out), data_dir=tmp_path)
        assert made.returncode == 0, made.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    assert 1 <= pages <= 2
    text = _pdf_text(pdf)
    assert all(chapter in text for chapter in REPORT_CHAPTERS)
    assert "Inbraakrisico per 1.000 woningen" in text
    document = docx.Document(str(word))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == list(
        REPORT_CHAPTERS
    )


def test_a_file_that_is_neither_word_nor_pdf_is_refused(
    demos: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "plan.txt"
    made = _run("plan-document", "--db", str(demos["GM0513"]), "--out", str(out), data_dir=tmp_path)
    assert made.returncode == 1
    assert "niet 'plan.txt'" in made.stderr and ".docx" in made.stderr
    assert "Traceback" not in made.stderr
    assert not out.exists()


def test_the_rsiv_workspace_has_no_plan_to_print(tmp_path: Path) -> None:
    rsiv = tmp_path / "rsiv.db"
    assert _run("init", "--db", str(rsiv), "--rsiv", data_dir=tmp_path).returncode == 0
    for command in ("plan-document", "driehoek"):
        out = tmp_path / "uit.pdf"
        made = _run(command, "--db", str(rsiv), "--out", str(out), data_dir=tmp_path)
        assert made.returncode == 1, command
        assert "RSIV-werkruimte" in made.stderr
        assert not out.exists()
