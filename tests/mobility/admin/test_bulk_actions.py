"""Bulk actions over applications in the admin list."""

import pytest

from mobility.models import Application, ApplicationReview, Mobility
from tests.admin_helpers import admin_url
from tests.mobility.admin.helpers import Status, application_at, shown

pytestmark = pytest.mark.django_db


def act(client, action, applications):
    return client.post(
        admin_url(Application, "changelist"),
        # confirm=yes: the answer to the confirmation page that bulk accept and reject show first.
        {"action": action, "_selected_action": [str(application.pk) for application in applications], "confirm": "yes"},
        follow=True,
    )


# --- bulk actions --------------------------------------------------------------------------------


def test_bulk_shortlist_moves_what_it_may_and_says_why_not_the_rest(staff_client, call):
    ready = [application_at(call, Status.UNDER_REVIEW) for _ in range(2)]
    early = application_at(call, Status.SUBMITTED, first_name="Aziza", last_name="Karimova")

    response = act(staff_client, "shortlist", [*ready, early])

    messages = shown(response)
    assert "2 applications moved to “Shortlisted”." in messages
    assert (
        "1 application not moved (Aziza Karimova): An application cannot go from submitted to shortlisted."
    ) in messages
    assert {a.status for a in Application.objects.filter(pk__in=[a.pk for a in ready])} == {Status.SHORTLISTED}
    early.refresh_from_db()
    assert early.status == Status.SUBMITTED


def test_bulk_accept_fills_the_places_best_score_first_and_refuses_the_others(staff_client, staff, call):
    scores = {"best": 9, "weakest": 5, "second": 7}
    applications = {}
    for name, score in scores.items():
        applications[name] = application_at(call, Status.SHORTLISTED, first_name=name.title(), last_name="Test")
        ApplicationReview.objects.create(application=applications[name], reviewer=staff, score=score)

    response = act(staff_client, "accept", applications.values())

    statuses = {name: Application.objects.get(pk=a.pk).status for name, a in applications.items()}
    assert statuses == {"best": Status.ACCEPTED, "second": Status.ACCEPTED, "weakest": Status.SHORTLISTED}
    assert Mobility.objects.count() == 2
    messages = shown(response)
    assert "2 applications moved to “Accepted”." in messages
    assert (
        "1 application not moved (Weakest Test): All 2 places of this call are taken; "
        "no more applications can be accepted."
    ) in messages


def test_a_bulk_action_that_moves_nothing_is_an_error(staff_client, call):
    drafts = [application_at(call, Status.DRAFT) for _ in range(2)]

    response = act(staff_client, "reject", drafts)

    (message,) = response.context["messages"]
    assert message.level_tag == "error"
    assert "2 applications not moved" in str(message)
    assert not Application.objects.exclude(status=Status.DRAFT).exists()


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("start_review", Status.SUBMITTED, Status.UNDER_REVIEW),
        ("shortlist", Status.UNDER_REVIEW, Status.SHORTLISTED),
        ("waitlist", Status.SHORTLISTED, Status.WAITLISTED),
        ("reject", Status.UNDER_REVIEW, Status.REJECTED),
        ("accept", Status.WAITLISTED, Status.ACCEPTED),
    ],
)
def test_each_bulk_action_records_the_history_with_the_actor(staff_client, staff, call, action, before, after):
    application = application_at(call, before)

    act(staff_client, action, [application])

    application.refresh_from_db()
    assert application.status == after
    assert application.events.get().actor == staff
