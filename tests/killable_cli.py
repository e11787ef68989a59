"""``hgpt`` in a child process that kills itself at a chosen moment (for resume tests).

``python -m tests.killable_cli ARGS...`` runs the CLI with a fixed two-task plan, a
first-model selector and a sleep executor (no models, no LLM). ``HGPT_TEST_KILL`` picks the moment:

- ``after-plan``: SIGKILL once the model choices made after planning are saved as pending
  writes, before the next checkpoint (the checkpoint then has an empty ``next``).
- ``sigint-in-task``: SIGINT (Ctrl-C) to itself while task 0 runs; the task still finishes.

Without it the run completes. ``HGPT_TEST_CALLS`` names a file that gets one line per task run.
"""

from __future__ import annotations

import os
import signal
import sys
import time

PLAN = {
    "tasks": [
        {"id": 0, "task": "text-generation", "dep": [], "args": {"text": "a lighthouse"}},
        {"id": 1, "task": "summarization", "dep": [0], "args": {"text": "<resource>-0"}},
    ]
}


class _Executor:
    name = "sleep"

    def run(self, task, model, args, workspace):  # noqa: ANN001, ANN201, D102
        from hgpt_langchain.execution.base import ExecutionOutput
        from hgpt_langchain.execution.context import current_task_id

        tid = current_task_id()
        with open(os.environ["HGPT_TEST_CALLS"], "a", encoding="utf-8") as f:
            f.write(f"{tid}\n")
        if os.environ.get("HGPT_TEST_KILL") == "sigint-in-task" and tid == 0:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.5)  # the task finishes after Ctrl-C, as a model call would
        return ExecutionOutput(text=f"{task.name} of [{args['text']}]", executor=self.name)


def main() -> int:  # noqa: D103
    # A shell that starts jobs in the background hands them SIGINT ignored, and Python then
    # installs no KeyboardInterrupt handler: give this child the terminal's usual Ctrl-C.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import hgpt_langchain.graph as graph_module
    from hgpt_langchain.cli import main as cli_main
    from tests.helpers import FirstModelSelector

    real = graph_module.build_graph

    def build_graph(llm=None, **kw):  # noqa: ANN001, ANN003, ANN202
        kw.update(planner=PLAN, selector=FirstModelSelector(), executor=_Executor())
        return real(llm, **kw)

    graph_module.build_graph = build_graph
    if os.environ.get("HGPT_TEST_KILL") == "after-plan":
        from langgraph.checkpoint.sqlite import SqliteSaver

        put_writes = SqliteSaver.put_writes

        def put_writes_then_die(self, config, writes, task_id, task_path=""):  # noqa: ANN001, ANN202
            put_writes(self, config, writes, task_id, task_path)
            if any(channel == "choices" for channel, _ in writes):
                os.kill(os.getpid(), signal.SIGKILL)

        SqliteSaver.put_writes = put_writes_then_die
    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
