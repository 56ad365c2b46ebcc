"""The language a student's own action leaves on the application, and the office's entry points:
``application_transition`` hands the actor, note and language on to submitting, withdrawing, accepting and
declining, ``application_transition_each`` to every application, and a staff call's draft and submission
follow the staff form."""

import pytest
from django.core import mail

from intl_office.models import User
from mobility import services
from mobility.models import Application, Mobility, StaffApplication
from tests.applications import past_deadline
from tests.jobs import clear_mail, run_jobs
from tests.mobility.staff_calls import department, employee, staff_call, staff_draft
from tests.mobility.workflow.helpers import Status, at_status, complete_draft, submitted

pytestmark = pytest.mark.django_db


def stored(application):
    return Application.objects.get(pk=application.pk)


def history(application):
    return list(application.events.order_by("pk").values_list("from_status", "to_status", "actor", "note"))


# --- the student's language ----------------------------------------------------------------------


def test_the_language_a_student_submits_in_is_remembered_and_the_confirmation_uses_it(call, student):
    application = complete_draft(call, student)
    assert stored(application).language == "en"
    clear_mail()

    services.application_submit(application=application, actor=student, language="ru")
    run_jobs()

    assert stored(application).language == "ru"
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert message.subject == "Ваша заявка на конкурс «Erasmus+ semester exchange 2025/26»: Подана"


def test_the_language_a_student_withdraws_in_is_remembered(call, student):
    application = submitted(call, student)
    clear_mail()

    services.application_withdraw(application=application, actor=student, language="uz")
    run_jobs()

    assert stored(application).language == "uz"
    (message,) = mail.outbox
    assert "/uz/my/applications/" in message.body


def test_a_withdrawal_by_the_system_records_no_person_and_keeps_the_student_s_language(call, student):
    """A command acting for the office passes no actor, as the offers' expiry and promotion do."""
    application = submitted(call, student)
    Application.objects.filter(pk=application.pk).update(language="ru")

    services.application_withdraw(application=application, actor=None, note="Duplicate found by the import.")

    assert (stored(application).status, stored(application).language) == (Status.WITHDRAWN, "ru")
    assert history(application)[-1] == (Status.SUBMITTED, Status.WITHDRAWN, None, "Duplicate found by the import.")


# --- application_transition, the office's one entry point ------------------------------------------


def test_the_office_submits_a_paper_application_in_the_language_it_names(call, student, staff):
    application = complete_draft(call, student)
    clear_mail()

    services.application_transition(application=application, to_status=Status.SUBMITTED, actor=staff, language="ru")
    run_jobs()

    application = stored(application)
    assert application.status == Status.SUBMITTED
    assert application.submitted_at is not None
    assert application.language == "en"  # the office's language is not the student's
    assert history(application)[-1] == (Status.DRAFT, Status.SUBMITTED, staff.pk, "")
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert message.subject == "Ваша заявка на конкурс «Erasmus+ semester exchange 2025/26»: Подана"


def test_the_office_withdraws_for_the_student_in_the_language_it_names(call, student, staff):
    application = submitted(call, student)
    clear_mail()

    services.application_transition(
        application=application, to_status=Status.WITHDRAWN, actor=staff, note="Asked by letter.", language="ru"
    )
    run_jobs()

    assert (stored(application).status, stored(application).language) == (Status.WITHDRAWN, "en")
    assert history(application)[-1] == (Status.SUBMITTED, Status.WITHDRAWN, staff.pk, "Asked by letter.")
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert message.subject == "Ваша заявка на конкурс «Erasmus+ semester exchange 2025/26»: Отозвана"
    assert "/ru/my/applications/" in message.body


def test_the_office_offers_a_place_in_the_language_it_names_and_is_recorded_as_who_accepted(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    clear_mail()

    services.application_transition(application=application, to_status=Status.ACCEPTED, actor=staff, language="ru")
    run_jobs()

    assert (stored(application).status, stored(application).language) == (Status.ACCEPTED, "en")
    assert history(application)[-1] == (Status.SHORTLISTED, Status.ACCEPTED, staff.pk, "")
    (offer,) = mail.outbox
    assert offer.to == [student.email]
    assert offer.subject == "Вам предлагается место: Erasmus+ semester exchange 2025/26"
    assert f"/ru/my/applications/{application.pk}/" in offer.body


def test_the_office_records_a_student_s_decline_with_its_reason(call, student, staff):
    application = at_status(call, student, Status.SHORTLISTED)
    past_deadline(call)
    services.application_accept(application=application, actor=staff)

    services.application_transition(
        application=application, to_status=Status.DECLINED, actor=staff, note="Told us by phone: family reasons."
    )

    application = stored(application)
    assert application.status == Status.DECLINED
    assert application.offer_answered_at is not None
    assert history(application)[-1] == (
        Status.ACCEPTED,
        Status.DECLINED,
        staff.pk,
        "Told us by phone: family reasons.",
    )
    assert Mobility.objects.get(application=application).status == Mobility.Status.CANCELLED


# --- application_transition_each, the bulk actions -------------------------------------------------


def test_a_bulk_move_records_who_moved_each_application(call, student, outsider, staff):
    first = submitted(call, student)
    second = submitted(call, outsider)

    outcome = services.application_transition_each(
        applications=Application.objects.filter(pk__in=[first.pk, second.pk]),
        to_status=Status.UNDER_REVIEW,
        actor=staff,
    )

    assert sorted(application.pk for application in outcome.moved) == sorted([first.pk, second.pk])
    for application in (first, second):
        assert stored(application).status == Status.UNDER_REVIEW
        assert history(application)[-1] == (Status.SUBMITTED, Status.UNDER_REVIEW, staff.pk, "")


def test_a_bulk_refusal_with_several_reasons_shows_them_as_one_line(call, student, outsider, staff, passport):
    complete = complete_draft(call, student)
    lacking = complete_draft(call, outsider)
    Application.objects.filter(pk=lacking.pk).update(photo="")
    lacking.documents.filter(document_type=passport).delete()

    outcome = services.application_transition_each(
        applications=Application.objects.filter(pk__in=[complete.pk, lacking.pk]).order_by("pk"),
        to_status=Status.SUBMITTED,
        actor=staff,
    )

    assert [application.pk for application in outcome.moved] == [complete.pk]
    assert {reason: [application.pk for application in held] for reason, held in outcome.refused.items()} == {
        "Upload your photo. Upload the required document: Passport copy.": [lacking.pk]
    }
    assert stored(lacking).status == Status.DRAFT


# --- a staff call ------------------------------------------------------------------------------------


def test_a_staff_draft_lacks_the_staff_form_s_fields_not_a_student_s():
    call = staff_call()
    person = employee()
    draft = staff_draft(call, person, department(), position="")

    assert services.application_missing(draft) == ["Fill in: position."]


def test_a_staff_submission_fills_the_profile_and_waits_for_the_head():
    call = staff_call()
    person = employee()
    draft = staff_draft(call, person, department(), position="Associate professor")
    assert services.application_missing(draft) == []

    services.application_submit(application=draft, actor=person)

    assert stored(draft).status == Status.SUBMITTED
    assert User.objects.get(pk=person.pk).position == "Associate professor"
    assert StaffApplication.objects.get(application=draft).endorsement == StaffApplication.Endorsement.PENDING
