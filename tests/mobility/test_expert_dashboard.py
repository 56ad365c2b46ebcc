"""The staff dashboard's card: guests whose visa or registration runs out within 14 days while they are here."""

import datetime

import pytest
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from tests.factories import FacultyFactory
from tests.mobility.experts import make_expert
from tests.users import member_of, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]
URL = reverse("staff:dashboard")


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def on(time_machine):
    time_machine.move_to(datetime.datetime(2026, 4, 1, 12), tick=False)
    return datetime.date(2026, 4, 1)


def test_the_card_lists_guests_with_a_deadline_soon_or_passed_soonest_first(staff_client, on):
    make_expert(full_name="Registration Soon", registered_until=on + days(10))
    make_expert(full_name="Visa Passed", visa_required=True, visa_valid_until=on - days(2))
    make_expert(full_name="Far Ahead", registered_until=on + days(40))
    make_expert(full_name="Already Gone", start_date=on - days(60), end_date=on - days(1), registered_until=on)
    make_expert(full_name="Leaves First", end_date=on + days(5), registered_until=on + days(6))

    response = staff_client.get(URL)
    names = [expert.full_name for expert in response.context["guest_deadlines"]]
    assert names == ["Visa Passed", "Registration Soon"]
    html = response.content.decode()
    assert "Guests: visa and registration deadlines" in html
    assert reverse("admin:mobility_expert_changelist") + "?deadline=soon" in html


def test_a_coordinator_sees_only_the_guests_their_faculty_hosts(on, faculty):
    coordinator = member_of(FACULTY_COORDINATOR, username="coordinator", faculty=faculty)
    make_expert(full_name="Own Guest", host_faculty=faculty, registered_until=on + days(3))
    make_expert(full_name="Other Guest", host_faculty=FacultyFactory(slug="other"), registered_until=on + days(3))

    response = signed_in(coordinator).get(URL)
    assert [expert.full_name for expert in response.context["guest_deadlines"]] == ["Own Guest"]


def test_the_admin_filter_lists_the_same_guests(staff_client, on):
    make_expert(full_name="Registration Soon", registered_until=on + days(10))
    make_expert(full_name="Far Ahead", registered_until=on + days(40))
    html = staff_client.get(reverse("admin:mobility_expert_changelist") + "?deadline=soon").content.decode()
    assert "Registration Soon" in html and "Far Ahead" not in html
