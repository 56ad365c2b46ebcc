"""The main menu keeps to one line at 1440 px in every language, for visitors, students and staff, in real Chromium."""

import pytest
from django.conf import settings
from playwright.sync_api import Page

from intl_office.models import User
from tests.factories import UserFactory
from tests.users import signed_in

pytestmark = pytest.mark.browser

ITEMS = {"visitor": 9, "student": 9, "staff": 10}

# Each item's top and bottom, and the bar's height: one line means every item at the same top.
MEASURE = """() => {
  const bar = document.querySelector("nav.site-navbar");
  const items = [...bar.querySelectorAll(".navbar-nav > .nav-item")];
  return {
    bar: bar.getBoundingClientRect().height,
    tops: items.map((item) => Math.round(item.getBoundingClientRect().top)),
    heights: items.map((item) => Math.round(item.getBoundingClientRect().height)),
    labels: items.map((item) => item.textContent.trim()),
    // Lines of each item's label: a label broken over two lines is two distinct tops.
    lines: items.map((item) => {
      const range = document.createRange();
      range.selectNodeContents(item.querySelector(".nav-link"));
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }),
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  };
}"""


def sign_in_as(page: Page, live_server, who):
    if who == "visitor":
        return
    if who == "staff":
        # A member of staff with every item: the staff area and the account menu of an employee.
        user = UserFactory(
            username="staff-menu", first_name="Dilnoza", last_name="Ergasheva-Abdurakhmonova", is_staff=True
        )
        user.affiliation = User.Affiliation.EMPLOYEE
        user.save()
    else:
        user = UserFactory(username="student-menu", email="aziza.karimova@example.org")
    session = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


@pytest.mark.parametrize("who", ["visitor", "student", "staff"])
def test_the_main_menu_is_one_line_at_1440_px_in_every_language(page: Page, transactional_db, live_server, who):
    sign_in_as(page, live_server, who)
    for prefix in ("", "/uz", "/ru"):
        page.goto(f"{prefix}/partners/")
        menu = page.evaluate(MEASURE)
        where = f"{who} at {prefix or '/'}: {menu['labels']}"
        assert len(set(menu["tops"])) == 1, where
        assert set(menu["lines"]) == {1}, where
        assert menu["bar"] < 2 * max(menu["heights"]), where
        assert not menu["overflow"], where
        # The eight sections, then "Sign in", "My account", or "Staff area" and "My account".
        assert len(menu["labels"]) == ITEMS[who], where
