"""The layout shows the design: no hidden import cycles, the mechanisms and records type-check."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "src" / "newsledger"


def _imports(path: Path) -> set[str]:
    """Modules a file imports, relative imports resolved against the package (runtime imports only:
    an ``if TYPE_CHECKING:`` block is not counted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    out: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level + (1 if path.name == "__init__.py" else 0)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("folder", ["extract", "analysis", "ingest", "ledger"])
def test_stages_mechanisms_ingest_and_ledger_never_import_the_pipeline(folder):
    for path in sorted((PKG / folder).rglob("*.py")):
        bad = {m for m in _imports(path) if m == "newsledger.pipeline" or m.startswith("newsledger.pipeline.")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: import Found from newsledger.stages, " \
                        "Failure and normalize_published from newsledger.records"


def test_the_mechanisms_read_no_stage():
    for path in sorted((PKG / "analysis").glob("*.py")):
        bad = {m for m in _imports(path) if m.startswith("newsledger.extract")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: mechanisms sit below the stages"


#: a module longer than this is split into sibling modules, each holding one cohesive part (issue 10)
MAX_MODULE_LINES = 600


def test_no_module_is_longer_than_the_limit():
    long = {str(p.relative_to(ROOT)): n for p in sorted(PKG.rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}; split each into sibling modules by what " \
                     "its parts do (a pure move: the public names stay importable from the old module)"


def test_one_table_lists_the_default_stages_in_order():
    from newsledger.extract import DEFAULT_STAGES
    from newsledger.extract.factories import STAGES

    assert tuple(s.name for s in STAGES) == DEFAULT_STAGES
    provided: set[str] = set()
    for s in STAGES:
        assert set(s.requires) <= provided, f"{s.name} reads {s.requires} before a row above provides it"
        provided.update(s.provides)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mypy") is None and not (Path(sys.executable).parent / "mypy").exists(),
                    reason="mypy is not installed (pip install -e '.[test]')")
def test_mechanisms_records_and_trace_type_check():
    p = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
