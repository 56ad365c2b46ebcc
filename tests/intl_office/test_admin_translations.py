"""Staff see on the admin's lists which languages a record still lacks, and filter by it."""

import re

import pytest

from tests.factories import CallFactory, InstitutionFactory, VisitFactory

pytestmark = pytest.mark.django_db

INSTITUTIONS = "/admin/partners/institution/"


def names(response):
    return {institution.name_en for institution in response.context["cl"].result_list}


@pytest.fixture
def institutions():
    return {
        "complete": InstitutionFactory(
            name_en="Complete University",
            name_uz="Toʻliq universiteti",
            name_ru="Полный университет",
            city="Ankara",
            city_uz="Anqara",
            city_ru="Анкара",
        ),
        "no_russian": InstitutionFactory(
            name_en="Half University", name_uz="Yarim universiteti", name_ru=None, city="Ankara", city_uz="Anqara"
        ),
        "english_only": InstitutionFactory(name_en="English University", name_uz="", name_ru=None),
        # A description in English only is missing too; a city empty in every language is not.
        "description": InstitutionFactory(
            name_en="Described University",
            name_uz="Tasvirlangan universitet",
            name_ru="Описанный университет",
            description_en="Founded in 1920.",
            city="",
        ),
    }


def test_the_list_says_which_languages_each_institution_lacks(office_client, institutions):
    response = office_client.get(INSTITUTIONS)
    rows = {
        name: re.sub(r"<[^>]+>", " ", cell)
        for name, cell in re.findall(
            r'>([A-Z][a-z]+ University)</a>.*?<td class="field-translation_status">(.*?)</td>',
            response.content.decode(),
            flags=re.S,
        )
    }

    assert rows["Complete University"].split() == ["complete"]
    assert rows["Half University"].split() == ["Russian", "missing"]
    assert rows["English University"].split() == ["Uzbek", "missing", "Russian", "missing"]
    assert rows["Described University"].split() == ["Uzbek", "missing", "Russian", "missing"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ru", {"Half University", "English University", "Described University"}),
        ("uz", {"English University", "Described University"}),
        ("any", {"Half University", "English University", "Described University"}),
        ("none", {"Complete University"}),
    ],
)
def test_the_filter_finds_records_by_missing_language(office_client, institutions, value, expected):
    assert names(office_client.get(INSTITUTIONS, {"missing_translation": value})) == expected


def test_calls_and_visits_have_the_column_and_filter_too(office_client):
    CallFactory(title_en="English call", title_uz=None, title_ru=None)
    VisitFactory(title_en="English visit", title_uz=None, title_ru=None)

    for url in ("/admin/programs/call/", "/admin/mobility/visit/"):
        response = office_client.get(url, {"missing_translation": "uz"})
        assert response.status_code == 200
        assert len(response.context["cl"].result_list) == 1
        assert "Uzbek missing" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_column_costs_no_query_per_row(office_client, django_assert_max_num_queries, rows):
    for n in range(rows):
        InstitutionFactory(name_en=f"University {n}", name_ru=None)
    with django_assert_max_num_queries(16):
        assert office_client.get(INSTITUTIONS).status_code == 200
