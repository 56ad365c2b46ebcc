"""Each letter's real context offers exactly the values the admin lists for its templates, as do the samples.

A staff member writes ``{{ name }}`` from the list on the letter template's page: a value the list names
and the code does not give prints nothing, and one the code gives and the list hides cannot be found.
"""

import pytest

from intl_office.letter_records import VARIABLES, LetterTemplate
from intl_office.letter_samples import sample_context
from intl_office.models import HomeInstitution
from mobility.models import RecommendationEntry
from mobility.nomination_sheet import sheet_context
from mobility.services import expert_letter_context, recommendation_list_context
from mobility.trip_order import trip_order_context
from tests.factories import (
    ApplicationFactory,
    ExpertFactory,
    MobilityFactory,
    RecommendationListFactory,
    TripRequestFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

Kind = LetterTemplate.Kind


def listed(kind):
    """``{name: {item names}}`` for the variables the admin lists for ``kind``."""
    return {variable.name: {item.name for item in variable.items} for variable in VARIABLES[kind]}


def offered(context):
    """The same shape read from a context: a list of rows offers the keys of its rows."""
    return {
        name: set().union(*(row.keys() for row in value)) if isinstance(value, list) and value else set()
        for name, value in context.items()
    }


def real_context(kind):
    if kind == Kind.VISA_INVITATION:
        return expert_letter_context(ExpertFactory(), language="en")
    if kind == Kind.NOMINATION_SHEET:
        return sheet_context(mobility=MobilityFactory(), home=HomeInstitution.load())
    if kind == Kind.RECOMMENDATION_LIST:
        recommendation_list = RecommendationListFactory()
        RecommendationEntry.objects.create(
            recommendation_list=recommendation_list,
            application=ApplicationFactory(call=recommendation_list.call),
            position=1,
        )
        return recommendation_list_context(recommendation_list)
    return trip_order_context(TripRequestFactory(), language="en")


@pytest.mark.parametrize("kind", list(Kind))
def test_the_real_context_offers_what_the_admin_lists(kind):
    context = real_context(kind)
    rows = {name for name, items in listed(kind).items() if items}
    found = offered(context)

    assert set(found) == set(listed(kind))
    for name in rows:
        # A list empty in this record (a trip not yet approved has no approvals) says nothing of its rows' keys.
        if context[name]:
            assert found[name] == listed(kind)[name], name


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
@pytest.mark.parametrize("kind", list(Kind))
def test_the_samples_offer_what_the_admin_lists(kind, language):
    assert offered(sample_context(kind, language)) == listed(kind)
