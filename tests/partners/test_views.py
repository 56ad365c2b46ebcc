"""The partner directory (/partners/) and a partner's page (/partners/<slug>/)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import Direction, Mobility
from partners.models import Agreement, Institution
from tests.factories import (
    AgreementFactory,
    CooperationAreaFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    MobilityFactory,
    ProjectFactory,
    ProjectMemberFactory,
    VisitFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

TODAY = datetime.date.today()
LIST_URL = "/partners/"


def days(n):
    return datetime.timedelta(days=n)


def page_text(response):
    assert response.status_code == 200
    return response.content.decode()


def card_names(response):
    """The partner names linked from the result cards, in page order."""
    return re.findall(r'class="stretched-link[^"]*" href="[^"]+">([^<]+)</a>', page_text(response))


# The directory


def test_directory_lists_public_partners_and_hides_inactive_ones(client):
    InstitutionFactory(name="Gazi University")
    InstitutionFactory(name="Closed Partnership University", is_active=False)
    response = client.get(LIST_URL)
    assert card_names(response) == ["Gazi University"]
    assert "Closed Partnership University" not in page_text(response)


def test_directory_has_one_h1_a_title_and_a_meta_description(client):
    InstitutionFactory(country="CN")
    html = page_text(client.get(LIST_URL))
    assert html.count("<h1") == 1
    assert "<title>Partner institutions" in html
    assert re.search(r'<meta name="description" content="[^"]*1 partner in 1 country\.', html)


@pytest.mark.parametrize(("partners", "text"), [(1, "1 partner\n"), (3, "3 partners\n"), (0, "0 partners\n")])
def test_directory_says_how_many_partners_match(client, partners, text):
    InstitutionFactory.create_batch(partners)
    assert text in page_text(client.get(LIST_URL))


def test_card_shows_country_city_kind_and_agreement_badge(client):
    partner = InstitutionFactory(name="Shandong Jianzhu University", country="CN", city="Jinan")
    AgreementFactory(partner=partner)
    html = page_text(client.get(LIST_URL))
    # No flag emoji: Windows draws them as two letters, machines without an emoji font as boxes.
    assert "\U0001f1e8\U0001f1f3" not in html
    assert "China, Jinan" in html
    assert "University</span>" in html
    assert "Agreement in force</span>" in html


def test_card_without_agreement_in_force_has_no_badge(client):
    InstitutionFactory()
    assert "Agreement in force</span>" not in page_text(client.get(LIST_URL))


def test_partner_without_logo_shows_initials(client):
    InstitutionFactory(name="Shandong Jianzhu University", short_name="")
    InstitutionFactory(name="Belarusian State Pedagogical University", short_name="BSPU")
    html = page_text(client.get(LIST_URL))
    assert 'aria-hidden="true">SJ</span>' in html
    assert 'aria-hidden="true">BSPU</span>' in html


def test_filters_narrow_the_directory_page(client):
    area = CooperationAreaFactory(name="Student exchange", slug="student-exchange")
    wanted = InstitutionFactory(name="Wanted University", country="CN", city="Jinan")
    wanted.cooperation_areas.add(area)
    AgreementFactory(partner=wanted)
    InstitutionFactory(name="Other Chinese University", country="CN")
    InstitutionFactory(name="Turkish University", country="TR").cooperation_areas.add(area)
    response = client.get(LIST_URL, {"country": "CN", "area": "student-exchange", "in_force": "yes", "q": "jinan"})
    assert card_names(response) == ["Wanted University"]
    assert "1 partner\n" in page_text(response)


def test_filter_form_is_a_labelled_get_form_with_a_reset_link(client):
    InstitutionFactory()
    html = page_text(client.get(LIST_URL))
    assert re.search(r'<form method="get" action="/partners/"', html)
    for name in ["q", "country", "kind", "area", "in_force", "sort"]:
        assert f'<label for="id_{name}" class="form-label">' in html
        assert f'id="id_{name}"' in html
    assert '<a href="/partners/" class="btn btn-outline-primary">Reset filters</a>' in html


def test_filter_form_keeps_the_visitors_choices(client):
    InstitutionFactory(country="CN")
    html = page_text(client.get(LIST_URL, {"country": "CN", "q": "Example"}))
    assert '<option value="CN" selected>China (1)</option>' in html
    assert 'value="Example"' in html


def test_invalid_filter_shows_the_error_and_no_partners(client):
    InstitutionFactory(name="Gazi University", country="TR")
    response = client.get(LIST_URL, {"country": "XX"})
    html = page_text(response)
    assert card_names(response) == []
    assert "Some filters are not valid" in html
    assert 'id="id_country-error"' in html
    assert 'aria-invalid="true"' in html
    assert "Download partners:" not in html  # the open data would answer 400 for these filters


def test_no_match_offers_a_way_back_to_all_partners(client):
    InstitutionFactory(name="Gazi University")
    html = page_text(client.get(LIST_URL, {"q": "nothing-like-this"}))
    assert "No partner matches these filters." in html


def test_sort_newest_orders_the_cards(client):
    for name in ["First added", "Second added"]:
        InstitutionFactory(name=name)
    assert card_names(client.get(LIST_URL, {"sort": "newest"})) == ["Second added", "First added"]
    assert card_names(client.get(LIST_URL, {"sort": "whatever"})) == ["First added", "Second added"]


def test_partners_by_country_links_filter_the_list(client):
    InstitutionFactory.create_batch(3, country="CN")
    InstitutionFactory(country="TR")
    html = page_text(client.get(LIST_URL, {"country": "TR"}))
    china = re.search(r'href="/partners/\?country=CN" class="country-link">.*?</a>', html, re.S).group()
    assert "China</span>" in china
    assert '<span class="fw-semibold">3<' in china
    assert 'href="/partners/?country=TR" class="country-link is-selected" aria-current="true"' in html
    assert 'style="width: 100%"' in html  # China, the largest, draws the full bar
    assert 'style="width: 33%"' in html


def test_download_links_carry_the_filters_but_not_the_page(client):
    InstitutionFactory(country="CN")
    html = page_text(client.get(LIST_URL, {"country": "CN", "page": "1"}))
    assert 'href="/partners/data.csv?country=CN"' in html
    assert 'href="/partners/data.json?country=CN"' in html
    assert 'href="/partners/agreements.csv?country=CN"' in html
    assert 'href="/partners/agreements.json?country=CN"' in html


def test_directory_speaks_the_visitors_language(client):
    InstitutionFactory(name_en="Kazan Federal University", name_ru="Казанский федеральный университет", country="RU")
    response = client.get("/ru/partners/")
    assert card_names(response) == ["Казанский федеральный университет"]
    assert 'href="/ru/partners/kazan-federal-university/"' in page_text(response)


# Pagination


@pytest.fixture
def thirty_partners():
    return [InstitutionFactory(name=f"Partner {n:02d}") for n in range(30)]


def test_directory_shows_24_partners_a_page(client, thirty_partners):
    first = client.get(LIST_URL)
    assert len(card_names(first)) == 24
    assert "(showing 1–24)" in page_text(first)
    second = client.get(LIST_URL, {"page": "2"})
    assert card_names(second) == [f"Partner {n:02d}" for n in range(24, 30)]


def test_page_links_keep_the_filters(client, thirty_partners):
    html = page_text(client.get(LIST_URL, {"q": "Partner", "sort": "name"}))
    assert 'href="?q=Partner&amp;sort=name&amp;page=2" rel="next"' in html


@pytest.mark.parametrize(
    ("page", "first_name"),
    [
        ("abc", "Partner 00"),  # not a number: the first page
        ("1.5", "Partner 00"),
        ("", "Partner 00"),
        ("99999", "Partner 24"),  # past the end: the last page
        ("-1", "Partner 24"),
        ("0", "Partner 24"),
    ],
)
def test_bad_page_numbers_fall_back_to_the_first_or_last_page(client, thirty_partners, page, first_name):
    response = client.get(LIST_URL, {"page": page})
    assert card_names(response)[0] == first_name


# No input answers 500


NO_500_QUERIES = [
    {"page": "abc"},
    {"page": "99999"},
    {"page": "-1"},
    {"page": "1e10"},
    {"country": "XX"},
    {"country": "cn"},
    {"country": ["CN", "TR"]},
    {"kind": "spaceship"},
    {"area": "no-such-area"},
    {"in_force": "maybe"},
    {"sort": "-password"},
    {"sort": "name,country"},
    {"q": "x" * 5000},
    {"q": "word " * 1000},
    {"q": "' OR 1=1 --"},
    {"q": "%_\\"},
    {"q": "null\x00byte"},
    {"q": "Ташкент", "country": "", "kind": "", "area": "", "in_force": ""},
    {"unknown": "parameter"},
]


@pytest.mark.parametrize("params", NO_500_QUERIES)
def test_directory_never_answers_500(client, params):
    InstitutionFactory(country="CN")
    assert client.get(LIST_URL, params).status_code == 200


def test_very_long_search_explains_the_limit(client):
    html = page_text(client.get(LIST_URL, {"q": "x" * 5000}))
    assert "Ensure this value has at most 200 characters" in html


# Queries


@pytest.mark.parametrize("rows", [5, 200])
def test_directory_query_count_does_not_grow_with_partners(client, django_assert_num_queries, rows):
    area = CooperationAreaFactory(slug="student-exchange")
    for n in range(rows):
        partner = InstitutionFactory(country=["CN", "TR", "RU", "KZ"][n % 4])
        partner.cooperation_areas.add(area)
        AgreementFactory(partner=partner)
    # 1 country counts (select choices and the chart), 2 count for the paginator, 3 the page of
    # partners with their agreement-in-force flag, 4 their cooperation areas (prefetch), 5 the
    # home institution (base.html), 6 the cooperation areas of the select, 7 validating ?area=.
    with django_assert_num_queries(7):
        response = client.get(LIST_URL, {"country": "CN", "area": "student-exchange", "sort": "country"})
    assert response.status_code == 200
    with django_assert_num_queries(6):
        assert client.get(LIST_URL, {"page": "2"}).status_code == 200


# A partner's page


@pytest.fixture
def partner():
    return InstitutionFactory(
        name="Shandong Jianzhu University",
        short_name="SDJZU",
        country="CN",
        city="Jinan",
        website="https://www.sdjzu.example.org/",
        description="A partner in civil engineering.\n\nSecond paragraph.",
    )


def detail(client, institution, language=""):
    prefix = f"/{language}" if language else ""
    with translation.override("en"):  # the path without a language prefix; the prefix comes first
        path = reverse("partners:institution-detail", kwargs={"slug": institution.slug})
    return client.get(prefix + path)


def test_partner_page_shows_who_the_partner_is(client, partner):
    partner.cooperation_areas.add(CooperationAreaFactory(name="Joint research", slug="joint-research"))
    html = page_text(detail(client, partner))
    assert html.count("<h1") == 1
    assert '<h1 class="mb-1 text-break">Shandong Jianzhu University</h1>' in html
    assert "<title>Shandong Jianzhu University" in html
    assert "SDJZU" in html
    assert "China, Jinan" in html
    assert "<p>A partner in civil engineering.</p>" in html
    assert '<a href="/partners/?area=joint-research">Joint research</a>' in html
    assert '<a href="https://www.sdjzu.example.org/" rel="noopener noreferrer external" target="_blank">' in html


def test_partner_page_is_404_for_inactive_and_unknown_partners(client):
    hidden = InstitutionFactory(is_active=False)
    assert detail(client, hidden).status_code == 404
    assert client.get("/partners/no-such-partner/").status_code == 404
    assert client.get("/ru/partners/no-such-partner/").status_code == 404


def test_partner_page_lists_public_agreements_with_status_badges(client, partner):
    active = AgreementFactory(partner=partner, title="Active memorandum")
    expiring = AgreementFactory(
        partner=partner, title="Expiring agreement", signed_on=TODAY - days(700), valid_until=TODAY + days(30)
    )
    expired = AgreementFactory(
        partner=partner, title="Old agreement", signed_on=TODAY - days(900), valid_until=TODAY - days(10)
    )
    draft = AgreementFactory(partner=partner, title="Draft agreement", signed_on=None, valid_until=None)
    AgreementFactory(partner=partner, title="Confidential annex", is_public=False)
    html = page_text(detail(client, partner))
    for agreement, badge, label in [
        (active, "text-bg-success", "Active"),
        (expiring, "text-bg-warning", "Expiring soon"),
        (expired, "text-bg-secondary", "Expired"),
        (draft, "text-bg-light", "Draft"),
    ]:
        assert f'id="agreement-{agreement.pk}"' in html
        block = html[html.index(f'id="agreement-{agreement.pk}"') :]
        assert re.match(rf'.*?<span class="badge {badge}[^"]*">{label}</span>', block, re.S)
    assert "Confidential annex" not in html
    assert "Not signed yet" in html


def test_agreement_address_points_at_its_anchor_on_the_partner_page(client, partner):
    agreement = AgreementFactory(partner=partner)
    path, anchor = agreement.get_absolute_url().split("#")
    assert f'id="{anchor}"' in page_text(client.get(path))


def test_partner_page_shows_agreement_details_and_quotas(client, partner):
    AgreementFactory(
        partner=partner,
        kind=Agreement.Kind.EXCHANGE,
        reference_number="TICT-2024-112",
        scope="Exchange of students and staff.",
        student_places_out=5,
        student_places_in=3,
        staff_places_out=2,
        staff_places_in=1,
    )
    html = page_text(detail(client, partner))
    assert "Exchange agreement" in html
    assert "TICT-2024-112" in html
    assert "Exchange of students and staff." in html
    assert re.search(r"Students</th><td[^>]*>5</td><td[^>]*>3</td>", html)
    assert re.search(r"Staff</th><td[^>]*>2</td><td[^>]*>1</td>", html)


def test_partner_page_links_an_agreement_and_its_renewal_both_ways(client, partner):
    old = AgreementFactory(partner=partner, title="Memorandum 2019", signed_on=TODAY - days(2000), valid_until=None)
    new = AgreementFactory(partner=partner, title="Memorandum in an updated form", renews=old)
    html = page_text(detail(client, partner))
    assert re.search(rf'Renews</dt>\s*<dd[^>]*><a href="#agreement-{old.pk}">Memorandum 2019</a>', html)
    renewal = rf'Renewed by</dt>\s*<dd[^>]*><a href="#agreement-{new.pk}">Memorandum in an updated form</a>'
    assert re.search(renewal, html)


def test_renewal_of_an_internal_agreement_does_not_name_it(client, partner):
    internal = AgreementFactory(partner=partner, title="Internal memorandum", is_public=False)
    AgreementFactory(partner=partner, title="Public renewal", renews=internal)
    html = page_text(detail(client, partner))
    assert "Internal memorandum" not in html
    assert "Renews</dt>" not in html


def test_partner_page_shows_active_joint_programmes_projects_and_public_visits(client, partner):
    JointProgrammeFactory(partner=partner, name="Primary education", years_home=3, years_partner=1)
    JointProgrammeFactory(partner=partner, name="Closed programme", is_active=False)
    project = ProjectFactory(acronym="GREENCHEM", title="Green chemistry curricula")
    ProjectMemberFactory(project=project, institution=partner, role="coordinator")
    visit = VisitFactory(partner=partner, title="Delegation received in Tashkent", direction=Direction.INCOMING)
    VisitFactory(partner=partner, title="Private meeting", is_public=False)
    html = page_text(detail(client, partner))
    assert "3+1" in html
    assert "Primary education" in html
    assert "Closed programme" not in html
    assert f'<a href="{project.get_absolute_url()}" class="fw-semibold">GREENCHEM</a>' in html
    assert "Partner's role: Coordinator" in html
    assert f'<a href="{visit.get_absolute_url()}">Delegation received in Tashkent</a>' in html
    assert "Private meeting" not in html


def test_partner_page_counts_mobility_by_direction_and_academic_year(client, partner):
    def mobility(direction, start, **kwargs):
        MobilityFactory(partner=partner, direction=direction, start_date=start, end_date=start + days(90), **kwargs)

    mobility(Direction.OUTGOING, datetime.date(2024, 9, 1))  # 2024/25
    mobility(Direction.OUTGOING, datetime.date(2025, 2, 10))  # still 2024/25
    mobility(Direction.INCOMING, datetime.date(2024, 10, 1))  # 2024/25
    mobility(Direction.INCOMING, datetime.date(2023, 10, 1))  # 2023/24
    mobility(Direction.OUTGOING, datetime.date(2023, 11, 1), status=Mobility.Status.CANCELLED)  # not counted
    MobilityFactory(start_date=datetime.date(2024, 9, 1))  # another partner's
    html = page_text(detail(client, partner))
    cells = r"</th>\s*<td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>"
    assert re.search(r"2024/25" + cells, html).groups() == ("2", "1", "3")
    assert re.search(r"2023/24" + cells, html).groups() == ("0", "1", "1")
    assert re.search(r"All years" + cells, html).groups() == ("2", "2", "4")


def test_partner_page_without_records_says_so(client, partner):
    html = page_text(detail(client, partner))
    assert "No agreement with this partner is published." in html
    assert "No exchange with this partner is recorded yet." in html


def test_partner_page_speaks_the_visitors_language(client):
    partner = InstitutionFactory(name_en="Kazan Federal University", name_ru="Казанский федеральный университет")
    html = page_text(detail(client, partner, language="ru"))
    assert "Казанский федеральный университет</h1>" in html
    assert page_text(detail(client, partner, language="uz")).count("Kazan Federal University</h1>") == 1


@pytest.mark.parametrize("rows", [5, 50])
def test_partner_page_query_count_does_not_grow_with_its_records(client, django_assert_num_queries, rows):
    partner = InstitutionFactory()
    partner.cooperation_areas.add(CooperationAreaFactory())
    previous = None
    for n in range(rows):
        previous = AgreementFactory(partner=partner, renews=previous, student_places_out=n)
        VisitFactory(partner=partner)
        JointProgrammeFactory(partner=partner)
        ProjectMemberFactory(institution=partner)
        MobilityFactory(partner=partner, start_date=datetime.date(2015 + n % 10, 10, 1))
    # 1 the partner, 2 its cooperation areas, 3 its public agreements with their status,
    # 4 joint programmes, 5 project memberships with project and programme, 6 public visits,
    # 7 mobility counts by academic year and direction, 8 the home institution (base.html).
    with django_assert_num_queries(8):
        response = detail(client, partner)
    assert response.status_code == 200


def test_partner_detail_url_name_and_list_url_name_resolve():
    partner = Institution(slug="gazi")
    assert partner.get_absolute_url() == "/partners/gazi/"
    assert reverse("partners:institution-list") == "/partners/"
