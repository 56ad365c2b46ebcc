"""The directory's search box finds partners by country and city in any language and script."""

import re

import pytest

from tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    InstitutionFactory(name="Beijing Institute of Technology", slug="bit", country="CN", city="Beijing")
    InstitutionFactory(name="Tashkent State Technical University", slug="tstu", country="UZ", city="Tashkent")
    InstitutionFactory(name="Gazi University", slug="gazi", country="TR", city="Ankara")


def slugs(client, query, language):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/partners/", {"q": query})
    assert response.status_code == 200
    return sorted(set(re.findall(r'href="/(?:uz/|ru/)?partners/([\w-]+)/"', response.content.decode())))


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [("Xitoy", ["bit"]), ("Китай", ["bit"]), ("China", ["bit"]), ("Toshkent", ["tstu"]), ("Ташкент", ["tstu"])],
)
def test_a_country_or_city_in_any_language_finds_its_partners(client, partners, language, query, expected):
    assert slugs(client, query, language) == expected


def test_the_site_search_and_the_directory_agree_on_a_country(client, partners):
    InstitutionFactory.create_batch(6, country="CN")

    directory = client.get("/partners/", {"q": "Xitoy"}).content.decode()
    search = client.get("/search/", {"q": "Xitoy"}).content.decode()

    assert "7 institutions" in directory
    assert "See all 7: Partner institutions" in search
