"""Public API and lazy imports: importing the package never loads the heavy stack."""

import subprocess
import sys

import hgpt_langchain

EXPECTED_ALL = {
    "build_graph",
    "LLMPlanner",
    "OfflinePlanner",
    "PlanResult",
    "StaticPlanner",
    "LLMResponder",
    "TemplateResponder",
    "HuggingGPTState",
    "ModelChoice",
    "Plan",
    "Report",
    "Task",
    "TaskResult",
    "TASKS",
    "TaskSpec",
    "RetrievalSelector",
    "LLMSelector",
    "load_catalog",
    "get_model_tools",
    "make_model_tool",
    "HuggingFaceModelToolkit",
    "Workspace",
    "LocalExecutor",
    "RemoteExecutor",
    "HybridExecutor",
    "Scheduler",
    "HuggingGPTTool",
    "hugginggpt_node",
    "sqlite_checkpointer",
    "__version__",
}


def test_all_is_pinned_and_every_name_resolves():
    assert set(hgpt_langchain.__all__) == EXPECTED_ALL
    for name in hgpt_langchain.__all__:
        assert getattr(hgpt_langchain, name) is not None, name


def test_importing_every_module_loads_no_heavy_library():
    code = (
        "import sys, pkgutil, importlib, hgpt_langchain\n"
        "for m in pkgutil.walk_packages(hgpt_langchain.__path__, 'hgpt_langchain.'):\n"
        "    if not m.name.endswith('.__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "import hgpt_langchain.graph, hgpt_langchain.cli\n"
        "heavy = [m for m in ('torch', 'transformers', 'diffusers', 'sentence_transformers')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"heavy modules imported: {out.stdout}"


def test_selection_protocol_and_hub_import_without_numpy_or_the_hub_client():
    code = (
        "import sys, hgpt_langchain.selection.base, hgpt_langchain.hub, hgpt_langchain.prompts\n"
        "print(','.join(m for m in ('numpy', 'huggingface_hub', 'yaml') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"loaded: {out.stdout}"
