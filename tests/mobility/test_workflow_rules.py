"""The workflow's decision rules, held by the services the admin calls: places, ranking, reviewers, staff's moves."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from intl_office.dates import today
from mobility import services
from mobility.models import Application, ApplicationReview, Mobility
from tests.factories import ApplicationFactory, CallFactory, HostPreferenceFactory, InstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Application.Status


@pytest.fixture
def call():
    # Past its deadline: the office decides only then.
    return CallFactory(
        places=2,
        opens_on=today() - datetime.timedelta(days=40),
        deadline=today() - datetime.timedelta(days=1),
        mobility_start=datetime.date(2027, 2, 1),
        mobility_end=datetime.date(2027, 6, 30),
    )


def application_at(call, status, *, submitted_days_ago=10, **kwargs):
    """An application of ``call`` at ``status``, submitted ``submitted_days_ago``, choosing the call's host."""
    submitted_at = timezone.now() - datetime.timedelta(days=submitted_days_ago)
    application = ApplicationFactory(call=call, status=status, submitted_at=submitted_at, **kwargs)
    HostPreferenceFactory(application=application, institution=call.hosts.get(), rank=1)
    return application


def reviewed(application, *scores):
    for score in scores:
        ApplicationReview.objects.create(application=application, reviewer=UserFactory(is_staff=True), score=score)
    return application


def selected(*applications):
    """What an admin action receives: a queryset of the selected rows, in the changelist's order."""
    return Application.objects.filter(pk__in=[application.pk for application in applications]).order_by("pk")


# --- accepting several at once ------------------------------------------------------------------


def test_accepting_several_gives_the_places_to_the_best_average_score_first(staff, call):
    middling = reviewed(application_at(call, Status.SHORTLISTED), 4, 8)  # 6.0
    best = reviewed(application_at(call, Status.SHORTLISTED), 9)
    second = reviewed(application_at(call, Status.SHORTLISTED), 7)
    unreviewed = application_at(call, Status.SHORTLISTED, submitted_days_ago=30)

    outcome = services.application_transition_each(
        applications=selected(middling, best, second, unreviewed), to_status=Status.ACCEPTED, actor=staff
    )

    assert outcome.moved == [best, second]
    full = "All 2 places of this call are taken; no more applications can be accepted."
    assert dict(outcome.refused) == {full: [middling, unreviewed]}
    assert set(Application.objects.accepted().values_list("pk", flat=True)) == {best.pk, second.pk}
    assert set(Mobility.objects.values_list("application", flat=True)) == {best.pk, second.pk}


def test_between_equal_scores_the_earlier_submission_takes_the_place(staff, call):
    call.places = 1
    call.save()
    later = reviewed(application_at(call, Status.SHORTLISTED, submitted_days_ago=1), 7)
    earlier = reviewed(application_at(call, Status.SHORTLISTED, submitted_days_ago=5), 7)

    outcome = services.application_transition_each(
        applications=selected(later, earlier), to_status=Status.ACCEPTED, actor=staff
    )

    assert outcome.moved == [earlier]
    assert Application.objects.get(pk=later.pk).status == Status.SHORTLISTED


def test_other_moves_keep_the_given_order_and_group_the_refused_by_reason(staff, call):
    ready = application_at(call, Status.UNDER_REVIEW)
    early = application_at(call, Status.SUBMITTED)
    draft = application_at(call, Status.DRAFT)
    ready_too = application_at(call, Status.UNDER_REVIEW)

    outcome = services.application_transition_each(
        applications=selected(ready, early, draft, ready_too), to_status=Status.SHORTLISTED, actor=staff
    )

    assert outcome.moved == [ready, ready_too]
    assert dict(outcome.refused) == {
        "An application cannot go from submitted to shortlisted.": [early],
        "An application cannot go from draft to shortlisted.": [draft],
    }
    assert Application.objects.get(pk=early.pk).status == Status.SUBMITTED


# --- places, staff's moves, reviewers -------------------------------------------------------------


def test_places_taken_count_the_calls_accepted_applications_only(staff, call):
    application_at(call, Status.ACCEPTED)
    application_at(call, Status.SHORTLISTED)
    application_at(call, Status.REJECTED)
    application_at(CallFactory(), Status.ACCEPTED)
    assert services.call_places_taken(call) == 1

    services.application_accept(application=application_at(call, Status.SHORTLISTED), actor=staff)

    assert services.call_places_taken(call) == 2


@pytest.mark.parametrize(
    ("status", "targets"),
    [
        # Submitting is the student's own act: staff are never offered it.
        (Status.DRAFT, [Status.WITHDRAWN]),
        (Status.SUBMITTED, [Status.UNDER_REVIEW, Status.WITHDRAWN]),
        (Status.UNDER_REVIEW, [Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN]),
        (Status.SHORTLISTED, [Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN]),
        (Status.WAITLISTED, [Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN]),
        (Status.ACCEPTED, []),
        (Status.REJECTED, []),
        (Status.WITHDRAWN, []),
    ],
)
def test_staff_may_move_an_application_along_the_transitions_but_never_submit_it(status, targets):
    assert services.application_staff_targets(Application(status=status)) == targets


def test_only_who_may_add_and_change_reviews_may_review_and_never_a_draft(staff):
    submitted, draft = Application(status=Status.SUBMITTED), Application(status=Status.DRAFT)
    reader = UserFactory(is_staff=True)
    adder = UserFactory(is_staff=True)
    adder.user_permissions.add(Permission.objects.get(codename="add_applicationreview"))
    reviewer = UserFactory(is_staff=True)
    reviewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_applicationreview", "change_applicationreview"])
    )

    assert services.may_review(staff) and services.may_review(staff, submitted)
    assert services.may_review(reviewer, submitted)
    assert not services.may_review(staff, draft)
    assert not services.may_review(reader) and not services.may_review(reader, submitted)
    assert not services.may_review(adder, submitted)


# --- the QuerySet methods the rules read ---------------------------------------------------------


def test_the_review_summary_is_the_average_and_the_count_whatever_else_is_joined(call):
    twice = reviewed(application_at(call, Status.UNDER_REVIEW), 6, 9)
    HostPreferenceFactory(application=twice, institution=InstitutionFactory(), rank=2)
    never = application_at(call, Status.SUBMITTED)

    rows = Application.objects.with_review_summary().filter(preferences__rank=1).in_bulk()

    assert (rows[twice.pk].average_score, rows[twice.pk].review_count) == (7.5, 2)
    assert (rows[never.pk].average_score, rows[never.pk].review_count) == (None, 0)


def test_ranked_puts_the_best_average_first_the_unreviewed_last_and_ties_by_submission(call):
    unreviewed = application_at(call, Status.SHORTLISTED, submitted_days_ago=50)
    tie_later = reviewed(application_at(call, Status.SHORTLISTED, submitted_days_ago=2), 8)
    low = reviewed(application_at(call, Status.SHORTLISTED), 3)
    tie_earlier = reviewed(application_at(call, Status.SHORTLISTED, submitted_days_ago=3), 6, 10)

    assert list(Application.objects.ranked()) == [tie_earlier, tie_later, low, unreviewed]


def test_the_status_properties_read_the_model_own_statuses():
    assert Application(status=Status.DRAFT).is_draft
    # An acceptance is an offer: the student may still decline it; a declined place is final.
    assert Application(status=Status.ACCEPTED).is_accepted and not Application(status=Status.ACCEPTED).is_final
    assert Application(status=Status.DECLINED).is_final
    assert Application(status=Status.WITHDRAWN).is_final and Application(status=Status.REJECTED).is_final
    assert not Application(status=Status.WAITLISTED).is_final
