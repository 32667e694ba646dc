import os
import tempfile
from pathlib import Path

import pytest

from tests.services import CHROMIUM

# Screenshots to look at after a run, outside the checkout unless CI asks for them elsewhere.
OUTPUT = (
    Path(os.environ.get("CWG_TEST_OUTPUT", Path(tempfile.gettempdir()) / "cwg-tests" / "output"))
    / "browser"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(live_server, tmp_path):
    """A Playwright page in the system's Chromium, its base URL the live server.

    Playwright's sync API runs an event loop in this thread, so Django's async-safety check
    must be relaxed for the test's own ORM calls.
    """
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def screenshot_path(request):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return lambda name: OUTPUT / f"{request.node.name}-{name}.png"


def sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
