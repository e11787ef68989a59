"""``hgpt ui``: a web app over the graph (Gradio, the ``ui`` extra).

- ``view``: the pure stream event -> view-model mapping and its HTML rendering (no Gradio).
- ``app``: the Gradio app (``build_app``, ``launch``), a thin layer over ``build_graph``.
- ``browser``: headless Chromium helpers for the browser test and the README screenshot.

Importing this package imports nothing else (Gradio only loads with ``app``).
"""
