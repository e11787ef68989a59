"""Realistic planner outputs (what gpt-4o-class models return for the prompt), for scripting."""

import json

SINGLE = json.dumps(
    {"tasks": [{"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "photo.jpg"}}]}
)

CHAIN = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "photo.jpg"}},
            {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
        ]
    }
)

DAG = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "text-to-image", "dep": [], "args": {"text": "a lighthouse at dusk"}},
            {"id": 1, "task": "object-detection", "dep": [0], "args": {"image": "<resource>-0"}},
            {"id": 2, "task": "depth-estimation", "dep": [0], "args": {"image": "<resource>-0"}},
            {"id": 3, "task": "image-to-text", "dep": [1], "args": {"image": "<resource>-1"}},
        ]
    }
)

# Chatty output with a fenced block, trailing comma and a forgotten dependency.
FENCED_FORGOT_DEP = (
    "Sure! Here is the plan:\n```json\n"
    '{"tasks": [{"id": 0, "task": "automatic-speech-recognition", "dep": [-1], '
    '"args": {"audio": "meeting.wav"}}, {"id": 1, "task": "summarization", "dep": [-1], '
    '"args": {"text": "<resource>-0"}},]}\n```\nLet me know if you need anything else.'
)

MALFORMED = '{"tasks": [{"id": 0, "task": "image-to-text" "dep": [], args: image=photo.jpg}'

CYCLE = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "image-to-image", "dep": [1], "args": {"image": "<resource>-1"}},
            {"id": 1, "task": "image-to-image", "dep": [0], "args": {"image": "<resource>-0"}},
        ]
    }
)

UNKNOWN_TASK = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "image-captioning-pro", "dep": [], "args": {"image": "photo.jpg"}}
        ]
    }
)

WRONG_MODALITY = json.dumps(
    {
        "tasks": [
            {"id": 0, "task": "text-to-speech", "dep": [], "args": {"text": "hello"}},
            {
                "id": 1,
                "task": "image-classification",
                "dep": [0],
                "args": {"image": "<resource>-0"},
            },
        ]
    }
)

EMPTY = '{"tasks": []}'

ANSWER = "The photo shows a dog on a beach. I used a captioning model; see the workflow above."
