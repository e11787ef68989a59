"""Every prompt the package sends, as YAML files beside this module, and their one loader.

* ``plan.yaml``, ``plan_short.yaml``: the LLM planner (:mod:`hgpt_langchain.planning.llm`);
* ``select.yaml``: the LLM selector (:mod:`hgpt_langchain.selection.llm`);
* ``respond.yaml``: the LLM responder (:mod:`hgpt_langchain.response`).

Each file maps part names (``system``, ``human``, ``repair``, ...) to text; ``{placeholders}``
are filled in by the module that sends it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load_prompt(name: str) -> dict[str, Any]:
    """The prompt ``name`` (``hgpt_langchain/prompts/<name>.yaml``), parsed once per process.

    Raises:
        FileNotFoundError: No prompt file of that name is shipped.
    """
    import yaml

    text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
