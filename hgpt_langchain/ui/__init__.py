"""``hgpt ui``: a web app over the graph (Gradio, the ``ui`` extra).

``view`` is the pure event -> view-model mapping (no Gradio); ``app`` wires it to Gradio.
"""

__all__ = ["build_app", "launch"]


def __getattr__(name: str):  # lazy: importing the package must not import gradio
    if name in __all__:
        from hgpt_langchain.ui import app

        return getattr(app, name)
    raise AttributeError(name)
