"""Multi-turn: a thread keeps the conversation and the files produced earlier.

"now make it black and white" must reach the planner together with the image of the previous
turn, the edit must run on that image, and the earlier image must survive the new turn.
"""

from __future__ import annotations

import json

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

from hgpt_langchain import build_graph
from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.execution.workspace import Workspace
from tests.fake_chat import ScriptedChatModel
from tests.helpers import FirstModelSelector

DRAW = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a lighthouse at dusk"}}
        ]
    }
)
BLACK_AND_WHITE = json.dumps(
    {
        "tasks": [
            {
                "id": 0,
                "task": "image-to-image",
                "dep": [],
                "args": {"image": "task-0.png", "text": "make it black and white"},
            }
        ]
    }
)
CAPTION_BOTH = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "task-0.png"}},
            {"id": 1, "task": "image-to-text", "dep": [], "args": {"image": "turn2-task-0.png"}},
        ]
    }
)


def test_second_turn_edits_the_image_of_the_first(tmp_path):
    llm = ScriptedChatModel(
        [
            DRAW,
            "Here is your lighthouse.",
            BLACK_AND_WHITE,
            "Done: grey now.",
            CAPTION_BOTH,
            "Two captions.",
        ]
    )
    executor = SleepExecutor(durations=0.0)
    graph = build_graph(
        llm,
        selector=FirstModelSelector(),
        executor=executor,
        checkpointer=InMemorySaver(),
        workspace_root=str(tmp_path / "runs"),
    )
    config = {"configurable": {"thread_id": "chat-1"}}

    first = graph.invoke({"request": "Draw a lighthouse at dusk"}, config)
    (drawn,) = first["report"]["results"][0]["files"]
    original = open(drawn, "rb").read()

    second = graph.invoke({"request": "now make it black and white"}, config)

    # the planner of turn 2 was told about the image of turn 1, and saw the conversation so far
    prompt = llm.prompts[2]
    assert prompt[-1].content.startswith("now make it black and white")
    assert "Files: task-0.png" in prompt[-1].content
    earlier = [m.content for m in prompt[:-1] if isinstance(m, HumanMessage | AIMessage)]
    assert "Draw a lighthouse at dusk" in earlier and "Here is your lighthouse." in earlier

    # the edit ran on that very image, inside the thread's workspace
    edit = executor.calls[-1]
    assert edit.task == "image-to-image"
    ws = Workspace.open(second["report"]["workspace"])
    assert ws.resolve(edit.args["image"], must_exist=True) == ws.resolve(drawn)
    assert second["report"]["workspace"] == first["report"]["workspace"]

    # the new image did not overwrite the earlier one
    (edited,) = second["report"]["results"][0]["files"]
    assert edited != drawn and open(drawn, "rb").read() == original

    # the conversation holds both turns
    messages = second["messages"]
    assert [m.content for m in messages] == [
        "Draw a lighthouse at dusk",
        "Here is your lighthouse.",
        "now make it black and white",
        "Done: grey now.",
    ]

    # a third turn sees both images, the latest last
    third = graph.invoke({"request": "caption both images"}, config)
    assert "Files: task-0.png, turn2-task-0.png" in llm.prompts[4][-1].content
    assert [r["status"] for r in third["report"]["results"]] == ["ok", "ok"]


def test_threads_do_not_share_files(tmp_path):
    llm = ScriptedChatModel([DRAW, "ok", '{"tasks": []}', "Which image?"])
    graph = build_graph(
        llm,
        selector=FirstModelSelector(),
        executor=SleepExecutor(durations=0.0),
        checkpointer=InMemorySaver(),
        workspace_root=str(tmp_path / "runs"),
    )
    graph.invoke({"request": "Draw a lighthouse"}, {"configurable": {"thread_id": "a"}})
    other = graph.invoke(
        {"request": "now make it black and white"}, {"configurable": {"thread_id": "b"}}
    )
    assert "Files:" not in llm.prompts[2][-1].content
    assert other["report"]["workspace"].endswith("/b")
