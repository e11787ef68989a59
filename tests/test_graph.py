"""The four-stage graph end to end with a scripted LLM: plan, select, execute, respond."""

from langchain_core.messages import AIMessage, HumanMessage

from hgpt_langchain import build_graph
from hgpt_langchain.graph import build_report
from tests import plans
from tests.fake_chat import ScriptedChatModel
from tests.helpers import EchoExecutor, FirstModelSelector


def make(llm, executor=None, **kw):
    executor = executor or EchoExecutor()
    graph = build_graph(llm, selector=FirstModelSelector(), executor=executor, **kw)
    return graph, executor


def test_graph_has_the_four_stage_nodes():
    graph, _ = make(ScriptedChatModel([]))
    assert {"plan", "select", "execute", "respond"} <= set(graph.get_graph().nodes)


def test_chain_request_runs_end_to_end_with_exactly_two_llm_calls(photo, tmp_path):
    llm = ScriptedChatModel([plans.CHAIN, plans.ANSWER])
    graph, executor = make(llm, workspace_root=str(tmp_path / "runs"))
    out = graph.invoke({"request": "Describe photo.jpg and read it aloud", "files": [photo]})
    assert llm.calls == 2
    report = out["report"]
    assert report["llm_calls"] == 2
    assert [t["task"] for t in report["plan"]["tasks"]] == ["image-to-text", "text-to-speech"]
    assert [c["model"] for c in report["choices"]] == [
        "image-to-text-model-a",
        "text-to-speech-model-a",
    ]
    assert [r["status"] for r in report["results"]] == ["ok", "ok"]
    # task 1 ran on task 0's text output, not on the placeholder
    tts_args = executor.calls[1][2]
    assert tts_args["text"].startswith("image-to-text(") and "<resource>" not in tts_args["text"]
    # the image argument was a workspace copy of the user's file
    assert executor.calls[0][2]["image"].startswith(report["workspace"])
    assert report["results"][1]["files"][0].endswith(".wav")
    assert out["answer"] == plans.ANSWER
    # the responder saw a digest with the models and results
    digest = llm.prompts[1][-1].content
    assert "image-to-text-model-a" in digest and "best match" in digest


def test_llm_calls_stay_two_whatever_the_number_of_tasks(tmp_path):
    llm = ScriptedChatModel([plans.DAG, "done"])
    graph, executor = make(llm, workspace_root=str(tmp_path))
    out = graph.invoke({"request": "Draw a lighthouse, detect objects and estimate depth"})
    assert len(executor.calls) == 4 and llm.calls == 2 and out["report"]["llm_calls"] == 2


def test_repair_round_is_the_only_third_call(photo, tmp_path):
    llm = ScriptedChatModel([plans.MALFORMED, plans.SINGLE, "answer"])
    graph, _ = make(llm, workspace_root=str(tmp_path))
    out = graph.invoke({"request": "Describe photo.jpg", "files": [photo]})
    assert llm.calls == 3 and out["report"]["llm_calls"] == 3


def test_empty_plan_skips_selection_and_execution(tmp_path):
    llm = ScriptedChatModel([plans.EMPTY, "Hello! How can I help?"])
    graph, executor = make(llm, workspace_root=str(tmp_path))
    seen = [list(chunk) for chunk in graph.stream({"request": "hi"}, stream_mode="updates")]
    assert [k for chunk in seen for k in chunk] == ["plan", "respond"]
    assert executor.calls == []


def test_planning_failure_is_reported_not_raised_and_raw_output_kept(photo, tmp_path):
    llm = ScriptedChatModel(
        [plans.UNKNOWN_TASK, plans.UNKNOWN_TASK, "Sorry, I could not plan that."]
    )
    graph, executor = make(llm, workspace_root=str(tmp_path))
    state = graph.invoke({"request": "Describe photo.jpg", "files": [photo]})
    report = state["report"]
    assert report["plan"]["tasks"] == [] and executor.calls == []
    assert any("image-captioning-pro" in e for e in report["errors"])
    assert report["llm_calls"] == 3
    # the raw planner output is kept in the full state for debugging
    from langgraph.checkpoint.memory import InMemorySaver

    graph2 = build_graph(
        ScriptedChatModel([plans.UNKNOWN_TASK, plans.UNKNOWN_TASK, "x"]),
        selector=FirstModelSelector(),
        executor=executor,
        workspace_root=str(tmp_path),
        checkpointer=InMemorySaver(),
    )
    cfg = {"configurable": {"thread_id": "t1"}}
    graph2.invoke({"request": "Describe photo.jpg", "files": [photo]}, cfg)
    assert "image-captioning-pro" in graph2.get_state(cfg).values["plan_raw"]


def test_failed_task_reported_and_dependents_skipped(photo, tmp_path):
    llm = ScriptedChatModel([plans.CHAIN, "partial answer"])
    executor = EchoExecutor(fail={"image-to-text"})
    graph, _ = make(llm, executor=executor, workspace_root=str(tmp_path))
    report = graph.invoke({"request": "Describe photo.jpg and read it", "files": [photo]})["report"]
    status = {r["task_id"]: r["status"] for r in report["results"]}
    assert status == {0: "failed", 1: "skipped"}
    assert "broken" in report["results"][0]["error"]
    assert not any(c[0] == "text-to-speech" for c in executor.calls)


def test_messages_input_and_multi_turn_history_reaches_the_planner(tmp_path):
    from langgraph.checkpoint.memory import InMemorySaver

    llm = ScriptedChatModel([plans.EMPTY, "Hi!", plans.EMPTY, "Still here."])
    graph, _ = make(llm, workspace_root=str(tmp_path), checkpointer=InMemorySaver())
    cfg = {"configurable": {"thread_id": "chat"}}
    graph.invoke({"messages": [HumanMessage("hello")]}, cfg)
    out = graph.invoke({"request": "are you there?"}, cfg)
    assert [type(m) for m in out["messages"]] == [HumanMessage, AIMessage, HumanMessage, AIMessage]
    second_plan_prompt = [m.content for m in llm.prompts[2]]
    assert "hello" in second_plan_prompt and "Hi!" in second_plan_prompt
    assert second_plan_prompt[-1] == "are you there?"


def test_report_is_json_serialisable_and_complete(photo, tmp_path):
    import json

    llm = ScriptedChatModel([plans.SINGLE, "a dog"])
    graph, _ = make(llm, workspace_root=str(tmp_path))
    report = graph.invoke({"request": "Describe photo.jpg", "files": [photo]})["report"]
    assert set(report) >= {"plan", "choices", "results", "answer", "llm_calls", "workspace"}
    json.dumps(report)
    assert build_report({"request": "x"}).plan.tasks == []


def test_catalog_file_feeds_the_default_retrieval_selector(photo, tmp_path, monkeypatch):
    import json

    monkeypatch.setenv("HGPT_CACHE_DIR", str(tmp_path / "cache"))
    catalog = tmp_path / "my_models.jsonl"
    rows = [
        {"id": "me/captioner", "task": "image-to-text", "description": "Captions photos."},
        {"id": "me/speaker", "task": "text-to-speech", "description": "Reads text aloud."},
        {"id": "me/other-speaker", "task": "text-to-speech", "description": "A second voice."},
    ]
    catalog.write_text("\n".join(json.dumps(r) for r in rows))
    llm = ScriptedChatModel([plans.CHAIN, "ok"])
    graph = build_graph(
        llm, catalog=str(catalog), executor=EchoExecutor(), workspace_root=str(tmp_path / "runs")
    )
    report = graph.invoke({"request": "Describe photo.jpg and read it", "files": [photo]})["report"]
    choices = {c["task"]: c for c in report["choices"]}
    assert choices["image-to-text"]["model"] == "me/captioner"
    assert {c["id"] for c in choices["text-to-speech"]["candidates"]} == {
        "me/speaker",
        "me/other-speaker",
    }
    assert choices["text-to-speech"]["reason"]
