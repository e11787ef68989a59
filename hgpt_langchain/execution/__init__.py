"""Stage 3: running tasks. Workspaces, executors (local, remote, hybrid) and the DAG scheduler.

Heavy libraries (torch, transformers, diffusers) are imported only when a local model runs.
"""

from hgpt_langchain.execution.workspace import Workspace

__all__ = ["Workspace"]
