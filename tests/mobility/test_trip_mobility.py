"""An approved trip becomes exactly one staff Mobility: the traveller's, to the institution in the directory or not."""

import pytest
from django.core import mail

from mobility.models import Direction, Mobility, TripRequest
from mobility.services import TripError, trip_decide, trip_record_order
from partners.models import Institution
from tests.factories import GrantProgramFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.trips import approve_all, chain, people, seoul, steps_of, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    crew = people()
    chain(crew)
    return crew


def test_the_last_approval_creates_one_staff_mobility(p):
    trip = approve_all(p, submitted(p))
    mobility = Mobility.objects.get()
    assert trip.mobility == mobility
    assert (mobility.direction, mobility.participant_kind) == (Direction.OUTGOING, Mobility.ParticipantKind.STAFF)
    assert mobility.participant_name == "Дилшод Рахимов"
    assert mobility.faculty == p.department.faculty
    assert mobility.partner == seoul()
    assert (mobility.start_date, mobility.end_date) == (trip.start_date, trip.end_date)
    assert mobility.activity == Mobility.Activity.CONFERENCE


def test_the_approval_is_mailed_to_the_traveller(p):
    trip = submitted(p)
    clear_mail()
    approve_all(p, trip)
    run_jobs()
    # The dean and the vice-rector are asked in turn; the rector's order is the office's; then the traveller hears.
    assert [m.to for m in mail.outbox] == [[p.dean.email], [p.vice_rector.email], [p.traveller.email]]
    assert "is approved" in mail.outbox[-1].subject
    assert f"/my/trips/{trip.pk}/" in mail.outbox[-1].body


def test_no_mobility_before_the_last_step(p):
    trip = submitted(p)
    head, dean, vice, order = steps_of(trip)
    trip_decide(step=head, actor=p.head, approve=True)
    trip_decide(step=dean, actor=p.dean, approve=True)
    trip_decide(step=vice, actor=p.vice_rector, approve=True)
    assert not Mobility.objects.exists()
    assert TripRequest.objects.get().status == TripRequest.Status.SUBMITTED


def test_recording_the_order_twice_creates_no_second_mobility(p):
    trip = approve_all(p, submitted(p))
    with pytest.raises(TripError):
        trip_record_order(step=steps_of(trip)[3], actor=p.office, number="2", date=trip.start_date)
    assert Mobility.objects.count() == 1


def test_a_host_not_in_the_directory_is_added_there_hidden_from_visitors(p):
    trip = approve_all(p, submitted(p, institution=None, institution_name="Kyiv Polytechnic Institute", country="UA"))
    partner = trip.mobility.partner
    assert (partner.name, partner.country.code, partner.is_active) == ("Kyiv Polytechnic Institute", "UA", False)
    assert partner not in Institution.objects.public()


def test_a_second_trip_to_the_same_typed_host_reuses_its_entry(p):
    first = approve_all(p, submitted(p, institution=None, institution_name="Kyiv Polytechnic Institute", country="UA"))
    second = approve_all(p, submitted(p, institution=None, institution_name="kyiv polytechnic institute", country="UA"))
    assert first.mobility.partner == second.mobility.partner
    assert Mobility.objects.count() == 2


def test_a_grant_programme_goes_onto_the_mobility(p):
    programme = GrantProgramFactory(name="KOICA Fellowship")
    trip = approve_all(p, submitted(p, funding="grant", program=programme))
    assert trip.mobility.program == programme
