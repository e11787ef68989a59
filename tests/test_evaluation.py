"""TaskBench loading, tool-name mapping and metrics on hand-made gold/prediction pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hgpt_langchain.evaluation import (
    TASKBENCH_TASKS,
    TASKBENCH_TOOLS,
    TaskBenchRecord,
    ToolGraph,
    canonical_tool,
    content_type,
    edit_distance,
    gold_graph,
    gold_plan,
    load_taskbench,
    plan_to_graph,
    score,
    split_of,
    task_to_tool,
    tool_to_task,
)
from hgpt_langchain.planning.validate import validate_plan
from hgpt_langchain.state import Plan, Task
from hgpt_langchain.tasks import TASKS

DATA = Path(__file__).resolve().parents[1] / "bench/data/taskbench"


def _row(
    rid: str, kind: str, nodes: list[str], links: list[tuple[str, str]], steps: list[dict]
) -> dict:
    return {
        "id": rid,
        "type": kind,
        "n_tools": len(nodes),
        "instruction": f"request {rid}",
        "sampled_nodes": json.dumps([{"task": n} for n in nodes]),
        "sampled_links": json.dumps([{"source": s, "target": t} for s, t in links]),
        "task_nodes": steps,
        "task_links": [],
    }


@pytest.fixture
def tiny_file(tmp_path: Path) -> Path:
    rows = [
        _row(
            "1",
            "single",
            ["Image Classification"],
            [],
            [{"task": "Image Classification", "arguments": ["example.jpg"]}],
        ),
        _row(
            "2",
            "chain",
            ["Automatic Speech Recognition", "Translation"],
            [("Automatic Speech Recognition", "Translation")],
            [
                {"task": "Speech-to-Text", "arguments": ["example.wav"]},
                {"task": "Translation", "arguments": ["<node-0>"]},
            ],
        ),
        _row(
            "3",
            "dag",
            ["Image Editing", "Image-to-Text", "Object Detection"],
            [("Image Editing", "Image-to-Text"), ("Image Editing", "Object Detection")],
            [
                {"task": "Image Editing", "arguments": ["make the sky red", "example.jpg"]},
                {"task": "Image-to-Text", "arguments": ["<node-0>"]},
                {"task": "Math", "arguments": ["<node-0>"]},
            ],
        ),
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_every_taskbench_tool_maps_to_a_registry_task_and_back():
    assert len(TASKBENCH_TOOLS) == 23
    for tool in TASKBENCH_TOOLS:
        task = tool_to_task(tool)
        assert task in TASKS, tool
        args = {"text": "make it blue"} if tool == "Image Editing" else {}
        assert task_to_tool(task, args) == tool
    assert set(TASKBENCH_TASKS) == {tool_to_task(t) for t in TASKBENCH_TOOLS}


def test_image_editing_and_image_to_image_stay_distinct():
    edit = Task(id=0, task="image-to-image", args={"image": "a.png", "text": "paint it red"})
    plain = Task(id=0, task="image-to-image", args={"image": "a.png"})
    blank = Task(id=0, task="image-to-image", args={"image": "a.png", "text": "  "})
    assert task_to_tool(edit) == "Image Editing"
    assert task_to_tool(plain) == "Image-to-Image"
    assert task_to_tool(blank) == "Image-to-Image"


def test_noisy_tool_names_map_where_unambiguous_and_not_otherwise():
    assert canonical_tool("Speech-to-Text") == "Automatic Speech Recognition"
    assert canonical_tool("Audio Enhancer") == "Audio-to-Audio"
    assert canonical_tool("image_classification") == "Image Classification"
    assert canonical_tool("Named Entity Recognition") == "Token Classification"
    assert canonical_tool("Math") is None
    assert canonical_tool("SearchLocation") is None
    # registry tasks without a TaskBench tool keep their own title (a false positive when scored)
    assert task_to_tool("text-classification") == "Text Classification"


def test_load_parses_labels_and_unlabelled_requests(tiny_file: Path, tmp_path: Path):
    records = load_taskbench(tiny_file)
    assert [r.id for r in records] == ["1", "2", "3"]
    chain = records[1]
    assert chain.type == "chain" and chain.labelled
    assert chain.nodes == ["Automatic Speech Recognition", "Translation"]
    assert chain.links == [("Automatic Speech Recognition", "Translation")]
    assert chain.steps[0].tool == "Automatic Speech Recognition"
    assert chain.steps[0].name == "Speech-to-Text"
    assert load_taskbench(tiny_file, limit=2)[-1].id == "2"

    unlabelled = tmp_path / "user_requests.json"
    unlabelled.write_text(json.dumps({"id": "9", "user_request": "Describe photo.jpg"}) + "\n")
    (rec,) = load_taskbench(unlabelled)
    assert rec.request == "Describe photo.jpg" and not rec.labelled


def test_split_is_deterministic_and_partitions(tiny_file: Path):
    ids = [str(i) for i in range(200)]
    dev = [i for i in ids if split_of(i) == "dev"]
    assert 60 < len(dev) < 140
    assert all(split_of(i) == ("dev" if i in dev else "test") for i in ids)
    both = load_taskbench(tiny_file, split="dev") + load_taskbench(tiny_file, split="test")
    assert sorted(r.id for r in both) == ["1", "2", "3"]


def test_gold_plan_converts_node_references_to_resources(tiny_file: Path):
    chain = load_taskbench(tiny_file)[1]
    plan = gold_plan(chain)
    assert [t.task for t in plan.tasks] == ["automatic-speech-recognition", "translation"]
    assert plan.tasks[0].args == {"audio": "example.wav"}
    assert plan.tasks[1].args == {"text": "<resource>-0"}
    assert plan.tasks[1].dep == [0]
    assert validate_plan(plan).ok

    dag = load_taskbench(tiny_file)[2]
    plan = gold_plan(dag)  # the unmappable "Math" step is left out
    assert [t.task for t in plan.tasks] == ["image-to-image", "image-to-text"]
    assert plan.tasks[0].args == {"text": "make the sky red", "image": "example.jpg"}
    assert plan_to_graph(plan).nodes == ["Image Editing", "Image-to-Text"]


def test_argument_names_follow_taskbench_content_types(tiny_file: Path):
    assert content_type("example.jpg") == "image"
    assert content_type("'clip.wav'") == "audio"
    assert content_type("movie.mp4") == "video"
    assert content_type("hello there") == "text"
    gold = gold_graph(load_taskbench(tiny_file)[2])
    assert gold.arg_names == {
        "Image Editing-text",
        "Image Editing-image",
        "Image-to-Text-image",
        "Math-image",
    }
    plan = Plan(
        tasks=[
            Task(id=0, task="text-to-image", args={"text": "a fox"}),
            Task(id=1, task="image-to-text", dep=[0], args={"image": "<resource>-0"}),
            Task(id=2, task="text-to-speech", dep=[1], args={"text": "<resource>-1"}),
        ]
    )
    graph = plan_to_graph(plan)
    assert graph.arg_names == {"Text-to-Image-text", "Image-to-Text-image", "Text-to-Speech-text"}
    assert graph.links == {("Text-to-Image", "Image-to-Text"), ("Image-to-Text", "Text-to-Speech")}


def test_edit_distance_matches_the_indel_ratio_definition():
    assert edit_distance([], []) == 0.0
    assert edit_distance(["A"], ["A"]) == 0.0
    assert edit_distance(["A"], ["B"]) == 1.0
    # LCS("ABC", "ACD") = 2 -> 1 - 4/6
    assert edit_distance(["A", "B", "C"], ["A", "C", "D"]) == pytest.approx(1 / 3)
    # order matters: LCS("AB", "BA") = 1 -> 1 - 2/4
    assert edit_distance(["A", "B"], ["B", "A"]) == pytest.approx(0.5)


def _graph(
    nodes: list[str], links: set[tuple[str, str]] = frozenset(), args: set[str] = frozenset()
):
    return ToolGraph(sequence=list(nodes), nodes=list(nodes), links=set(links), arg_names=set(args))


def test_scores_on_hand_made_pairs_have_the_known_f1(tiny_file: Path):
    single, chain, dag = load_taskbench(tiny_file)
    pairs = [
        # single: exact
        (single, _graph(["Image Classification"], args={"Image Classification-image"})),
        # chain: one of two nodes right plus one wrong node; no link
        (
            chain,
            _graph(
                ["Automatic Speech Recognition", "Summarization"],
                args={"Automatic Speech Recognition-audio"},
            ),
        ),
        # dag: all three nodes, one of two links, plus one spurious link
        (
            dag,
            _graph(
                ["Image Editing", "Image-to-Text", "Object Detection"],
                {("Image Editing", "Image-to-Text"), ("Image-to-Text", "Object Detection")},
            ),
        ),
    ]
    out = score(pairs)
    # nodes: tp = 1 + 1 + 3 = 5, fp = 1, fn = 1 -> F1 = 10 / 12
    assert out["node_f1"] == pytest.approx(10 / 12, abs=1e-4)
    assert out["node_precision"] == pytest.approx(5 / 6, abs=1e-4)
    # edges: tp = 1, fp = 1, fn = 1 (chain) + 1 (dag) -> F1 = 2 / 5
    assert out["edge_f1"] == pytest.approx(2 / 5, abs=1e-4)
    assert out["n"] == 3
    assert out["by_type"]["single"]["node_f1"] == 1.0
    assert out["by_type"]["single"]["edge_f1"] is None  # nothing to score
    assert out["by_type"]["chain"]["node_f1"] == pytest.approx(0.5)
    assert out["by_type"]["dag"]["edge_f1"] == pytest.approx(0.5)
    assert out["by_type"]["single"]["exact_graph"] == 1.0
    # the gold "Math" step is counted as unmappable, not hidden
    assert out["unmappable_gold_steps"] == 1 and out["unmappable_names"] == {"Math": 1}
    # ED: single 0, chain sequences (ASR, Summ) vs (ASR, Translation): 1 - 2/4; dag vs
    # (Image Editing, Image-to-Text, Math): LCS 2 -> 1 - 4/6
    assert out["edit_distance"] == pytest.approx((0 + 0.5 + 1 / 3) / 3, abs=1e-4)


def test_repeated_tools_count_as_a_multiset():
    rec = TaskBenchRecord(id="x", request="r", type="single", nodes=["Translation"])
    out = score([(rec, _graph(["Translation", "Translation"]))])
    assert out["node_precision"] == pytest.approx(0.5)
    assert out["node_recall"] == 1.0


def test_records_without_gold_steps_score_nodes_and_edges_only(tiny_file: Path):
    single, chain, _ = load_taskbench(tiny_file)
    bare = TaskBenchRecord(
        id="y", request="r", type="chain", nodes=list(chain.nodes), links=list(chain.links)
    )
    predicted = _graph(["Automatic Speech Recognition", "Summarization"])
    out = score([(bare, predicted)])
    assert out["node_f1"] == pytest.approx(0.5) and out["edge_f1"] == 0.0
    assert out["arg_name_f1"] is None and out["edit_distance"] is None
    # Mixed with a record that has steps, only that one counts for ED and argument F1.
    exact = _graph(["Image Classification"], args={"Image Classification-image"})
    mixed = score([(bare, predicted), (single, exact)])
    assert mixed["edit_distance"] == 0.0 and mixed["arg_name_f1"] == 1.0
    assert mixed["n"] == 2


def test_real_extra_labels_load_as_records_without_steps():
    records = load_taskbench(DATA / "labelled_more.jsonl")
    assert len(records) > 3000 and all(r.labelled and not r.steps for r in records)
    assert all(n in TASKBENCH_TOOLS for r in records for n in r.nodes)
    sample = {r.id for r in load_taskbench(DATA / "data.sample.jsonl")}
    assert not sample & {r.id for r in records}


def test_plan_predictions_are_converted(tiny_file: Path):
    chain = load_taskbench(tiny_file)[1]
    plan = gold_plan(chain)
    out = score([(chain, plan)])
    assert out["node_f1"] == 1.0 and out["edge_f1"] == 1.0 and out["arg_name_f1"] == 1.0


def test_real_sample_loads_with_clean_sampled_nodes():
    records = load_taskbench(DATA / "data.sample.jsonl")
    assert len(records) == 358
    assert {r.type for r in records} == {"single", "chain", "dag"}
    assert all(n in TASKBENCH_TOOLS for r in records for n in r.nodes)
    # the oracle (the data's own task_nodes) scores high but not perfectly: label noise
    out = score((r, gold_plan(r)) for r in records)
    assert 0.9 < out["node_f1"] < 1.0
    assert 0 < out["unmappable_gold_steps"] < 0.1 * out["gold_steps"]


def test_taskbench_bench_runs_the_llm_planner_path_with_a_scripted_model(tiny_file: Path):
    import importlib
    import sys

    from hgpt_langchain.planning.llm import LLMPlanner
    from tests.fake_chat import ScriptedChatModel

    bench_dir = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench_dir))
    try:
        taskbench = importlib.import_module("taskbench")
    finally:
        sys.path.remove(str(bench_dir))
    replies = [
        json.dumps(
            {
                "tasks": [
                    {
                        "id": 0,
                        "task": "image-classification",
                        "dep": [],
                        "args": {"image": "example.jpg"},
                    }
                ]
            }
        ),
        json.dumps(
            {
                "tasks": [
                    {
                        "id": 0,
                        "task": "automatic-speech-recognition",
                        "dep": [],
                        "args": {"audio": "example.wav"},
                    },
                    {
                        "id": 1,
                        "task": "summarization",
                        "dep": [0],
                        "args": {"text": "<resource>-0"},
                    },
                ]
            }
        ),
        "I cannot help with that.",  # not a plan: one repair round, then a planner failure
        "still no plan",
    ]
    llm = ScriptedChatModel(replies)
    out = taskbench.run(tiny_file, planner=LLMPlanner(llm))
    assert out["n"] == 3
    assert out["llm_calls"] == 4 == llm.calls
    assert out["planner_failures"] == 1
    # nodes: tp = 1 + 1, fp = 1 (chain), fn = 1 (chain) + 3 (dag) -> F1 = 4 / 9
    assert out["node_f1"] == pytest.approx(4 / 9, abs=1e-4)
    assert out["by_type"]["single"]["node_f1"] == 1.0
