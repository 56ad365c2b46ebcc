"""``is_faculty_coordinator``: who is narrowed down to one faculty, asked once per request."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, is_faculty_coordinator
from tests.factories import UserFactory

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
