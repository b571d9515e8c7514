"""Every writing command killed with SIGKILL at seeded moments leaves the old or the new state.

For each command: one full run gives the new state and the timing; then the command is started
on a fresh copy and killed, half of the times anywhere in the run, half after the moment its
write phase starts (its backup, or its temporary file, appears). After each kill `check` must
pass and the records must equal the old or the new state. New rows get new ids and moments in
every run, so states are compared with ids and moments masked. KILLS_PER_COMMAND kills per
command run in the normal test run; STORAGE_KILLS raises it for a longer hunt.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main
from app.kernel.workspace import backup_workspace
from tests.storage import crash
from tests.storage.conftest import GOUDA, Sources

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS_PER_COMMAND = int(os.environ.get("STORAGE_KILLS", "4"))
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True)
class Case:
    """A command on a workspace; `output` is the file it writes, if any."""

    argv: list[str]
    workspace: Path
    data: Path
    marker: Callable[[Path], bool]  # given the data folder: has the write phase started?
    output: Path | None = None


def _backup_made(data: Path) -> bool:
    return any((data / "backups").rglob("*.db"))


def _temporary_in(folder: Path) -> Callable[[Path], bool]:
    return lambda _data: any(path.name.startswith(".~") for path in folder.iterdir())


def _started(_data: Path) -> bool:
    return True


def _case(name: str, sources: Sources, folder: Path) -> Case:
    """The command `name` with its own copy of the workspace it changes, in `folder`."""
    out = folder / "uit"
    out.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    gouda = folder / "gouda.db"
    if name == "import":
        db = sources.copy(sources.empty_gouda, gouda)
        return Case(["import", "--db", str(db), str(sources.package)], db, data, _backup_made)
    if name == "merge":
        db = sources.copy(sources.empty_rsiv, folder / "rsiv.db")
        return Case(["import", "--db", str(db), str(sources.package)], db, data, _backup_made)
    if name == "export":
        db = sources.copy(sources.gouda, gouda)
        target = out / "pakket.xlsx"
        argv = ["export", "--db", str(db), "--out", str(target), "--accept-findings"]
        return Case(argv, db, data, _temporary_in(out), target)
    if name == "figures":
        db = sources.copy(sources.gouda, gouda)
        argv = ["figures", "--db", str(db), str(_monthly_figures(folder))]
        return Case(argv, db, data, _started)
    if name == "form":
        db = sources.copy(sources.gouda, gouda)
        target = out / "formulier.xlsx"
        argv = ["form", "--db", str(db), "--hotspot", sources.hotspot, "--out", str(target)]
        return Case(argv, db, data, _temporary_in(out), target)
    if name == "import-form":
        db = sources.copy(sources.gouda, gouda)
        argv = ["import-form", "--db", str(db), str(sources.filled_form), "--accept"]
        return Case(argv, db, data, _started)
    if name == "feedback-import":
        db = sources.copy(sources.gouda, gouda)
        return Case(["feedback-import", "--db", str(db), str(sources.feedback)], db, data, _started)
    if name == "feedback-export":
        db = sources.copy(sources.rsiv, folder / "rsiv.db")
        target = out / "terug.xlsx"
        argv = ["feedback-export", "--db", str(db), "--gemeente", GOUDA, "--out", str(target)]
        return Case(argv, db, data, _temporary_in(out), target)
    assert name == "restore"
    db = sources.copy(sources.gouda, gouda)
    backup = _backup_then_change(db, data)
    code = (
        "import sys; from pathlib import Path; from app.kernel.backups import restore_backup; "
        "from app.kernel.workspace import open_workspace\n"
        f"with open_workspace(Path({str(db)!r})) as workspace:\n"
        f"    restore_backup(workspace, Path({str(backup)!r}))"
    )
    return Case(["-c", code], db, data, _backup_made_after(backup))


def _backup_then_change(db: Path, data: Path) -> Path:
    """A backup of `db` in `data`, then new figures in `db`, so restoring changes something."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WONINGINBRAKEN_DATA_DIR", str(data))
        backup = backup_workspace(db, reason="voor-pakket")
    changed = crash.run(["figures", "--db", str(db), str(_monthly_figures(db.parent))], data)
    assert changed.returncode == 0, changed.stderr
    return backup


def _monthly_figures(folder: Path) -> Path:
    """Two years of Gouda's monthly figures, other numbers than the demo's."""
    path = folder / "maandcijfers.csv"
    rows = [
        f"{year}-{month:02d};{GOUDA};;{20 + month};{month}"
        for year in (2017, 2018)
        for month in range(1, 13)
    ]
    path.write_text(
        "\n".join(["periode;gemeentecode;buurtcode;woninginbraken;pogingen", *rows]) + "\n",
        encoding="utf-8",
    )
    return path


def _backup_made_after(first: Path) -> Callable[[Path], bool]:
    """The safety backup that restoring makes before it copies."""
    return lambda _data: len(list(first.parent.glob("*.db"))) > 1


def _masked(state: dict[str, list[dict[str, object]]]) -> dict[str, Counter[str]]:
    """Rows per table as a multiset, with ids and moments that differ per run masked."""

    def mask(value: object) -> object:
        if isinstance(value, str) and UUID.match(value):
            return "<id>"
        if isinstance(value, str) and MOMENT.match(value):
            return "<moment>"
        return value

    return {
        table: Counter(repr(sorted((k, mask(v)) for k, v in row.items())) for row in rows)
        for table, rows in state.items()
    }


COMMANDS = [
    "import",
    "merge",
    "export",
    "figures",
    "form",
    "import-form",
    "feedback-import",
    "feedback-export",
    "restore",
]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_killed_command_leaves_the_old_or_the_new_state(
    name: str, sources: Sources, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _case(name, sources, tmp_path / "volledig")
    old = _masked(crash.state(full.workspace))
    timing = crash.timed(full.argv, full.data, lambda: full.marker(full.data))
    new = _masked(crash.state(full.workspace))
    if name != "feedback-export":  # writes only a file
        assert new != old, f"{name} changed nothing: the test would prove nothing"

    rng = crash.kill_seed(name)
    outcomes = []
    for number in range(KILLS_PER_COMMAND):
        case = _case(name, sources, tmp_path / f"kill-{number}")
        crash.kill_during(
            case.argv, case.data, lambda c=case: c.marker(c.data), timing, rng, number
        )
        assert main(["check", "--db", str(case.workspace)]) == 0, capsys.readouterr().err
        left = _masked(crash.state(case.workspace))
        assert left in (old, new), f"{name}, kill {number}: neither the old nor the new state"
        outcomes.append("oud" if left == old else "nieuw")
        if case.output is not None and case.output.exists():
            assert zipfile.is_zipfile(case.output) and _complete(case.output)
    capsys.readouterr()
    print(f"{name}: {KILLS_PER_COMMAND} kills in {timing.total:.2f} s runs: {outcomes}")


def _complete(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return archive.testzip() is None


def test_a_later_export_removes_what_a_killed_one_left(sources: Sources, tmp_path: Path) -> None:
    case = _case("export", sources, tmp_path)
    assert case.output is not None
    folder = case.output.parent
    process = crash.start(case.argv, case.data)
    assert crash.wait_for(lambda: _temporary_in(folder)(case.data), process) is not None
    process.kill()
    process.wait()
    assert [path.name for path in folder.iterdir() if path.name.startswith(".~")]

    result = crash.run(case.argv, case.data)
    assert result.returncode == 0, result.stderr
    assert [path.name for path in folder.iterdir()] == ["pakket.xlsx"]
