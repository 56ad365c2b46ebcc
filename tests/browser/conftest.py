"""Real Chromium (Debian's, never a downloaded one) driven by Playwright against pytest-django's live server.

Fixtures: ``browser`` (one per session), ``page`` (a desktop window, a fresh context per test),
``phone_page`` (a 375 px wide phone) and ``demo`` (``seed_demo`` committed for the live server).
A failing test leaves a screenshot of its page in ``.artifacts/browser/<test name>.png``.
"""

import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 375, "height": 812}
TIMEOUT_MS = 10_000
ARTIFACTS = Path(__file__).resolve().parents[2] / ".artifacts" / "browser"

_reports = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so the page fixtures know at teardown whether it failed.
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


def _failed(node):
    reports = node.stash.get(_reports, {})
    return any(report.failed for report in reports.values())


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for the whole session; a missing one fails in CI and skips elsewhere."""
    if not os.access(CHROMIUM, os.X_OK):
        message = f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium); .ci/run installs it."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def _open_page(request, browser, live_server, viewport, suffix=""):
    context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    if _failed(request.node):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name) + suffix
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            print(f"No screenshot of {request.node.nodeid}: {error}")
    context.close()


@pytest.fixture
def page(request, browser, live_server):
    """A desktop browser tab (1440×900) in a context of its own: no cookies or language left by another test."""
    yield from _open_page(request, browser, live_server, DESKTOP)


@pytest.fixture
def phone_page(request, browser, live_server):
    """A phone-sized tab (375×812) in a context of its own."""
    yield from _open_page(request, browser, live_server, PHONE, suffix="-phone")


@pytest.fixture
def demo(transactional_db):
    """The demo office from ``seed_demo``, committed so that the live server's thread sees it.

    transactional_db empties the tables after each test, so each test loads the demo anew.
    pytest-django runs with DEBUG off, which seed_demo takes for production unless forced.
    """
    call_command("seed_demo", "--force", verbosity=0, stdout=StringIO())


@pytest.fixture
def demo_tict(transactional_db):
    """The demo of the Tashkent Institute of Chemical Technology (``--profile tict``): the Shandong visit's office."""
    call_command("seed_demo", "--force", "--profile", "tict", verbosity=0, stdout=StringIO())
