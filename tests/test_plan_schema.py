"""The plan JSON schema generated from the registry, and the validation gaps real models found."""

from __future__ import annotations

import json

import jsonschema
import pytest

from hgpt_langchain.planning.llm import LLMPlanner
from hgpt_langchain.planning.schema import plan_json_schema
from hgpt_langchain.planning.validate import validate_plan
from hgpt_langchain.tasks import TASKS
from tests.fake_chat import ScriptedChatModel

CAPTION_THEN_SPEAK = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "photo.jpg"}},
        {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
    ]
}

CAPTION_JSON = json.dumps(CAPTION_THEN_SPEAK)


def _validator(**kw):
    schema = plan_json_schema(**kw)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("positional", [True, False])
def test_schema_accepts_a_valid_plan_and_lists_every_registry_task(positional):
    validator = _validator(positional=positional, files=["photo.jpg"])
    assert validator.is_valid(CAPTION_THEN_SPEAK)
    assert validator.is_valid({"tasks": []})
    schema = plan_json_schema(positional=positional)
    items = schema["properties"]["tasks"]
    alternatives = items["prefixItems"][0]["anyOf"] if positional else items["items"]["anyOf"]
    assert [a["properties"]["task"]["enum"][0] for a in alternatives] == list(TASKS)


@pytest.mark.parametrize("positional", [True, False])
def test_schema_rejects_unknown_tasks(positional):
    plan = {
        "tasks": [{"id": 0, "task": "image-captioning", "dep": [-1], "args": {"image": "a.png"}}]
    }
    assert not _validator(positional=positional).is_valid(plan)


def test_schema_rejects_forward_dependencies_and_references():
    validator = _validator()
    forward_dep = {
        "tasks": [
            {"id": 0, "task": "image-to-text", "dep": [1], "args": {"image": "photo.jpg"}},
            {"id": 1, "task": "text-to-image", "dep": [-1], "args": {"text": "a cat"}},
        ]
    }
    forward_ref = {
        "tasks": [
            {"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "<resource>-1"}},
            {"id": 1, "task": "text-to-image", "dep": [-1], "args": {"text": "a cat"}},
        ]
    }
    self_ref = {
        "tasks": [{"id": 0, "task": "summarization", "dep": [-1], "args": {"text": "<resource>-0"}}]
    }
    for plan in (forward_dep, forward_ref, self_ref):
        assert not validator.is_valid(plan)


def test_schema_ids_follow_positions():
    plan = {"tasks": [{"id": 3, "task": "summarization", "dep": [-1], "args": {"text": "x"}}]}
    assert not _validator().is_valid(plan)


@pytest.mark.parametrize("positional", [True, False])
def test_schema_rejects_wrong_argument_names(positional):
    wrong = {"tasks": [{"id": 0, "task": "image-to-text", "dep": [-1], "args": {"img": "a.png"}}]}
    extra = {
        "tasks": [
            {"id": 0, "task": "summarization", "dep": [-1], "args": {"text": "x", "max_len": "3"}}
        ]
    }
    missing = {
        "tasks": [
            {"id": 0, "task": "visual-question-answering", "dep": [-1], "args": {"image": "a.png"}}
        ]
    }
    validator = _validator(positional=positional)
    for plan in (wrong, extra, missing):
        assert not validator.is_valid(plan)


def test_schema_file_arguments_take_only_the_users_files_of_that_modality():
    validator = _validator(files=["photo.jpg", "talk.wav"])
    asr_photo = {
        "tasks": [
            {
                "id": 0,
                "task": "automatic-speech-recognition",
                "dep": [-1],
                "args": {"audio": "photo.jpg"},
            }
        ]
    }
    asr_talk = {
        "tasks": [
            {
                "id": 0,
                "task": "automatic-speech-recognition",
                "dep": [-1],
                "args": {"audio": "talk.wav"},
            }
        ]
    }
    invented = {
        "tasks": [{"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "cat.png"}}]
    }
    assert not validator.is_valid(asr_photo)
    assert validator.is_valid(asr_talk)
    assert not validator.is_valid(invented)


def test_schema_with_min_tasks_rejects_an_empty_plan():
    assert not _validator(min_tasks=1).is_valid({"tasks": []})


def test_strict_schema_requires_every_property_for_openai_strict_mode():
    schema = plan_json_schema(positional=False, strict=True)
    for alt in schema["properties"]["tasks"]["items"]["anyOf"]:
        args = alt["properties"]["args"]
        assert set(args["required"]) == set(args["properties"])
        assert alt["additionalProperties"] is False and args["additionalProperties"] is False


def test_validation_rejects_a_file_of_the_wrong_modality():
    plan = {
        "tasks": [{"id": 0, "task": "automatic-speech-recognition", "args": {"audio": "photo.jpg"}}]
    }
    for files in (None, ["photo.jpg"]):
        result = validate_plan(plan, files=files)
        assert not result.ok
        assert any("needs audio" in p and "photo.jpg" in p for p in result.problems)
    ok = validate_plan(
        {"tasks": [{"id": 0, "task": "automatic-speech-recognition", "args": {"audio": "a.wav"}}]},
        files=["a.wav"],
    )
    assert ok.ok


@pytest.mark.parametrize(
    ("request_text", "files"),
    [
        ("What is in this picture?", ["photo.jpg"]),
        ("Please transcribe interview.mp3 for me", []),
        ("Draw a lighthouse at sunset", []),
    ],
)
def test_an_empty_plan_for_a_request_naming_files_or_media_actions_is_a_problem(
    request_text, files
):
    result = validate_plan({"tasks": []}, files=files, request=request_text)
    assert not result.ok
    assert "empty" in result.problems[0]


def test_an_empty_plan_for_chit_chat_is_valid():
    assert validate_plan({"tasks": []}, files=[], request="Hi! How are you today?").ok
    assert validate_plan({"tasks": []}, request="now make it black and white").ok


class ChatLlamaCpp(ScriptedChatModel):
    """Stands in for langchain-community's ChatLlamaCpp: records what bind_tools was given."""

    bound: list = []

    def bind_tools(self, tools, **kwargs):
        self.bound.append((tools, kwargs))
        return self


def test_llamacpp_gets_a_dict_tool_choice_so_its_grammar_is_used():
    llm = ChatLlamaCpp([CAPTION_JSON])
    llm.bound = []
    LLMPlanner(llm).plan("Describe photo.jpg and read it aloud", ["photo.jpg"])
    tools, kwargs = llm.bound[-1]
    assert kwargs["tool_choice"] == {"type": "function", "function": {"name": "submit_plan"}}
    schema = tools[0]["function"]["parameters"]
    assert schema["properties"]["tasks"]["minItems"] == 1  # the registry schema, not a loose one


def test_planner_sends_an_empty_plan_for_a_request_with_files_to_repair():
    llm = ScriptedChatModel(['{"tasks": []}', CAPTION_JSON])
    result = LLMPlanner(llm).plan("What can you tell me about photo.jpg?", ["photo.jpg"])
    assert llm.calls == 2 and result.llm_calls == 2
    assert "empty" in llm.prompts[1][-1].content
    assert [t.task for t in result.plan.tasks] == ["image-to-text", "text-to-speech"]


def test_api_models_get_the_strict_registry_schema_through_structured_output():
    seen = {}

    class ChatOpenAI(ScriptedChatModel):
        def with_structured_output(self, schema, **kwargs):
            seen.update(schema=schema, **kwargs)
            return self

    llm = ChatOpenAI([CAPTION_JSON])
    LLMPlanner(llm).plan("Describe photo.jpg and read it aloud", ["photo.jpg"])
    assert seen["method"] == "json_schema" and seen["strict"] is True
    assert "prefixItems" not in json.dumps(seen["schema"])


def test_a_draft_plan_is_shown_to_the_llm_in_the_request():
    from hgpt_langchain.planning.base import StaticPlanner

    draft = StaticPlanner(CAPTION_THEN_SPEAK)
    llm = ScriptedChatModel([CAPTION_JSON])
    LLMPlanner(llm, draft=draft, compact=True).plan("Describe photo.jpg aloud", ["photo.jpg"])
    last = llm.prompts[0][-1].content
    assert "draft" in last and '"task": "image-to-text"' in last
