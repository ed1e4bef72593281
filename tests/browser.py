"""Headless Chromium for the review-page tests: Debian's ``chromium`` driven through its own
``chromedriver`` with Selenium.

Why this driver: the browser and its driver come from one Debian package pair, so their versions
always match, and nothing is downloaded at run time (Playwright wants its own browser build, which
cannot be fetched here, and is not promised to work with another; Selenium is told where both
binaries are, so its driver manager never runs). The driver talks to the browser over 127.0.0.1,
which the network namespace of ``.ci/run`` keeps.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("SUMMARIZER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("SUMMARIZER_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--lang=en-US",
]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium chromium-driver)"
    if not CHROMEDRIVER.exists():
        return f"{CHROMEDRIVER} is missing (apt-get install -y chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


def start(profile: Path, width: int = 1280, height: int = 900) -> Any:
    """A fresh headless Chromium with its own profile directory; ``quit()`` it when done."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    # Selenium's driver manager must never look for a driver on the network.
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile}")
    # An alert stays open for the test to see, instead of being dismissed by the driver.
    options.set_capability("unhandledPromptBehavior", "ignore")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # Any alert(), confirm() or prompt() a page calls is recorded (the page's own script never does).
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {
            "source": "window.__dialogs = [];"
            "['alert','confirm','prompt'].forEach(function (n) {"
            "  window[n] = function () { window.__dialogs.push(n); }; });"
        },
    )
    return driver


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = 10.0) -> Any:
    """Poll until ``condition(driver)`` is truthy (no fixed sleeps); its value. An element that
    a page redraws meanwhile (it re-renders as data arrives) is looked up again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, timeout, 0.05, ignored_exceptions=ignored).until(condition)


def click(driver: Any, selector: str) -> None:
    """Click the element a CSS selector names, looking it up again if the page redraws it."""

    def clicked(d: Any) -> bool:
        d.find_element("css selector", selector).click()
        return True

    wait_for(driver, clicked)


def remove_profile(profile: Path) -> None:
    shutil.rmtree(profile, ignore_errors=True)
