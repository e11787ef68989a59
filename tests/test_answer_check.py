"""LLM answers are checked against the report: invented paths, models and numbers are caught."""

from __future__ import annotations

from hgpt_langchain.answer_check import check_answer
from hgpt_langchain.response import LLMResponder
from hgpt_langchain.state import Candidate, ModelChoice, Plan, Report, Task, TaskResult
from tests.fake_chat import ScriptedChatModel


def _report() -> Report:
    return Report(
        request="Describe photo.jpg and draw 2 cats like it",
        files=["photo.jpg"],
        plan=Plan(
            tasks=[
                Task(id=0, task="image-to-text", dep=[], args={"image": "photo.jpg"}),
                Task(id=1, task="text-to-image", dep=[0], args={"text": "<resource>-0"}),
            ]
        ),
        choices=[
            ModelChoice(
                task_id=0,
                task="image-to-text",
                model="Salesforce/blip-image-captioning-base",
                candidates=[
                    Candidate(id="Salesforce/blip-image-captioning-base", score=0.91),
                    Candidate(id="nlpconnect/vit-gpt2-image-captioning", score=0.87),
                ],
            ),
            ModelChoice(task_id=1, task="text-to-image", model="segmind/tiny-sd"),
        ],
        results=[
            TaskResult(
                task_id=0,
                task="image-to-text",
                model="Salesforce/blip-image-captioning-base",
                status="ok",
                output="a grey cat sitting on a sofa (score 0.9731)",
            ),
            TaskResult(
                task_id=1,
                task="text-to-image",
                model="segmind/tiny-sd",
                status="ok",
                files=["/runs/abc/task-1.png"],
            ),
        ],
    )


GOOD = (
    "The photo shows a grey cat sitting on a sofa (Salesforce/blip-image-captioning-base, "
    "confidence 97%, i.e. 0.97). I drew 2 cats with segmind/tiny-sd: /runs/abc/task-1.png. "
    "nlpconnect/vit-gpt2-image-captioning was the runner-up; the plan had 2 tasks, input and/or "
    "output as text/image."
)


def test_an_answer_that_names_only_report_content_passes():
    check = check_answer(GOOD, _report())
    assert check.ok, check.problems()


def test_check_catches_an_invented_path():
    check = check_answer(GOOD + " The audio is at /runs/abc/task-2.wav.", _report())
    assert check.paths == ["/runs/abc/task-2.wav"]
    assert not check.ok


def test_check_catches_an_invented_model():
    check = check_answer("I used openai/whisper-large-v3 to describe it.", _report())
    assert check.models == ["openai/whisper-large-v3"]


def test_check_catches_invented_numbers_and_placeholders():
    check = check_answer("There are 17 cats, with 0.42 confidence, see [path].", _report())
    assert check.numbers == ["17", "0.42"]
    assert check.placeholders == ["[path]"]


def test_numbered_list_markers_are_structure_but_numbers_inside_items_are_checked():
    answer = (
        "1. The photo shows a grey cat sitting on a sofa.\n"
        "2. Workflow: image-to-text, then text-to-image.\n"
        "3. Nothing failed.\n"
        "  4) The image has 17 cats.\n"
        "Step 5: done."
    )
    check = check_answer(answer, _report())
    assert check.numbers == ["17"], check.problems()


def test_responder_regenerates_once_when_the_answer_invents_a_file():
    llm = ScriptedChatModel(["Your image: /runs/abc/cat.png", GOOD])
    responder = LLMResponder(llm)
    assert responder.respond(_report()) == GOOD
    assert llm.calls == 2 and responder.llm_calls == 2
    assert "/runs/abc/cat.png" in llm.prompts[1][-1].content
    assert responder.checks == {"answers": 1, "failed": 1, "regenerated_ok": 1, "templated": 0}


def test_responder_falls_back_to_the_template_with_a_note_when_regeneration_fails_too():
    llm = ScriptedChatModel(["Used openai/whisper-tiny.", "Used google/vit-base-patch16-224."])
    responder = LLMResponder(llm)
    answer = responder.respond(_report())
    assert "Salesforce/blip-image-captioning-base" in answer  # the templated answer
    assert "Note:" in answer and "google/vit-base-patch16-224" in answer
    assert responder.checks["templated"] == 1
