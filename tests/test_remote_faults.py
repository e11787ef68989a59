"""Remote faults through the scheduler, against a 127.0.0.1 stand-in of an inference endpoint.

Timeout, hang, drip-feed, 5xx, 503 loading, 429 and bad JSON: transient faults are retried with
backoff within the task's deadline, then the next candidate runs or the task fails saying what
happened, and its dependents are skipped.
"""

from __future__ import annotations

import time

import pytest

from hgpt_langchain.execution import RemoteExecutor
from hgpt_langchain.execution.scheduler import Scheduler
from hgpt_langchain.state import Candidate, ModelChoice, Plan, Task

pytestmark = pytest.mark.usefixtures("hub_online")


def _run(inference_server, ws, models, *, deadline=20.0):
    port = inference_server.server_address[1]
    remote = RemoteExecutor(base_url=f"http://127.0.0.1:{port}/models/{{model}}", timeout=0.5)
    plan = Plan(
        tasks=[
            Task(id=0, task="text-classification", args={"text": "great phone"}),
            Task(id=1, task="text-classification", dep=[0], args={"text": "<resource>-0"}),
        ]
    )
    choice = ModelChoice(
        task_id=0,
        task="text-classification",
        model=models[0],
        candidates=[Candidate(id=m, score=1.0 - i / 10) for i, m in enumerate(models)],
    )
    choices = {
        0: choice,
        1: choice.model_copy(
            update={"task_id": 1, "model": "ok", "candidates": [Candidate(id="ok", score=1)]}
        ),
    }
    sched = Scheduler(
        remote, runner=None, task_timeout=deadline, retries=2, backoff=0.05, max_candidates=3
    )
    return sched.run(plan, choices, ws)


@pytest.mark.parametrize(
    ("fault", "says", "retried"),
    [
        ("e500", "HTTP 500", True),
        ("loading", "loading", True),
        ("e429", "HTTP 429", True),
        ("hang", "timed out", True),
        ("badjson", "", False),
    ],
)
def test_a_remote_fault_is_retried_then_the_next_candidate_answers(
    inference_server, ws, fault, says, retried
):
    results = _run(inference_server, ws, [fault, "ok"])
    assert results[0].status == "ok" and results[0].model == "ok"
    assert results[1].status == "ok"
    assert inference_server.hits[fault] == (3 if retried else 1)  # 1 + retries for transient faults
    failed = [a for a in results[0].attempts if a.startswith(fault)]
    assert len(failed) == inference_server.hits[fault]
    assert says.lower() in failed[0].lower()


def test_when_every_candidate_fails_the_error_says_what_happened_and_dependents_skip(
    inference_server, ws
):
    results = _run(inference_server, ws, ["e500", "e429"])
    assert results[0].status == "failed"
    assert "HTTP 500" in results[0].error and "HTTP 429" in results[0].error
    assert results[1].status == "skipped" and "task 0 failed" in results[1].error


def test_a_drip_fed_answer_is_cut_at_the_task_deadline(inference_server, ws):
    t0 = time.monotonic()
    results = _run(inference_server, ws, ["drip", "ok"], deadline=2.0)
    elapsed = time.monotonic() - t0
    assert results[0].status == "failed" and "deadline" in results[0].error
    assert results[1].status == "skipped"
    assert elapsed < 5.5  # the drip alone lasts 6 s per attempt, 18 s with retries
