"""``hgpt models search|train-head``, ``hgpt catalog build|sync|info``: catalogs from the shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hgpt_langchain.errors import ConfigurationError

DEFAULT_OUT = "catalog.jsonl"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``models`` and ``catalog`` subcommands."""
    models = sub.add_parser("models", help="search the model catalog")
    msub = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    search = msub.add_parser("search", help="rank catalog models for a free-text query")
    search.add_argument("query", help="what the model should do, in words")
    search.add_argument("--task", help="only models of this task type")
    search.add_argument("--top", type=int, default=5, help="how many models (default 5)")
    search.add_argument(
        "--catalog", help="catalog JSONL file (default: $HGPT_CATALOG, else the shipped catalog)"
    )
    search.add_argument(
        "--task-head",
        metavar="FILE|none",
        help="task head to rank task types with (default: the shipped one; 'none': no head)",
    )
    search.add_argument("--json", action="store_true", help='print [{"id", "task", "score"}]')
    search.set_defaults(func=cmd_models_search)

    head = msub.add_parser(
        "train-head", help="train a task head on your own labelled requests (JSONL {q, task})"
    )
    head.add_argument(
        "--data", action="append", required=True, metavar="FILE", help="JSONL file (repeatable)"
    )
    head.add_argument("--out", default="task_head.npz", help="output file (default task_head.npz)")
    head.set_defaults(func=cmd_models_train_head)

    catalog = sub.add_parser("catalog", help="build, sync and inspect model catalogs")
    csub = catalog.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    build = csub.add_parser(
        "build", help="build a catalog from JSONL files, a Hugging Face cache or model folders"
    )
    build.add_argument(
        "--from",
        dest="sources",
        action="append",
        required=True,
        metavar="FILE",
        help="JSONL file, HF cache folder or folder of models (repeatable; later ids win)",
    )
    build.add_argument("--out", default=DEFAULT_OUT, help=f"output file (default {DEFAULT_OUT})")
    build.set_defaults(func=cmd_catalog_build)

    sync = csub.add_parser("sync", help="fetch the top models of a task from the Hugging Face Hub")
    sync.add_argument("--task", required=True, help="task type (pipeline tag)")
    sync.add_argument("--limit", type=int, default=20, help="how many models (default 20)")
    sync.add_argument("--sort", choices=["downloads", "likes"], default="downloads")
    sync.add_argument(
        "--out",
        default=DEFAULT_OUT,
        help=f"catalog file to write, merged into if it exists (default {DEFAULT_OUT})",
    )
    sync.set_defaults(func=cmd_catalog_sync)

    info = csub.add_parser("info", help="summarise a catalog")
    info.add_argument(
        "--catalog", help="catalog JSONL file (default: $HGPT_CATALOG, else the shipped catalog)"
    )
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=cmd_catalog_info)


def cmd_models_search(args: argparse.Namespace) -> int:
    """Print the catalog models that best fit a query."""
    from hgpt_langchain.catalog import default_catalog, load_catalog
    from hgpt_langchain.selection.index import default_index

    if args.top < 1:
        raise ConfigurationError(f"--top must be at least 1, not {args.top}.")
    catalog = load_catalog(args.catalog) if args.catalog else default_catalog()
    if args.task_head is None:
        index = default_index(catalog)
    else:
        from hgpt_langchain.selection.index import ModelIndex
        from hgpt_langchain.selection.taskhead import TaskHead

        head = None if args.task_head.lower() == "none" else TaskHead.load(args.task_head)
        index = ModelIndex(catalog, task_head=head)
    hits = index.search(args.query, task=args.task, k=args.top)
    if args.json:
        rows = [{"id": h.id, "task": h.task, "score": round(h.score, 4)} for h in hits]
        print(json.dumps(rows, indent=2))
        return 0
    if not hits:
        print(f"No {args.task} model in the catalog." if args.task else "The catalog is empty.")
        return 0
    width = max(len(h.id) for h in hits)
    for h in hits:
        print(f"{h.score:6.3f}  {h.id:<{width}}  {h.task}")
    return 0


def _summary(catalog: object, out: Path | None = None) -> str:
    from hgpt_langchain.catalog import Catalog

    assert isinstance(catalog, Catalog)
    counts = ", ".join(f"{task} {n}" for task, n in catalog.tasks().items())
    where = f" -> {out}" if out else ""
    return f"{len(catalog)} models over {len(catalog.tasks())} task types{where}\n  {counts}"


def cmd_catalog_build(args: argparse.Namespace) -> int:
    """Build a catalog from local sources and write it."""
    from hgpt_langchain.catalog import build_catalog, merge_catalogs

    catalog = merge_catalogs(*(build_catalog(src) for src in args.sources))
    out = catalog.to_jsonl(args.out)
    print(_summary(catalog, out))
    return 0


def cmd_catalog_sync(args: argparse.Namespace) -> int:
    """Fetch a task's top models from the Hub and merge them into a catalog file."""
    from hgpt_langchain.catalog import load_catalog, merge_catalogs, sync_catalog

    fetched = sync_catalog(args.task, args.limit, sort=args.sort)
    out = Path(args.out)
    merged = (
        merge_catalogs(load_catalog(out), fetched) if out.is_file() else merge_catalogs(fetched)
    )
    merged.to_jsonl(out)
    print(f"fetched {len(fetched)} {fetched.source.removeprefix('hub:')} models")
    print(_summary(merged, out))
    return 0


def cmd_models_train_head(args: argparse.Namespace) -> int:
    """Train a task head on labelled requests and save it."""
    from hgpt_langchain.selection.taskhead import train_from_files

    head = train_from_files(args.data, args.out)
    rows = sum(source["rows"] for source in head.info["sources"])
    print(
        f"Trained a task head on {rows} requests (+{head.info['prototypes']} registry prototypes) "
        f"over {len(head.tasks)} task types: {args.out}\n"
        f"Use it with: hgpt models search QUERY --task-head {args.out}"
    )
    return 0


def cmd_catalog_info(args: argparse.Namespace) -> int:
    """Summarise a catalog: size, tasks, fingerprint, libraries, where its index is cached."""
    from hgpt_langchain.catalog import default_catalog, load_catalog
    from hgpt_langchain.paths import cache_root

    catalog = load_catalog(args.catalog) if args.catalog else default_catalog()
    libraries: dict[str, int] = {}
    for entry in catalog:
        key = entry.library or "unknown"
        libraries[key] = libraries.get(key, 0) + 1
    info = {
        "source": catalog.source,
        "models": len(catalog),
        "tasks": catalog.tasks(),
        "libraries": dict(sorted(libraries.items(), key=lambda kv: -kv[1])),
        "fingerprint": catalog.fingerprint(),
        "index_cache": str(cache_root() / "index"),
    }
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"catalog {info['source']} (fingerprint {info['fingerprint']})")
    print(_summary(catalog))
    top = ", ".join(f"{k} {v}" for k, v in list(info["libraries"].items())[:8])
    print(f"  libraries: {top}")
    print(f"  index cache: {info['index_cache']}")
    return 0
