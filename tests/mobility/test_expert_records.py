"""A foreign expert's record: one incoming staff mobility kept in step, the history, the rules on hosts and dates."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from intl_office.models import Department
from intl_office.roles import FACULTY_COORDINATOR, VIEWER
from mobility.models import Direction, Expert, ExpertEvent, Mobility
from mobility.services import expert_delete, expert_save
from mobility.statistics import mobility_totals
from tests.factories import FacultyFactory
from tests.mobility.experts import make_expert
from tests.users import member_of

pytestmark = pytest.mark.django_db


def test_a_recorded_expert_is_one_incoming_staff_mobility_that_counts(office_user):
    expert = make_expert(actor=office_user, activity=Mobility.Activity.RESEARCH)

    mobility = Mobility.objects.get()
    assert expert.mobility == mobility
    assert mobility.direction == Direction.INCOMING
    assert mobility.participant_kind == Mobility.ParticipantKind.STAFF
    assert mobility.activity == Mobility.Activity.RESEARCH
    assert (mobility.participant_name, mobility.partner, mobility.faculty) == (
        "Jan Kowalski",
        expert.partner,
        expert.host_faculty,
    )
    assert (mobility.start_date, mobility.end_date) == (expert.start_date, expert.end_date)
    assert mobility_totals()["incoming_staff"] == 1


def test_saving_again_keeps_the_one_mobility_in_step(office_user):
    expert = make_expert(actor=office_user)
    expert.end_date = datetime.date(2026, 7, 15)
    expert.status = Expert.Status.CONFIRMED
    expert_save(expert=expert, actor=office_user)
    expert_save(expert=Expert.objects.get(pk=expert.pk), actor=office_user)

    mobility = Mobility.objects.get()
    assert mobility.end_date == datetime.date(2026, 7, 15)
    assert mobility.status == Mobility.Status.CONFIRMED


def test_a_cancelled_stay_stops_counting_and_deleting_removes_the_mobility(office_user):
    expert = make_expert(actor=office_user)
    expert.status = Expert.Status.CANCELLED
    expert_save(expert=expert, actor=office_user, note="The partner postponed the course.")
    assert Mobility.objects.get().status == Mobility.Status.CANCELLED
    assert mobility_totals()["incoming_staff"] == 0

    expert_delete(expert=expert, actor=office_user)
    assert not Mobility.objects.exists()


def test_each_step_is_in_the_history_with_who_and_why(office_user):
    expert = make_expert(actor=office_user)
    expert.is_public = True
    expert.registered_until = datetime.date(2026, 4, 1)
    expert_save(expert=expert, actor=office_user, note="Registered at the migration office.")
    expert.status = Expert.Status.CANCELLED
    expert_save(expert=expert, actor=office_user, note="Visa refused.")

    steps = list(expert.events.order_by("created_at", "pk").values_list("action", "actor", "note"))
    assert steps[0][:2] == (ExpertEvent.Action.RECORDED, office_user.pk)
    changed = steps[1]
    assert changed[0] == ExpertEvent.Action.CHANGED and "registration due" in changed[2]
    assert "Registered at the migration office." in changed[2]
    assert steps[2][0] == ExpertEvent.Action.PUBLISHED
    assert steps[3] == (ExpertEvent.Action.CANCELLED, office_user.pk, "Visa refused.")


@pytest.mark.parametrize("role", [VIEWER, FACULTY_COORDINATOR])
def test_only_the_office_records_experts(role, faculty):
    reader = member_of(role, faculty=faculty)
    with pytest.raises(PermissionDenied):
        make_expert(actor=reader)
    assert not Expert.objects.exists() and not Mobility.objects.exists()


def test_an_expert_needs_a_host_and_a_departure_after_the_arrival(office_user):
    with pytest.raises(ValidationError) as refused:
        make_expert(actor=office_user, host_faculty=None)
    assert "Name the faculty or the department that hosts the expert." in refused.value.messages
    with pytest.raises(ValidationError) as refused:
        make_expert(actor=office_user, end_date=datetime.date(2026, 2, 1))
    assert "The departure cannot come before the arrival." in refused.value.messages
    assert not Expert.objects.exists() and not Mobility.objects.exists()


def test_the_department_gives_its_faculty_and_may_not_contradict_it(office_user):
    energy = FacultyFactory(name="Faculty of Energy", slug="energy")
    department = Department.objects.create(name="Department of Power Engineering", faculty=energy)
    expert = make_expert(actor=office_user, host_department=department)
    assert expert.host_faculty == energy
    assert Mobility.objects.get().faculty == energy

    with pytest.raises(ValidationError) as refused:
        make_expert(actor=office_user, host_department=department, host_faculty=FacultyFactory(slug="other"))
    assert "host_department" in refused.value.message_dict
    assert Expert.objects.count() == 1


def test_a_visa_date_needs_the_visa_ticked(office_user):
    with pytest.raises(ValidationError) as refused:
        make_expert(actor=office_user, visa_valid_until=datetime.date(2026, 4, 1))
    assert "visa_required" in refused.value.message_dict
