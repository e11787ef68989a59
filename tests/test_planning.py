"""The LLM planner: parsing, validation, repair, multi-turn, structured output, call counts."""

import json

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from hgpt_langchain.errors import PlanningError
from hgpt_langchain.planning.llm import LLMPlanner, task_list_text
from hgpt_langchain.tasks import TASKS
from tests import plans
from tests.fake_chat import ScriptedChatModel


def plan_with(*responses, request="Describe photo.jpg", files=("photo.jpg",), history=()):
    llm = ScriptedChatModel(list(responses))
    result = LLMPlanner(llm).plan(request, list(files), list(history))
    return result, llm


def test_single_task_plan_and_minus_one_dependency_dropped():
    result, llm = plan_with(plans.SINGLE)
    assert [(t.id, t.task, t.dep) for t in result.plan.tasks] == [(0, "image-to-text", [])]
    assert result.llm_calls == 1 == llm.calls


def test_chain_plan_keeps_resource_reference():
    result, _ = plan_with(plans.CHAIN)
    tts = result.plan.tasks[1]
    assert tts.task == "text-to-speech" and tts.dep == [0] and tts.args["text"] == "<resource>-0"


def test_dag_plan_two_branches_from_one_image():
    result, _ = plan_with(
        plans.DAG, request="Draw a lighthouse, detect objects, estimate depth", files=()
    )
    by_id = result.plan.by_id()
    assert by_id[1].dep == [0] and by_id[2].dep == [0] and by_id[3].dep == [1]


def test_fenced_chatty_output_parsed_and_forgotten_dependency_added():
    result, llm = plan_with(
        plans.FENCED_FORGOT_DEP, request="Summarize meeting.wav", files=["meeting.wav"]
    )
    assert llm.calls == 1, "tolerant parsing must not need a repair round"
    assert result.plan.by_id()[1].dep == [0]


def test_malformed_json_gets_one_repair_round_with_the_error():
    result, llm = plan_with(plans.MALFORMED, plans.SINGLE)
    assert llm.calls == 2 and result.llm_calls == 2
    repair_prompt = llm.prompts[1][-1].content
    assert "not valid JSON" in repair_prompt
    assert [t.task for t in result.plan.tasks] == ["image-to-text"]


def test_cycle_reported_exactly_then_repaired():
    result, llm = plan_with(plans.CYCLE, plans.CHAIN)
    assert "cycle" in llm.prompts[1][-1].content
    assert len(result.plan.tasks) == 2


def test_unknown_task_type_still_invalid_after_repair_raises_planning_error():
    with pytest.raises(PlanningError) as info:
        plan_with(plans.UNKNOWN_TASK, plans.UNKNOWN_TASK)
    err = info.value
    assert any("image-captioning-pro" in p for p in err.problems)
    assert err.raw and "image-captioning-pro" in err.raw
    assert "image-to-text" in str(err)  # the message lists the valid task types


def test_wrong_modality_reference_is_rejected():
    with pytest.raises(PlanningError) as info:
        plan_with(plans.WRONG_MODALITY, plans.WRONG_MODALITY, request="say hello", files=())
    assert any("needs image" in p and "produces audio" in p for p in info.value.problems)


def test_file_not_among_inputs_is_a_problem():
    bad = json.dumps({"tasks": [{"id": 0, "task": "image-to-text", "args": {"image": "cat.jpg"}}]})
    with pytest.raises(PlanningError) as info:
        plan_with(bad, bad)
    assert any("cat.jpg" in p and "photo.jpg" in p for p in info.value.problems)


def test_empty_plan_for_chit_chat():
    result, _ = plan_with(plans.EMPTY, request="hi there!", files=())
    assert result.plan.tasks == []


def test_tool_call_output_is_used_when_the_model_calls_submit_plan():
    msg = AIMessage(
        content="",
        tool_calls=[{"name": "submit_plan", "args": json.loads(plans.CHAIN), "id": "call_1"}],
    )
    result, _ = plan_with(msg)
    assert [t.task for t in result.plan.tasks] == ["image-to-text", "text-to-speech"]


def test_prompt_holds_registry_demos_and_trimmed_history():
    history = [
        HumanMessage("x " * 3000),
        AIMessage("long answer"),
        HumanMessage("Draw a cat"),
        AIMessage("Here is outputs/task-0.png"),
    ]
    describe = plans.SINGLE.replace("photo.jpg", "task-0.png")
    result, llm = plan_with(
        describe, request="Now describe it", files=["outputs/task-0.png"], history=history
    )
    prompt = llm.prompts[0]
    system = prompt[0].content
    assert all(name in system for name in TASKS)
    assert "<resource>-k" in system
    contents = [m.content for m in prompt]
    assert "Draw a cat" in contents, "recent history is kept"
    assert not any(c.startswith("x x x") for c in contents if isinstance(c, str)), (
        "old turns trimmed"
    )
    assert prompt[-1].content.startswith("Now describe it")
    assert "task-0.png" in prompt[-1].content


def test_task_list_is_generated_from_the_registry():
    text = task_list_text()
    assert text.count("\n") + 1 == len(TASKS)
    assert "- visual-question-answering: image (image), question (text) -> text." in text
