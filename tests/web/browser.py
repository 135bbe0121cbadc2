"""Headless Chromium (Debian's chromium and chromium-driver) driven by selenium, and axe-core
(from npm) injected into pages for an accessibility check."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE_VARIABLE = "COACHPOOL_AXE_JS"  # where .ci/run put axe.min.js


def missing() -> str:
    """Why the browser tests cannot run here; empty when they can."""
    if not (Path(CHROMIUM).exists() and shutil.which(CHROMEDRIVER)):
        return (
            "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
        )
    return ""


def axe_script() -> str | None:
    path = os.environ.get(AXE_VARIABLE, "")
    return Path(path).read_text(encoding="utf-8") if path and Path(path).exists() else None


@contextmanager
def chromium(*, width: int = 1280, height: int = 900) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", f"--window-size={width},{height}"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def sign_in_in_browser(driver: webdriver.Chrome, link: str) -> None:
    """Open the link from the chat and press its one button, as a person would."""
    driver.get(link)
    press(driver, driver.find_element(By.ID, "sign-in"))


def press(driver: webdriver.Chrome, button: WebElement) -> None:
    """Press a button that submits a form and wait for the page it leads to: reading the
    page straight after a click can find the old page's elements going stale under it."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 30).until(_left_the_document(old_page))


def _left_the_document(element: WebElement) -> Callable[[webdriver.Chrome], bool]:
    """Selenium's `staleness_of`, but also taking Chromium's other answer for an element of
    a page already replaced ("Node with given id does not belong to the document", which
    it sometimes gives instead of a stale element while the new page loads)."""

    def gone(_: webdriver.Chrome) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error.msg):
                return True
            raise
        return False

    return gone


def heading(driver: webdriver.Chrome) -> str:
    return str(driver.find_element(By.TAG_NAME, "h1").text)


def axe_violations(driver: webdriver.Chrome, script: str) -> list[dict[str, Any]]:
    """Serious and critical violations of WCAG 2.x A and AA (and 2.2 AA) rules on the page.
    The page's Content-Security-Policy forbids scripts; WebDriver's injection is exempt."""
    driver.execute_script(script)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
        ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: "
        "'critical', description: String(e), nodes: []}]));"
    )
    return [v for v in result if v.get("impact") in {"serious", "critical"}]
