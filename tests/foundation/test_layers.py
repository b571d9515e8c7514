"""The layers hold: the core runs without Qt, and starting the window loads no heavy library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.demo.gemeente import fill_demo
from app.kernel.workspace import create_workspace
from database.enums import WorkspaceRole

CORE_PACKAGES = (
    "app.kernel",
    "app.core",
    "app.exchange",
    "app.analysis",
    "app.report",
    "app.demo",
    "database",
)


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_the_core_imports_without_pyside6() -> None:
    import pkgutil
    from importlib import import_module

    names: list[str] = []
    for package_name in CORE_PACKAGES:
        package = import_module(package_name)
        names.append(package_name)
        names += [
            module.name
            for module in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}.")
            if ".migrations" not in module.name
        ]
    code = "\n".join(f"import {name}" for name in names)
    loaded = _modules_after(code)
    assert not {name for name in loaded if name.startswith("PySide6")}


def test_the_command_line_loads_no_heavy_library_before_it_needs_it() -> None:
    loaded = _modules_after("import app.cli, app.ui.window.launch, app.ui.window.main_window")
    heavy = {"sqlalchemy", "pandas", "matplotlib", "openpyxl", "alembic", "numpy"}
    assert not heavy & {name.split(".")[0] for name in loaded}


def test_the_overzicht_is_read_without_the_orm(tmp_path: Path) -> None:
    """Importing SQLAlchemy's ORM and mapping every class cost about a third of the start-up:
    the first screen reads through the Core tables; the ORM loads when something needs it."""
    path = tmp_path / "gouda.db"
    with create_workspace(path, WorkspaceRole.MUNICIPALITY, "GM0513") as workspace:
        fill_demo(workspace)
    loaded = _modules_after(
        "from pathlib import Path\n"
        "import app.ui.overview.overview_page\n"
        "from app.core.overview.overview import plan_overview\n"
        "from app.kernel.workspace import open_workspace\n"
        f"with open_workspace(Path({str(path)!r})) as workspace:\n"
        "    assert plan_overview(workspace).counts.hotspots > 0"
    )
    assert "database.tables" in loaded
    assert not {name for name in loaded if name.startswith(("database.models", "sqlalchemy.orm"))}


def test_the_version_constant_matches_pyproject() -> None:
    import tomllib

    import app

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"] == app.__version__
