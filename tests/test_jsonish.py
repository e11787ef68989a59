"""Tolerant JSON extraction from LLM output."""

import pytest

from hgpt_langchain.planning.jsonish import extract_json


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"tasks": []}', {"tasks": []}),
        ('Sure!\n```json\n{"tasks": [{"id": 0}]}\n```\nAnything else?', {"tasks": [{"id": 0}]}),
        ('Plan: {"tasks": [{"id": 0, "dep": [-1]},]} -- done', {"tasks": [{"id": 0, "dep": [-1]}]}),
        ("[{'id': 0, 'args': {'text': \"it's\"}}]", [{"id": 0, "args": {"text": "it's"}}]),
        ('{"ok": true, "x": null}', {"ok": True, "x": None}),
        ('{"text": "braces { and ] inside strings"}', {"text": "braces { and ] inside strings"}),
        # truncated output (max tokens): closed and parsed
        (
            '{"tasks": [{"id": 0, "args": {"text": "abc',
            {"tasks": [{"id": 0, "args": {"text": "abc"}}]},
        ),
        # a bracketed note before the plan is skipped in favour of the object
        ('see [1] below: {"tasks": []}', {"tasks": []}),
    ],
)
def test_extracts_the_plan(text, expected):
    assert extract_json(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no json at all",
        # a broken object must not yield the inner fragment `[]` as if it were the plan
        '{"tasks": [{"id": 0, "task": "image-to-text" "dep": [], args: image=photo.jpg}',
    ],
)
def test_returns_none_when_nothing_parses(text):
    assert extract_json(text) is None
