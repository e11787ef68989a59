"""TaskBench evaluation: load the Hugging Face tools domain, map its tool names, score plans.

TaskBench (Shen et al., 2023, arXiv 2311.18760) labels user requests with a tool graph: nodes are
tools named in Title Case ("Image-to-Text"), links are (source, target) tool pairs and each node's
``arguments`` are a positional list whose items are literal values or ``<node-j>`` (the output of
the j-th node). This module maps those names to the task registry and back, converts gold graphs
to :class:`~hgpt_langchain.state.Plan` and plans to tool graphs, and implements the metrics as
TaskBench defines them (see its ``evaluate.py``):

* **node F1**: micro F1 over tool names per request. We count multisets (a tool planned twice
  where the gold has it once is one false positive); TaskBench's sets give the same figure
  whenever no tool repeats. Predicted names that are not TaskBench tools count as false positives
  (TaskBench ignores them, which would flatter a planner that invents tools).
* **edge F1**: micro F1 over the set of (source tool, target tool) pairs per request.
* **argument-name F1**: TaskBench's Hugging Face arguments are positional, so an argument's
  *name* is its content type, exactly as the official evaluator derives it: a ``<node-j>``
  reference is named by the output type of node j's tool (``tool_desc.json``), a literal by its
  file extension (image / audio / video) or else ``text``. The scored items are the sets of
  ``"<tool>-<type>"`` strings per request.
* **edit distance**: TaskBench's normalised edit distance between the predicted and gold tool
  *sequences* (in execution order): ``1 - ratio`` with the Levenshtein-indel ratio
  ``(len(a) + len(b) - indel(a, b)) / (len(a) + len(b))``, averaged over requests. Lower is
  better.

Gold for nodes and edges is ``sampled_nodes`` / ``sampled_links`` (clean tool names, as the data's
README recommends); gold for arguments and the sequence order is ``task_nodes``, whose tool names
are sometimes free text ("Audio Enhancer"): those are mapped where the meaning is unambiguous and
otherwise counted as *unmappable* and reported, never dropped silently.

TaskBench's "Image Editing" (image + text instruction) and "Image-to-Image" (image only) are one
registry task, ``image-to-image`` (the executor takes an optional ``text`` instruction for both).
A plan task maps back by its instruction (:func:`image_tool`): no ``text`` -> "Image-to-Image";
an instruction that only asks for a global transformation (transform, convert, enhance, restore,
upscale, a style, "look like ...") and names no edit (edit, modify, change, add, remove, replace,
recolour ...) -> "Image-to-Image"; any other instruction, including a reference to an earlier
output (``<resource>-k``), -> "Image Editing". The rule reads only the plan, so it applies to
every planner alike (LLM, offline, gold).
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hgpt_langchain.state import Plan, Task, resource_refs
from hgpt_langchain.tasks import TASKS

TASKBENCH_TOOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Token Classification": (("text",), ("text",)),
    "Translation": (("text",), ("text",)),
    "Summarization": (("text",), ("text",)),
    "Question Answering": (("text", "text"), ("text",)),
    "Conversational": (("text",), ("text",)),
    "Text Generation": (("text",), ("text",)),
    "Sentence Similarity": (("text", "text"), ()),
    "Tabular Classification": (("image",), ("text",)),
    "Object Detection": (("image",), ("text",)),
    "Image Classification": (("image",), ("text",)),
    "Image-to-Image": (("image",), ("image",)),
    "Image-to-Text": (("image",), ("text",)),
    "Text-to-Image": (("text",), ("image",)),
    "Text-to-Video": (("text",), ("video",)),
    "Visual Question Answering": (("image", "text"), ("text",)),
    "Document Question Answering": (("image", "text"), ("text",)),
    "Image Segmentation": (("image",), ("image",)),
    "Depth Estimation": (("image",), ("image",)),
    "Text-to-Speech": (("text",), ("audio",)),
    "Automatic Speech Recognition": (("audio",), ("text",)),
    "Audio-to-Audio": (("audio",), ("audio",)),
    "Audio Classification": (("audio",), ("text",)),
    "Image Editing": (("text", "image"), ("image",)),
}
"""The 23 tools of TaskBench's Hugging Face domain: name -> (input types, output types).

Copied from ``data_huggingface/tool_desc.json``; :func:`load_tool_desc` reads the file itself.
"""

TOOL_TO_TASK: dict[str, str] = {
    **{name: name.lower().replace(" ", "-") for name in TASKBENCH_TOOLS},
    "Image Editing": "image-to-image",
}
"""TaskBench tool name -> registry task type."""

NOISY_TOOL_NAMES: dict[str, str] = {
    "audio enhancement": "Audio-to-Audio",
    "audio enhancer": "Audio-to-Audio",
    "audio quality enhancer": "Audio-to-Audio",
    "audio noise reduction": "Audio-to-Audio",
    "enhance audio": "Audio-to-Audio",
    "speech-to-text": "Automatic Speech Recognition",
    "audio transcription": "Automatic Speech Recognition",
    "speech synthesis": "Text-to-Speech",
    "image-to-image translation": "Image-to-Image",
    "image-to-image transformation": "Image-to-Image",
    "image enhancement": "Image-to-Image",
    "image modification": "Image Editing",
    "named entity recognition": "Token Classification",
    "entity recognition": "Token Classification",
    "entity extraction": "Token Classification",
    "image-to-text description": "Image-to-Text",
    "image to text conversion": "Image-to-Text",
    "image captioning": "Image-to-Text",
    "conversational generation": "Conversational",
    "conversational engine": "Conversational",
    "document-based question answering": "Document Question Answering",
    "documented question answering": "Document Question Answering",
    "semantic similarity measurement": "Sentence Similarity",
    "semantic text similarity": "Sentence Similarity",
    "text similarity evaluation": "Sentence Similarity",
    "text summarization": "Summarization",
    "generic image classification": "Image Classification",
    "ocr": "Image-to-Text",
    "extract text from image": "Image-to-Text",
    "text extraction from image": "Image-to-Text",
}
"""Free-text tool names found in ``task_nodes`` whose meaning is one TaskBench tool.

Names such as "Table Extraction", "Math" or "SearchLocation" have no counterpart and stay
unmappable (reported by :func:`score`).
"""

SPLITS = ("single", "chain", "dag")
"""TaskBench's structure types."""

_NODE_REF = re.compile(r"<node-(\d+)>")


def load_tool_desc(path: str | Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Read a TaskBench ``tool_desc.json``: tool name -> (input types, output types)."""
    data = json.loads(Path(path).read_text())
    return {
        n["id"]: (tuple(n.get("input-type", [])), tuple(n.get("output-type", [])))
        for n in data["nodes"]
    }


def canonical_tool(name: str) -> str | None:
    """Return the TaskBench tool a (possibly free-text) tool name means, else ``None``."""
    clean = name.replace("_", " ").strip()
    if clean in TASKBENCH_TOOLS:
        return clean
    lower = clean.lower()
    for tool in TASKBENCH_TOOLS:
        if tool.lower() == lower:
            return tool
    return NOISY_TOOL_NAMES.get(lower)


def tool_to_task(name: str) -> str | None:
    """Return the registry task type for a TaskBench tool name (or a mappable free-text one)."""
    tool = canonical_tool(name)
    return TOOL_TO_TASK[tool] if tool else None


def task_to_tool(task: Task | str, args: dict[str, str] | None = None) -> str:
    """Return the TaskBench tool name of a registry task.

    ``image-to-image`` is "Image Editing" or "Image-to-Image" by its ``text`` instruction (see
    :func:`image_tool`). Registry tasks without a TaskBench counterpart
    (e.g. ``text-classification``) return their registry title, which scores as a false positive.
    """
    if isinstance(task, Task):
        name, args = task.task, task.args
    else:
        name, args = task, args or {}
    if name == "image-to-image":
        return image_tool(args.get("text"))
    spec = TASKS.get(name)
    title = spec.title if spec else name
    return title


_EDIT_WORDS = re.compile(
    r"\b(?:edit|modif|alter|chang|add|remov|replac|recolou?r|re-colou?r|colou?r(?:ed|ing)?\b|"
    r"paint(?:s|ed)?\b|eras|delet|insert|put\b|place\b|swap|overlay|superimpos|turn the|make the|"
    r"tweak)",
    re.IGNORECASE,
)
_TRANSFORM_WORDS = re.compile(
    r"\b(?:transform|transfigur|convert|enhanc|restor|upscal|sharpen|denois|deblur|"
    r"super[- ]?resol|resolution|quality|style|styli[sz]|vintage|retro|cartoon|anime|sketch|"
    r"watercolou?r|oil painting|look(?:s|ing)? like|as if|domain|colori[sz]|black and white|"
    r"gr[ae]yscale|sepia|night\s*time|at night|daytime|winter|summer|autumn|season|atmosphere|"
    r"ambiance|ambience|lighting)",
    re.IGNORECASE,
)


def image_tool(instruction: str | None) -> str:
    """TaskBench tool of an ``image-to-image`` task with this ``text`` instruction.

    "Image-to-Image" without an instruction or when the instruction only asks for a global
    transformation (enhance, restore, a style, "look like a watercolor painting"); "Image
    Editing" for any other instruction (an edit of the content, or an earlier output).
    """
    text = (instruction or "").strip()
    if not text:
        return "Image-to-Image"
    if _TRANSFORM_WORDS.search(text) and not _EDIT_WORDS.search(text):
        return "Image-to-Image"
    return "Image Editing"


TASKBENCH_TASKS: tuple[str, ...] = tuple(dict.fromkeys(TOOL_TO_TASK.values()))
"""Registry task types that have a TaskBench counterpart (what a planner may use on TaskBench)."""


def content_type(value: str) -> str:
    """TaskBench's argument type of a literal value: image / audio / video by extension, or text."""
    content = value.strip("'")
    for ext in ("jpg", "png", "jpeg", "gif", "bmp", "tiff", "svg", "ico"):
        if "." + ext in content:
            return "image"
    for ext in ("mp3", "wav", "wma", "ogg", "aac", "flac", "aiff", "au"):
        if "." + ext in content:
            return "audio"
    for ext in ("mp4", "avi", "mov", "flv", "wmv", "mkv", "webm", "m4v", "mpg", "mpeg"):
        if "." + ext in content:
            return "video"
    return "text"


def output_type(tool: str) -> str:
    """The main output type of a TaskBench tool ("none" for no output, "other" if unknown)."""
    if tool not in TASKBENCH_TOOLS:
        return "other"
    outputs = TASKBENCH_TOOLS[tool][1]
    return outputs[0] if outputs else "none"


@dataclass
class GoldStep:
    """One node of a record's ``task_nodes``."""

    name: str
    """The tool name as written in the data (may be free text)."""
    tool: str | None
    """The TaskBench tool it maps to, ``None`` when unmappable."""
    arguments: list[str]
    """Positional arguments; ``<node-j>`` is the output of step j."""


@dataclass
class TaskBenchRecord:
    """One TaskBench request, labelled or not."""

    id: str
    request: str
    type: str | None = None
    """"single", "chain" or "dag"; ``None`` for unlabelled requests."""
    n_tools: int | None = None
    nodes: list[str] = field(default_factory=list)
    """Gold tool names (``sampled_nodes``)."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """Gold (source, target) tool pairs (``sampled_links``)."""
    steps: list[GoldStep] = field(default_factory=list)
    """Gold steps with arguments (``task_nodes``)."""

    @property
    def labelled(self) -> bool:
        """Whether the record has a gold tool graph."""
        return self.type is not None


def _loads_maybe(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _parse(row: dict[str, Any]) -> TaskBenchRecord:
    request = row.get("instruction") or row.get("user_request") or ""
    rec = TaskBenchRecord(id=str(row.get("id", "")), request=request)
    if "sampled_nodes" not in row and "task_nodes" not in row:
        return rec
    rec.type = row.get("type")
    rec.n_tools = row.get("n_tools")
    sampled = _loads_maybe(row.get("sampled_nodes")) or []
    rec.nodes = [n["task"] if isinstance(n, dict) else str(n) for n in sampled]
    links = _loads_maybe(row.get("sampled_links")) or []
    rec.links = [(lk["source"], lk["target"]) for lk in links]
    for node in row.get("task_nodes") or []:
        args = node.get("arguments") or []
        values = []
        for a in args:
            if isinstance(a, dict):
                a = next(iter(a.values()), "")
            if isinstance(a, list):
                a = " ".join(str(x) for x in a)
            values.append(str(a))
        name = str(node.get("task", ""))
        rec.steps.append(GoldStep(name=name, tool=canonical_tool(name), arguments=values))
    return rec


def load_taskbench(
    path: str | Path, limit: int | None = None, *, split: str | None = None
) -> list[TaskBenchRecord]:
    """Load TaskBench records from a JSON-lines file.

    Args:
        path: ``data.sample.jsonl`` style (labelled) or ``user_requests.json`` style
            (``{"id", "user_request"}`` per line, unlabelled).
        limit: Keep the first ``limit`` records (after the split filter).
        split: ``"dev"`` or ``"test"`` keeps that half of the records (see :func:`split_of`).

    Returns:
        The records in file order.
    """
    records: list[TaskBenchRecord] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            rec = _parse(json.loads(line))
            if split is not None and split_of(rec.id) != split:
                continue
            records.append(rec)
            if limit is not None and len(records) >= limit:
                break
    return records


def split_of(record_id: str) -> str:
    """Deterministic half split by id: ``"dev"`` (error analysis allowed) or ``"test"`` (held out).

    Uses CRC32 of the id, so it is stable across runs, machines and Python versions.
    """
    return "dev" if zlib.crc32(record_id.encode()) % 2 == 0 else "test"


def gold_plan(record: TaskBenchRecord) -> Plan:
    """The record's ``task_nodes`` as a registry :class:`Plan` (``<node-j>`` -> ``<resource>-j``).

    Unmappable steps are left out (and references to them dropped). Positional arguments are named
    after the registry task's arguments in order, matched by content type.
    """
    tasks: list[Task] = []
    kept = {i for i, s in enumerate(record.steps) if s.tool}
    for i, step in enumerate(record.steps):
        if i not in kept:
            continue
        name = TOOL_TO_TASK[step.tool]  # type: ignore[index]
        spec = TASKS[name]
        free = list(spec.args)
        args: dict[str, str] = {}
        dep: list[int] = []
        for value in step.arguments:
            refs = [int(j) for j in _NODE_REF.findall(value)]
            if refs:
                j = refs[0]
                if j == i or j not in kept:
                    continue
                kind = output_type(record.steps[j].tool or "")
                value = f"<resource>-{j}"
                dep.append(j)
            else:
                kind = content_type(value)
            kind = "image" if kind in ("image",) else kind
            pick = next((a for a in free if a.modality == kind), None)
            pick = pick or next((a for a in free if a.modality == "text"), None)
            if pick is None:
                continue
            free.remove(pick)
            args[pick.name] = value
        tasks.append(Task(id=i, task=name, dep=sorted(set(dep)), args=args))
    return Plan(tasks=tasks)


@dataclass
class ToolGraph:
    """A plan in TaskBench's terms, ready to score."""

    sequence: list[str]
    """Tool names in execution order (edit distance)."""
    nodes: list[str]
    """Tool names (node F1, as a multiset)."""
    links: set[tuple[str, str]]
    """(source tool, target tool) pairs (edge F1)."""
    arg_names: set[str]
    """``"<tool>-<type>"`` items (argument-name F1)."""


def plan_to_graph(plan: Plan) -> ToolGraph:
    """Convert a registry plan to TaskBench tool names, links and argument names."""
    by_id = plan.by_id()
    names = {t.id: task_to_tool(t) for t in plan.tasks}
    links: set[tuple[str, str]] = set()
    arg_names: set[str] = set()
    for t in plan.tasks:
        for d in t.dep:
            if d in names and d != t.id:
                links.add((names[d], names[t.id]))
        for value in t.args.values():
            if not value or not value.strip():
                continue
            refs = [k for k in resource_refs(value) if k in by_id and k != t.id]
            if refs:
                for k in refs:
                    links.add((names[k], names[t.id]))
                    arg_names.add(f"{names[t.id]}-{output_type(names[k])}")
            else:
                arg_names.add(f"{names[t.id]}-{content_type(value)}")
    seq = [names[t.id] for t in plan.tasks]
    return ToolGraph(sequence=seq, nodes=list(seq), links=links, arg_names=arg_names)


def gold_graph(record: TaskBenchRecord) -> ToolGraph:
    """The gold tool graph of a labelled record (see the module docstring for the sources)."""
    step_names = [s.tool or s.name for s in record.steps]
    arg_names: set[str] = set()
    for i, step in enumerate(record.steps):
        name = step_names[i]
        for value in step.arguments:
            m = _NODE_REF.search(value)
            if m:
                j = int(m.group(1))
                if j == i:
                    continue
                src = step_names[j] if j < len(step_names) else ""
                arg_names.add(f"{name}-{output_type(src)}")
            else:
                arg_names.add(f"{name}-{content_type(value)}")
    return ToolGraph(
        sequence=step_names,
        nodes=list(record.nodes),
        links=set(record.links),
        arg_names=arg_names,
    )


def edit_distance(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """TaskBench's normalised edit distance of two tool sequences (0 = identical, 1 = disjoint).

    ``1 - (n - indel) / n`` with ``n = len(predicted) + len(gold)`` and ``indel`` the insert/delete
    edit distance, i.e. ``1 - 2 * LCS / n``; two empty sequences are identical.
    """
    n = len(predicted) + len(gold)
    if n == 0:
        return 0.0
    prev = [0] * (len(gold) + 1)
    for a in predicted:
        cur = [0]
        for j, b in enumerate(gold):
            cur.append(prev[j] + 1 if a == b else max(prev[j + 1], cur[j]))
        prev = cur
    return 1.0 - 2.0 * prev[-1] / n


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_multiset(self, gold: Iterable[str], pred: Iterable[str]) -> None:
        g, p = Counter(gold), Counter(pred)
        common = sum((g & p).values())
        self.tp += common
        self.fp += sum(p.values()) - common
        self.fn += sum(g.values()) - common

    def add_set(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class Scorer:
    """Accumulate TaskBench metrics over (gold, predicted) tool graphs, overall and per type."""

    def __init__(self) -> None:
        self._groups: dict[str, dict[str, Any]] = {}
        self.unmappable: Counter[str] = Counter()
        self.gold_steps = 0

    def _group(self, name: str) -> dict[str, Any]:
        return self._groups.setdefault(
            name,
            {
                "n": 0,
                "node": _Counts(),
                "edge": _Counts(),
                "arg": _Counts(),
                "ed": 0.0,
                "ed_n": 0,
                "exact": 0,
            },
        )

    def add(self, record: TaskBenchRecord, predicted: ToolGraph) -> dict[str, float | None]:
        """Score one record; returns its own node/edge F1 and edit distance.

        Records without gold steps (``task_nodes``) count for node and edge F1 only: argument
        F1 and edit distance need the steps.
        """
        gold = gold_graph(record)
        for step in record.steps:
            self.gold_steps += 1
            if step.tool is None:
                self.unmappable[step.name] += 1
        own_node, own_edge = _Counts(), _Counts()
        own_node.add_multiset(gold.nodes, predicted.nodes)
        own_edge.add_set(gold.links, predicted.links)
        ed = edit_distance(predicted.sequence, gold.sequence) if record.steps else None
        exact = Counter(gold.nodes) == Counter(predicted.nodes) and gold.links == predicted.links
        for name in ("overall", record.type or "unknown"):
            g = self._group(name)
            g["n"] += 1
            g["node"].add_multiset(gold.nodes, predicted.nodes)
            g["edge"].add_set(gold.links, predicted.links)
            if ed is not None:
                g["arg"].add_set(gold.arg_names, predicted.arg_names)
                g["ed"] += ed
                g["ed_n"] += 1
            g["exact"] += int(exact)
        return {"node_f1": own_node.f1(), "edge_f1": own_edge.f1(), "edit_distance": ed}

    @staticmethod
    def _summary(g: dict[str, Any]) -> dict[str, Any]:
        n = g["n"]
        return {
            "n": n,
            "node_f1": _rounded(g["node"].f1()),
            "node_precision": _rounded(g["node"].precision()),
            "node_recall": _rounded(g["node"].recall()),
            "edge_f1": _rounded(g["edge"].f1()),
            "arg_name_f1": _rounded(g["arg"].f1()),
            "edit_distance": _rounded(g["ed"] / g["ed_n"]) if g["ed_n"] else None,
            "exact_graph": _rounded(g["exact"] / n) if n else None,
        }

    def result(self) -> dict[str, Any]:
        """Overall metrics, ``by_type`` and the unmappable gold step names."""
        overall = self._summary(self._group("overall"))
        out: dict[str, Any] = dict(overall)
        out["by_type"] = {t: self._summary(self._groups[t]) for t in SPLITS if t in self._groups}
        out["unmappable_gold_steps"] = sum(self.unmappable.values())
        out["gold_steps"] = self.gold_steps
        out["unmappable_names"] = dict(self.unmappable.most_common())
        return out


def score(pairs: Iterable[tuple[TaskBenchRecord, Plan | ToolGraph]]) -> dict[str, Any]:
    """Score predictions against labelled records.

    Args:
        pairs: ``(record, prediction)`` with the prediction a registry :class:`Plan` (converted
            with :func:`plan_to_graph`) or a :class:`ToolGraph`.

    Returns:
        ``{"n", "node_f1", "edge_f1", "arg_name_f1", "edit_distance", "by_type": {...}, ...}``
        with F1 as fractions in [0, 1] (``None`` where a group has nothing to score, e.g. edge
        F1 of single-tool requests when no edge is predicted).
    """
    scorer = Scorer()
    for record, pred in pairs:
        graph = plan_to_graph(pred) if isinstance(pred, Plan) else pred
        scorer.add(record, graph)
    return scorer.result()
