"""Messages in the student's language, and the reviews of an application."""

import pytest
from django.conf import settings
from django.core import mail

from mobility import services
from mobility.models import Application
from mobility.services import ApplicationError
from tests.applications import PERSONAL, checked_pdf, checked_photo
from tests.factories import FacultyFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.workflow.helpers import Status, at_status, submitted

pytestmark = pytest.mark.django_db


# --- the student's language ----------------------------------------------------------------------


def test_the_language_the_student_applies_in_is_kept_for_the_offices_emails(call, student, staff):
    application, _created = services.application_start(call=call, student=student, language="ru")
    assert application.language == "ru"
    services.application_save_draft(
        application=application,
        actor=student,
        fields={**PERSONAL, "faculty": FacultyFactory()},
        hosts=list(call.hosts.all())[:1],
        documents={document_type: checked_pdf() for document_type in call.required_documents.all()},
        photo=checked_photo(),
        language="uz",
    )
    services.application_submit(application=application, actor=student, language="uz")
    assert application.language == "uz"
    clear_mail()

    # The office's call passes no language: the student's own is used.
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()

    (message,) = mail.outbox
    assert "/uz/my/applications/" in message.body
    assert "tanloviga arizangiz" in message.subject


def test_an_office_action_in_another_language_does_not_change_the_students(call, student, staff):
    application = submitted(call, student)
    Application.objects.filter(pk=application.pk).update(language="ru")

    services.application_withdraw(application=application, actor=staff, language="uz")

    application.refresh_from_db()
    assert application.language == "ru"


def test_a_language_the_site_does_not_offer_is_ignored(call, student):
    application, _created = services.application_start(call=call, student=student, language="de")
    assert application.language == settings.LANGUAGE_CODE


# --- reviews -------------------------------------------------------------------------------------


def test_a_review_is_kept_once_per_reviewer(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)

    services.application_review(application=application, reviewer=staff, score=6, comment="First reading")
    review = services.application_review(application=application, reviewer=staff, score=8, comment="After interview")

    assert application.reviews.get() == review
    assert (review.score, review.comment) == (8, "After interview")


@pytest.mark.parametrize("score", [11, -1, None, "seven"])
def test_a_score_outside_0_to_10_is_refused(call, student, staff, score):
    application = at_status(call, student, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as excinfo:
        services.application_review(application=application, reviewer=staff, score=score)
    assert excinfo.value.code == "bad_score"
    assert not application.reviews.exists()


def test_drafts_are_not_reviewed_and_students_do_not_review(call, student, outsider, staff):
    draft, _created = services.application_start(call=call, student=student)
    with pytest.raises(ApplicationError) as not_yet:
        services.application_review(application=draft, reviewer=staff, score=5)
    application = at_status(call, outsider, Status.UNDER_REVIEW)
    with pytest.raises(ApplicationError) as not_staff:
        services.application_review(application=application, reviewer=student, score=10)
    assert (not_yet.value.code, not_staff.value.code) == ("draft", "not_staff")
