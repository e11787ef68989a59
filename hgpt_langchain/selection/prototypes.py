"""Per-task request texts (prototypes): what the index's task term and the task head start from.

A foundation of the selection stage, imported by :mod:`hgpt_langchain.selection.index` and
:mod:`hgpt_langchain.selection.taskhead` (it imports only the task registry).
"""

from __future__ import annotations

from hgpt_langchain.tasks import TASKS, wording

REQUEST_PROTOTYPES: dict[str, tuple[str, ...]] = {
    task: tuple(texts) for task, texts in wording("request_prototypes").items()
}
"""Typical requests for each task type, used as task prototypes.

Hand-written (not taken from any benchmark), they anchor the task term of the ranking next to the
registry's own description, examples and cues. Kept in ``data/wording/request_prototypes.json``
(see :data:`hgpt_langchain.tasks.WORDING`).
"""


def task_prototypes() -> list[tuple[str, str]]:
    """``(task, text)`` pairs describing each task type.

    The registry's title, description, examples and cues, plus :data:`REQUEST_PROTOTYPES`.
    """
    pairs: list[tuple[str, str]] = []
    for name, spec in TASKS.items():
        names = ", ".join([spec.title, *spec.aliases])
        pairs.append((name, f"{names}: {spec.description}"))
        for example in spec.examples:
            pairs.append((name, example))
        if spec.cues:
            pairs.append((name, f"{spec.title}: {'; '.join(spec.cues)}"))
        for request in REQUEST_PROTOTYPES.get(name, ()):
            pairs.append((name, request))
    return pairs
