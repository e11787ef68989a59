"""The labelled model-choice set (bench/data/model_choice.jsonl) is valid against the catalog."""

import json
from collections import Counter
from pathlib import Path

from hgpt_langchain.catalog import load_catalog

DATA = Path(__file__).resolve().parent.parent / "bench" / "data" / "model_choice.jsonl"


def _rows():
    return [json.loads(line) for line in DATA.read_text().splitlines() if line]


def _by_task():
    by_task = {}
    for e in load_catalog():
        by_task.setdefault(e.task, set()).add(e.id)
    return by_task


def test_every_acceptable_id_is_in_the_catalog_under_the_rows_task():
    by_task = _by_task()
    for r in _rows():
        assert r["acceptable"], r["request"]
        missing = [m for m in r["acceptable"] if m not in by_task.get(r["task"], set())]
        assert not missing, (r["request"], missing)


def test_fresh_heldout_covers_every_task_type_with_more_than_five_models():
    rows = _rows()
    heldout = Counter(r["task"] for r in rows if r["split"] == "heldout")
    big = [t for t, ids in _by_task().items() if len(ids) > 5]
    short = {t: heldout[t] for t in big if heldout[t] < 3}
    assert not short, short
    assert len(heldout) == 23


def test_heldout_rows_are_fresh_round_and_never_repeat_a_tune_request():
    rows = _rows()
    assert {r["round"] for r in rows if r["split"] == "heldout"} == {"r7", "r8"}
    assert all(
        r["round"].startswith("r1-") or r["round"] in ("r3", "r4", "r5", "r6")
        for r in rows
        if r["split"] == "tune"
    )
    tune = {r["request"] for r in rows if r["split"] == "tune"}
    held = [r["request"] for r in rows if r["split"] == "heldout"]
    assert len(held) == len(set(held))
    assert not tune & set(held)
