"""``is_faculty_coordinator``: who is narrowed down to one faculty, asked once per request; ``of_own_faculty`` and
``serves_faculty``: what a coordinator then sees and acts on."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, is_faculty_coordinator, of_own_faculty, serves_faculty
from tests.factories import FacultyFactory, MobilityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_answer_is_asked_of_the_database_once_per_user_object(coordinator, django_assert_num_queries):
    with django_assert_num_queries(1):
        answers = [is_faculty_coordinator(coordinator) for _ in range(3)]

    assert answers == [True, True, True]


def test_a_fresh_user_object_asks_again_and_sees_a_group_change(coordinator, django_assert_num_queries):
    assert is_faculty_coordinator(coordinator)
    coordinator.groups.clear()
    coordinator.groups.add(Group.objects.get(name=OFFICE_STAFF))

    assert is_faculty_coordinator(coordinator)  # the same request: the first answer stands
    assert not is_faculty_coordinator(type(coordinator).objects.get(pk=coordinator.pk))


def test_anonymous_visitors_and_superusers_are_never_coordinators(django_assert_num_queries):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    superuser.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))

    with django_assert_num_queries(0):
        assert not is_faculty_coordinator(AnonymousUser())
        assert not is_faculty_coordinator(superuser)


# --- what a coordinator may see and act on ------------------------------------------------------------


def test_a_coordinator_sees_and_acts_on_their_own_faculty_s_records_only(coordinator, office_user, faculty):
    own, other, none = MobilityFactory(faculty=faculty), MobilityFactory(faculty=FacultyFactory()), MobilityFactory()
    none.faculty = None
    none.save()
    mobility = type(own).objects.all()

    assert list(of_own_faculty(mobility, coordinator)) == [own]
    assert [serves_faculty(coordinator, record.faculty_id) for record in (own, other, none)] == [True, False, False]
    # Office staff are not narrowed.
    assert set(of_own_faculty(mobility, office_user)) == {own, other, none}
    assert [serves_faculty(office_user, record.faculty_id) for record in (own, other, none)] == [True, True, True]


def test_a_coordinator_whose_faculty_is_not_set_sees_and_acts_on_nothing_not_even_records_without_one(coordinator):
    coordinator.faculty = None
    coordinator.save()
    without_faculty = MobilityFactory()
    without_faculty.faculty = None
    without_faculty.save()

    assert not of_own_faculty(type(without_faculty).objects.all(), coordinator).exists()
    assert not serves_faculty(coordinator, None)
