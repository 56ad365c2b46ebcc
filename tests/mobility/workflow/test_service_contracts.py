"""What the services promise their callers: each refusal's code and exact message, in English and in
Russian, the list of what a draft still lacks, and what a review or a withdrawal stores by default."""

import datetime

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import translation

from intl_office.models import User
from mobility import services
from mobility.models import Application, Mobility
from mobility.services import ApplicationError
from programs.models import Call
from tests.applications import past_deadline
from tests.factories import ApplicationFactory
from tests.mobility.workflow.helpers import Status, at_status, complete_draft, submitted

pytestmark = pytest.mark.django_db


def refusal(action, language="en"):
    """The ApplicationError ``action`` raises while the site is in ``language``."""
    with translation.override(language), pytest.raises(ApplicationError) as excinfo:
        action()
    return excinfo.value


def messages_in(error, language):
    with translation.override(language):
        return error.messages


# --- refusals: the code a view tells apart and the message it shows --------------------------------


def test_accepting_an_application_that_names_no_host_is_refused_saying_so(call, student, staff):
    application = ApplicationFactory(call=call, student=student, status=Status.SHORTLISTED)
    past_deadline(call)

    error = refusal(lambda: services.application_accept(application=application, actor=staff))

    assert error.code == "no_host"
    assert messages_in(error, "en") == ["The application names no host institution."]
    assert messages_in(error, "ru") == ["В заявке не указана ни одна принимающая организация."]
    application.refresh_from_db()
    assert (application.status, application.decided_at) == (Status.SHORTLISTED, None)
    assert not Mobility.objects.exists()


def test_an_archived_application_does_not_move_saying_so(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)
    services.application_archive(application=application, actor=staff, reason="Duplicate of a paper application.")
    events = application.events.count()

    error = refusal(
        lambda: services.application_transition(application=application, to_status=Status.SHORTLISTED, actor=staff)
    )

    assert error.code == "archived"
    assert messages_in(error, "en") == ["An archived application does not move any more."]
    assert messages_in(error, "ru") == ["Статус заявки в архиве больше не меняется."]
    assert Application.objects.get(pk=application.pk).status == Status.UNDER_REVIEW
    assert application.events.count() == events


def test_a_second_submission_is_refused_saying_it_is_already_submitted(call, student):
    application = complete_draft(call, student)
    stale_tab = Application.objects.get(pk=application.pk)
    services.application_submit(application=application, actor=student)

    error = refusal(lambda: services.application_submit(application=stale_tab, actor=student))

    assert error.code == "already_submitted"
    assert messages_in(error, "en") == ["This application has already been submitted."]
    assert messages_in(error, "ru") == ["Эта заявка уже подана."]


def test_a_submission_after_the_deadline_names_the_day_the_call_closed(call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(opens_on=datetime.date(2025, 3, 1), deadline=datetime.date(2025, 3, 14))

    in_english = refusal(lambda: services.application_submit(application=application, actor=student))
    in_russian = refusal(lambda: services.application_submit(application=application, actor=student), "ru")

    assert (in_english.code, in_russian.code) == ("call_closed", "call_closed")
    assert messages_in(in_english, "en") == [
        "The call closed on 14 March 2025; applications can no longer be submitted."
    ]
    assert messages_in(in_russian, "ru") == [
        "Приём заявок по конкурсу завершился 14 марта 2025; подать заявку больше нельзя."
    ]
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


def test_a_decision_before_the_deadline_names_the_last_day_to_apply_and_what_to_do(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    Call.objects.filter(pk=call.pk).update(deadline=datetime.date(2099, 3, 14))

    def reject():
        services.application_transition(application=application, to_status=Status.REJECTED, actor=staff)

    in_english = refusal(reject)
    in_russian = refusal(reject, "ru")

    assert (in_english.code, in_russian.code) == ("before_deadline", "before_deadline")
    assert messages_in(in_english, "en") == [
        "No decision before the call's deadline: students may apply until the end of 14 March 2099. "
        "To decide earlier, close the call early with a reason."
    ]
    assert messages_in(in_russian, "ru") == [
        "До окончания срока конкурса решения не принимаются: студенты могут подать заявку до конца дня "
        "14 марта 2099. Чтобы решить раньше, закройте конкурс досрочно, указав причину."
    ]
    assert Application.objects.get(pk=application.pk).status == Status.SHORTLISTED


def test_each_message_of_an_incomplete_draft_keeps_the_rule_s_code_in_a_form(call, student):
    application, _created = services.application_start(call=call, student=student)
    error = refusal(lambda: services.application_submit(application=application, actor=student))
    form = forms.Form(data={})

    form.add_error(None, error)

    assert error.code == "incomplete"
    assert len(error.messages) > 1
    assert [item.code for item in form.errors.as_data()[NON_FIELD_ERRORS]] == ["incomplete"] * len(error.messages)
    assert form.has_error(NON_FIELD_ERRORS, code="incomplete")


# --- what a draft still lacks ------------------------------------------------------------------


def test_a_language_certificate_without_its_score_keeps_the_draft_from_being_submitted(call, student):
    application = complete_draft(call, student)
    Application.objects.filter(pk=application.pk).update(language_certificate="ielts", language_score="")
    application.refresh_from_db()

    assert services.application_missing(application) == ["Give the score of your language certificate."]
    with translation.override("ru"):
        assert services.application_missing(application) == ["Укажите результат по языковому сертификату."]
    error = refusal(lambda: services.application_submit(application=application, actor=student))
    assert (error.code, error.messages) == ("incomplete", ["Give the score of your language certificate."])
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


def test_a_level_of_study_the_call_is_not_open_to_keeps_the_draft_back(call, student):
    application = complete_draft(call, student)  # a bachelor student
    Call.objects.filter(pk=call.pk).update(for_bachelor=False)
    application.refresh_from_db()

    assert services.application_missing(application) == [
        "This call is not open to your level of study; it is open to: Master, Doctorate."
    ]


def test_a_year_of_study_outside_the_call_s_years_keeps_the_draft_back(call, student):
    application = complete_draft(call, student)  # in the third year
    Call.objects.filter(pk=call.pk).update(min_year_of_study=1, max_year_of_study=2)
    application.refresh_from_db()

    assert services.application_missing(application) == [
        "This call is not open to your year of study; it asks for years of study 1–2."
    ]


def test_a_member_of_staff_cannot_submit_to_a_students_call(call, student):
    application = complete_draft(call, student)
    User.objects.filter(pk=student.pk).update(affiliation=User.Affiliation.EMPLOYEE)
    application.refresh_from_db()

    assert services.application_missing(application) == [
        "This call is for students; members of staff apply to the staff calls."
    ]
    error = refusal(lambda: services.application_submit(application=application, actor=student))
    assert error.code == "incomplete"
    assert Application.objects.get(pk=application.pk).status == Status.DRAFT


# --- what is stored when the caller leaves something out ------------------------------------------


def test_a_review_without_a_comment_stores_an_empty_comment(call, student, staff):
    application = at_status(call, student, Status.UNDER_REVIEW)

    services.application_review(application=application, reviewer=staff, score=7)

    review = application.reviews.get()
    assert (review.reviewer, review.score, review.comment) == (staff, 7, "")


def test_a_withdrawal_without_a_note_records_an_empty_note(call, student):
    application = submitted(call, student)

    services.application_withdraw(application=application, actor=student)

    event = application.events.order_by("pk").last()
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        Status.SUBMITTED,
        Status.WITHDRAWN,
        student,
        "",
    )


def test_an_acceptance_without_a_note_records_an_empty_note(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)

    services.application_accept(application=application, actor=staff)

    event = application.events.order_by("pk").last()
    assert (event.from_status, event.to_status, event.actor, event.note) == (
        Status.SHORTLISTED,
        Status.ACCEPTED,
        staff,
        "",
    )
