"""Drive ``hgpt ui`` in headless Chromium: the browser test and the README screenshot script.

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium chromium-driver``)
and ``selenium`` (the ``test`` extra). Selenium is given the driver's path, so it never tries to
download one. Every wait is bounded; :func:`serve` always stops the server it started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1500",
)


def find_chromium() -> tuple[str, str] | None:
    """Paths of the Chromium browser and its driver, or ``None`` when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None
    )
    return (browser, driver) if browser and driver else None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(
    args: list[str], env: dict[str, str], log: Path, *, port: int, timeout: float = 180.0
) -> Iterator[str]:
    """Run ``hgpt ui --port PORT ARGS`` in a subprocess until the block ends.

    Args:
        args: More ``hgpt ui`` arguments.
        env: The server's environment.
        log: File receiving the server's output.
        port: Port on 127.0.0.1.
        timeout: Seconds to wait for the page to answer.

    Yields:
        The app's URL.
    """
    url = f"http://127.0.0.1:{port}/"
    cmd = [sys.executable, "-m", "hgpt_langchain.cli", "ui", "--host", "127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*cmd, "--port", str(port), *args], env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(
                        f"hgpt ui exited with {proc.returncode}:\n{log.read_text()[-3000:]}"
                    )
                try:
                    with urllib.request.urlopen(url, timeout=5) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"hgpt ui did not answer on {url} in {timeout:.0f}s")
                time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(15)


@contextlib.contextmanager
def chromium(user_data_dir: Path, paths: tuple[str, str] | None = None) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile; quit when the block ends."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = paths or find_chromium()
    if paths is None:
        raise RuntimeError("Chromium or chromedriver is not installed.")
    opts = webdriver.ChromeOptions()
    opts.binary_location = paths[0]
    for flag in CHROMIUM_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={user_data_dir}")
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: Any, condition: Any, timeout: float, what: str) -> Any:
    """Wait at most ``timeout`` seconds for ``condition(driver)`` to be truthy."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)
    except TimeoutException as err:
        raise TimeoutError(f"Timed out after {timeout:.0f}s waiting for {what}") from err


def node_statuses(driver: Any) -> dict[int, str]:
    """Status of each plan DAG node on the page."""
    # read in one script: the DAG is re-rendered as events arrive, so element handles go stale
    pairs = driver.execute_script(
        "return Array.from(document.querySelectorAll('#hgpt-dag g.hgpt-node'))"
        ".map(n => [n.getAttribute('data-task-id'), n.getAttribute('data-status')]);"
    )
    return {int(tid): status for tid, status in pairs or []}


def open_app(driver: Any, url: str, timeout: float = 60.0) -> None:
    """Load the app and wait until the request box is there."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    wait_for(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, "#hgpt-input textarea"),
        timeout,
        "the request box",
    )


def send_request(driver: Any, text: str, files: list[str] = (), timeout: float = 60.0) -> None:
    """Attach files to the request box, type the request and press Enter."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    for f in files:
        before = len(driver.find_elements(By.CSS_SELECTOR, "#hgpt-input .thumbnail-item"))
        upload = driver.find_element(By.CSS_SELECTOR, "#hgpt-input input[type=file]")
        upload.send_keys(str(f))
        wait_for(
            driver,
            lambda d, n=before: (
                len(d.find_elements(By.CSS_SELECTOR, "#hgpt-input .thumbnail-item")) > n
            ),
            timeout,
            f"the upload of {Path(f).name}",
        )
    box = driver.find_element(By.CSS_SELECTOR, "#hgpt-input textarea")
    box.click()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def wait_until_finished(driver: Any, timeout: float) -> dict[int, str]:
    """Wait until the DAG has nodes and none is pending or running; returns their statuses."""

    def finished(d: Any) -> dict[int, str] | None:
        st = node_statuses(d)
        return st if st and all(s not in ("pending", "running") for s in st.values()) else None

    return wait_for(driver, finished, timeout, "every DAG node to finish")


def requested_hosts(driver: Any) -> set[str]:
    """Hosts of every request the page made (from Chromium's performance log)."""
    import json
    from urllib.parse import urlparse

    hosts = set()
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            u = urlparse(msg["params"]["request"]["url"])
            if u.scheme in ("http", "https", "ws", "wss"):
                hosts.add(u.hostname or "")
    return hosts


def server_env(workspace: Path, **extra: str) -> dict[str, str]:
    """The server's environment: this one, offline, with the dry-run executor by default."""
    env = dict(os.environ)
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        GRADIO_ANALYTICS_ENABLED="False",
        HGPT_STUDIO_DRY_RUN="1",
        HGPT_STUDIO_DRY_RUN_SECONDS="0.6",
        HGPT_WORKSPACE_DIR=str(workspace),
    )
    env.update(extra)
    return env
