"""LLM calls and prompt tokens per request against the number of tasks (scripted model).

Prints ``{"rows": [{"tasks", "llm_calls", "prompt_tokens", "completion_tokens",
"original_llm_calls"}]}``. The original HuggingGPT makes N + 2 calls (plan, one model-selection
call per task, respond); hgpt_langchain makes 2 whatever N.
"""

from __future__ import annotations

import argparse
import json

from _common import emit

TASK_CYCLE = [
    ("text-to-image", "text", "a lighthouse at dusk"),
    ("image-to-text", "image", None),
    ("text-to-speech", "text", None),
    ("automatic-speech-recognition", "audio", None),
    ("translation", "text", None),
    ("summarization", "text", None),
    ("text-classification", "text", None),
    ("token-classification", "text", None),
]


def chain_plan(n: int) -> dict:
    """A plan of ``n`` chained tasks whose modalities fit (a realistic long chain)."""
    tasks = []
    for i in range(n):
        task, arg_modality, literal = TASK_CYCLE[i % len(TASK_CYCLE)]
        from hgpt_langchain.tasks import TASKS

        arg = next(a.name for a in TASKS[task].args if a.resource)
        value = literal if (literal and i == 0) else (f"<resource>-{i - 1}" if i else "hello")
        if i and TASKS[tasks[-1]["task"]].output != arg_modality:
            value = "some text"
            dep = []
        else:
            dep = [i - 1] if i else []
        tasks.append({"id": i, "task": task, "dep": dep, "args": {arg: value}})
    return {"tasks": tasks}


def run(sizes: list[int]) -> dict:
    from langchain_core.messages.utils import count_tokens_approximately

    from hgpt_langchain.execution.sleep import SleepExecutor
    from hgpt_langchain.graph import build_graph
    from hgpt_langchain.selection.base import StaticSelector
    from tests.fake_chat import ScriptedChatModel

    rows = []
    for n in sizes:
        plan_json = json.dumps(chain_plan(n))
        answer = "Here is what the models found. " * 8
        llm = ScriptedChatModel([plan_json, answer])
        graph = build_graph(
            llm,
            selector=StaticSelector(lambda t: f"org/{t.task}"),
            executor=SleepExecutor(durations=0.0),
        )
        graph.invoke({"request": f"Run a {n}-step pipeline starting from a lighthouse picture."})
        prompt_tokens = sum(count_tokens_approximately(p) for p in llm.prompts)
        rows.append(
            {
                "tasks": n,
                "llm_calls": llm.calls,
                "prompt_tokens": prompt_tokens,
                "completion_tokens": count_tokens_approximately([plan_json, answer]),
                "original_llm_calls": n + 2,
            }
        )
    return {"rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="plans of 1 and 2 tasks only")
    args = parser.parse_args()
    emit(run([1, 2] if args.quick else list(range(1, 9))))


if __name__ == "__main__":
    main()
