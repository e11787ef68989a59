"""``python -m hgpt_langchain.cli``: the ``hgpt`` command."""

from hgpt_langchain.cli import entrypoint

entrypoint()
