"""The offer an acceptance makes: take, decline, expiry, extension, and the waiting list moving up exactly once."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from mobility import services
from mobility.models import Application, ApplicationEvent, Mobility
from mobility.services import ApplicationError
from tests.factories import UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.offers import DAY, Status, applicant, offer_call, offered

pytestmark = pytest.mark.django_db

REASON = "The student wrote to the office that she will stay for her internship."


def mails_to(application):
    run_jobs()
    return [message for message in mail.outbox if message.to == [application.student.email]]


def test_an_acceptance_is_an_offer_with_the_calls_deadline_and_one_email_naming_host_and_deadline(today, staff):
    call = offer_call(response_days=5)
    application = offered(call, actor=staff)
    assert application.offer_pending
    assert application.offer_deadline == today + 5 * DAY
    (message,) = mails_to(application)
    assert "Gazi University" in message.body
    assert date_format(today + 5 * DAY) in message.body
    assert f"/my/applications/{application.pk}/" in message.body
    assert "waiting list" in message.body
    assert message.subject == "A place is offered to you: Erasmus+ semester exchange"


def test_the_offer_email_is_in_the_students_language(today, staff):
    call = offer_call()
    application = offered(call, actor=staff, language="ru")
    (message,) = mails_to(application)
    with translation.override("ru"):
        deadline = date_format(application.offer_deadline)
    assert deadline in message.body  # "17 марта 2026", in Russian
    assert f"/ru/my/applications/{application.pk}/" in message.body


def test_the_student_takes_the_place_once_and_the_history_says_so(today, staff):
    call = offer_call()
    application = offered(call, actor=staff)
    clear_mail()
    services.offer_take(application=application, actor=application.student)
    assert application.place_taken
    event = application.events.get(kind=ApplicationEvent.Kind.OFFER_TAKEN)
    assert event.actor == application.student
    (message,) = mails_to(application)
    assert message.subject == "You took your place: Erasmus+ semester exchange"
    assert Mobility.objects.place_taken().get().application == application
    with pytest.raises(ApplicationError) as excinfo:
        services.offer_take(application=application, actor=application.student)
    assert excinfo.value.code == "answered"
    with pytest.raises(ApplicationError):
        services.offer_decline(application=application, actor=application.student)
    assert application.events.filter(kind=ApplicationEvent.Kind.OFFER_TAKEN).count() == 1


def test_only_the_student_takes_the_place(today, staff):
    application = offered(offer_call(), actor=staff)
    for someone in (staff, UserFactory()):
        with pytest.raises(ApplicationError):
            services.offer_take(application=application, actor=someone)
    application.refresh_from_db()
    assert application.offer_pending


def test_the_deadline_day_is_the_last_to_answer(today, staff):
    call = offer_call(response_days=3)
    first = offered(call, actor=staff)
    Application.objects.filter(pk=first.pk).update(offer_deadline=today)
    services.offer_take(application=first, actor=first.student)
    assert first.place_taken
    second_call = offer_call(response_days=3)
    late = offered(second_call, actor=staff)
    Application.objects.filter(pk=late.pk).update(offer_deadline=today - DAY)
    for answer in (services.offer_take, services.offer_decline):
        with pytest.raises(ApplicationError) as excinfo:
            answer(application=late, actor=late.student)
        assert excinfo.value.code == "deadline_passed"
        assert date_format(today - DAY) in excinfo.value.messages[0]
    late.refresh_from_db()
    assert late.offer_pending


def test_a_decline_cancels_the_mobility_and_offers_the_place_to_the_best_ranked_waiting_student(today, staff):
    call = offer_call(places=1)
    application = offered(call, actor=staff)
    weaker = applicant(call, status=Status.WAITLISTED, score=6)
    best = applicant(call, status=Status.WAITLISTED, score=9)
    archived = applicant(call, status=Status.WAITLISTED, score=10)
    Application.objects.filter(pk=archived.pk).update(archived_at=application.decided_at)
    clear_mail()

    services.offer_decline(application=application, actor=application.student, reason="  I got a job.  ")

    application.refresh_from_db()
    assert (application.status, application.offer_answered_at is not None) == (Status.DECLINED, True)
    event = application.events.get(to_status=Status.DECLINED)
    assert (event.from_status, event.actor, event.note) == (Status.ACCEPTED, application.student, "I got a job.")
    mobility = Mobility.objects.get(application=application)
    assert mobility.status == Mobility.Status.CANCELLED
    assert "declined the place" in mobility.notes
    best.refresh_from_db()
    assert best.offer_pending and best.offer_deadline == today + 7 * DAY
    assert Mobility.objects.get(application=best).status == Mobility.Status.CONFIRMED
    weaker.refresh_from_db()
    archived.refresh_from_db()
    assert weaker.status == archived.status == Status.WAITLISTED
    assert [m.subject for m in mails_to(application)] == ["Your place is declined: Erasmus+ semester exchange"]
    assert [m.subject for m in mails_to(best)] == ["A place is offered to you: Erasmus+ semester exchange"]
    assert mails_to(weaker) == []


def test_the_promoted_student_gets_the_freed_host_when_they_chose_it_else_their_first_choice(today, staff):
    call = offer_call(places=2)
    gazi, kyungpook, latvia = call.hosts.order_by("name")
    at_latvia = offered(call, actor=staff, hosts=[latvia])
    at_gazi = offered(call, actor=staff, hosts=[gazi])
    chose_latvia_second = applicant(call, status=Status.WAITLISTED, score=9, hosts=[kyungpook, latvia])
    chose_other = applicant(call, status=Status.WAITLISTED, score=8, hosts=[kyungpook, gazi])

    services.offer_decline(application=at_latvia, actor=at_latvia.student)
    assert Mobility.objects.get(application=chose_latvia_second).partner == latvia
    services.offer_decline(application=at_gazi, actor=at_gazi.student)
    # The freed place is at Gazi, their second choice: they chose it, so it is kept where the quota is.
    assert Mobility.objects.get(application=chose_other).partner == gazi


def test_with_nobody_waiting_the_place_stays_free(today, staff):
    call = offer_call(places=1)
    application = offered(call, actor=staff)
    applicant(call, status=Status.REJECTED, score=10)
    services.offer_decline(application=application, actor=application.student)
    assert services.call_places_taken(call) == 0
    assert not Application.objects.filter(call=call, status=Status.ACCEPTED).exists()


def test_staff_record_a_decline_with_a_reason_even_after_the_deadline(today, staff):
    call = offer_call()
    application = offered(call, actor=staff)
    Application.objects.filter(pk=application.pk).update(offer_deadline=today - DAY)
    with pytest.raises(ApplicationError) as excinfo:
        services.offer_decline(application=application, actor=staff, reason="  ")
    assert excinfo.value.code == "no_reason"
    clear_mail()
    services.offer_decline(application=application, actor=staff, reason=REASON)
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert application.events.get(to_status=Status.DECLINED).note == REASON
    (message,) = mails_to(application)
    assert REASON in message.body


def test_a_stranger_cannot_decline_and_the_generic_transition_goes_through_the_service(today, staff):
    call = offer_call()
    application = offered(call, actor=staff)
    with pytest.raises(ApplicationError):
        services.offer_decline(application=application, actor=UserFactory(is_staff=False))
    with pytest.raises(ApplicationError) as excinfo:
        services.application_transition(application=application, to_status=Status.DECLINED, actor=staff)
    assert excinfo.value.code == "no_reason"
    services.application_transition(application=application, to_status=Status.DECLINED, actor=staff, note=REASON)
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert Mobility.objects.get(application=application).status == Mobility.Status.CANCELLED


def test_expiry_declines_only_offers_past_their_deadline_day_and_promotes_once(today, staff):
    call = offer_call(places=2)
    silent = offered(call, actor=staff)
    on_time = offered(call, actor=staff)
    Application.objects.filter(pk=silent.pk).update(offer_deadline=today - DAY)
    Application.objects.filter(pk=on_time.pk).update(offer_deadline=today)
    first = applicant(call, status=Status.WAITLISTED, score=9)
    second = applicant(call, status=Status.WAITLISTED, score=8)
    clear_mail()

    assert [a.pk for a in services.offers_expire(on=today)] == [silent.pk]
    assert services.offers_expire(on=today) == []

    silent.refresh_from_db()
    on_time.refresh_from_db()
    assert silent.status == Status.DECLINED and on_time.offer_pending
    event = silent.events.get(to_status=Status.DECLINED)
    assert event.actor is None and event.offer_expired
    assert event.note == "No answer by the deadline."
    assert "did not answer" in Mobility.objects.get(application=silent).notes
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.offer_pending and second.status == Status.WAITLISTED
    assert first.events.filter(to_status=Status.ACCEPTED).count() == 1
    assert "did not receive your answer" in mails_to(silent)[0].body
    assert len(mails_to(first)) == 1


def test_two_expired_offers_promote_two_students_in_rank_order(today, staff):
    call = offer_call(places=2)
    for application in (offered(call, actor=staff), offered(call, actor=staff)):
        Application.objects.filter(pk=application.pk).update(offer_deadline=today - DAY)
    third = applicant(call, status=Status.WAITLISTED, score=5)
    first = applicant(call, status=Status.WAITLISTED, score=9)
    second = applicant(call, status=Status.WAITLISTED, score=7)
    assert len(services.offers_expire(on=today)) == 2
    statuses = dict(Application.objects.filter(pk__in=[first.pk, second.pk, third.pk]).values_list("pk", "status"))
    assert statuses == {first.pk: Status.ACCEPTED, second.pk: Status.ACCEPTED, third.pk: Status.WAITLISTED}


def test_staff_extend_a_pending_offer_with_a_reason_and_the_expiry_waits(today, staff):
    call = offer_call()
    application = offered(call, actor=staff)
    Application.objects.filter(pk=application.pk).update(offer_deadline=today - DAY)
    for until, reason, code in (
        (today + 3 * DAY, "", "no_reason"),
        (today - DAY, REASON, "bad_deadline"),
        (today + 61 * DAY, REASON, "bad_deadline"),
    ):
        with pytest.raises(ApplicationError) as excinfo:
            services.offer_extend(application=application, actor=staff, until=until, reason=reason)
        assert excinfo.value.code == code
    with pytest.raises(ApplicationError):
        services.offer_extend(application=application, actor=application.student, until=today + 3 * DAY, reason=REASON)
    clear_mail()
    services.offer_extend(application=application, actor=staff, until=today + 3 * DAY, reason=REASON)
    assert application.offer_deadline == today + 3 * DAY
    event = application.events.get(kind=ApplicationEvent.Kind.OFFER_EXTENDED)
    assert event.note == REASON and event.changes["offer_deadline"][1] == (today + 3 * DAY).isoformat()
    (message,) = mails_to(application)
    assert date_format(today + 3 * DAY) in message.body
    assert services.offers_expire(on=today) == []
    services.offer_take(application=application, actor=application.student)
    assert application.place_taken


def test_a_new_acceptance_after_a_reopening_is_a_fresh_offer(today, staff):
    call = offer_call()
    application = offered(call, actor=staff)
    services.offer_take(application=application, actor=application.student)
    services.application_reopen(application=application, actor=staff, reason=REASON)
    services.application_accept(application=application, actor=staff)
    assert application.offer_pending and application.offer_deadline == today + 7 * DAY
