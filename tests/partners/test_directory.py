"""The partner directory (/partners/): cards, filters, pages, odd input and its queries."""

import re

import pytest

from tests.factories import AgreementFactory, CooperationAreaFactory, InstitutionFactory
from tests.partners.pages import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


LIST_URL = "/partners/"


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
    AgreementFactory(partner=InstitutionFactory(country="CN"))
    InstitutionFactory(country="TR")  # listed, but no agreement in force: not counted as a partner
    html = page_text(client.get(LIST_URL))
    assert html.count("<h1") == 1
    assert "<title>Partner institutions" in html
    assert re.search(r'<meta name="description" content="[^"]*1 partner in 1 country\.', html)


@pytest.mark.parametrize(
    ("institutions", "text"), [(1, "1 institution\n"), (3, "3 institutions\n"), (0, "0 institutions\n")]
)
def test_directory_says_how_many_institutions_match(client, institutions, text):
    InstitutionFactory.create_batch(institutions)
    assert text in page_text(client.get(LIST_URL))


def test_directory_lead_counts_partners_as_the_home_page_does(client):
    for country in ("CN", "CN", "TR"):
        AgreementFactory(partner=InstitutionFactory(country=country))
    InstitutionFactory(country="KR")  # no agreement
    AgreementFactory(partner=InstitutionFactory(country="DE", is_active=False))

    text = page_text(client.get(LIST_URL))

    assert "We have 3 partners with an agreement in force in 2 countries." in text
    assert "4 institutions\n" in text


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
    assert "1 institution\n" in page_text(response)


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
    # home institution (base.html), 6 the cooperation areas of the select, 7 validating ?area=,
    # 8 the lead's partner figures.
    with django_assert_num_queries(8):
        response = client.get(LIST_URL, {"country": "CN", "area": "student-exchange", "sort": "country"})
    assert response.status_code == 200
    with django_assert_num_queries(7):
        assert client.get(LIST_URL, {"page": "2"}).status_code == 200
