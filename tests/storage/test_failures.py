"""Disk and database failures through the real command line: a full disk under the workspace,
a data folder the user may not write to, an unreadable package, damaged database pages. Each
ends in one Dutch sentence with exit 1, never "onverwachts" (exit 70), and changes nothing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.exchange.conftest import file_hash
from tests.storage import crash
from tests.storage.conftest import Sources

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="rights and mounts: Linux")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "klein"
    folder.mkdir()
    yield folder
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def _mount(folder: Path, kilobytes: int) -> None:
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("no permission to mount a small file system here")


def test_a_full_disk_under_the_workspace_is_refused_and_nothing_is_stored(
    sources: Sources, tmp_path: Path, small_disk: Path
) -> None:
    """The workspace fits, the package's records do not."""
    size = sources.empty_gouda.stat().st_size
    _mount(small_disk, size // 1024 + 64)
    workspace = sources.copy(sources.empty_gouda, small_disk / "gouda.db")
    before = crash.state(workspace)
    result = crash.run(["import", "--db", str(workspace), str(sources.package)], tmp_path / "data")
    print(crash.one_dutch_line(result, "schijf", "vol"))
    assert crash.state(workspace) == before


def test_a_data_folder_without_write_permission_is_refused(
    sources: Sources, tmp_path: Path
) -> None:
    """Reading a package makes a backup in the data folder first."""
    workspace = sources.copy(sources.empty_gouda, tmp_path / "gouda.db")
    before = crash.state(workspace)
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        result = crash.run(
            ["import", "--db", str(workspace), str(sources.package)],
            data,
            as_user=True,
        )
    finally:
        data.chmod(0o755)
    print(crash.one_dutch_line(result, "reservekopie", str(data), "Vraag schrijfrechten"))
    assert crash.state(workspace) == before


def test_a_report_with_a_read_only_data_folder_prints_nothing_but_its_result(
    sources: Sources, tmp_path: Path
) -> None:
    """matplotlib keeps its cache in the data folder; it must not warn in English."""
    workspace = sources.copy(sources.gouda, tmp_path / "gouda.db")
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        result = crash.run(
            ["evaluation", "--db", str(workspace), "--out", str(tmp_path / "evaluatie.pdf")],
            data,
            as_user=True,
        )
    finally:
        data.chmod(0o755)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert (tmp_path / "evaluatie.pdf").exists()


def test_an_unreadable_package_is_refused(sources: Sources, tmp_path: Path) -> None:
    workspace = sources.copy(sources.empty_gouda, tmp_path / "gouda.db")
    package = sources.copy(sources.package, tmp_path / "pakket.xlsx")
    package.chmod(0o000)
    before = crash.state(workspace)
    result = crash.run(
        ["import", "--db", str(workspace), str(package)], tmp_path / "data", as_user=True
    )
    print(crash.one_dutch_line(result, str(package)))
    assert crash.state(workspace) == before


def _damage(path: Path) -> None:
    """Overwrite a few pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xa5" * 4096 * 4)


def test_check_reports_damaged_pages_in_dutch(sources: Sources, tmp_path: Path) -> None:
    workspace = sources.copy(sources.gouda, tmp_path / "gouda.db")
    _damage(workspace)
    result = crash.run(["check", "--db", str(workspace)], tmp_path / "data")
    print(crash.one_dutch_line(result, "beschadigd", "reservekopie"))


@pytest.mark.parametrize("command", ["import", "export", "figures"])
def test_writing_commands_refuse_a_damaged_workspace(
    command: str, sources: Sources, tmp_path: Path
) -> None:
    workspace = sources.copy(sources.gouda, tmp_path / "gouda.db")
    _damage(workspace)
    before = file_hash(workspace)
    argv = {
        "import": ["import", "--db", str(workspace), str(sources.package)],
        "export": ["export", "--db", str(workspace), "--out", str(tmp_path / "p.xlsx")],
        "figures": ["figures", "--db", str(workspace), str(crash.EXAMPLES / "maandcijfers.csv")],
    }[command]
    result = crash.run(argv, tmp_path / "data")
    crash.one_dutch_line(result, "beschadigd")
    assert file_hash(workspace) == before
    assert not (tmp_path / "p.xlsx").exists()
