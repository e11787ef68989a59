"""Per-task wording lives in data files the registry names, and ships with the package."""

import fnmatch
import json
import re
from pathlib import Path

from hgpt_langchain.planning.anchors import CUES, EXAMPLES, IMAGE_EDIT, NONE
from hgpt_langchain.prompts import load_prompt
from hgpt_langchain.selection.prototypes import REQUEST_PROTOTYPES
from hgpt_langchain.tasks import TASKS, WORDING, wording

PACKAGE = Path(__file__).parent.parent / "hgpt_langchain"


def test_wording_tables_are_keyed_by_registered_task_types():
    labels = set(TASKS) | {IMAGE_EDIT, NONE}
    for name in WORDING:
        table = wording(name)
        assert table and set(table) <= labels, name
    assert set(REQUEST_PROTOTYPES) <= set(TASKS)
    assert all(
        texts and all(isinstance(t, str) and t for t in texts) for texts in EXAMPLES.values()
    )
    assert all(isinstance(p, str) and 0 < bonus < 1 for cues in CUES.values() for p, bonus in cues)


def test_wording_files_and_prompts_are_package_data():
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text()  # no tomllib on Python 3.10
    data = pyproject.split("[tool.setuptools.package-data]", 1)[1]
    globs = json.loads(re.search(r"^hgpt_langchain = (\[.*\])$", data, re.M).group(1))
    shipped = [*WORDING.values(), *(PACKAGE / "prompts").glob("*.yaml")]
    for path in shipped:
        rel = path.relative_to(PACKAGE).as_posix()
        assert any(fnmatch.fnmatchcase(rel, g) and rel.count("/") == g.count("/") for g in globs), (
            rel
        )
    assert {"plan", "plan_short", "respond", "select"} <= {p.stem for p in shipped}
    assert "{request}" in load_prompt("respond")["human"] and load_prompt("select")["system"]
