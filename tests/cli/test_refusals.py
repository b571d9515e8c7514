"""Every refusal and usage error the command line can give: Dutch, short, no library text.

Each case runs the real command line (`app.cli.main`, the function `python -m app` calls)
with a workspace, file or argument a user could get wrong, and reads what lands on stderr.
A user must see a Dutch sentence they can act on: exit 1 for a refusal, 2 for a usage
error; never a traceback, an English message from the operating system or a library, or a
UTC timestamp.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.core.hotspots.analysis_forms import accept_form, make_form, preview_form
from app.core.hotspots.hotspot_list import list_hotspots
from app.core.packages.export import export_package
from app.core.packages.importer import import_package
from app.core.packages.merge import merge_package
from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace, open_workspace
from database.enums import WorkspaceRole

# Words that only show up when an English message from Python, the OS or a library got
# through; matched as whole words, case-insensitive.
ENGLISH_MARKERS = (
    "error",
    "errno",
    "traceback",
    "permission",
    "denied",
    "directory",
    "file",
    "such",
    "not",
    "the",
    "invalid",
    "expected",
    "required",
    "usage",
    "records",
    "cannot",
    "failed",
    "unable",
    "none",
    "exception",
    "object",
    "unexpected",
)
ENGLISH = re.compile(rf"\b({'|'.join(ENGLISH_MARKERS)})\b", re.IGNORECASE)
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|[+-]\d{2}:\d{2}\b|\bUTC\b")
NOTHING_STORED = re.compile(r"niets (is )?(opgeslagen|gewijzigd)|niet (is )?gewijzigd")
# Paths are the user's own words, and the test's folders are named in English by pytest.
PATHLIKE = re.compile(r"\S*[/\\]\S*|\S+\.(?:db|xlsx|csv|pdf|txt|lock)\b")


@dataclass(frozen=True)
class Files:
    """Workspaces and files a user might point the command line at."""

    folder: Path
    gemeente: Path  # an empty Gouda workspace
    demo: Path  # Gouda with its demo plan
    rsiv: Path  # an empty RSIV workspace
    merged: Path  # an RSIV workspace that merged Gouda's package
    delft_package: Path  # a package of another gemeente
    gouda_package: Path
    text: Path  # a text file, not a workspace or workbook
    empty: Path  # a file of zero bytes
    not_a_zip: Path  # named .xlsx, but not a workbook
    zip_not_xlsx: Path  # a zip file that is no workbook
    truncated: Path  # a package cut off halfway, as by a failed download
    bad_csv: Path  # figures with a wrong header
    blocked: Path  # a file where a folder is expected
    new_laptop_package: Path  # Gouda's package from a second workspace (a handover)
    handed_over: Path  # an RSIV workspace that accepted that handover
    old_laptop_package: Path  # a later package of Gouda's first workspace
    read_form: Path  # a returned form that the demo workspace has read already


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    folder = tmp_path_factory.mktemp("weigeringen")
    gemeente, demo, rsiv = folder / "gouda.db", folder / "demo.db", folder / "rsiv.db"
    create_workspace(gemeente, WorkspaceRole.MUNICIPALITY, "GM0513").close()
    create_workspace(rsiv, WorkspaceRole.REGION).close()
    merged = folder / "rsiv-gouda.db"
    with create_workspace(demo, WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        fill_demo(workspace)
        export_package(workspace, folder / "pakket-gouda.xlsx", accept_findings=True)
    with create_workspace(folder / "delft.db", WorkspaceRole.MUNICIPALITY, "GM0503") as delft:
        fill_demo(delft)
        export_package(delft, folder / "pakket-delft.xlsx", accept_findings=True)
    with create_workspace(merged, WorkspaceRole.REGION, is_demo=True) as region:
        assert merge_package(region, folder / "pakket-gouda.xlsx").refusal is None
    # A handover: Gouda's plan in a new workspace, accepted by a second RSIV workspace.
    laptop = folder / "gouda-nieuw.db"
    with create_workspace(laptop, WorkspaceRole.MUNICIPALITY, "GM0513", is_demo=True) as new:
        import_package(new, folder / "pakket-gouda.xlsx")
        export_package(new, folder / "pakket-gouda-nieuw.xlsx", accept_findings=True)
    with create_workspace(
        folder / "rsiv-overdracht.db", WorkspaceRole.REGION, is_demo=True
    ) as region:
        assert merge_package(region, folder / "pakket-gouda.xlsx").merged
        handover = folder / "pakket-gouda-nieuw.xlsx"
        assert merge_package(region, handover, accept_handover=True).merged
    with open_workspace(demo) as workspace:
        export_package(workspace, folder / "pakket-gouda-oud.xlsx", accept_findings=True)
        hotspot = list_hotspots(workspace)[0]
        make_form(workspace, hotspot.id, folder / "formulier.xlsx")
        accept_form(workspace, preview_form(workspace, folder / "formulier.xlsx"))
    (folder / "notitie.txt").write_text("boodschappen: brood, melk\n", encoding="utf-8")
    (folder / "leeg.db").write_bytes(b"")
    (folder / "kapot.db").write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    (folder / "kapot.xlsx").write_bytes(b"dit is geen werkmap")
    with zipfile.ZipFile(folder / "archief.xlsx", "w") as archive:
        archive.writestr("lees-mij.txt", "geen werkmap")
    whole = (folder / "pakket-gouda.xlsx").read_bytes()
    (folder / "afgebroken.xlsx").write_bytes(whole[: len(whole) // 2])
    (folder / "cijfers.csv").write_text("jaar;aantal\n2018;12\n", encoding="utf-8")
    (folder / "geen-map").write_text("een bestand", encoding="utf-8")
    yield Files(
        folder,
        gemeente,
        demo,
        rsiv,
        merged,
        folder / "pakket-delft.xlsx",
        folder / "pakket-gouda.xlsx",
        folder / "notitie.txt",
        folder / "leeg.db",
        folder / "kapot.xlsx",
        folder / "archief.xlsx",
        folder / "afgebroken.xlsx",
        folder / "cijfers.csv",
        folder / "geen-map",
        folder / "pakket-gouda-nieuw.xlsx",
        folder / "rsiv-overdracht.db",
        folder / "pakket-gouda-oud.xlsx",
        folder / "formulier.xlsx",
    )


def _args(template: str, files: Files) -> list[str]:
    values = {name: str(getattr(files, name)) for name in Files.__dataclass_fields__}
    return [part.format(**values) for part in template.split()]


# (case id, arguments, expected exit code)
USAGE = [
    ("no subcommand option", "--onbekend", 2),
    ("unknown subcommand", "verstuur", 2),
    *(
        (f"{command} without arguments", command, 2)
        for command in (
            "init",
            "demo",
            "dump",
            "check",
            "figures",
            "status",
            "export",
            "import",
            "form",
            "import-form",
            "report",
            "evaluation",
            "feedback-export",
            "feedback-import",
        )
    ),
    ("init without gemeente", "init --db {folder}/nieuw.db", 2),
    ("demo seed not a number", "demo --db {folder}/nieuw.db --gemeente GM0513 --seed tien", 2),
    ("demo peildatum not a date", "demo --db {folder}/n.db --gemeente GM0513 --peildatum 1-1", 2),
    ("report kind unknown", "report --db {rsiv} --out {folder}/r.pdf --kind jaar", 2),
    (
        "report peildatum not a date",
        "report --db {rsiv} --out {folder}/r.pdf --peildatum morgen",
        2,
    ),
    ("import-form dry-run and accept", "import-form --db {demo} {not_a_zip} --dry-run --accept", 2),
    ("gemeente and rsiv", "init --db {folder}/x.db --gemeente GM0513 --rsiv", 2),
    ("export unknown option", "export --db {demo} --out {folder}/p.xlsx --alles", 2),
    ("handover in a gemeente", "import --db {demo} {gouda_package} --overdracht", 2),
]

REFUSALS = [
    # opening a workspace
    ("missing workspace", "dump --db {folder}/weg.db", 1),
    ("folder as workspace", "check --db {folder}", 1),
    ("text file as workspace", "status --db {text}", 1),
    ("empty file as workspace", "dump --db {empty}", 1),
    ("damaged workspace", "check --db {folder}/kapot.db", 1),
    ("workbook as workspace", "check --db {gouda_package}", 1),
    # making a workspace
    ("unknown gemeente", "init --db {folder}/x.db --gemeente GM9999", 1),
    ("not a participant", "init --db {folder}/x.db --gemeente GM0546", 1),
    ("workspace exists", "init --db {gemeente} --gemeente GM0513", 1),
    ("demo over existing file", "demo --db {demo} --gemeente GM0513", 1),
    ("demo unknown gemeente", "demo --db {folder}/x.db --gemeente GM9999", 1),
    pytest.param("init in a file's place", "init --db {blocked}/x.db --gemeente GM0513", 1),
    # figures
    ("figures missing file", "figures --db {gemeente} {folder}/weg.csv", 1),
    ("figures wrong header", "figures --db {gemeente} {bad_csv}", 1),
    ("figures text file", "figures --db {gemeente} {text}", 1),
    ("figures broken workbook", "figures --db {gemeente} {not_a_zip}", 1),
    ("figures zip not workbook", "figures --db {gemeente} {zip_not_xlsx}", 1),
    ("figures truncated", "figures --db {gemeente} {truncated}", 1),
    ("figures package", "figures --db {gemeente} {gouda_package}", 1),
    ("figures in rsiv", "figures --db {rsiv} {bad_csv}", 1),
    # packages out
    ("export wrong extension", "export --db {demo} --out {folder}/p.pdf", 1),
    ("export from rsiv", "export --db {rsiv} --out {folder}/p.xlsx", 1),
    ("export into missing folder", "export --db {demo} --out {folder}/weg/p.xlsx", 1),
    ("export into a file's place", "export --db {demo} --out {blocked}/p.xlsx", 1),
    # packages in
    ("import missing file", "import --db {demo} {folder}/weg.xlsx", 1),
    ("import broken workbook", "import --db {demo} {not_a_zip}", 1),
    ("import zip not workbook", "import --db {demo} {zip_not_xlsx}", 1),
    ("import truncated", "import --db {demo} {truncated}", 1),
    ("rsiv import truncated", "import --db {rsiv} {truncated}", 1),
    ("import text file", "import --db {demo} {text}", 1),
    ("import other gemeente", "import --db {demo} {delft_package}", 1),
    ("import workspace file", "import --db {demo} {gemeente}", 1),
    ("rsiv import broken", "import --db {rsiv} {not_a_zip}", 1),
    ("rsiv import text", "import --db {rsiv} {text}", 1),
    ("rsiv import the same package again", "import --db {merged} {gouda_package}", 1),
    ("rsiv handover not accepted", "import --db {merged} {new_laptop_package}", 1),
    ("rsiv old workspace after handover", "import --db {handed_over} {old_laptop_package}", 1),
    (
        "rsiv old workspace with overdracht",
        "import --db {handed_over} {old_laptop_package} --overdracht",
        1,
    ),
    # the wijkagent's form
    ("form unknown hotspot", "form --db {demo} --hotspot Nergens --out {folder}/f.xlsx", 1),
    ("form empty workspace", "form --db {gemeente} --hotspot Centrum --out {folder}/f.xlsx", 1),
    ("form in rsiv", "form --db {rsiv} --hotspot Centrum --out {folder}/f.xlsx", 1),
    ("form missing file", "import-form --db {demo} {folder}/weg.xlsx", 1),
    ("form broken workbook", "import-form --db {demo} {not_a_zip}", 1),
    ("form zip not workbook", "import-form --db {demo} {zip_not_xlsx}", 1),
    ("form truncated", "import-form --db {demo} {truncated}", 1),
    ("form is a package", "import-form --db {demo} {gouda_package}", 1),
    ("form unknown expected hotspot", "import-form --db {demo} {gouda_package} --hotspot X", 1),
    ("form read twice", "import-form --db {demo} {read_form} --accept", 1),
    ("form of the old workspace", "import-form --db {gemeente} {read_form}", 1),
    # reports
    ("report from gemeente", "report --db {demo} --out {folder}/r.pdf", 1),
    ("report wrong extension", "report --db {rsiv} --out {folder}/r.docx", 1),
    ("report into missing folder", "report --db {rsiv} --out {folder}/weg/r.pdf", 1),
    ("evaluation wrong extension", "evaluation --db {demo} --out {folder}/e.xlsx", 1),
    ("evaluation into missing folder", "evaluation --db {demo} --out {folder}/weg/e.pdf", 1),
    # feedback
    ("feedback-export from gemeente", "feedback-export --db {demo} --out {folder}/t.xlsx", 1),
    (
        "feedback-export unknown gemeente",
        "feedback-export --db {rsiv} --gemeente GM9999 --out {folder}/t.xlsx",
        1,
    ),
    ("feedback-export missing folder", "feedback-export --db {rsiv} --out {folder}/weg", 1),
    ("feedback-import in rsiv", "feedback-import --db {rsiv} {gouda_package}", 1),
    ("feedback-import missing file", "feedback-import --db {demo} {folder}/weg.xlsx", 1),
    ("feedback-import broken workbook", "feedback-import --db {demo} {not_a_zip}", 1),
    ("feedback-import zip not workbook", "feedback-import --db {demo} {zip_not_xlsx}", 1),
    ("feedback-import truncated", "feedback-import --db {demo} {truncated}", 1),
    ("feedback-import a package", "feedback-import --db {demo} {gouda_package}", 1),
]


def _cases() -> list[object]:
    cases: list[object] = []
    for case in (*USAGE, *REFUSALS):
        marks = getattr(case, "marks", ())
        name, template, code = getattr(case, "values", case)
        cases.append(pytest.param(template, code, id=name, marks=marks))
    return cases


@pytest.mark.parametrize(("template", "code"), _cases())
def test_a_refusal_is_one_dutch_line(
    files: Files, template: str, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        exit_code = main(_args(template, files))
    except SystemExit as usage:  # what `python -m app` passes on as its exit code
        exit_code = usage.code
    shown = capsys.readouterr()
    lines = [line for line in shown.err.splitlines() if line.strip()]
    assert exit_code == code, shown.err
    assert lines, "nothing on stderr"
    for line in lines:
        words = PATHLIKE.sub(" ", line)
        assert not ENGLISH.search(words), line
        assert not ISO_MOMENT.search(words), line
    if len(lines) == 1:
        # The RSIV's merge names the file it refused among the ones it was given.
        assert re.match(r"Fout: |\[\d+/\d+\] \S+: geweigerd\. ", lines[0]), lines[0]
    else:
        # A refused file lists its problems, one per line, and says that nothing was stored.
        assert NOTHING_STORED.search(shown.err), shown.err
