"""The approval chain: each step only by its holder, only in order; a refusal ends the request and is mailed."""

import datetime

import pytest
from django.core import mail

from intl_office.dates import today
from mobility.models import Mobility, TripChainStep, TripEvent, TripRequest, TripStep
from mobility.services import TripError, trip_decide, trip_record_order, trip_save_draft, trip_submit
from tests.factories import UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.trips import approve_all, chain, draft, invitation, people, seoul, steps_of, submitted

pytestmark = pytest.mark.django_db
Status = TripRequest.Status


@pytest.fixture
def p():
    crew = people()
    chain(crew)
    return crew


def test_submitting_copies_the_chain_with_each_holder(p):
    trip = submitted(p)
    head, dean, vice, order = steps_of(trip)
    assert [s.holder for s in (head, dean, vice, order)] == [p.head, p.dean, p.vice_rector, None]
    assert [s.title_ru for s in (head, order)] == ["Заведующий кафедрой", None]
    assert trip.status == Status.SUBMITTED
    assert TripEvent.objects.filter(trip=trip, kind=TripEvent.Kind.SUBMITTED, actor=p.traveller).exists()


def test_a_later_edit_of_the_chain_does_not_change_a_request_in_progress(p):
    trip = submitted(p)
    TripChainStep.objects.filter(position=3).delete()
    TripChainStep.objects.filter(position=1).update(title_en="Renamed")
    assert [s.title for s in steps_of(trip)] == ["Head of department", "Dean", "Vice-rector", "Rector's order"]


def test_the_first_holder_is_mailed_when_the_request_is_submitted(p):
    clear_mail()
    trip = submitted(p)
    run_jobs()
    [message] = mail.outbox
    assert message.to == [p.head.email]
    assert "Дилшод Рахимов" in message.subject
    assert f"/my/approvals/{steps_of(trip)[0].pk}/" in message.body


def test_a_step_is_taken_only_by_its_holder(p):
    trip = submitted(p)
    head = steps_of(trip)[0]
    for intruder in (p.dean, p.vice_rector, p.traveller, p.office, UserFactory()):
        with pytest.raises(TripError, match="not yours"):
            trip_decide(step=head, actor=intruder, approve=True)
    assert TripStep.objects.get(pk=head.pk).decision == ""


def test_steps_are_taken_only_in_order(p):
    trip = submitted(p)
    head, dean, vice, order = steps_of(trip)
    with pytest.raises(TripError, match="earlier step"):
        trip_decide(step=dean, actor=p.dean, approve=True)
    with pytest.raises(TripError, match="earlier step"):
        trip_decide(step=vice, actor=p.vice_rector, approve=True)
    with pytest.raises(TripError, match="earlier step"):
        trip_record_order(step=order, actor=p.office, number="1", date=today())
    trip_decide(step=head, actor=p.head, approve=True)
    with pytest.raises(TripError, match="already been decided"):
        trip_decide(step=head, actor=p.head, approve=False, comment="changed my mind")
    trip_decide(step=dean, actor=p.dean, approve=True)
    assert [s.decision for s in steps_of(trip)] == ["approved", "approved", "", ""]


def test_an_approval_mails_the_next_holder(p):
    trip = submitted(p)
    clear_mail()
    trip_decide(step=steps_of(trip)[0], actor=p.head, approve=True, comment="Good plan")
    run_jobs()
    assert [m.to for m in mail.outbox] == [[p.dean.email]]


def test_the_next_holder_is_mailed_in_the_language_they_last_decided_in(p):
    first = submitted(p)
    trip_decide(step=steps_of(first)[0], actor=p.head, approve=True)
    trip_decide(step=steps_of(first)[1], actor=p.dean, approve=True, language="uz")
    second = submitted(p)
    clear_mail()
    trip_decide(step=steps_of(second)[0], actor=p.head, approve=True)
    run_jobs()
    [message] = mail.outbox
    assert message.to == [p.dean.email]
    assert f"/uz/my/approvals/{steps_of(second)[1].pk}/" in message.body


def test_a_refusal_needs_a_reason(p):
    trip = submitted(p)
    with pytest.raises(TripError, match="reason"):
        trip_decide(step=steps_of(trip)[0], actor=p.head, approve=False, comment="   ")
    assert TripRequest.objects.get(pk=trip.pk).status == Status.SUBMITTED


def test_a_refused_step_ends_the_request_and_mails_the_reason_in_the_travellers_language(p):
    trip = trip_submit(trip=draft(p), traveller=p.traveller, language="ru")
    head, dean, vice, order = steps_of(trip)
    trip_decide(step=head, actor=p.head, approve=True)
    clear_mail()
    trip_decide(step=dean, actor=p.dean, approve=False, comment="Exams <b>that week</b>")
    run_jobs()
    trip.refresh_from_db()
    assert trip.status == Status.REFUSED
    [message] = mail.outbox
    assert message.to == [p.traveller.email]
    assert "Exams <b>that week</b>" in message.body
    # In Russian: the link, the country's name and the greeting (the catalogue already holds it).
    assert f"/ru/my/trips/{trip.pk}/" in message.body
    assert "Южная Корея" in message.body
    with pytest.raises(TripError):
        trip_decide(step=vice, actor=p.vice_rector, approve=True)
    assert TripEvent.objects.filter(trip=trip, kind=TripEvent.Kind.STEP_REFUSED, actor=p.dean).get().comment
    assert not Mobility.objects.exists()


def test_the_rectors_order_needs_its_number_and_date_and_office_staff(p):
    trip = submitted(p)
    head, dean, vice, order = steps_of(trip)
    for step, actor in ((head, p.head), (dean, p.dean), (vice, p.vice_rector)):
        trip_decide(step=step, actor=actor, approve=True)
    with pytest.raises(TripError, match="not yours"):
        trip_record_order(step=order, actor=p.vice_rector, number="5", date=today())
    with pytest.raises(TripError, match="not yours"):
        trip_decide(step=order, actor=p.office, approve=True)
    with pytest.raises(TripError, match="number and date"):
        trip_record_order(step=order, actor=p.office, number=" ", date=today())
    trip_record_order(step=order, actor=p.office, number="77-K", date=datetime.date(2026, 3, 2))
    order.refresh_from_db()
    assert (order.order_number, order.order_date, order.decided_by) == ("77-K", datetime.date(2026, 3, 2), p.office)


def test_students_are_refused(p):
    student = UserFactory(username="a-student")
    with pytest.raises(TripError, match="members of staff"):
        trip_save_draft(traveller=student, values={"city": "Seoul"})


def test_a_step_nobody_holds_refuses_the_submission(p):
    p.department.head = None
    p.department.save()
    trip = draft(p)
    with pytest.raises(TripError, match="no head"):
        trip_submit(trip=trip, traveller=p.traveller)
    trip.refresh_from_db()
    assert (trip.status, trip.steps.count()) == (Status.DRAFT, 0)


def test_the_invitation_letter_is_needed_to_submit(p):
    trip = draft(p)
    TripRequest.objects.filter(pk=trip.pk).update(invitation="")
    with pytest.raises(TripError, match="invitation"):
        trip_submit(trip=trip, traveller=p.traveller)


def test_the_last_approval_approves_the_trip(p):
    trip = approve_all(p, submitted(p))
    assert trip.status == Status.APPROVED
    assert trip.report_due == trip.end_date + datetime.timedelta(days=10)


def test_nobody_approves_their_own_trip(p):
    """A head of department's trip leaves out the step they would hold: the dean decides first."""
    p.head.department = p.department
    p.head.save()
    values = {"institution": seoul(), "city": "Seoul", "purpose": "research", "funding": "university"}
    start = today() + datetime.timedelta(days=20)
    own = trip_save_draft(
        traveller=p.head, values={**values, "start_date": start, "end_date": start}, invitation=invitation()
    )
    trip_submit(trip=own, traveller=p.head)
    assert [(s.position, s.holder) for s in steps_of(own)] == [(1, p.dean), (2, p.vice_rector), (3, None)]
    with pytest.raises(TripError, match="not yours"):
        trip_decide(step=steps_of(own)[0], actor=p.head, approve=True)
