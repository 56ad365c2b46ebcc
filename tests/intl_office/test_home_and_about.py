"""The department's own pages: home and about."""

import datetime
import re

import pytest

from intl_office.dates import today
from mobility.models import Direction
from tests.factories import (
    AgreementFactory,
    CallFactory,
    GrantProgramFactory,
    InstitutionFactory,
    MobilityFactory,
    PageFactory,
    ProjectFactory,
    RankingFactory,
    StaffMemberFactory,
    VisitFactory,
    VisitPhotoFactory,
)
from tests.intl_office.pages import html

pytestmark = pytest.mark.django_db


BAD_QUERY_STRINGS = [
    "?page=abc",
    "?page=99999",
    "?page=-1",
    "?sort=unknown",
    "?country=XX&kind=nope",
    "?q=" + "x" * 5000,
]


def days(n):
    return datetime.timedelta(days=n)


# --- home -------------------------------------------------------------------------------------------


def test_home_answers_200_in_every_language(client, home_institution):
    for url in ["/", "/uz/", "/ru/"]:
        assert client.get(url).status_code == 200


def test_home_answers_200_on_an_empty_database(client):
    response = client.get("/")

    assert response.status_code == 200
    assert html(response).count("<h1") == 1


def test_home_introduces_the_department(client, home_institution):
    page = html(client.get("/"))

    assert '<h1 id="page-title" class="home-hero-title">International Cooperation Department</h1>' in page
    assert "International cooperation since 2006" in page
    assert "<p>We build partnerships.</p>" in page


def test_home_shows_key_figures_from_the_database(client, home_institution):
    for country in ["TR", "TR", "DE"]:
        AgreementFactory(partner=InstitutionFactory(country=country))
    InstitutionFactory(country="KR")  # no agreement: neither a partner nor a partner country

    figures = html(client.get("/")).split('class="home-figures"')[1].split("</section>")[0]
    pairs = re.findall(r'<dt class="figure-label">(.*?)</dt>\s*<dd class="figure-value">(\d+)</dd>', figures)
    values = {re.sub(r"<[^>]+>", "", label).strip(): int(value) for label, value in pairs}

    assert values["partners with an agreement in force"] == 3
    assert values["partner countries"] == 2
    assert values["agreements in force"] == 3


def test_home_lists_open_calls_with_deadline_and_days_left(client, home_institution):
    CallFactory(title="Erasmus+ exchange to Ankara", deadline=today() + days(12))
    CallFactory(title="Closes today call", deadline=today())
    CallFactory(title="Closed call", opens_on=today() - days(30), deadline=today() - days(1))
    CallFactory(title="Upcoming call", opens_on=today() + days(3), deadline=today() + days(30))
    CallFactory(title="Unpublished call", is_published=False)

    page = html(client.get("/"))

    assert "Erasmus+ exchange to Ankara" in page and "12 days left" in page
    assert "Closes today call" in page and "closes today" in page
    assert "Closed call" not in page and "Upcoming call" not in page and "Unpublished call" not in page
    assert page.index("Closes today call") < page.index("Erasmus+ exchange to Ankara")  # soonest deadline first


def test_home_links_calls_and_visits_to_their_pages(client, home_institution):
    call = CallFactory()
    visit = VisitFactory(start_date=today() - days(3))

    page = html(client.get("/"))

    assert f'href="{call.get_absolute_url()}"' in page
    assert f'href="{visit.get_absolute_url()}"' in page


def test_home_shows_the_three_latest_public_visits(client, home_institution):
    for n in range(1, 5):
        VisitFactory(title=f"Visit number {n}", start_date=today() - days(n))
    VisitFactory(title="Private visit", start_date=today(), is_public=False)
    VisitFactory(title="Future visit", start_date=today() + days(10))
    VisitPhotoFactory(visit__title="Old visit with photo", visit__start_date=today() - days(400))

    page = html(client.get("/"))

    assert "Visit number 1" in page and "Visit number 2" in page and "Visit number 3" in page
    assert "Visit number 4" not in page
    assert "Private visit" not in page and "Future visit" not in page


def test_visit_photo_has_alt_text(client, home_institution):
    VisitPhotoFactory(visit__title="Shandong delegation", visit__start_date=today() - days(1), caption="")

    page = html(client.get("/"))

    assert 'alt="Shandong delegation"' in page


def test_home_shows_rankings(client, home_institution):
    RankingFactory(name="QS Asia", year=2024, result="Top 900 in Asia")
    RankingFactory(name="UI GreenMetric", year=2024, result="1st in Uzbekistan", url="https://greenmetric.ui.ac.id/")

    page = html(client.get("/"))

    assert "QS Asia 2024" in page and "Top 900 in Asia" in page
    assert '<a href="https://greenmetric.ui.ac.id/" rel="noopener">UI GreenMetric 2024</a>' in page


@pytest.mark.parametrize("query", BAD_QUERY_STRINGS)
def test_home_and_about_ignore_unexpected_query_strings(client, home_institution, query):
    assert client.get("/" + query).status_code == 200
    assert client.get("/about/" + query).status_code == 200


def make_home_rows(n):
    """n rows of everything the home page counts or lists."""
    program = GrantProgramFactory()
    hosts = InstitutionFactory.create_batch(3)
    for i in range(n):
        partner = InstitutionFactory(country=["TR", "DE", "KR", "CN"][i % 4])
        AgreementFactory(partner=partner)
        CallFactory(program=program, hosts=hosts, deadline=today() + days(i + 1))
        visit = VisitFactory(partner=partner, start_date=today() - days(i))
        if i < 5:
            VisitPhotoFactory(visit=visit)
        ProjectFactory(program=program)
        MobilityFactory(partner=partner, direction=Direction.OUTGOING, start_date=today(), end_date=today())
        MobilityFactory(partner=partner, direction=Direction.INCOMING, start_date=today(), end_date=today())
        RankingFactory()


@pytest.mark.parametrize("rows", [5, 200])
def test_home_query_count_does_not_grow_with_rows(client, home_institution, django_assert_num_queries, rows):
    make_home_rows(rows)
    # 1 home institution (context processor)
    # 2-5 key figures: institutions, agreements, projects, mobilities
    # 6 open calls with their programme, 7 their hosts
    # 8 latest visits with their partner, 9 their photos
    # 10 rankings
    with django_assert_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200


# --- about ------------------------------------------------------------------------------------------


def test_about_answers_200_in_every_language(client, home_institution):
    for url in ["/about/", "/uz/about/", "/ru/about/"]:
        assert client.get(url).status_code == 200


def test_about_shows_published_pages_with_anchors_paragraphs_and_lists(client, home_institution):
    PageFactory(
        title="Tasks and functions",
        slug="tasks-and-functions",
        body="The department performs the following functions:\n\n- drafts agreements;\n\n- recommends candidates.",
    )
    PageFactory(title="Draft page", is_published=False)

    page = html(client.get("/about/"))

    assert '<section class="about-section prose" id="tasks-and-functions"' in page
    assert '<a href="#tasks-and-functions">Tasks and functions</a>' in page
    assert "<p>The department performs the following functions:</p>" in page
    assert "<ul><li>drafts agreements;</li><li>recommends candidates.</li></ul>" in page
    assert "Draft page" not in page


def test_about_shows_public_staff_with_contacts(client, home_institution):
    StaffMemberFactory(
        full_name="Aziza Karimova",
        position="Head of department",
        phone="+(99891) 000 00 00",
        email="aziza@example.org",
        working_hours="08:30 - 17:00",
        reception_days="Tuesday, Wednesday and Friday 14:00-16:00",
    )
    StaffMemberFactory(full_name="Hidden Person", is_public=False)

    page = html(client.get("/about/"))

    assert "Aziza Karimova" in page and "Head of department" in page
    assert 'href="tel:+998910000000"' in page
    assert 'href="mailto:aziza@example.org"' in page
    assert "Tuesday, Wednesday and Friday 14:00-16:00" in page
    assert '<span class="staff-card-avatar" aria-hidden="true">AK</span>' in page
    assert "Hidden Person" not in page


def test_about_shows_the_department_contacts_and_hours(client, home_institution):
    contacts = html(client.get("/about/")).split('id="contacts"')[1]

    assert "Mon-Fri 09:00-18:00" in contacts and 'href="mailto:intl@example.org"' in contacts


@pytest.mark.parametrize("rows", [5, 200])
def test_about_query_count_does_not_grow_with_rows(client, home_institution, django_assert_num_queries, rows):
    PageFactory.create_batch(rows)
    StaffMemberFactory.create_batch(rows)
    # 1 home institution, 2 published pages, 3 public staff
    with django_assert_num_queries(3):
        response = client.get("/about/")
    assert response.status_code == 200
