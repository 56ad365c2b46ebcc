"""Staff dashboard cards show whole rows: the first six of a long list, the rest behind "Show all", in real Chromium."""

import datetime

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from intl_office.dates import today
from tests.factories import AgreementFactory, UserFactory
from tests.mfa import enrolled
from tests.users import signed_in

pytestmark = pytest.mark.browser

# Every visible row of every card lies wholly inside its card and its list's box: none is cut.
CUT_ROWS = """() => {
  const cut = [];
  for (const list of document.querySelectorAll(".staff-rows")) {
    const box = list.getBoundingClientRect();
    const card = list.closest(".card").getBoundingClientRect();
    for (const row of list.querySelectorAll("tbody > tr, :scope > li")) {
      const r = row.getBoundingClientRect();
      if (r.height === 0) continue;  // hidden until "Show all"
      if (r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.bottom > card.bottom) cut.push(row.textContent.trim());
    }
  }
  return cut;
}"""


@pytest.mark.parametrize(("width", "prefix"), [(1440, ""), (375, "/ru")])
def test_a_long_list_shows_six_whole_rows_then_all_on_demand(page: Page, transactional_db, live_server, width, prefix):
    on = today()
    for n in range(9):
        AgreementFactory(
            title=f"Memorandum of understanding on academic exchange number {n}",
            signed_on=on - datetime.timedelta(days=900),
            valid_until=on - datetime.timedelta(days=10 + n),
        )
    # A superuser with an authenticator: the roles' groups do not survive transactional_db's flush.
    officer = enrolled(UserFactory(username="officer", is_staff=True, is_superuser=True))
    session = signed_in(officer).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{prefix}/staff/")
    rows = page.locator("#expired-rows tbody > tr")
    expect(rows).to_have_count(9)
    assert [rows.nth(i).is_visible() for i in range(9)] == [True] * 6 + [False] * 3
    assert page.evaluate(CUT_ROWS) == []

    button = page.locator('[data-show-rows="expired-rows"]')
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    assert all(rows.nth(i).is_visible() for i in range(9))
    assert page.evaluate(CUT_ROWS) == []
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
