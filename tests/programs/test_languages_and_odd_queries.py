"""Every programme page in Uzbek and Russian, and no 500 for an odd query string."""

import pytest
from django.urls import reverse

from tests.factories import GrantProgramFactory, JointProgrammeFactory
from tests.programs.calls import closed_call, open_call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


# --- languages ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uz", "ru"])
def test_pages_answer_in_other_languages_with_translated_fields(client, language):
    program = GrantProgramFactory(name="Erasmus+", **{f"name_{language}": f"Erasmus+ ({language})"})
    call = open_call(program=program)

    listed = client.get(f"/{language}/programs/")
    detail = client.get(f"/{language}/calls/{call.slug}/")

    assert listed.status_code == 200
    assert f"Erasmus+ ({language})" in listed.content.decode()
    assert detail.status_code == 200


# --- no 500 for odd query strings -----------------------------------------------------

ODD_QUERIES = [
    {"page": "abc"},
    {"page": "99999"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "1.5"},
    {"status": "archived"},
    {"status": "open", "program": "no-such-programme"},
    {"program": "x" * 5000},
    {"target_group": "aliens"},
    {"kind": "astrology"},
    {"kind": "x" * 5000},
    {"q": "x" * 5000},
    {"sort": "-nonsense"},
    {"ordering": "password"},
    {"page": "2", "status": "closed"},
]


@pytest.mark.parametrize("url_name", ["program-list", "call-list", "joint-programme-list"])
@pytest.mark.parametrize("query", ODD_QUERIES, ids=lambda q: "&".join(f"{k}={v[:12]}" for k, v in q.items()))
def test_list_pages_never_answer_500_to_odd_query_strings(client, url_name, query):
    program = GrantProgramFactory()
    open_call(program=program)
    closed_call(program=program)
    JointProgrammeFactory()

    response = client.get(reverse(f"programs:{url_name}"), query)

    assert response.status_code == 200
