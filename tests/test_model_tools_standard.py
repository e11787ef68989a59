"""langchain-tests standard suites for generated model tools (unit, and integration against a
local fake back end)."""

import tempfile
from pathlib import Path

import pytest
from langchain_tests.integration_tests import ToolsIntegrationTests
from langchain_tests.unit_tests import ToolsUnitTests
from PIL import Image

from hgpt_langchain.catalog import load_catalog
from hgpt_langchain.execution.tools import make_model_tool
from hgpt_langchain.execution.workspace import Workspace
from tests.test_model_tools import FakeBackend

_TMP = Path(tempfile.mkdtemp(prefix="hgpt-tools-std-"))
_INPUTS = _TMP / "user"
_INPUTS.mkdir()
Image.new("RGB", (8, 8), "green").save(_INPUTS / "cat.png")
_WS = Workspace.create(_TMP / "runs", run_id="std")

# The suites' async tests carry no marker and the project sets no asyncio_mode; the mark is
# applied module-wide (the suites forbid overriding their tests) and is a no-op on sync tests.
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.filterwarnings(
        "ignore:The test <Function .* is marked with '@pytest.mark.asyncio'"
    ),
]


class TestTextModelToolUnit(ToolsUnitTests):
    @property
    def tool_constructor(self):
        entry = load_catalog().by_task("text-classification")[0]
        return make_model_tool(entry, executor=FakeBackend(), workspace=_WS)

    @property
    def tool_invoke_params_example(self):
        return {"text": "I loved this film."}


class TestImageModelToolUnit(ToolsUnitTests):
    @property
    def tool_constructor(self):
        entry = load_catalog().by_task("visual-question-answering")[0]
        return make_model_tool(entry, executor=FakeBackend(), workspace=_WS, input_dirs=[_INPUTS])

    @property
    def tool_invoke_params_example(self):
        return {"image": str(_INPUTS / "cat.png"), "question": "What animal is this?"}


class TestImageModelToolIntegration(ToolsIntegrationTests):
    @property
    def tool_constructor(self):
        entry = load_catalog().by_task("image-to-text")[0]
        return make_model_tool(entry, executor=FakeBackend(), workspace=_WS, input_dirs=[_INPUTS])

    @property
    def tool_invoke_params_example(self):
        return {"image": str(_INPUTS / "cat.png")}


class TestTextToImageToolIntegration(ToolsIntegrationTests):
    @property
    def tool_constructor(self):
        entry = load_catalog().by_task("text-to-image")[0]
        return make_model_tool(entry, executor=FakeBackend(), workspace=_WS)

    @property
    def tool_invoke_params_example(self):
        return {"text": "a green square"}
