"""APIBench as a foreign catalog: its own API pool and task types, none of them the registry's.

The catalog is Gorilla's Hugging Face API pool (``data/apibench/huggingface_api_pool.jsonl``:
936 APIs with their APIBench domain, functionality and description; see
``data/apibench/PROVENANCE.md``), each API an entry whose task type is its APIBench domain
string ("Natural Language Processing Text Generation", ...), which the task registry does not
know. The queries are the 326 vendored APIBench instructions (``apibench_hf_sample.jsonl``).
Each is searched with no task filter; the top hit counts as

* ``domain``: its APIBench domain is the instruction's gold domain;
* ``api``: it is the gold API itself.

Rankings: plain MiniLM cosine over the descriptions (``recipe="desc"``), the same cosine over
the text our index embeds (domain + name + description, ``recipe="desc+tags"``), and our
task-aware ranking (``ModelIndex`` defaults) on the same catalog, and ours over the
descriptions alone (``recipe="desc"``). The registry-trained terms
(prototypes, cues, media terms, task head) do not apply to task types outside the registry, so
ours must not fall below plain cosine here. For reference, ``ours_registry_mapped`` maps the
domains that have a registry task type onto it (``data/derive_apibench.py``'s table, the rest
stay foreign), so that the registry terms do apply to those.

The records are split by window (``offset`` // 39,000): even windows are ``dev``, odd ``test``.
Nothing in the ranking was tuned on either half.

Prints one JSON object. Usage: python bench/apibench_foreign.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import time
from collections import defaultdict
from pathlib import Path

from _common import emit

from hgpt_langchain.catalog import Catalog, CatalogEntry
from hgpt_langchain.selection.index import ModelIndex

DATA = Path(__file__).parent / "data"
POOL = DATA / "apibench" / "huggingface_api_pool.jsonl"
QUERIES = DATA / "apibench" / "apibench_hf_sample.jsonl"
WINDOW = 39_000


def api_catalog(mapped: dict[str, str | None] | None = None) -> Catalog:
    """The API pool as a catalog; ids are API names (a name repeated under another domain gets
    ``#domain``; a repeat under the same domain is dropped)."""
    entries: dict[str, CatalogEntry] = {}
    for line in POOL.read_text().splitlines():
        if not line.strip():
            continue
        api = json.loads(line)
        name, domain = api["api_name"], api["domain"]
        key = name
        if key in entries:
            if entries[key].tags[0] == domain:
                continue
            key = f"{name}#{domain}"
            if key in entries:
                continue
        task = (mapped or {}).get(domain) or domain
        text = f"{api.get('functionality') or ''}. {api.get('description') or ''}".strip(". ")
        entries[key] = CatalogEntry(id=key, task=task, tags=[domain], description=text)
    return Catalog(entries.values(), source=str(POOL))


def registry_map() -> dict[str, str | None]:
    """derive_apibench.py's table: APIBench domain -> registry task type (or None)."""
    spec = importlib.util.spec_from_file_location("derive_apibench", DATA / "derive_apibench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.DOMAINS)


def main() -> None:
    """Run the benchmark and print its JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="every 8th instruction")
    args = parser.parse_args()
    rows = [json.loads(line) for line in QUERIES.read_text().splitlines() if line.strip()]
    if args.quick:
        rows = rows[::8]
    catalog = api_catalog()
    ours = ModelIndex(catalog)
    methods = {
        "cosine_desc": ModelIndex(
            catalog, embeddings=ours.embeddings, recipe="desc", ranking="cosine"
        ),
        "cosine_same_text": ModelIndex(catalog, embeddings=ours.embeddings, ranking="cosine"),
        "ours": ours,
        "ours_desc": ModelIndex(catalog, embeddings=ours.embeddings, recipe="desc"),
        "ours_registry_mapped": ModelIndex(api_catalog(registry_map()), embeddings=ours.embeddings),
    }
    for index in methods.values():
        index.prepare()
    hits: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    ms: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        half = "dev" if (row["offset"] // WINDOW) % 2 == 0 else "test"
        vector = ours.embed_query(row["q"])
        for name, index in methods.items():
            start = time.perf_counter()
            top = index.search(row["q"], k=1, vector=vector)[0].entry
            ms[name].append((time.perf_counter() - start) * 1000)
            for split in (half, "all"):
                hits[name][split]["domain"].append(int(top.tags[0] == row["domain"]))
                hits[name][split]["api"].append(int(top.id.split("#")[0] == row["model"]))
    emit(
        {
            "bench": "apibench_foreign",
            "catalog": {
                "apis": len(catalog),
                "task_types": len({e.task for e in catalog}),
                "registry_task_types": len(catalog.tasks()),
            },
            "queries": {s: len(hits["ours"][s]["api"]) for s in ("dev", "test", "all")},
            "top1": {
                name: {
                    split: {m: round(sum(v) / len(v), 3) for m, v in by_metric.items()}
                    for split, by_metric in sorted(by_split.items())
                }
                for name, by_split in hits.items()
            },
            "ms_per_search_median": {n: round(sorted(v)[len(v) // 2], 2) for n, v in ms.items()},
            "loadavg": [round(x, 2) for x in os.getloadavg()],
        }
    )


if __name__ == "__main__":
    main()
