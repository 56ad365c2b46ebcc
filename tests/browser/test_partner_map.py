"""The partner map in real Chromium: a visitor clicks a country on the world map and lands on its partners."""

import re

import pytest
from playwright.sync_api import Page, expect

from partners.models import Institution

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375


def chinese_partners():
    return Institution.objects.public().filter(country="CN").count()


def test_visitor_clicks_china_on_the_map_and_sees_its_partners(page: Page, demo):
    total = chinese_partners()
    assert total > 1, "the demo has several Chinese partners"
    page.goto("/partners/")
    world = page.get_by_role("region", name="Where our partners are")
    china = world.get_by_role("link", name=f"China: {total} institutions", exact=True)
    expect(world.get_by_role("link")).not_to_have_count(0)
    china.click()

    expect(page).to_have_url(re.compile(r"/partners/\?country=CN$"))
    expect(page.get_by_role("heading", level=2, name=re.compile(rf"^{total} institutions"))).to_be_visible()
    expect(page.get_by_label("Country", exact=True)).to_have_value("CN")
    # The map marks where the list is now.
    selected = page.get_by_role("region", name="Where our partners are").locator('a[aria-current="true"]')
    expect(selected).to_have_attribute("href", "/partners/?country=CN")


def test_phone_visitor_taps_a_country_on_the_uzbek_map_without_scrolling_sideways(phone_page: Page, demo):
    page = phone_page
    total = chinese_partners()
    page.goto("/uz/partners/")
    svg = page.locator("svg.partner-map-svg")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] <= PHONE_WIDTH and box["height"] > 100, box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH

    # Named by its <title>, in Uzbek.
    china = svg.get_by_role("link", name=re.compile(rf"^Xitoy: {total}\b"))
    expect(china).to_have_attribute("href", "/uz/partners/?country=CN")
    china.click()
    expect(page).to_have_url(re.compile(r"/uz/partners/\?country=CN$"))
    expect(page.locator("#id_country")).to_have_value("CN")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_keyboard_user_reaches_a_country_on_the_map_and_follows_it(page: Page, demo):
    page.goto("/partners/")
    world = page.get_by_role("region", name="Where our partners are")
    first = world.locator("svg a").first
    href = first.get_attribute("href")
    world.get_by_role("link", name="The same figures as a list").focus()
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
