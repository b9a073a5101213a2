"""The modules of attribution import one another as a tree: no cycle, function-local imports included (read
from the source), and importing all of them in fresh interpreters, in several orders, succeeds."""

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PACKAGE = Path(settings.BASE_DIR) / "attribution"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "migrations" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> set[str]:
    """The attribution modules this module imports anywhere in it, as a reader sees them."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {target for target in targets if target in MODULES and target != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in visiting:
            return [*visiting[visiting.index(node) :], node]
        if node in done:
            return None
        visiting.append(node)
        for target in sorted(graph[node]):
            if found := visit(target):
                return found
        visiting.pop()
        done.add(node)
        return None

    return next((found for node in sorted(graph) if (found := visit(node))), None)


def test_no_module_imports_one_that_imports_it_back():
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


# Django imports the models (and they what they import) at set-up; the admin's autodiscovery is left out so
# that every other module is first imported in the order given.
IMPORT_IN_ORDER = """
import sys
import django
from django.conf import settings
import attribution.settings as base
apps = [a.replace("django.contrib.admin", "django.contrib.admin.apps.SimpleAdminConfig") for a in base.INSTALLED_APPS]
settings.configure(**{k: getattr(base, k) for k in dir(base) if k.isupper()} | {"INSTALLED_APPS": apps})
django.setup()
for name in sys.argv[1:]:
    __import__(name)
"""


@pytest.mark.parametrize("seed", [None, "reversed", 1, 2])
def test_every_module_imports_first_in_a_fresh_interpreter(seed):
    order = sorted(MODULES)
    if seed == "reversed":
        order.reverse()
    elif seed is not None:
        random.Random(seed).shuffle(order)
    result = subprocess.run(  # the exit status is asserted below, with the error output
        [sys.executable, "-c", IMPORT_IN_ORDER, *order],
        cwd=settings.BASE_DIR,
        env={"SECRET_KEY": "import-graph-test", "PATH": "/usr/bin:/bin"},
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
