"""A refusal of the workflow is shown to people as is: each one says what was refused and why."""

import pytest

from mobility import services
from mobility.services import ApplicationError
from tests.applications import past_deadline
from tests.mobility.workflow.helpers import Status, at_status

pytestmark = pytest.mark.django_db


def refusal(action):
    with pytest.raises(ApplicationError) as excinfo:
        action()
    return excinfo.value.messages


@pytest.mark.parametrize("score", [0, 10])
def test_the_lowest_and_the_highest_score_are_accepted(call, student, staff, score):
    application = at_status(call, student, Status.UNDER_REVIEW)

    assert services.application_review(application=application, reviewer=staff, score=score).score == score


def test_a_refused_review_says_why(call, student, outsider, staff):
    draft = at_status(call, student, Status.DRAFT)
    application = at_status(call, outsider, Status.UNDER_REVIEW)

    assert refusal(lambda: services.application_review(application=application, reviewer=student, score=5)) == [
        "Only staff review applications."
    ]
    assert refusal(lambda: services.application_review(application=application, reviewer=staff, score=11)) == [
        "The score is between 0 and 10."
    ]
    assert refusal(lambda: services.application_review(application=draft, reviewer=staff, score=5)) == [
        "A draft cannot be reviewed before it is submitted."
    ]


def test_a_refused_withdrawal_says_why(call, student, outsider, staff):
    rejected = at_status(call, student, Status.REJECTED)
    submitted = at_status(call, outsider, Status.SUBMITTED)
    past_deadline(call)

    assert refusal(lambda: services.application_withdraw(application=rejected, actor=staff)) == [
        "An application that is rejected cannot be withdrawn."
    ]
    assert refusal(lambda: services.application_withdraw(application=submitted, actor=outsider)) == [
        "The call has closed; to withdraw now, contact the International Office."
    ]


def test_a_host_the_student_did_not_choose_is_refused_saying_so(call, student, staff, hosts):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)

    assert refusal(lambda: services.application_accept(application=application, actor=staff, host=hosts[2])) == [
        "The host must be one of the institutions the student chose."
    ]
