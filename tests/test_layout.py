"""Package layout: no import circles among hgpt_langchain's modules.

Imports are read statically from the source (``ast``), including imports inside functions and
under ``TYPE_CHECKING``: a circle hidden in a function still makes the modules depend on each
other. Importing the top-level package only re-exports lazily, so edges to it are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hgpt_langchain

PACKAGE = Path(hgpt_langchain.__file__).parent


def module_files(root: Path) -> dict[str, Path]:
    """``{dotted module name: file}`` for every module of the package at ``root``."""
    mods = {}
    for f in root.rglob("*.py"):
        parts = list(f.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = f
    return mods


def import_edges(root: Path) -> dict[str, set[str]]:
    """Which modules of the package each module imports (anywhere in its source)."""
    pkg = root.name
    mods = module_files(root)

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {m: set() for m in mods}
    for m, f in mods.items():
        is_pkg = f.name == "__init__.py"
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = m.split(".") if is_pkg else m.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
            for t in targets:
                if t == pkg or t.startswith(pkg + "."):
                    r = resolve(t)
                    if r and r != m and r != pkg:
                        edges[m].add(r)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return found


def test_the_package_has_no_import_circles():
    found = circles(import_edges(PACKAGE))
    assert not found, "import circles: " + "; ".join(" <-> ".join(c) for c in found)


def guarded_imports(root: Path) -> list[str]:
    """Imports of the package's own modules inside ``try: ... except ImportError``.

    Such a guard hides a circle or a broken module behind a silently missing feature; only
    optional third-party libraries deserve one.
    """
    pkg = root.name
    found = []
    for name, f in sorted(module_files(root).items()):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            caught = [ast.unparse(h.type) for h in node.handlers if h.type is not None]
            if not any("ImportError" in c or "ModuleNotFoundError" in c for c in caught):
                continue
            for inner in (n for stmt in node.body for n in ast.walk(stmt)):
                if isinstance(inner, ast.ImportFrom):
                    mods = [inner.module or ""] if not inner.level else [pkg]
                elif isinstance(inner, ast.Import):
                    mods = [a.name for a in inner.names]
                else:
                    continue
                if any(m == pkg or m.startswith(pkg + ".") for m in mods):
                    found.append(f"{name}:{inner.lineno}")
    return found


def test_no_import_of_our_own_modules_hides_behind_except_import_error():
    assert guarded_imports(PACKAGE) == []


def test_the_guard_check_finds_a_guarded_import_of_our_own(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("try:\n    import numpy\nexcept ImportError:\n    numpy = None\n")
    assert guarded_imports(pkg) == []
    (pkg / "b.py").write_text(
        "def f():\n    try:\n        from pkg.a import x\n    except ImportError:\n        pass\n"
    )
    assert guarded_imports(pkg) == ["pkg.b:3"]


def test_the_circle_check_finds_a_circle_hidden_inside_a_function(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.b import x\n")
    (pkg / "b.py").write_text("def f():\n    from pkg.sub import c\n")
    (pkg / "sub" / "__init__.py").write_text("from .c import y\n")
    (pkg / "sub" / "c.py").write_text("def g():\n    from ..a import z\n")
    (pkg / "d.py").write_text("import pkg.a\n")  # depends on the circle, is not part of it
    assert circles(import_edges(pkg)) == [["pkg.a", "pkg.b", "pkg.sub", "pkg.sub.c"]]
    (pkg / "sub" / "c.py").write_text("")
    assert circles(import_edges(pkg)) == []
