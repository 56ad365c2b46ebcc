"""A visitor's walks through the public portal in real Chromium, on the demo office from ``seed_demo``.

Locators go by role and accessible name, as a screen reader would: a link, heading or region
that cannot be found that way is an accessibility bug as much as a test failure.
"""

import datetime
import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from intl_office.models import HomeInstitution
from mobility.models import Visit, VisitMember
from programs.models import GrantProgram

pytestmark = pytest.mark.browser

PARTNER = "Shandong Jianshu University"
VISIT_DATE = datetime.date(2024, 12, 3)
PROGRAMME = "Erasmus+ Capacity Building in Higher Education (CBHE)"
PHONE_WIDTH = 375


def main_nav(page: Page, language="en"):
    with translation.override(language):
        return page.get_by_role("navigation", name=translation.gettext("Main navigation"))


def region(page: Page, heading):
    """A <section> named by its heading; headings may carry a count badge after the words."""
    return page.get_by_role("region", name=re.compile(rf"^{re.escape(heading)}\b"))


def shandong_visit():
    return (
        Visit.objects.select_related("partner")
        .prefetch_related("members", "agreements_signed__renews")
        .get(partner__name_en=PARTNER, start_date=VISIT_DATE)
    )


def test_visitor_finds_a_chinese_partner_and_reads_the_story_of_its_visit(page: Page, demo_tict):
    visit = shandong_visit()
    guests = [member for member in visit.members.all() if member.side == VisitMember.Side.GUEST]
    hosts = [member for member in visit.members.all() if member.side == VisitMember.Side.HOST]
    agreement = visit.agreements_signed.get()
    assert guests and hosts and visit.topic_list and agreement.renews, "the demo visit lost people, topics or renewal"
    assert guests[0].is_head and hosts[0].is_head, "each side of the demo visit is headed by someone"

    page.goto("/")
    main_nav(page).get_by_role("link", name="Partners", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner institutions")

    country = page.get_by_label("Country", exact=True)
    china = country.get_by_role("option", name=re.compile(r"^China \(\d+\)$")).text_content()
    country.select_option(label=china)
    page.get_by_role("button", name="Show partners").click()
    expect(page).to_have_url(re.compile(r"/partners/\?(.*&)?country=CN(&|$)"))
    expect(country).to_have_value("CN")

    in_china = int(re.search(r"\((\d+)\)", china)[1])
    results = page.get_by_role("region", name=re.compile(r"^\d+ institutions?\b"))
    expect(results.get_by_role("heading", level=2)).to_have_text(
        re.compile(rf"^{in_china} institutions?\b"), use_inner_text=True
    )
    cards = results.get_by_role("article")
    expect(cards).to_have_count(in_china)
    for card in cards.all():
        expect(card).to_contain_text("China")

    results.get_by_role("link", name=PARTNER, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PARTNER)
    visits = region(page, "Delegation visits")
    visits.get_by_role("link", name=visit.title_en, exact=True).click()

    expect(page).to_have_url(re.compile(rf"/visits/{re.escape(visit.slug)}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(visit.title_en)
    for heading, side in (("Members of the delegation", guests), ("Our representatives", hosts)):
        members = region(page, heading).get_by_role("listitem")
        expect(members).to_have_count(len(side))
        for member in side:
            expect(members.filter(has_text=member.full_name_en)).to_contain_text(member.position_en)
        expect(members.first).to_contain_text(f"{side[0].full_name_en} Head of delegation")
    expect(region(page, "Topics discussed").get_by_role("listitem")).to_have_text(visit.topic_list)

    signed = region(page, "Agreements signed during the visit")
    expect(signed).to_contain_text("Signed in an updated form")
    expect(signed.get_by_role("link", name=agreement.renews.title_en, exact=True)).to_be_visible()
    signed.get_by_role("link", name=agreement.title_en, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/partners/{re.escape(visit.partner.slug)}/#agreement-{agreement.pk}$"))
    expect(page.get_by_role("heading", name=agreement.title_en, exact=True)).to_be_in_viewport()


def test_visitor_goes_from_erasmus_plus_to_a_cbhe_project_and_its_consortium(page: Page, demo):
    programme = GrantProgram.objects.get(name_en=PROGRAMME)
    projects = list(programme.projects.order_by("-start_date", "pk"))
    assert projects, "the demo has no project under Erasmus+ CBHE"
    project = projects[0]
    memberships = list(project.memberships.select_related("institution"))
    assert memberships, f"the demo project {project.acronym} has no consortium"

    page.goto("/")
    main_nav(page).get_by_role("link", name="Programmes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grant programmes")
    page.get_by_role("link", name=PROGRAMME, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(PROGRAMME)
    listed = region(page, "Projects")
    expect(listed.get_by_role("listitem")).to_have_count(len(projects))
    listed.get_by_role("link", name=project.acronym, exact=True).click()

    expect(page).to_have_url(re.compile(rf"/projects/{re.escape(project.slug)}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(project.acronym)
    consortium = region(page, "Consortium")
    expect(consortium.get_by_role("heading", level=2)).to_contain_text(f"{len(memberships)} members")
    expect(consortium.get_by_role("listitem")).to_have_count(len(memberships))
    for membership in memberships:
        expect(consortium.get_by_role("listitem").filter(has_text=membership.institution.name_en)).to_contain_text(
            membership.get_role_display()
        )
    coordinator = consortium.get_by_role("listitem").filter(has_text="Coordinator")
    expect(coordinator).to_have_count(sum(m.role == "coordinator" for m in memberships))


def test_visitor_switches_the_visit_story_to_uzbek_and_then_russian(page: Page, live_server, demo_tict):
    visit = shandong_visit()
    department = HomeInstitution.load()
    page.goto(visit.get_absolute_url())
    english_labels = main_nav(page).get_by_role("link").all_inner_texts()
    assert "Partners" in english_labels, english_labels
    untranslated = {}

    for language, button in (("uz", re.compile(r"^O.zbekcha$")), ("ru", re.compile(r"^Русский$"))):
        page.get_by_role("banner").get_by_role("button", name=button).click()

        expect(page).to_have_url(f"{live_server.url}/{language}/visits/{visit.slug}/")
        expect(page.locator("html")).to_have_attribute("lang", language)
        title = getattr(visit, f"title_{language}")
        assert title and title != visit.title_en, f"the demo visit has no {language} title"
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_role("banner")).to_contain_text(getattr(department, f"department_name_{language}"))

        with translation.override(language):
            expected = [translation.gettext(label) for label in english_labels]
        expect(main_nav(page, language).get_by_role("link")).to_have_text(expected)
        untranslated[language] = [
            label for label, shown in zip(english_labels, expected, strict=True) if shown == label
        ]

    assert not any(untranslated.values()), f"navigation labels still in English (no translation yet): {untranslated}"


def assert_no_sideways_scroll(page: Page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width} px wide on a {PHONE_WIDTH} px phone"


def open_menu(page: Page):
    toggler = page.get_by_role("button", name="Menu")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(main_nav(page).get_by_role("link", name="Partners", exact=True)).to_be_hidden()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    return main_nav(page)


def test_phone_visitor_uses_the_collapsed_menu_and_never_scrolls_sideways(phone_page: Page, demo):
    page = phone_page
    # The jizpi demo: a Turkish partner's visit, then a CBHE project (the Shandong visit is the tict profile's).
    visit = Visit.objects.select_related("partner").get(slug="2023-09-19-istanbul-technical-university")
    page.goto("/")
    assert_no_sideways_scroll(page)

    open_menu(page).get_by_role("link", name="Partners", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner institutions")
    assert_no_sideways_scroll(page)
    country = page.get_by_label("Country", exact=True)
    country.select_option(value="TR")
    page.get_by_role("button", name="Show partners").click()
    expect(page).to_have_url(re.compile(r"country=TR"))
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name=visit.partner.name_en, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(visit.partner.name_en)
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name=visit.title_en, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(visit.title_en)
    assert_no_sideways_scroll(page)

    open_menu(page).get_by_role("link", name="Programmes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grant programmes")
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name=PROGRAMME, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PROGRAMME)
    assert_no_sideways_scroll(page)
    region(page, "Projects").get_by_role("link").first.click()
    expect(region(page, "Consortium")).to_be_visible()
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("path", ["/", "/partners/"])
def test_keyboard_user_tabs_to_the_skip_link_first_and_it_moves_focus_to_main(page: Page, path):
    # No demo data needed: the skip link and <main> are the layout's.
    page.goto(path)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.get_by_role("main")).to_be_focused()
