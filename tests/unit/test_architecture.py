"""The package's architecture, read from the source: no import circle and no import against the layer order.

Every module under src/kb/ is parsed (not imported) and every `import` / `from … import` is collected, also
the ones inside functions, so a circle cannot hide behind a late import. The layer order is documented in
src/kb/__init__.py; a module may import its own layer and the layers below it, never one above.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kb.site import blocks, markers

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = SRC / "kb"

# lowest first; the folders of one layer may import each other (as long as there is no circle)
LAYERS: list[set[str]] = [
    {"kb", "core"},
    {"glossary", "tiers"},
    {"quiz", "exports"},
    {"site"},
    {"engines"},
    {"cli", "__main__"},
]
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n", "properdocs"}
ENGINE_FOLDER = "kb.engines.mkdocs"
# only the command line picks its modules by name (so `kb validate` never loads the engine)
DYNAMIC_IMPORTS_ALLOWED = {"kb.cli"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def imports_of(name: str) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the module; `from a import b` counts as a.b when that is a
    module. Relative imports are resolved."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if _is_package(name) else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((full if full in MODULES else base, node.lineno))
    return found


def internal_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name in MODULES:
        for target, _ in imports_of(name):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def layer_of(name: str) -> int:
    parts = name.split(".")
    key = parts[1] if len(parts) > 1 else parts[0]
    return next(i for i, layer in enumerate(LAYERS) if key in layer)


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_package_has_modules_in_every_layer():
    assert len(MODULES) > 40
    assert {layer_of(name) for name in MODULES} == set(range(len(LAYERS)))


def test_every_folder_has_a_layer():
    for name in MODULES:
        layer_of(name)        # raises StopIteration for a folder no layer names


def test_no_import_circles():
    cycles = find_cycles(internal_graph())
    assert not cycles, "import circles (function-level imports included):\n" + "\n".join(
        " <-> ".join(group) for group in cycles)


def test_no_import_against_the_layer_order():
    wrong = []
    for name in MODULES:
        for target, line in imports_of(name):
            if target in MODULES and layer_of(target) > layer_of(name):
                wrong.append(f"{MODULES[name].relative_to(ROOT)}:{line}: {name} imports {target}, a higher layer")
    assert not wrong, "\n".join(wrong)


def test_only_the_engine_folder_imports_the_engine():
    wrong = []
    for name in MODULES:
        for target, line in imports_of(name):
            if target.split(".")[0] in ENGINE_PACKAGES and not name.startswith(ENGINE_FOLDER):
                wrong.append(f"{MODULES[name].relative_to(ROOT)}:{line}: {name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_module_picks_its_imports_by_name_at_run_time():
    wrong = []
    for name in MODULES:
        if name in DYNAMIC_IMPORTS_ALLOWED:
            continue
        for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "import_module", "__import__"):
                wrong.append(f"{MODULES[name].relative_to(ROOT)}:{node.lineno}: {name}")
    assert not wrong, "dynamic imports hide dependencies from this test:\n" + "\n".join(wrong)


def test_no_sys_path_tricks_in_the_package():
    wrong = [f"{path.relative_to(ROOT)}" for path in MODULES.values() if "sys.path" in path.read_text(encoding="utf-8")]
    assert not wrong, wrong


def test_the_mkdocs_hook_file_only_imports_the_engine_adapter():
    hook = ROOT / "hooks" / "mkdocs_hook.py"
    targets = {node.module for node in ast.walk(ast.parse(hook.read_text(encoding="utf-8")))
               if isinstance(node, ast.ImportFrom)}
    assert targets == {"kb.engines.mkdocs.hook"}


# --- the checks themselves catch what they should ----------------------------------------------------------------

def test_the_cycle_finder_finds_a_planted_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycles(graph) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize(("source", "expected"), [
    ("def f():\n    from kb.quiz import bank\n", "kb.quiz.bank"),       # inside a function
    ("from kb.tiers.load import TIER_ORDER\n", "kb.tiers.load"),
    ("from . import checks\n", "kb.tiers.checks"),                      # relative
])
def test_imports_inside_functions_and_relative_ones_are_seen(source, expected, tmp_path, monkeypatch):
    planted = PACKAGE / "tiers" / "checks.py"      # any real module: only its name and folder are used
    monkeypatch.setitem(MODULES, "kb.tiers.planted", tmp_path / "planted.py")
    (tmp_path / "planted.py").write_text(source, encoding="utf-8")
    assert planted.exists()
    assert expected in [target for target, _ in imports_of("kb.tiers.planted")]


def test_every_block_a_page_can_name_has_a_renderer_and_the_other_way_round():
    """kb.site.markers.NAMES (what validation accepts in a page) and kb.site.blocks.BLOCKS (what the build
    renders) list the same blocks: a name only in NAMES would pass `kb validate` and stop the build."""
    assert sorted(markers.NAMES) == sorted(blocks.BLOCKS)
    assert len(set(markers.NAMES)) == len(markers.NAMES)
