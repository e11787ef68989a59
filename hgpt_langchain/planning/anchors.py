"""Anchor data of the offline planner: example clauses and lexical cues per task type.

The offline planner embeds each clause of a request and compares it with these anchors (plus the
registry's ``description`` and ``examples`` and, for TaskBench's tools, their public descriptions).
The examples are generic, hand-written phrasings; none is taken from TaskBench's labelled data.
Files and quoted texts appear as the placeholders the planner substitutes before embedding
("the image", "the audio", "the text").

``image-to-image`` has two anchor groups: ``IMAGE_EDIT`` (a change described in words, planned
with a ``text`` instruction) and plain ``image-to-image`` (restore, enhance, restyle: planned
without one).

The tables are data files named by the registry (:data:`hgpt_langchain.tasks.WORDING`); this
module reads them once and gives them the planner's shapes.
"""

from __future__ import annotations

from hgpt_langchain.tasks import wording

IMAGE_EDIT = "image-to-image+text"
"""Anchor label of image-to-image with a text instruction (TaskBench's "Image Editing")."""

NONE = "none"
"""Anchor label of clauses that ask for no model: context, politeness, filler."""

EXAMPLES: dict[str, tuple[str, ...]] = {
    label: tuple(texts) for label, texts in wording("planner_examples").items()
}
"""Hand-written example clauses per anchor label (``data/wording/planner_examples.json``)."""

TASKBENCH_DESCRIPTIONS: dict[str, str] = dict(wording("taskbench_descriptions"))
"""TaskBench's public tool descriptions (``tool_desc.json``), shortened, as extra anchors
(``data/wording/taskbench_descriptions.json``)."""

CUES: dict[str, tuple[tuple[str, float], ...]] = {
    label: tuple((pattern, bonus) for pattern, bonus in cues)
    for label, cues in wording("planner_cues").items()
}
"""Regular expressions (lower-case text) with the score bonus they give a task when they match
(``data/wording/planner_cues.json``)."""
