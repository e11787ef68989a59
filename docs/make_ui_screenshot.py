"""Make docs/ui.png, the README's screenshot of ``hgpt ui``, with the browser test's driver.

It serves the app with the dry-run executor (no model runs) and a fixed four-task plan
(``HGPT_STUDIO_PLAN``), uploads scikit-image's astronaut photo, waits until every DAG node is
done and saves a downscaled PNG. Needs ``apt-get install chromium chromium-driver`` and the
``test`` extra (selenium, scikit-image)::

    python docs/make_ui_screenshot.py [--out docs/ui.png]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from hgpt_langchain.ui import browser as B

PLAN = {
    "tasks": [
        {"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "astronaut.png"}},
        {"id": 1, "task": "object-detection", "dep": [], "args": {"image": "astronaut.png"}},
        {"id": 2, "task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}},
        {
            "id": 3,
            "task": "image-to-image",
            "dep": [1],
            "args": {"image": "<resource>-1", "text": "black and white"},
        },
    ]
}


def main() -> None:
    """Serve the app, run one request in headless Chromium and save the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).with_name("ui.png")))
    parser.add_argument("--width", type=int, default=1100, help="width of the saved PNG")
    args = parser.parse_args()
    paths = B.find_chromium()
    if paths is None:
        raise SystemExit("No Chromium: apt-get install -y chromium chromium-driver")
    from PIL import Image
    from skimage import data

    with tempfile.TemporaryDirectory(prefix="hgpt-shot-") as tmp:
        tmp_path = Path(tmp)
        photo = tmp_path / "astronaut.png"
        Image.fromarray(data.astronaut()).save(photo)
        env = B.server_env(
            tmp_path / "runs", HGPT_STUDIO_PLAN=json.dumps(PLAN), HGPT_STUDIO_DRY_RUN_SECONDS="1"
        )
        port = B.free_port()
        with (
            B.serve(["--planner", "offline"], env, tmp_path / "server.log", port=port) as url,
            B.chromium(tmp_path / "profile", paths) as driver,
        ):
            B.open_app(driver, url)
            B.send_request(
                driver,
                "Describe this photo, read the description aloud, find the objects in it "
                "and make it black and white.",
                [str(photo)],
            )
            B.wait_for(driver, B.node_statuses, 240, "the plan DAG")
            B.wait_until_finished(driver, 120)
            B.wait_for(
                driver,
                lambda d: "Working" not in d.find_element("id", "hgpt-answer").text,
                60,
                "the answer",
            )
            raw = tmp_path / "raw.png"
            driver.save_screenshot(str(raw))
        img = Image.open(raw).convert("RGB")
        height = round(img.height * args.width / img.width)
        img = img.resize((args.width, height), Image.LANCZOS)
        img.quantize(colors=128).save(args.out, optimize=True)
    print(args.out)


if __name__ == "__main__":
    main()
