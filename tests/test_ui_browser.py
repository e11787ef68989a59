"""The web app in a real browser: `hgpt ui` in its own process, driven by headless Chromium.

The server runs with the dry-run executor (HGPT_STUDIO_DRY_RUN=1, the same switch LangGraph
Studio reads) and the offline planner: no LLM, no model weights, no network. A real photo from
scikit-image is uploaded through the page's file input.
"""

from __future__ import annotations

import json
import re

import pytest

from hgpt_langchain.ui import browser as B

PATHS = B.find_chromium()
pytestmark = [
    pytest.mark.skipif(
        PATHS is None,
        reason="no Chromium: apt-get install -y chromium chromium-driver (.ci/run does)",
    ),
    pytest.mark.timeout(600),
]


@pytest.fixture
def photo(tmp_path):
    skimage_data = pytest.importorskip("skimage.data")
    from PIL import Image

    path = tmp_path / "astronaut.png"
    Image.fromarray(skimage_data.astronaut()).save(path)
    return path


def test_a_request_with_a_photo_runs_live_in_the_browser_then_an_edited_plan(tmp_path, photo):
    pytest.importorskip("selenium")
    pytest.importorskip("gradio")
    from selenium.webdriver.common.by import By

    port = B.free_port()
    env = B.server_env(tmp_path / "runs")
    with (
        B.serve(["--planner", "offline"], env, tmp_path / "server.log", port=port) as url,
        B.chromium(tmp_path / "profile", PATHS) as driver,
    ):
        B.open_app(driver, url)
        B.send_request(driver, "Make this photo black and white.", [str(photo)])
        # the DAG appears and its nodes go through running to done, pushed by the stream
        seen = B.wait_for(driver, lambda d: B.node_statuses(d), 240, "the plan DAG")
        assert seen and set(seen.values()) <= {"pending", "running", "done"}
        statuses = B.wait_until_finished(driver, 120)
        assert set(statuses.values()) == {"done"}, statuses
        driver.save_screenshot(str(tmp_path / "hgpt-ui.png"))
        assert (tmp_path / "hgpt-ui.png").stat().st_size > 10_000
        answer = B.wait_for(
            driver,
            lambda d: (
                d.find_element(By.ID, "hgpt-answer").text.strip()
                if "Working" not in d.find_element(By.ID, "hgpt-answer").text
                and d.find_element(By.ID, "hgpt-answer").text.strip()
                else None
            ),
            60,
            "the answer",
        )
        assert "dry-run/" in answer  # the templated answer names the models that ran
        # the task card shows the output image, served by the app, decoded by the browser
        imgs = B.wait_for(
            driver,
            lambda d: d.find_elements(By.CSS_SELECTOR, "#hgpt-cards img.hgpt-output-image"),
            30,
            "an output image in the task cards",
        )
        loaded = driver.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth", imgs[0]
        )
        assert loaded and loaded > 0
        cards = driver.find_element(By.ID, "hgpt-cards").text
        assert "dry run: no model is executed" in cards
        # the uploaded photo is in the conversation, and the report is offered for download
        chat = driver.find_element(By.ID, "hgpt-chat")
        assert chat.find_elements(By.TAG_NAME, "img")
        downloads = driver.find_element(By.ID, "hgpt-downloads").text.replace("\n", "")
        assert "report.json" in downloads

        # a second turn on the same thread: "it" is the image the first turn produced
        B.send_request(driver, "Now make it black and white.")
        B.wait_for(
            driver,
            lambda d: (
                "turn2-" in d.find_element(By.ID, "hgpt-answer").text
                and set(B.node_statuses(d).values()) == {"done"}
            ),
            240,
            "the second turn to finish",
        )
        # the conversation keeps both turns' answers
        chat_text = driver.execute_script("return document.getElementById('hgpt-chat').textContent")
        assert chat_text.count("Workflow (") == 2, chat_text
        cards = driver.find_element(By.ID, "hgpt-cards").text
        # the first turn's output, not the uploaded photo
        assert re.search(r'"image": "[^"]*task-0\.png"', cards), cards

        # approval: tick the setting, send a two-task request, drop a task, run the edited plan
        driver.find_element(By.XPATH, "//button[contains(., 'New conversation')]").click()
        driver.find_element(By.XPATH, "//button[contains(., 'Settings')]").click()
        B.wait_for(
            driver,
            lambda d: d.find_element(By.CSS_SELECTOR, "#hgpt-approve input").is_displayed(),
            30,
            "the settings panel",
        )
        driver.find_element(By.CSS_SELECTOR, "#hgpt-approve input").click()
        B.send_request(driver, "Caption this photo and then read the caption aloud.", [str(photo)])
        plan_box = B.wait_for(
            driver,
            lambda d: next(
                (
                    e
                    for e in d.find_elements(By.CSS_SELECTOR, "#hgpt-plan textarea")
                    if e.is_displayed() and e.get_attribute("value")
                ),
                None,
            ),
            240,
            "the plan to approve",
        )
        plan = json.loads(plan_box.get_attribute("value"))
        assert len(plan["tasks"]) >= 2, plan
        kept = {"tasks": [plan["tasks"][0]]}
        plan_box.clear()
        plan_box.send_keys(json.dumps(kept))
        driver.find_element(By.ID, "hgpt-run-edited").click()
        statuses = B.wait_for(
            driver,
            lambda d: (
                (st := B.node_statuses(d)) and set(st.values()) == {"done"} and len(st) == 1 and st
            ),
            120,
            "the edited one-task plan to finish",
        )
        assert list(statuses) == [plan["tasks"][0]["id"]]
        driver.save_screenshot(str(tmp_path / "hgpt-ui-approval.png"))

        # the page fetched nothing from outside this machine
        hosts = B.requested_hosts(driver)
        assert hosts <= {"127.0.0.1", "localhost"}, hosts
