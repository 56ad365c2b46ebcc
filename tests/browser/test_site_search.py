"""A visitor searches the whole site from the header's box, in Uzbek on a desktop and in Russian on a phone."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from partners.models import Institution

pytestmark = pytest.mark.browser


def _(language, text):
    with translation.override(language):
        return translation.gettext(text)


def partners_shown(page: Page, language):
    section = page.get_by_role("region", name=re.compile(rf"^{re.escape(_(language, 'Partner institutions'))}(\s|$)"))
    expect(section.locator(".search-result-title").first).to_be_visible()
    return [link.text_content().strip() for link in section.locator(".search-result-title").all()]


def test_a_visitor_types_xitoy_in_the_header_on_uz_and_lands_on_the_chinese_partners(page: Page, demo):
    chinese = set(Institution.objects.public().filter(country="CN").values_list("name_en", flat=True))
    assert len(chinese) >= 2, "the demo has partners in China"

    page.goto("/uz/")
    box = page.get_by_role("search", name=_("uz", "Search the site")).first
    box.get_by_role("searchbox").fill("Xitoy")
    box.get_by_role("searchbox").press("Enter")

    expect(page).to_have_url(re.compile(r"/uz/search/\?q=Xitoy$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(_("uz", "Search"))
    shown = partners_shown(page, "uz")
    assert shown and set(shown) <= chinese

    page.get_by_role("link", name=shown[0], exact=True).click()
    expect(page).to_have_url(re.compile(r"/uz/partners/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(shown[0])


def test_on_a_phone_the_search_box_is_in_the_menu_and_finds_tashkent_in_cyrillic(phone_page: Page, demo):
    in_tashkent = set(Institution.objects.public().filter(city_en="Tashkent").values_list("name_en", flat=True))
    assert in_tashkent, "the demo has partners in Tashkent"

    phone_page.goto("/ru/")
    expect(phone_page.locator("#site-search-q")).to_be_hidden()
    phone_page.get_by_role("button", name=_("ru", "Menu")).click()
    box = phone_page.locator("#site-search-menu-q")
    box.fill("Ташкент")
    phone_page.get_by_role("search", name=_("ru", "Search the site")).get_by_role("button").last.click()

    expect(phone_page).to_have_url(re.compile(r"/ru/search/\?q="))
    shown = partners_shown(phone_page, "ru")
    assert shown and set(shown) & in_tashkent
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
