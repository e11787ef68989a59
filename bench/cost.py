"""Cost per request against catalog size: LLM calls and prompt/completion tokens.

For catalogs of 100 to 100,000 models (synthetic: the shipped catalog's entries cloned under new
ids), one three-task request runs through the real graph with a scripted chat model: retrieval
selection (default, no LLM call) and LLM selection (one call over each task's top-k). Tokens are
counted with LangChain's ``count_tokens_approximately`` on the exact prompts the model received.
The original HuggingGPT is computed from its published design: N + 2 calls, one selection prompt
per task listing its top-5 candidate models (their descriptions cut to 100 characters).

Embeddings here are a deterministic fake (token counts do not depend on embedding quality; the
real model's retrieval quality and speed are in ``selection.py`` / ``retrieval_scale.py``).

Prints ``{"rows": [{"catalog_size", "mode", "llm_calls", "prompt_tokens", "completion_tokens",
"original_llm_calls", "original_prompt_tokens_est"}]}``.
"""

from __future__ import annotations

import argparse
import json
import tempfile

from _common import emit

PLAN = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}},
        {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
        {"id": 2, "task": "object-detection", "dep": [], "args": {"image": "photo.jpg"}},
    ]
}
REQUEST = "Describe photo.jpg, read the description aloud and tell me which objects are in it."
ANSWER = "The photo shows a red house under a yellow sun; the audio file reads it aloud. " * 3


def synthetic_catalog(n: int):
    """``n`` entries cloned from the shipped catalog (every task keeps its share)."""
    from hgpt_langchain.catalog import Catalog, load_catalog

    shipped = load_catalog()
    by_task = [list(shipped.by_task(t)) for t in sorted({e.task for e in shipped})]
    # Round-robin over tasks so that even 100 entries cover every task type.
    base = [group[i] for i in range(max(map(len, by_task))) for group in by_task if i < len(group)]
    entries = []
    for i in range(n):
        src = base[i % len(base)]
        entries.append(src.model_copy(update={"id": f"{src.id}-v{i // len(base)}"}))
    return Catalog(entries, source=f"synthetic-{n}")


def original_selection_prompt_tokens(catalog, plan: dict) -> int:
    """HuggingGPT's model-selection prompts: one per task, top-5 by downloads, 100-char cards."""
    from langchain_core.messages.utils import count_tokens_approximately

    total = 0
    for task in plan["tasks"]:
        models = sorted(catalog.by_task(task["task"]), key=lambda e: -e.downloads)[:5]
        listing = [
            {
                "id": m.id,
                "inference endpoint": ["local"],
                "likes": m.likes,
                "description": m.description[:100],
                "tags": m.tags[:5],
            }
            for m in models
        ]
        prompt = (
            "#2 Model Selection Stage: Given the user request and the parsed tasks, the AI "
            "assistant helps the user to select a suitable model from a list of models to process "
            "the user request. The assistant should focus more on the description of the model "
            "and find the model that has the most potential to solve requests and tasks. Also, "
            "prefer models with local inference endpoints for speed and stability. "
            f"{REQUEST} Please choose the most suitable model from {json.dumps(listing)} for the "
            f"task {json.dumps(task)}. The output must be in a strict JSON format: "
            '{"id": "id", "reason": "your detail reasons for the choice"}.'
        )
        total += count_tokens_approximately([prompt])
    return total


def run(sizes: list[int]) -> dict:
    from langchain_core.embeddings import DeterministicFakeEmbedding
    from langchain_core.messages.utils import count_tokens_approximately

    from hgpt_langchain.execution.sleep import SleepExecutor
    from hgpt_langchain.graph import build_graph
    from hgpt_langchain.selection.index import ModelIndex
    from hgpt_langchain.selection.llm import LLMSelector
    from hgpt_langchain.selection.retrieval import RetrievalSelector
    from tests.fake_chat import ScriptedChatModel

    rows = []
    with tempfile.TemporaryDirectory() as cache:
        for n in sizes:
            catalog = synthetic_catalog(n)
            index = ModelIndex(
                catalog, embeddings=DeterministicFakeEmbedding(size=384), cache_dir=cache
            )
            original_sel = original_selection_prompt_tokens(catalog, PLAN)
            for mode in ("retrieval", "llm"):
                base = RetrievalSelector(index=index)
                if mode == "retrieval":
                    llm = ScriptedChatModel([json.dumps(PLAN), ANSWER])
                    selector = base
                else:
                    pick = {str(t["id"]): {"model": "x", "reason": "best"} for t in PLAN["tasks"]}
                    llm = ScriptedChatModel([json.dumps(PLAN), json.dumps(pick), ANSWER])
                    selector = LLMSelector(llm, base)
                graph = build_graph(llm, selector=selector, executor=SleepExecutor(durations=0.0))
                graph.invoke({"request": REQUEST})
                rows.append(
                    {
                        "catalog_size": n,
                        "mode": mode,
                        "llm_calls": llm.calls,
                        "prompt_tokens": sum(count_tokens_approximately(p) for p in llm.prompts),
                        "completion_tokens": count_tokens_approximately([json.dumps(PLAN), ANSWER]),
                        "original_llm_calls": len(PLAN["tasks"]) + 2,
                        "original_selection_prompt_tokens_est": original_sel,
                    }
                )
    return {"rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="catalogs of 100 and 1,000 only")
    args = parser.parse_args()
    emit(run([100, 1000] if args.quick else [100, 1_000, 10_000, 100_000]))


if __name__ == "__main__":
    main()
