"""WCAG 2.2 AA: axe-core finds no violation on any page type, in English, Uzbek and Russian, on a phone and a desktop.

One browser context per test, its one tab reused from page to page and resized between the two widths;
the demo office is loaded once per test. Every violation on every page is collected before the test
fails, each with its rule, impact, elements and what axe asks for.
"""

from urllib.parse import urlsplit

import pytest
from django.db.models import Count
from playwright.sync_api import Page

from intl_office.models import User
from mobility.models import Application, TripRequest
from partners.models import Institution
from tests.browser.axe import LANGUAGES, audit, axe_script, describe, localised, public_paths
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS
from tests.browser.exchange import sign_in_as
from tests.factories import UserFactory
from tests.mfa import enrolled

pytestmark = pytest.mark.browser

WIDTHS = (PHONE, DESKTOP)

# Select2 (the widget of the admin's autocomplete fields) builds its own markup: a search box with no label
# that only exists while the drop-down is open, and a <ul> holding the chosen items as bare <li>-less
# spans. The portal cannot change either; the <select> it stands for is labelled and audited.
THIRD_PARTY = (".select2-container",)


@pytest.fixture
def audit_page(request, browser, live_server):
    """A tab whose context bypasses the Content-Security-Policy, which refuses axe-core as an injected script."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="en-GB", bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    # Loaded with every page, rather than sent into each one after it loads.
    context.add_init_script(path=axe_script())
    yield context.new_page()
    context.close()


def audit_all(page: Page, paths, exclude=()):
    """Each path in each language at each width; the violations as lines, and the addresses that did not answer."""
    problems = []
    for viewport in WIDTHS:
        page.set_viewport_size(viewport)
        for language in LANGUAGES:
            for name, path in paths.items():
                address = localised(path, language)
                response = page.goto(address)
                # A page that sends the visitor elsewhere (to sign in, say) was not the one to audit.
                if response.status >= 400 or urlsplit(page.url).path != urlsplit(address).path:
                    problems.append(f"{address} ({name}) answered {response.status} at {page.url}")
                    continue
                problems += describe(f"{viewport['width']}px {address} ({name})", audit(page, exclude))
    return problems


def test_public_pages_and_the_sign_in_pages_have_no_violation(audit_page: Page, demo):
    paths = public_paths() | {"sign-in": "/accounts/login/", "sign-up": "/accounts/signup/"}
    problems = audit_all(audit_page, paths)
    assert not problems, "axe-core (WCAG 2.2 AA):\n" + "\n".join(problems)


def test_a_students_a_travellers_and_the_office_staffs_pages_have_no_violation(audit_page: Page, live_server, demo):
    # The demo's richest records: a student's application with the longest history, the member of staff with
    # the most trips, the application with the most hosts to rank and the partner with the most contacts.
    application = (
        Application.objects.filter(student__affiliation=User.Affiliation.STUDENT)
        .annotate(n=Count("events"))
        .order_by("-n", "pk")
        .select_related("student")
        .first()
    )
    student = application.student
    traveller = User.objects.annotate(n=Count("trips")).order_by("-n", "pk").first()
    trip = TripRequest.objects.filter(traveller=traveller).order_by("-pk").first()
    ranked = Application.objects.annotate(n=Count("preferences")).order_by("-n", "pk").first()
    partner = Institution.objects.annotate(n=Count("contacts")).order_by("-n", "pk").first()
    assert trip, "the demo lost its business trips"

    # A newcomer, so that the call's form opens empty rather than sending them to an application they have.
    sign_in_as(audit_page, UserFactory(username="a11y.newcomer"), live_server)
    problems = audit_all(audit_page, {"apply form": f"{public_paths()['a call']}apply/"})
    sign_in_as(audit_page, student, live_server)
    problems += audit_all(
        audit_page,
        {
            "my applications": "/my/applications/",
            "an application": f"/my/applications/{application.pk}/",
            "my profile": "/my/profile/",
        },
    )
    sign_in_as(audit_page, traveller, live_server)
    problems += audit_all(audit_page, {"my trips": "/my/trips/", "a trip": f"/my/trips/{trip.pk}/"})

    officer = enrolled(UserFactory(username="a11y.officer", is_staff=True, is_superuser=True))
    sign_in_as(audit_page, officer, live_server)
    problems += audit_all(
        audit_page,
        {
            "staff dashboard": "/staff/",
            "admin changelist": "/admin/mobility/application/",
            "admin change form": f"/admin/mobility/application/{ranked.pk}/change/",
            "admin partner form": f"/admin/partners/institution/{partner.pk}/change/",
        },
        exclude=THIRD_PARTY,
    )
    assert not problems, "axe-core (WCAG 2.2 AA):\n" + "\n".join(problems)
