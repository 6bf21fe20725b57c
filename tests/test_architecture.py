"""The house plan (docs/architecture.md) kept true: imports point down the floors only, and no
module grows past the size a reader can hold in mind."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "inovda"

# Lowest first; an app imports from its own floor or below. Top-level modules (urls, settings,
# cli, wsgi) stand above every floor.
FLOORS = [
    ["rulebooks"],
    ["scoring", "interchange"],
    ["core"],
    ["jobs"],
    ["regions"],
    ["accounts"],
    ["innovations"],
    ["verification"],
    ["results"],
    ["awards"],
    ["demo"],
    ["portal", "api"],
]
FLOOR = {app: level for level, apps in enumerate(FLOORS) for app in apps}
MAX_LINES = 450


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _imports(path: Path, module: str):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                yield node.lineno, ".".join(base + ([node.module] if node.module else []))
            elif node.module:
                yield node.lineno, node.module


def _app(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "inovda" and len(parts) > 1 else None


def test_every_app_is_on_a_floor():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps - FLOOR.keys() == set(), "place new apps in FLOORS and docs/architecture.md"


def test_imports_point_down_only():
    upward = []
    for path in _modules():
        if path.parent == PACKAGE:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        me = _app(module)
        for line, target in _imports(path, module):
            other = _app(target)
            if other in FLOOR and FLOOR[other] > FLOOR[me]:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert upward == []


def test_modules_stay_small():
    big = [
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for path in _modules()
        if (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES
    ]
    assert big == []
