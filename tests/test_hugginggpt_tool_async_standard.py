"""langchain-tests' standard suites (sync and async checks) for HuggingGPTTool, sleep executor."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from langchain_tests.integration_tests import ToolsIntegrationTests
from PIL import Image

from hgpt_langchain.execution.sleep import SleepExecutor
from hgpt_langchain.hugginggpt_tool import HuggingGPTTool
from tests.helpers import FirstModelSelector

_TMP = Path(tempfile.mkdtemp(prefix="hgpt-tool-std-"))
Image.new("RGB", (8, 8), "green").save(_TMP / "photo.png")

PLAN = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.png"}},
        {"id": 1, "task": "text-to-image", "dep": [0], "args": {"text": "<resource>-0"}},
    ]
}

# As in test_model_tools_standard.py: the suites' async tests carry no marker.
pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.filterwarnings(
        "ignore:The test <Function .* is marked with '@pytest.mark.asyncio'"
    ),
]


class TestHuggingGPTToolIntegration(ToolsIntegrationTests):
    @property
    def tool_constructor(self):
        return HuggingGPTTool

    @property
    def tool_constructor_params(self):
        return {
            "planner": PLAN,
            "selector": FirstModelSelector(),
            "executor": SleepExecutor(durations=0.01),
            "workspace_root": str(_TMP / "runs"),
            "allowed_dirs": [str(_TMP)],
        }

    @property
    def tool_invoke_params_example(self):
        return {"request": "Describe photo.png and draw it", "files": [str(_TMP / "photo.png")]}
