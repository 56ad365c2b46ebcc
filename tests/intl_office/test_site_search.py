"""The site search: /search/?q= finds public records by any of their languages' words, ranked, grouped by kind."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intl_office.page_cache import content_changed
from intl_office.site.search import search
from intl_office.site.search_kinds import KINDS, KINDS_BY_KEY
from partners.models import Institution
from tests.factories import (
    CallFactory,
    GrantProgramFactory,
    InstitutionFactory,
    PageFactory,
    ProjectFactory,
    VisitFactory,
)
from tests.intl_office.pages import html

pytestmark = pytest.mark.django_db

RESULT = re.compile(r'class="search-result-title" href="([^"]+)">([^<]+)</a>')


def found(client, query, language="en", **params):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/search/", {"q": query, **params})
    assert response.status_code == 200
    return [title for _url, title in RESULT.findall(html(response))]


@pytest.fixture
def partners(home_institution):
    """Partners as the demo has them: some with every language filled in, some in English only."""
    return {
        "beijing": InstitutionFactory(
            name="Beijing Institute of Technology", country="CN", city="Beijing", city_uz="Pekin", city_ru="Пекин"
        ),
        "dalian": InstitutionFactory(name="Dalian University of Technology", country="CN", city="Dalian"),
        # A city in English only: "Toshkent" and "Ташкент" reach it by transliteration.
        "tashkent": InstitutionFactory(name="Tashkent State Technical University", country="UZ", city="Tashkent"),
        "samarkand": InstitutionFactory(name="Silk Road University", country="UZ", city="Samarkand"),
        "ankara": InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
        "seoul": InstitutionFactory(name="Korea University", country="KR", city="Seoul"),
    }


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_xitoy_finds_the_partners_in_china_on_every_language_page(client, partners, language):
    titles = found(client, "Xitoy", language)

    assert sorted(titles) == ["Beijing Institute of Technology", "Dalian University of Technology"]


@pytest.mark.parametrize("query", ["Toshkent", "Ташкент", "Tashkent", "toshkentda", "ТАШКЕНТ"])
@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_tashkent_in_any_script_finds_the_partner_in_tashkent(client, partners, query, language):
    assert found(client, query, language) == ["Tashkent State Technical University"]


@pytest.mark.parametrize("query", ["Китай", "China", "Хитой"])
def test_china_in_russian_english_or_uzbek_cyrillic_finds_the_same_partners(client, partners, query):
    assert sorted(found(client, query)) == ["Beijing Institute of Technology", "Dalian University of Technology"]


def test_a_city_is_found_by_its_uzbek_and_russian_names(client, partners):
    assert found(client, "Pekin", "en") == ["Beijing Institute of Technology"]
    assert found(client, "Пекин", "uz") == ["Beijing Institute of Technology"]


def test_country_and_name_words_must_all_match(client, partners):
    assert found(client, "Xitoy Dalian") == ["Dalian University of Technology"]
    assert found(client, "Xitoy Gazi") == []


def test_a_record_is_found_by_its_uzbek_and_russian_words_and_shown_in_the_pages_language(client, home_institution):
    CallFactory(
        title="Summer school in Seoul",
        title_uz="Seulda yozgi maktab",
        title_ru="Летняя школа в Сеуле",
        description="Two weeks of Korean language.",
        description_uz="Ikki hafta koreys tili o‘qitiladi.",
        description_ru="Две недели корейского языка.",
    )

    assert found(client, "maktab", "en") == ["Summer school in Seoul"]
    assert found(client, "летняя", "en") == ["Summer school in Seoul"]
    assert found(client, "Summer", "ru") == ["Летняя школа в Сеуле"]
    assert found(client, "корейского", "uz") == ["Seulda yozgi maktab"]


@pytest.mark.parametrize("typed", ["o'qitiladi", "o‘qitiladi", "oʻqitiladi", "ўқитилади"])
def test_the_uzbek_apostrophe_and_cyrillic_spellings_find_the_same_text(client, home_institution, typed):
    CallFactory(title="Korean course", description_uz="Ikki hafta koreys tili o‘qitiladi.")

    assert found(client, typed, "uz") == ["Korean course"]


def test_a_match_in_the_name_ranks_before_one_in_the_description(client, home_institution):
    InstitutionFactory(name="Aalto University", description="Strong in robotics and design.")
    InstitutionFactory(name="Zurich Robotics Institute", description="Machines.")

    assert found(client, "robotics") == ["Zurich Robotics Institute", "Aalto University"]


@pytest.mark.parametrize("postgres", [False], ids=["substring-fallback"])
def test_the_fallback_ranks_name_then_place_then_text_on_any_database(home_institution, postgres):
    InstitutionFactory(name="Aalto University", country="FI", city="Espoo", description="Partners in Turkish Ankara.")
    InstitutionFactory(name="Middle East Technical University", country="TR", city="Ankara")
    InstitutionFactory(name="Ankara University", country="TR", city="Ankara")

    (partners,) = search([KINDS_BY_KEY["partners"]], "Ankara", limit=5, postgres=postgres)

    assert [hit.title for hit in partners.hits] == [
        "Ankara University",
        "Middle East Technical University",
        "Aalto University",
    ]
    assert partners.total == 3


def test_the_context_line_marks_the_word_and_output_stays_inert(client, home_institution):
    InstitutionFactory(
        name="<script>alert(1)</script> Institute",
        description="Before <b>bold</b> we teach robotics & more <img src=x onerror=alert(1)>",
    )

    response = client.get("/search/", {"q": "robotics"})
    page = html(response)

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Institute" in page
    assert "<mark>robotics</mark>" in page
    assert "<img src=x" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_unpublished_records_are_never_found(client, home_institution):
    word = "Hiddenword"
    hidden_partner = InstitutionFactory(name=f"{word} University", is_active=False)
    GrantProgramFactory(name=f"{word} programme", is_active=False, funder=hidden_partner)
    CallFactory(title=f"{word} call", is_published=False)
    VisitFactory(title=f"{word} visit", is_public=False, partner=InstitutionFactory())
    PageFactory(title=f"{word} page", is_published=False)

    assert found(client, word) == []
    assert "Nothing found for" in html(client.get("/search/", {"q": word}))
    for kind in KINDS:
        assert search([kind], word, limit=50)[0].total == 0


def test_every_kind_is_found_with_its_count_and_link(client, home_institution):
    partner = InstitutionFactory(name="Nordic Alpha University")
    programme = GrantProgramFactory(name="Alpha Mobility Fund", funder=partner)
    ProjectFactory(program=programme, acronym="ALPHA", title="Alpha curricula")
    CallFactory(program=programme, title="Alpha exchange call")
    VisitFactory(partner=partner, title="Delegation from Nordic", summary="Talks about Alpha labs.")
    PageFactory(title="Alpha tasks", slug="alpha-tasks")

    page = html(client.get("/search/", {"q": "alpha"}))

    for label in ["Partner institutions", "Grant programmes", "Projects", "Calls for applications", "Visits", "Pages"]:
        assert f">{label} <span" in page
    assert "6 results for “alpha”" in page
    assert 'href="/about/#alpha-tasks"' in page
    assert 'href="/projects/alpha/"' in page


def test_more_partners_than_shown_link_to_the_filtered_directory(client, home_institution):
    InstitutionFactory.create_batch(7, country="CN")

    page = html(client.get("/search/", {"q": "Xitoy"}))

    assert len(RESULT.findall(page)) == 5
    assert 'href="/partners/?q=Xitoy"' in page
    assert "See all 7: Partner institutions" in page


def test_more_calls_than_shown_link_to_all_the_calls_found(client, home_institution):
    CallFactory.create_batch(8, title=factory_sequence("Winter school {}"))

    page = html(client.get("/search/", {"q": "winter"}))
    assert 'href="/search/?q=winter&amp;kind=calls"' in page

    assert len(found(client, "winter", kind="calls")) == 8


def factory_sequence(template):
    import factory

    return factory.Sequence(template.format)


def test_an_empty_query_shows_how_to_search(client, home_institution):
    page = html(client.get("/search/"))

    assert "What you can search for" in page
    assert 'href="/partners/"' in page
    assert "search-result" not in page


def test_no_result_suggests_the_partner_directory(client, partners):
    page = html(client.get("/uz/search/", {"q": "Atlantis"}))

    assert "“Atlantis” bo‘yicha hech narsa topilmadi" in page
    assert 'href="/uz/partners/"' in page


HOSTILE = [
    "x" * 10_000,
    "Tash\x00kent",
    "\x00",
    "!!! ??? ... ‘’",
    "١٢٣ ٤٥٦",
    "' OR 1=1; DROP TABLE partners_institution; --",
    "%_% \\ %%",
    "a & b | !c :* (d) <-> 'e'",
    "𝔛𝔦𝔱𝔬𝔶 ￦ 😀",
    "ـــ" * 50,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_200(client, partners, query):
    for language in ["en", "ru"]:
        response = client.get(f"/{language}/search/" if language != "en" else "/search/", {"q": query})
        assert response.status_code == 200
        assert b"\x00" not in response.content


ODD_PARAMS = [{"kind": "nope"}, {"kind": "\x00"}, {"q": "x", "kind": "9" * 400}, {"q": ["a", "b"]}]


@pytest.mark.parametrize("params", ODD_PARAMS)
def test_odd_parameters_answer_200(client, partners, params):
    assert client.get("/search/", params).status_code == 200


def test_a_long_query_is_cut(client, partners):
    page = html(client.get("/search/", {"q": "Tashkent " + "y" * 500}))

    assert 'value="Tashkent ' + "y" * 91 + '"' in page


def _queries(client, query):
    with CaptureQueriesContext(connection) as context:
        assert client.get("/search/", {"q": query}).status_code == 200
    return len(context.captured_queries)


def test_the_query_count_does_not_grow_with_the_rows(client, home_institution, settings):
    settings.PUBLIC_PAGE_CACHE = False

    def make(n):
        partner = InstitutionFactory(name=f"Gamma partner {n}", country="CN", city="Gamma City")
        programme = GrantProgramFactory(name=f"Gamma programme {n}", funder=partner)
        ProjectFactory(program=programme, title=f"Gamma project {n}")
        CallFactory(program=programme, title=f"Gamma call {n}")
        VisitFactory(partner=partner, title=f"Gamma visit {n}", city="Gamma City")
        PageFactory(title=f"Gamma page {n}")

    make(0)
    few = _queries(client, "gamma xitoy")
    for n in range(1, 12):
        make(n)
    # The home institution, the city names of institutions and of visits (then shared until a
    # record changes), one query per kind (seven): ten.
    assert _queries(client, "gamma xitoy") == few <= 10


def test_the_page_is_cached_for_q_and_kind_only(client, partners):
    client.get("/search/", {"q": "Xitoy"})
    with CaptureQueriesContext(connection) as cached:
        client.get("/search/", {"q": "Xitoy"})
    with CaptureQueriesContext(connection) as tracked:
        client.get("/search/", {"q": "Xitoy", "utm_source": "mail"})

    assert len(cached.captured_queries) == 0
    assert len(tracked.captured_queries) > 0


def test_a_change_is_found_at_once_despite_the_cache(client, partners, django_capture_on_commit_callbacks):
    assert found(client, "Xitoy") == ["Beijing Institute of Technology", "Dalian University of Technology"]

    with django_capture_on_commit_callbacks(execute=True):
        Institution.objects.filter(name__startswith="Dalian").update(is_active=False)
        content_changed()

    assert found(client, "Xitoy") == ["Beijing Institute of Technology"]


@pytest.mark.parametrize("path", ["/", "/uz/partners/", "/ru/calls/", "/about/"])
def test_every_public_page_has_the_search_box_in_its_header(client, home_institution, path):
    page = html(client.get(path))
    prefix = path[:3] if path[:4] in ("/uz/", "/ru/") else ""

    assert page.count(f'action="{prefix}/search/" method="get" role="search"') == 2
    assert 'name="q"' in page


# --- PostgreSQL: full-text rank and trigram similarity ----------------------------------------------


@pytest.mark.postgresql
def test_the_trigram_extension_is_installed_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)


@pytest.mark.postgresql
@pytest.mark.parametrize("typo", ["Tashkend", "Technicl Universty"])
def test_postgresql_forgives_a_typo_in_a_name(client, partners, typo):
    assert "Tashkent State Technical University" in found(client, typo)


@pytest.mark.postgresql
def test_postgresql_ranks_by_full_text_rank_among_name_matches(home_institution):
    InstitutionFactory(name="Robotics Centre", description="Machines and design.")
    InstitutionFactory(name="Robotics Lab", description="Robotics research, robotics teaching, robotics.")

    (partners,) = search([KINDS_BY_KEY["partners"]], "robotics", limit=5, postgres=True)

    assert [hit.title for hit in partners.hits] == ["Robotics Lab", "Robotics Centre"]
    assert partners.hits[0].score > partners.hits[1].score
