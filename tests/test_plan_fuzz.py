"""Property-based tests of the plan parser and validator against hostile LLM output.

Whatever a chat model returns (not JSON, truncated, wrong types, 10,000 tasks, deep nesting,
huge or unicode-digit ids, cycles, self or missing dependencies), planning ends in a valid plan
or a :class:`PlanningError`, within a bounded time.
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from langchain_core.messages import AIMessage

from hgpt_langchain.errors import PlanningError
from hgpt_langchain.planning.jsonish import extract_json
from hgpt_langchain.planning.llm import LLMPlanner
from hgpt_langchain.planning.validate import MAX_PLAN_TASKS, validate_plan
from hgpt_langchain.tasks import TASKS
from tests.fake_chat import ScriptedChatModel

FUZZ = settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["<resource>-0", "<resource>-99", "１２", "²", "9" * 5000, "photo.jpg"]),
)
_json = st.recursive(
    _json_leaf,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=25,
)
_ids = st.one_of(
    st.integers(min_value=-5, max_value=10),
    st.integers(),
    st.sampled_from(["１", "٣", "²", "1" * 5000, "task-1", "<resource>-2", "-0", "", None, 1.5]),
)
_task = st.fixed_dictionaries(
    {
        "id": _ids,
        "task": st.one_of(st.sampled_from(sorted(TASKS)), st.text(max_size=10), _json_leaf),
        "dep": st.one_of(st.lists(_ids, max_size=4), _ids, _json),
        "args": st.one_of(
            st.dictionaries(
                st.sampled_from(["text", "image", "audio", "question", "x"]),
                st.one_of(_json, st.sampled_from(["<resource>-0", "<resource>-1", "photo.jpg"])),
                max_size=3,
            ),
            _json,
        ),
    }
)
_plans = st.one_of(
    _json,
    st.lists(_task, max_size=6),
    st.fixed_dictionaries({"tasks": st.lists(_task, max_size=6)}),
)


def _check(validation) -> None:  # type: ignore[no-untyped-def]
    if validation.ok:
        ids = [t.id for t in validation.plan.tasks]
        assert len(ids) == len(set(ids))
        done: set[int] = set()
        for t in validation.plan.tasks:  # topological, no self or missing deps
            assert all(d in done for d in t.dep)
            done.add(t.id)


@FUZZ
@given(_plans)
def test_validator_never_raises_on_random_plans(raw):  # type: ignore[no-untyped-def]
    _check(validate_plan(raw, files=["photo.jpg"]))


@FUZZ
@given(st.text(max_size=400))
def test_json_extraction_never_raises_on_random_text(text: str):
    extract_json(text)


@FUZZ
@given(_plans, st.integers(min_value=0, max_value=60), st.booleans())
def test_extraction_of_a_truncated_dump_never_raises(raw, cut: int, fence: bool):  # type: ignore[no-untyped-def]
    text = json.dumps(raw, ensure_ascii=False)
    text = text[: max(1, len(text) - cut)]
    extract_json(f"Here is the plan:\n```json\n{text}" if fence else text)


def _plan_with(reply: str) -> object:
    planner = LLMPlanner(ScriptedChatModel([reply, reply]))
    try:
        return planner.plan("Describe photo.jpg", files=["photo.jpg"])
    except PlanningError as err:
        return err


@FUZZ
@given(_plans)
def test_planner_ends_in_a_plan_or_planning_error(raw):  # type: ignore[no-untyped-def]
    result = _plan_with(json.dumps(raw, ensure_ascii=False, default=str))
    assert isinstance(result, PlanningError) or result.plan is not None  # type: ignore[attr-defined]


def _chain(n: int) -> str:
    tasks = [
        {
            "id": i,
            "task": "summarization",
            "dep": [i - 1] if i else [],
            "args": {"text": f"<resource>-{i - 1}" if i else "hello"},
        }
        for i in range(n)
    ]
    return json.dumps({"tasks": tasks})


ADVERSARIAL = {
    "not json": "I cannot help with that.",
    "10000 tasks": _chain(10_000),
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep nesting, truncated": '{"tasks": ' + "[" * 200_000,
    "deep args": '{"tasks": [{"id": 0, "task": "summarization", "args": {"text": '
    + "[" * 50_000
    + "]" * 50_000
    + "}}]}",
    "huge id": '{"tasks": [{"id": ' + "9" * 100_000 + ', "task": "summarization", '
    '"args": {"text": "hi"}}]}',
    "huge id string": '{"tasks": [{"id": "' + "9" * 5000 + '", "task": "summarization", '
    '"args": {"text": "hi"}}]}',
    "unicode digit id": '{"tasks": [{"id": "²", "task": "summarization", "args": {"text": "hi"}}]}',
    "unicode digit dep": '{"tasks": [{"id": 0, "task": "summarization", "dep": ["١"], '
    '"args": {"text": "hi"}}]}',
    "cycle": '{"tasks": [{"id": 0, "task": "summarization", "dep": [1], "args": {"text": '
    '"<resource>-1"}}, {"id": 1, "task": "summarization", "dep": [0], "args": {"text": '
    '"<resource>-0"}}]}',
    "self dependency": '{"tasks": [{"id": 0, "task": "summarization", "dep": [0], '
    '"args": {"text": "<resource>-0"}}]}',
    "missing dependency": '{"tasks": [{"id": 0, "task": "summarization", "dep": [7], '
    '"args": {"text": "<resource>-7"}}]}',
    "wrong types": '{"tasks": {"id": [], "task": 5, "dep": "x", "args": 3}}',
    "megabyte of braces": "{" * 1_000_000,
    "many fences": "```" * 100_000,
    "many small objects": '{"a": 1} ' * 100_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_planner_output_is_a_planning_error_in_bounded_time(name: str):
    started = time.perf_counter()
    result = _plan_with(ADVERSARIAL[name])
    elapsed = time.perf_counter() - started
    assert isinstance(result, PlanningError), (name, result)
    assert len(str(result)) < 5000  # the message stays readable
    assert elapsed < 20, f"{name} took {elapsed:.1f} s"  # generous: unbounded was minutes


def test_a_plan_over_the_size_cap_is_refused_with_the_cap_named():
    validation = validate_plan(json.loads(_chain(MAX_PLAN_TASKS + 1)))
    assert not validation.ok
    assert str(MAX_PLAN_TASKS) in " ".join(validation.problems)
    assert validate_plan(json.loads(_chain(MAX_PLAN_TASKS))).ok


def test_repair_round_fixes_a_broken_first_reply():
    good = '{"tasks": [{"id": 0, "task": "summarization", "args": {"text": "hi"}}]}'
    planner = LLMPlanner(ScriptedChatModel(["{" * 50_000, AIMessage(good)]))
    result = planner.plan("Summarize hi")
    assert result.llm_calls == 2 and [t.task for t in result.plan.tasks] == ["summarization"]
