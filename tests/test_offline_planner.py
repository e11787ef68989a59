"""The offline planner: realistic requests, plan validity, confidence, TaskBench floor."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hgpt_langchain.evaluation import (
    TASKBENCH_TASKS,
    ToolGraph,
    load_taskbench,
    score,
)
from hgpt_langchain.planning.base import PlanResult
from hgpt_langchain.planning.clauses import parse_request
from hgpt_langchain.planning.offline import OfflinePlanner
from hgpt_langchain.planning.validate import validate_plan

SAMPLE = Path(__file__).resolve().parents[1] / "bench/data/taskbench/data.sample.jsonl"


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    p = OfflinePlanner()
    p.warm_up()
    return p


def _tasks(result: PlanResult) -> list[str]:
    return [t.task for t in result.plan.tasks]


def _valid(result: PlanResult, files=None) -> None:
    validation = validate_plan(result.plan, files=files)
    assert validation.ok, validation.problems


def test_single_task_with_a_file_named_in_the_request(planner: OfflinePlanner):
    result = planner.plan("Could you transcribe meeting.wav for me?")
    assert result.planner == "offline" and result.llm_calls == 0
    assert _tasks(result) == ["automatic-speech-recognition"]
    assert result.plan.tasks[0].args == {"audio": "meeting.wav"}
    _valid(result, files=["meeting.wav"])


def test_chain_with_then_links_the_output(planner: OfflinePlanner):
    result = planner.plan("Transcribe meeting.wav, then translate it into French.")
    assert _tasks(result) == ["automatic-speech-recognition", "translation"]
    asr, tr = result.plan.tasks
    assert tr.args["text"] == f"<resource>-{asr.id}"
    assert tr.args["target_language"] == "French"
    assert tr.dep == [asr.id]
    _valid(result)


def test_read_it_aloud_becomes_text_to_speech_on_the_previous_output(planner: OfflinePlanner):
    result = planner.plan("Describe photo.jpg and read it aloud.")
    assert _tasks(result) == ["image-to-text", "text-to-speech"]
    cap, tts = result.plan.tasks
    assert cap.args == {"image": "photo.jpg"}
    assert tts.args == {"text": f"<resource>-{cap.id}"}
    assert tts.dep == [cap.id]


def test_dag_with_two_branches_from_a_generated_image(planner: OfflinePlanner):
    result = planner.plan(
        "Generate an image of a red fox in the snow. Then describe the generated image "
        "and also detect the objects in it."
    )
    assert Counter(_tasks(result)) == Counter(
        ["text-to-image", "image-to-text", "object-detection"]
    )
    by_task = {t.task: t for t in result.plan.tasks}
    gen = by_task["text-to-image"]
    assert "red fox in the snow" in gen.args["text"]
    for reader in ("image-to-text", "object-detection"):
        assert by_task[reader].args["image"] == f"<resource>-{gen.id}"
        assert by_task[reader].dep == [gen.id]
    _valid(result)


def test_input_files_are_bound_by_extension(planner: OfflinePlanner):
    result = planner.plan("What animal is in this picture?", files=["/data/in/cat.png"])
    assert len(result.plan.tasks) == 1
    task = result.plan.tasks[0]
    assert task.task in {"image-classification", "visual-question-answering"}
    assert task.args["image"] == "cat.png"
    _valid(result, files=["cat.png"])
    # the same request without any image cannot be planned offline
    no_file = planner.plan("What animal is in this picture?")
    assert not no_file.plan.tasks
    assert not planner.confident(no_file)


def test_quoted_text_is_the_argument(planner: OfflinePlanner):
    result = planner.plan("Translate 'Good morning, my friend' into German.")
    assert _tasks(result) == ["translation"]
    assert result.plan.tasks[0].args == {
        "text": "Good morning, my friend",
        "target_language": "German",
    }

    two = planner.plan("How similar are 'A man is eating food' and 'Someone is having a meal'?")
    assert _tasks(two) == ["sentence-similarity"]
    assert two.plan.tasks[0].args == {
        "text": "A man is eating food",
        "other_text": "Someone is having a meal",
    }


def test_quotes_with_punctuation_do_not_split_the_request(planner: OfflinePlanner):
    parsed = parse_request(
        "Summarize 'It rained. Then it stopped.' and then read the summary aloud."
    )
    assert parsed.quotes == ["It rained. Then it stopped."]
    result = planner.plan(
        "Summarize 'It rained. Then it stopped.' and then read the summary aloud."
    )
    assert _tasks(result) == ["summarization", "text-to-speech"]
    assert result.plan.tasks[0].args["text"] == "It rained. Then it stopped."


def test_audio_cleanup_feeds_transcription(planner: OfflinePlanner):
    result = planner.plan(
        "Remove the background noise from call.wav and then transcribe the cleaned audio."
    )
    assert _tasks(result) == ["audio-to-audio", "automatic-speech-recognition"]
    assert result.plan.tasks[1].args["audio"] == f"<resource>-{result.plan.tasks[0].id}"


def test_confidence_orders_clear_above_vague(planner: OfflinePlanner):
    clear = planner.plan("Transcribe meeting.wav, then translate it into French.")
    vague = planner.plan("Could you help me with something?")
    assert 0.0 <= vague.confidence < clear.confidence <= 1.0
    assert planner.confident(clear)
    assert not planner.confident(vague)
    empty = planner.plan("   ")
    assert empty.plan.tasks == [] and empty.confidence == 0.0


def test_unknown_task_restriction_is_rejected():
    with pytest.raises(ValueError, match="Unknown task types"):
        OfflinePlanner(tasks=["image-to-text", "make-coffee"])


def test_restricted_task_set_is_respected(planner: OfflinePlanner):
    only = OfflinePlanner(planner.embeddings, tasks=["summarization", "translation"])
    result = only.plan("Describe photo.jpg and then translate the description into Spanish.")
    assert set(_tasks(result)) <= {"summarization", "translation"}


def test_importing_the_planner_does_not_import_torch():
    code = (
        "import sys, hgpt_langchain.planning.offline, hgpt_langchain.evaluation;"
        "bad=[m for m in ('torch','transformers','sentence_transformers','diffusers') "
        "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_beats_a_trivial_baseline_on_taskbench_single_requests():
    records = [r for r in load_taskbench(SAMPLE) if r.type == "single"][:40]
    assert len(records) == 40
    planner = OfflinePlanner(tasks=TASKBENCH_TASKS)
    plans = [planner.plan(r.request).plan for r in records]
    ours = score(zip(records, plans, strict=True))
    # trivial baseline: always the most frequent tool of the slice
    top = Counter(n for r in records for n in r.nodes).most_common(1)[0][0]
    baseline = score(
        (r, ToolGraph(sequence=[top], nodes=[top], links=set(), arg_names=set())) for r in records
    )
    assert ours["node_f1"] >= 0.5
    assert ours["node_f1"] > baseline["node_f1"] + 0.3
    assert all(validate_plan(plan).ok for plan in plans)


# -- regressions: follow-up turns, edit instructions, small talk, prompts, referents -------------

FOLLOW_UP_FILES = ["photo.jpg", "outputs/task-0.png"]


@pytest.mark.parametrize(
    "lead", ["", "now", "ok,", "please", "also", "and", "next,", "great, now", "Thanks! Now"]
)
def test_follow_up_turn_with_discourse_words_edits_the_latest_image(
    planner: OfflinePlanner, lead: str
):
    result = planner.plan(f"{lead} make it black and white".strip(), FOLLOW_UP_FILES)
    assert _tasks(result) == ["image-to-image"]
    task = result.plan.tasks[0]
    # "it" with no file named is the most recent image passed (the previous turn's output)
    assert task.args["image"] == "task-0.png"
    assert task.args["text"] == "black and white"
    assert result.confidence > 0.3
    _valid(result, files=["photo.jpg", "task-0.png"])


def test_it_binds_to_the_most_recent_file_of_the_right_modality(planner: OfflinePlanner):
    files = ["a.png", "b.wav", "c.png", "d.wav", "notes.txt"]
    describe = planner.plan("great, now describe it", files)
    assert _tasks(describe) == ["image-to-text"]
    assert describe.plan.tasks[0].args == {"image": "c.png"}
    transcribe = planner.plan("ok transcribe it", files)
    assert _tasks(transcribe) == ["automatic-speech-recognition"]
    assert transcribe.plan.tasks[0].args == {"audio": "d.wav"}
    # a file named in the request still wins over the passed ones
    named = planner.plan("now describe a.png", files)
    assert named.plan.tasks[0].args == {"image": "a.png"}


def test_image_to_image_keeps_the_instruction(planner: OfflinePlanner):
    from hgpt_langchain.evaluation import task_to_tool

    style = planner.plan("make photo.jpg look like a watercolor painting")
    assert _tasks(style) == ["image-to-image"]
    assert style.plan.tasks[0].args == {
        "image": "photo.jpg",
        "text": "look like a watercolor painting",
    }
    assert task_to_tool(style.plan.tasks[0]) == "Image-to-Image"

    edit = planner.plan("Edit car.png to change the color of the car to red, please")
    assert _tasks(edit) == ["image-to-image"]
    assert edit.plan.tasks[0].args == {
        "image": "car.png",
        "text": "change the color of the car to red",
    }
    assert task_to_tool(edit.plan.tasks[0]) == "Image Editing"

    quoted = planner.plan("Apply 'add a red hat to the dog' to dog.jpg")
    assert quoted.plan.tasks[0].args["text"] == "add a red hat to the dog"


def test_edit_instruction_from_an_earlier_text_output(planner: OfflinePlanner):
    result = planner.plan(
        "Translate 'Make the sky purple' into English, then edit sky.jpg according to the "
        "translated instruction."
    )
    assert _tasks(result) == ["translation", "image-to-image"]
    tr, edit = result.plan.tasks
    assert edit.args == {"image": "sky.jpg", "text": f"<resource>-{tr.id}"}
    assert edit.dep == [tr.id]


def test_image_tool_mapping_reads_the_instruction():
    from hgpt_langchain.evaluation import image_tool

    assert image_tool(None) == "Image-to-Image"
    assert image_tool("enhance the quality") == "Image-to-Image"
    assert image_tool("look like a watercolor painting") == "Image-to-Image"
    assert image_tool("change the color of the car to red") == "Image Editing"
    assert image_tool("make the sky red") == "Image Editing"
    # an edit wins over a style word in the same instruction
    assert image_tool("remove the car and make it look like a painting") == "Image Editing"
    assert image_tool("<resource>-0") == "Image Editing"


@pytest.mark.parametrize(
    "request_text",
    ["hi, how are you?", "Thanks!", "thank you so much, that was great", "Good morning!", "bye"],
)
def test_small_talk_gives_an_empty_plan(planner: OfflinePlanner, request_text: str):
    result = planner.plan(request_text)
    assert result.plan.tasks == []
    assert result.problems == []
    # nothing for a model to do, and sure of it: auto mode need not ask an LLM
    assert planner.confident(result)


def test_vague_request_gives_an_empty_plan_not_a_guess(planner: OfflinePlanner):
    for text in ("Could you help me with something?", "I need some help", "Can you do that?"):
        result = planner.plan(text)
        assert result.plan.tasks == [], text
        assert result.problems and "No task recognised" in result.problems[0]
        assert not planner.confident(result)
    # small talk around a real request does not hide it
    mixed = planner.plan("Hi there! Please describe photo.jpg. Thanks!")
    assert _tasks(mixed) == ["image-to-text"]


@pytest.mark.parametrize(
    ("request_text", "task", "text"),
    [
        ("Generate an image of a cat surfing", "text-to-image", "a cat surfing"),
        ("I want to draw a picture of a castle at night", "text-to-image", "a castle at night"),
        (
            "Can you create a video of a dog running on the beach?",
            "text-to-video",
            "a dog running on the beach",
        ),
        ("Please read 'Hello world' aloud", "text-to-speech", "Hello world"),
        ("read good night everyone aloud", "text-to-speech", "good night everyone"),
        ("Create an image of 'a blue whale', please", "text-to-image", "a blue whale"),
    ],
)
def test_text_arguments_lose_the_request_scaffolding(
    planner: OfflinePlanner, request_text: str, task: str, text: str
):
    result = planner.plan(request_text)
    assert _tasks(result) == [task]
    assert result.plan.tasks[0].args["text"] == text


def test_generated_image_stays_the_referent_after_an_analysis_task(planner: OfflinePlanner):
    result = planner.plan(
        "Generate an image of a cat surfing, then detect the objects in it and estimate its depth"
    )
    assert _tasks(result) == ["text-to-image", "object-detection", "depth-estimation"]
    gen, det, depth = result.plan.tasks
    assert gen.args["text"] == "a cat surfing"
    assert det.args["image"] == f"<resource>-{gen.id}"
    assert depth.args["image"] == f"<resource>-{gen.id}" and depth.dep == [gen.id]

    # with an input file: the follow-up analyses the file, not the segmentation mask
    seg = planner.plan("Segment photo.jpg and then describe it")
    assert _tasks(seg) == ["image-segmentation", "image-to-text"]
    assert seg.plan.tasks[1].args == {"image": "photo.jpg"} and seg.plan.tasks[1].dep == []

    # ... unless the wording names the annotation
    boxes = planner.plan("Detect the objects in photo.jpg, then describe the annotated image")
    assert _tasks(boxes) == ["object-detection", "image-to-text"]
    assert boxes.plan.tasks[1].args == {"image": f"<resource>-{boxes.plan.tasks[0].id}"}


def test_question_about_a_picture_needs_the_file(planner: OfflinePlanner):
    no_file = planner.plan("What animal is in this picture?")
    assert no_file.plan.tasks == []
    assert any("files=" in p and "image" in p for p in no_file.problems)
    with_file = planner.plan("What animal is in this picture?", files=["pet.jpg"])
    assert _tasks(with_file) == ["image-classification"]
    assert with_file.plan.tasks[0].args == {"image": "pet.jpg"}


def test_history_files_are_older_than_passed_files(planner: OfflinePlanner):
    from langchain_core.messages import AIMessage, HumanMessage

    history = [
        HumanMessage("Draw a lighthouse at dusk"),
        AIMessage("Here is your lighthouse: task-0.png"),
        HumanMessage("Transcribe memo.wav"),
        AIMessage("The transcript is in task-1.txt"),
    ]
    # no files passed: the image named in the conversation is "it"
    edit = planner.plan("now make it black and white", history=history)
    assert edit.plan.tasks[0].args == {"image": "task-0.png", "text": "black and white"}
    summary = planner.plan("ok, summarize it", history=history)
    assert _tasks(summary) == ["summarization"]
    assert summary.plan.tasks[0].args == {"text": "task-1.txt"}
    # a file passed for this turn is more recent than anything in the history
    newer = planner.plan("now make it black and white", ["beach.jpg"], history)
    assert newer.plan.tasks[0].args["image"] == "beach.jpg"


def test_a_prompt_that_points_back_takes_the_described_scene(planner: OfflinePlanner):
    result = planner.plan(
        "There is this event where two friends visit the Eiffel Tower on a sunny day. "
        "Could you create an image that represents this event?"
    )
    assert _tasks(result) == ["text-to-image"]
    assert "two friends visit the Eiffel Tower" in result.plan.tasks[0].args["text"]


def test_offline_multi_turn_through_the_graph(tmp_path, planner: OfflinePlanner):
    from langgraph.checkpoint.memory import InMemorySaver

    from hgpt_langchain import build_graph
    from hgpt_langchain.execution.sleep import SleepExecutor
    from tests.helpers import FirstModelSelector

    executor = SleepExecutor(durations=0.0)
    graph = build_graph(
        None,
        planner=planner,
        selector=FirstModelSelector(),
        executor=executor,
        checkpointer=InMemorySaver(),
        workspace_root=str(tmp_path / "runs"),
    )
    config = {"configurable": {"thread_id": "offline-chat"}}
    graph.invoke({"request": "Draw a lighthouse at dusk"}, config)
    assert [(c.task, c.args) for c in executor.calls] == [
        ("text-to-image", {"text": "a lighthouse at dusk"})
    ]
    graph.invoke({"request": "now make it black and white"}, config)
    edit = executor.calls[-1]
    assert edit.task == "image-to-image" and edit.args["text"] == "black and white"
    assert edit.args["image"].endswith("task-0.png")
    graph.invoke({"request": "thanks!"}, config)
    assert len(executor.calls) == 2  # small talk runs no model
    graph.invoke({"request": "great, now describe it"}, config)
    caption = executor.calls[-1]
    assert caption.task == "image-to-text"
    # the latest image (the edit's output), not the first turn's drawing the edit read
    assert caption.args["image"] != edit.args["image"]
    assert caption.args["image"].endswith(".png")
