"""The floor plan holds: every import points down a floor or stays inside its own package,
and no modules import each other in a circle (docs/architecture.md draws the floors)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Bottom up. A package may import its own modules and anything on a lower floor; packages that
# share a floor stay independent of each other.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("database",),
    ("app.kernel",),
    ("app.exchange", "app.analysis"),
    ("app.core",),
    ("app.report", "app.demo"),
    ("app.ui", "app.commands"),
    ("app.selftest",),
    ("app.cli",),
    ("app.__main__",),
)
# app/__init__.py holds only the name and version: every floor may read them.
SHARED = "app"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for top in ("app", "database"):
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" not in path.parts:
                found[_module_name(path)] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """Every module this file imports, at any depth (lazy and TYPE_CHECKING imports too)."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _known(alias.name, modules), node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                yield (
                    _known(candidate if candidate in modules else node.module, modules),
                    (node.lineno),
                )


def _known(name: str, modules: dict[str, Path]) -> str:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def _home(module: str) -> tuple[int, str] | None:
    for level, packages in enumerate(FLOORS):
        for package in packages:
            if module == package or module.startswith(package + "."):
                return level, package
    return None


def test_every_import_points_down_a_floor() -> None:
    modules = _modules()
    wrong = []
    for name, path in sorted(modules.items()):
        source = _home(name)
        if source is None:
            continue
        for target, line in _imports(path, modules):
            home = _home(target)
            if not target or target == SHARED or home is None or home[1] == source[1]:
                continue
            if home[0] >= source[0]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(wrong)


def test_every_module_has_a_floor() -> None:
    homeless = [name for name in _modules() if name != SHARED and _home(name) is None]
    assert not homeless


def test_no_modules_import_each_other_in_a_circle() -> None:
    modules = _modules()
    graph = {
        name: {target for target, _ in _imports(path, modules) if target and target != name}
        for name, path in modules.items()
    }
    circles = [component for component in _strongly_connected(graph) if len(component) > 1]
    assert not circles, f"import circles: {circles}"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively (the graph is a few hundred modules deep at most)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
            elif child not in graph:
                continue
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components
