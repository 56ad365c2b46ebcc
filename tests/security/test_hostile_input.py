"""Numbers and characters no visitor means: "?page=²" and a NUL byte answer a page or a 4xx."""

import pytest
from django.urls import reverse

from intl_office.pagination import page_number, parse_int
from tests.factories import InstitutionFactory

PAGINATED = ["partners:institution-list", "programs:program-list", "programs:call-list", "mobility:visit-list"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), ("-1", -1), ("0", 0), ("²", None), ("٣", None), ("１", None), (" 3", None), ("1.5", None),
     ("", None), (None, None), ("9" * 101, None), ("1e9", None), ("3\x00", None)],
)  # fmt: skip
def test_parse_int_takes_plain_ascii_digits_only(value, expected):
    assert parse_int(value) == expected


def test_parse_int_bounds_are_inclusive():
    assert parse_int("10", minimum=1, maximum=10) == 10
    assert parse_int("11", minimum=1, maximum=10) is None
    assert parse_int("0", minimum=1) is None


def test_page_number_is_none_for_a_superscript_two():
    assert page_number("²") is None
    assert page_number("2") == 2


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGINATED)
@pytest.mark.parametrize("page", ["²", "٣", "１", "10" * 20])
def test_every_paginated_page_shows_a_page_for_a_unicode_page_number(client, name, page):
    response = client.get(reverse(name), {"page": page})

    assert response.status_code == 200


@pytest.mark.django_db
def test_canonical_link_leaves_out_a_page_number_it_cannot_read(client):
    response = client.get(reverse("partners:institution-list"), {"page": "²"})

    assert '<link rel="canonical" href="http://testserver/partners/">' in response.text


@pytest.mark.django_db
def test_a_nul_byte_in_the_query_string_is_dropped(client):
    InstitutionFactory(name="Middle East Technical University", country="TR")

    response = client.get(reverse("partners:institution-list") + "?q=Middle%00&country=T%00R&x%00=1")

    assert response.status_code == 200
    assert "Middle East Technical University" in response.text


@pytest.mark.django_db
def test_a_nul_byte_in_the_path_answers_400(client):
    assert client.get("/partners/%00/").status_code == 400


@pytest.mark.django_db
def test_a_nul_byte_in_a_posted_form_answers_400(client):
    body = "login=a%00%40example.org&password=x"

    response = client.post(reverse("account_login"), body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
