import re
from pathlib import Path

import pytest
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_core.tools import BaseTool
from PIL import Image

from hgpt_langchain.catalog import Catalog, CatalogEntry, load_catalog
from hgpt_langchain.errors import ConfigurationError, ExecutionError
from hgpt_langchain.execution.base import ExecutionOutput
from hgpt_langchain.execution.tools import (
    TOOL_DESCRIPTION_MAX_CHARS,
    TOOL_NAME_RE,
    ModelTool,
    make_model_tool,
    tool_name,
)
from hgpt_langchain.selection.index import ModelIndex
from hgpt_langchain.tasks import TASKS
from hgpt_langchain.toolkit import HuggingFaceModelToolkit, get_model_tools
from tests.fake_chat import ScriptedChatModel
from tests.test_index import BagOfWords


class FakeBackend:
    """Executor protocol stand-in: checks files are inside the workspace, writes outputs."""

    name = "fake"

    def __init__(self):
        self.calls: list[tuple[str, str, dict]] = []

    def run(self, task, model, args, workspace):
        self.calls.append((task.name, model, dict(args)))
        if model == "broken/model":
            raise ExecutionError("broken/model ran out of memory", transient=True)
        if model == "crashing/model":
            raise RuntimeError("segfault-ish")
        for arg in task.args:
            if arg.modality != "text" and arg.name in args:
                path = Path(args[arg.name])
                assert path.is_relative_to(workspace.root) and path.is_file()
        if task.output == "image":
            out = workspace.output_path("task-0", "png")
            Image.new("RGB", (4, 4), "red").save(out)
            return ExecutionOutput(text=None, files=[str(out)], executor=self.name)
        first = next(iter(args.values()))
        return ExecutionOutput(
            text=f"{model} says: {Path(first).name}", data={"n": len(args)}, executor=self.name
        )


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "user" / "photo.png"
    path.parent.mkdir()
    Image.new("RGB", (8, 8), "blue").save(path)
    return path


CAPTIONER = CatalogEntry(
    id="acme/caption-base",
    task="image-to-text",
    downloads=50,
    description="Describes photos in one sentence. " + "It was trained on many images. " * 60,
)


@pytest.mark.parametrize(
    "model_id",
    [
        "Helsinki-NLP/opus-mt-en-fr",
        "stabilityai/stable-diffusion-2.1",
        "ümlaut/mödel name!",
        "/home/me/models/my-captioner",
        "org/" + "x" * 120,
    ],
)
def test_tool_names_are_sanitised(model_id):
    name = tool_name(model_id)
    assert TOOL_NAME_RE.match(name), name
    assert re.match(r"^[a-zA-Z0-9_-]{1,64}$", name)


def test_tool_names_keep_ids_apart():
    assert tool_name("Helsinki-NLP/opus-mt-en-fr") == "Helsinki-NLP__opus-mt-en-fr"
    long_a, long_b = "org/" + "a" * 100 + "1", "org/" + "a" * 100 + "2"
    assert tool_name(long_a) != tool_name(long_b)
    assert tool_name("/home/me/models/my-captioner") == "models__my-captioner"


def test_every_shipped_model_becomes_a_valid_tool():
    for entry in load_catalog():
        tool = make_model_tool(entry, executor=FakeBackend())
        assert TOOL_NAME_RE.match(tool.name)
        assert len(tool.description) <= TOOL_DESCRIPTION_MAX_CHARS
        spec = TASKS[entry.task]
        schema = tool.get_input_schema().model_json_schema()
        assert list(schema["properties"]) == [a.name for a in spec.args]
        assert set(schema.get("required", [])) == {a.name for a in spec.args if a.required}


def test_tool_shape_from_registry_and_card(ws):
    tool = make_model_tool(CAPTIONER, executor=FakeBackend(), workspace=ws)
    assert isinstance(tool, BaseTool) and isinstance(tool, ModelTool)
    assert tool.name == "acme__caption-base"
    assert tool.response_format == "content_and_artifact" and tool.handle_tool_error is True
    assert tool.description.startswith(
        "Image-to-Text with the Hugging Face model acme/caption-base"
    )
    assert "Describes photos in one sentence." in tool.description
    assert len(tool.description) <= TOOL_DESCRIPTION_MAX_CHARS
    assert tool.description.endswith("Inputs: image (image). Returns: text.")
    props = tool.args["image"]
    assert props["type"] == "string" and "image file" in props["description"]

    vqa = make_model_tool("some/vqa", task="visual-question-answering", executor=FakeBackend())
    assert vqa.task == "visual-question-answering" and set(vqa.args) == {"image", "question"}
    i2i = make_model_tool("some/editor", task="image-to-image", executor=FakeBackend())
    assert i2i.get_input_schema().model_json_schema()["required"] == ["image"]


def test_tool_call_imports_files_and_returns_content_and_artifact(ws, photo):
    backend = FakeBackend()
    tool = make_model_tool(CAPTIONER, executor=backend, workspace=ws, input_dirs=[photo.parent])
    msg = tool.invoke(
        {"name": tool.name, "args": {"image": str(photo)}, "id": "c1", "type": "tool_call"}
    )
    assert isinstance(msg, ToolMessage) and msg.status == "success"
    assert msg.content == "acme/caption-base says: photo.png"
    assert msg.artifact["data"] == {"n": 1} and msg.artifact["model"] == "acme/caption-base"
    seen = Path(backend.calls[0][2]["image"])
    assert seen.is_relative_to(ws.root) and seen.read_bytes() == photo.read_bytes()

    painter = make_model_tool("acme/painter", task="text-to-image", executor=backend, workspace=ws)
    content, artifact = painter._run(text="a red square")
    assert artifact["files"] and Path(artifact["files"][0]).is_file()
    assert content.startswith("Files: ") and artifact["files"][0] in content


def test_errors_come_back_as_tool_errors(ws, tmp_path):
    backend = FakeBackend()
    broken = make_model_tool(
        "broken/model", task="image-to-text", executor=backend, workspace=ws, input_dirs=[tmp_path]
    )
    call = {"name": broken.name, "id": "c2", "type": "tool_call"}
    missing = broken.invoke({**call, "args": {"image": str(tmp_path / "nope.png")}})
    assert missing.status == "error" and "nope.png" in missing.content
    escape = broken.invoke({**call, "args": {"image": "../../../etc/passwd"}})
    assert escape.status == "error" and backend.calls == []
    outside = broken.invoke({**call, "args": {"image": "/etc/hostname"}})  # not in input_dirs
    assert outside.status == "error" and backend.calls == []
    assert not list((ws.root / "inputs").iterdir())

    img = tmp_path / "x.png"
    Image.new("RGB", (2, 2)).save(img)
    failed = broken.invoke({**call, "args": {"image": str(img)}})
    assert failed.status == "error" and "out of memory" in failed.content

    crashing = make_model_tool(
        "crashing/model", task="summarization", executor=backend, workspace=ws
    )
    out = crashing.invoke(
        {"name": crashing.name, "args": {"text": "hi"}, "id": "c3", "type": "tool_call"}
    )
    assert out.status == "error" and "RuntimeError: segfault-ish" in out.content


def test_execute_raises_execution_error_for_the_scheduler(ws):
    backend = FakeBackend()
    broken = make_model_tool("broken/model", task="summarization", executor=backend)
    with pytest.raises(ExecutionError) as info:
        broken.execute({"text": "x"}, ws)
    assert info.value.transient is True
    crashing = make_model_tool("crashing/model", task="summarization", executor=backend)
    with pytest.raises(ExecutionError, match="crashing/model failed on summarization"):
        crashing.execute({"text": "x"}, ws)
    ok = make_model_tool("fine/model", task="summarization", executor=backend)
    assert ok.execute({"text": "x"}, ws).text == "fine/model says: x"


def test_make_model_tool_needs_a_task_for_unknown_ids():
    with pytest.raises(ConfigurationError, match="pass task="):
        make_model_tool("not/in-catalog")
    with pytest.raises(ConfigurationError, match="Unknown task type"):
        make_model_tool("not/in-catalog", task="knitting")
    shipped = make_model_tool("nlptown/bert-base-multilingual-uncased-sentiment")
    assert shipped.task == "text-classification" and "sentiment" in shipped.description.lower()


CATALOG = Catalog(
    [
        CAPTIONER,
        CatalogEntry(
            id="acme/ocr", task="image-to-text", downloads=900, description="Reads text in images."
        ),
        CatalogEntry(
            id="acme/whisper",
            task="automatic-speech-recognition",
            description="Transcribes speech audio.",
        ),
        CatalogEntry(
            id="acme/painter", task="text-to-image", description="Paints pictures from a prompt."
        ),
    ]
)


def test_get_model_tools_by_query_or_task_and_toolkit(ws):
    index = ModelIndex(CATALOG, embeddings=BagOfWords(), persist=False)
    tools = get_model_tools(
        "transcribes speech audio", k=2, index=index, executor=FakeBackend(), workspace=ws
    )
    assert [t.name for t in tools][0] == "acme__whisper" and len(tools) == 2
    by_task = get_model_tools(task="image-to-text", k=5, catalog=CATALOG, executor=FakeBackend())
    assert [t.model_id for t in by_task] == [
        "acme/ocr",
        "acme/caption-base",
    ]  # most downloaded first
    assert by_task[0].get_workspace() is by_task[1].get_workspace()  # one shared lazy workspace
    with pytest.raises(ConfigurationError, match="query or a task"):
        get_model_tools()
    kit = HuggingFaceModelToolkit(
        task="text-to-image", catalog=CATALOG, executor=FakeBackend(), workspace=ws
    )
    assert [t.name for t in kit.get_tools()] == ["acme__painter"]


def test_tools_for_a_free_text_query_span_task_types(ws):
    index = ModelIndex(CATALOG, embeddings=BagOfWords(), persist=False)

    def tasks(**kwargs):
        tools = get_model_tools(
            "reads text in images", k=3, index=index, executor=FakeBackend(), workspace=ws, **kwargs
        )
        return [t.task for t in tools]

    assert tasks(per_task=None)[:2] == ["image-to-text", "image-to-text"]
    spread = tasks(per_task=1)
    assert spread[0] == "image-to-text" and len(set(spread)) == 3
    assert tasks().count("image-to-text") == 2  # default: at most 2 of a task type
    # A task filter wins over per_task: all tools of that task.
    only = get_model_tools(
        "reads text", task="image-to-text", k=3, per_task=1, index=index, executor=FakeBackend()
    )
    assert [t.task for t in only] == ["image-to-text", "image-to-text"]


def test_retrieved_tools_run_inside_a_langchain_agent(ws, photo):
    from langchain.agents import create_agent

    backend = FakeBackend()
    index = ModelIndex(CATALOG, embeddings=BagOfWords(), persist=False)
    tools = get_model_tools(
        "reads text in images", k=2, index=index, executor=backend, workspace=ws
    )
    assert tools[0].name == "acme__ocr"
    model = ScriptedChatModel(
        [
            AIMessage(
                content="",
                tool_calls=[{"name": "acme__ocr", "args": {"image": "photo.png"}, "id": "call-1"}],
            ),
            AIMessage(content="The image says hello."),
        ]
    )
    ws.import_file(str(photo))  # the user's file; the LLM names it by its bare name
    agent = create_agent(model, tools)
    result = agent.invoke({"messages": [HumanMessage("What text is in photo.png?")]})
    tool_msgs = [m for m in result["messages"] if isinstance(m, ToolMessage)]
    assert len(tool_msgs) == 1 and tool_msgs[0].status == "success"
    assert tool_msgs[0].content == "acme/ocr says: photo.png"
    assert tool_msgs[0].artifact["model"] == "acme/ocr"
    assert result["messages"][-1].content == "The image says hello."
    assert [c[:2] for c in backend.calls] == [("image-to-text", "acme/ocr")]
    assert model.calls == 2
