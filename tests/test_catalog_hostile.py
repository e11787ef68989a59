"""Broken or hostile catalog files, task heads and model cards.

Bad catalog rows (wrong field types, invalid UTF-8, huge or deeply nested lines) are skipped with
a count and the first reason; bad files (truncated .gz, FIFO, empty or mistyped task head) are one
clear error; nothing blocks; a model card built to make cleaning slow is cleaned in linear time.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import time
from pathlib import Path

import numpy as np
import pytest

from hgpt_langchain.catalog import MAX_LINE_BYTES, clean_card, entry_from_record, load_catalog
from hgpt_langchain.cli import main
from hgpt_langchain.errors import ConfigurationError
from hgpt_langchain.selection.taskhead import TaskHead

GOOD = {"id": "acme/sentiment", "task": "text-classification", "description": "Says if positive."}


def _good(i: int) -> bytes:
    return (json.dumps({**GOOD, "id": f"acme/m{i}"}) + "\n").encode()


def test_bad_rows_are_skipped_with_a_count_and_the_first_reason(tmp_path: Path, caplog):
    path = tmp_path / "c.jsonl"
    path.write_bytes(
        _good(0)
        + b'{"id": "acme/x", "task": "text-classification", "likes": "many"}\n'  # wrong type
        + b'{"id": ["a"], "task": {"x": 1}, "tags": 5, "description": 7}\n'
        + b'{"id": "acme/\xff\xfe", "task": "text-classification"}\n'  # invalid UTF-8
        + b"[" * 100_000
        + b"\n"  # deeply nested
        + b'{"card": "'
        + b"a" * (MAX_LINE_BYTES + 10)
        + b'"}\n'  # huge
        + b"not json\n"
        + b"42\n"
        + _good(1)
    )
    caplog.set_level(logging.WARNING)
    catalog = load_catalog(path)
    assert [e.id for e in catalog] == ["acme/m0", "acme/m1"]
    warning = caplog.text
    assert "Skipped 7 bad line(s)" in warning and "line 2:" in warning, warning


def test_a_catalog_of_only_bad_rows_is_one_clear_error(tmp_path: Path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xff\xfe\n{oops\n")
    assert main(["catalog", "info", "--catalog", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hgpt: error:") and "2 bad line(s)" in err and "line 1: not valid UTF-8"


def test_a_truncated_gz_catalog_is_a_clear_error(tmp_path: Path, capsys):
    path = tmp_path / "c.jsonl.gz"
    data = gzip.compress(b"".join(_good(i) for i in range(2000)))
    path.write_bytes(data[: len(data) // 2])
    assert main(["catalog", "info", "--catalog", str(path)]) == 2
    err = capsys.readouterr().err
    assert "truncated or corrupt" in err and str(path) in err and "Traceback" not in err


def test_a_fifo_as_catalog_or_task_head_does_not_block(tmp_path: Path, capsys):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert main(["catalog", "info", "--catalog", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    good = tmp_path / "good.jsonl"
    good.write_bytes(_good(0))
    argv = ["models", "search", "x", "--catalog", str(good), "--task-head", str(fifo)]
    assert main(argv) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    "kind", ["empty", "text", "no tasks", "wrong shape", "string weights", "tasks not a list"]
)
def test_empty_or_mistyped_task_heads_are_a_clear_error(tmp_path: Path, kind: str, capsys):
    path = tmp_path / "head.npz"
    meta = {"tasks": ["text-classification", "summarization"], "embeddings": "x"}
    w, b = np.zeros((2, 4), np.float32), np.zeros(2, np.float32)
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("hello")
    else:
        if kind == "no tasks":
            meta["tasks"] = []
            w, b = np.zeros((0, 4)), np.zeros(0)
        elif kind == "wrong shape":
            w = np.zeros((3, 4))
        elif kind == "string weights":
            w = np.array([["a"] * 4] * 2)
        elif kind == "tasks not a list":
            meta["tasks"] = 5
        np.savez(path, meta=json.dumps(meta), weight=w, bias=b)
    with pytest.raises(ConfigurationError, match="Cannot read the task head"):
        TaskHead.load(path)
    good = tmp_path / "good.jsonl"
    good.write_bytes(_good(0))
    assert main(["models", "search", "x", "--catalog", str(good), "--task-head", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hgpt: error: Cannot read the task head") and "Traceback" not in err


HOSTILE_CARDS = {
    "fence lines": "```\n" * 150_000,
    "indented fences": "  ~~~x\n" * 85_000,
    "unclosed details": "<details>" * 66_000,
    "details lines": "<details>\n" * 60_000,
    "unclosed comments": "<!--" * 150_000,
    "brackets": "[" * 600_000,
    "image openers": "![" * 300_000,
    "link openers": "[a](" * 150_000,
    "tag openers": "<a" * 300_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CARDS))
def test_a_600_kb_hostile_card_cleans_quickly(name: str):
    """Before: 40 kB of fence lines took 1.8 s and grew quadratically (600 kB: minutes)."""
    card = "A useful model that classifies reviews.\n\n" + HOSTILE_CARDS[name]
    started = time.perf_counter()
    description = clean_card(card)
    elapsed = time.perf_counter() - started
    assert description.startswith("A useful model that classifies reviews.")
    assert elapsed < 2.0, f"{name}: {elapsed:.2f} s"  # generous: minutes before the fix


def test_a_hostile_card_in_a_catalog_record_is_cleaned_quickly():
    record = {"id": "acme/x", "pipeline_tag": "summarization", "card": "```\n" * 150_000}
    started = time.perf_counter()
    entry = entry_from_record(record)
    assert entry is not None and time.perf_counter() - started < 2.0
