"""The lists of cards (intl_office/card_lists.py): warm, a page that is not in the page cache builds no filter
set and runs no query; what the filters sent mean is still what the form says, valid or not.

With the page cache off every request renders, as a URL not in the cache does (another page number, a filter
not visited yet). Writes run their on-commit hooks inside ``committed()``, as in test_page_cache_cards.py.
"""

import pytest
from django.test import Client
from django.utils import translation

from intl_office.card_lists import CachedCardListMixin
from tests.factories import CallFactory, GrantProgramFactory, InstitutionFactory, VisitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_uncached")]


@pytest.fixture
def filtersets_built(monkeypatch):
    """The filter sets the list views build, by view (a count, not a replacement: each is built as ever)."""
    built = []
    make = CachedCardListMixin.filterset.func

    def counted(view):
        built.append(type(view).__name__)
        return make(view)

    monkeypatch.setattr(CachedCardListMixin.filterset, "func", counted)
    return built


def page(path):
    response = Client().get(path)
    translation.activate("en")
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def lists(committed):
    with committed():
        erasmus = GrantProgramFactory(name="Erasmus+", slug="erasmus")
        CallFactory(title="Erasmus+ semester in Bologna", program=erasmus)
        CallFactory(title="KOICA fellowship")
        VisitFactory(title="Delegation of Inha University", partner=InstitutionFactory(name="Inha", country="KR"))
        InstitutionFactory(name="Gazi University", country="TR")
    return erasmus


@pytest.mark.parametrize(
    ("path", "shown", "not_shown"),
    [
        ("/partners/?country=KR", "Inha", "Gazi University"),
        ("/uz/partners/?country=TR&sort=country", "Gazi University", "Inha"),
        ("/calls/?program=erasmus", "Erasmus+ semester in Bologna", "KOICA fellowship"),
        ("/ru/calls/", "KOICA fellowship", "No call has been published yet"),
        ("/visits/?country=KR", "Delegation of Inha University", "No visits"),
    ],
)
def test_a_warm_list_builds_no_filter_set_and_runs_no_query(
    lists, path, shown, not_shown, filtersets_built, django_assert_num_queries
):
    first = page(path)
    assert shown in first and not_shown not in first
    assert len(filtersets_built) == 1

    with django_assert_num_queries(0):
        assert page(path) == first
    assert len(filtersets_built) == 1


def test_a_filter_value_not_valid_shows_its_error_every_time_and_lists_no_partner(lists):
    for _ in range(2):
        html = page("/partners/?country=ZZ")
        assert 'aria-invalid="true"' in html and "is-invalid" in html
        assert "No partners are shown while a filter is not valid." in html
        assert "Gazi University" not in html


def test_a_call_filter_not_recognised_is_ignored_and_the_others_still_apply(lists):
    for _ in range(2):
        html = page("/calls/?status=bogus&program=erasmus")
        assert "Some filter values were not recognised and were ignored." in html
        assert "Erasmus+ semester in Bologna" in html and "KOICA fellowship" not in html
        assert ">Reset</a>" in html  # the programme still narrows the list


def test_an_edit_shows_on_a_warm_filtered_list(lists, committed):
    assert "Erasmus+ semester in Bologna" in page("/calls/?program=erasmus")
    with committed():
        CallFactory(title="Erasmus+ traineeship in Porto", program=lists)

    html = page("/calls/?program=erasmus")
    assert "Erasmus+ traineeship in Porto" in html and "Erasmus+ semester in Bologna" in html
