"""The pages work under the Content-Security-Policy: Chromium reports no violation on any of them.

A violation is both a console error ("Refused to ...") and a ``securitypolicyviolation`` event;
the test listens for both, on the public pages, the sign-in pages, the second-factor set-up and
the admin pages staff use (their scripts: filters, date pickers, inlines, autocomplete).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ApplicationFactory, InstitutionFactory, UserFactory
from tests.mfa import answer_code_prompt, enrolled

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def watch(page: Page):
    """Every CSP complaint the page makes from now on, console and event alike."""
    complaints = []
    page.on(
        "console",
        lambda message: complaints.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.add_init_script(COLLECT_VIOLATIONS)
    return complaints


def visit(page: Page, path, complaints):
    response = page.goto(path)
    assert response.status < 400, f"{path} answered {response.status}"
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{path}: {violations}"
    assert complaints == [], f"{path}: {complaints}"
    return response


def test_public_and_sign_in_pages_break_no_rule(page: Page, transactional_db):
    complaints = watch(page)
    for path in ("/", "/partners/", "/programs/", "/statistics/", "/accounts/login/", "/accounts/signup/"):
        response = visit(page, path, complaints)
        # Scripts only from the portal's files: the pages carry no inline script, so a page served
        # from the cache needs no nonce of its own (intl_office/page_cache.py).
        script_src = re.search(r"script-src ([^;]+)", response.headers["content-security-policy"])[1]
        assert "'self'" in script_src and "'unsafe-inline'" not in script_src
        assert "<script>" not in page.content() and "<script nonce" not in page.content()
    # The menu's script (vendored Bootstrap) runs: on a phone-narrow window the toggler opens it.
    page.set_viewport_size({"width": 375, "height": 800})
    page.get_by_role("button", name="Menu").click()
    expect(page.locator("#site-nav")).to_be_visible()
    assert complaints == []


def test_staff_sign_in_with_a_second_factor_and_use_the_admin_without_a_violation(page: Page, transactional_db):
    officer = enrolled(UserFactory(username="officer", is_staff=True, is_superuser=True))
    institution = InstitutionFactory()
    application = ApplicationFactory()
    complaints = watch(page)

    visit(page, "/admin/", complaints)
    page.get_by_label("E-mail or username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    answer_code_prompt(page, officer)
    expect(page.get_by_role("link", name="Institutions").first).to_be_visible()

    for path in (
        "/admin/",
        "/admin/partners/institution/",
        "/admin/partners/institution/add/",
        f"/admin/partners/institution/{institution.pk}/change/",
        "/admin/partners/agreement/add/",
        "/admin/mobility/application/",
        f"/admin/mobility/application/{application.pk}/change/",
        "/admin/mobility/visit/add/",
        "/admin/auditlog/logentry/",
        "/admin/intl_office/user/",
        "/staff/",
        "/staff/reports/",
        "/accounts/2fa/",
    ):
        visit(page, path, complaints)
    # django-import-export's "Select all" box (an inline handler, allowed by its hash) works.
    visit(page, "/admin/partners/institution/export/", complaints)
    toggle = page.locator("input.select-toggle")
    toggle.uncheck()
    expect(page.locator("input[type=checkbox][name^='institutionresource_']").first).not_to_be_checked()
    assert page.evaluate("window.__cspViolations") == [] and complaints == []
    # The admin's own scripts run: the calendar widget of a date field opens.
    visit(page, "/admin/partners/agreement/add/", complaints)
    page.locator(".datetimeshortcuts a").filter(has_text="Today").first.click()
    assert page.locator("input[name='signed_on']").input_value()
    assert complaints == []


def test_office_staff_without_a_second_factor_set_one_up_before_the_admin(page: Page, transactional_db):
    UserFactory(username="newcomer", is_staff=True, is_superuser=True)
    complaints = watch(page)

    visit(page, "/admin/", complaints)
    page.get_by_label("E-mail or username").fill("newcomer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # allauth asks for the password once more before an authenticator is added.
    expect(page).to_have_url("/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F")
    expect(page.get_by_text("needs a second factor")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url("/accounts/2fa/totp/activate/")
    assert page.evaluate("window.__cspViolations") == []  # the QR code (a data: image) is allowed
    assert page.locator("img[src^='data:image/svg+xml']").first.evaluate("image => image.naturalWidth") > 0
    assert complaints == []
