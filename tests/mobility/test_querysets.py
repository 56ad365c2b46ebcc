"""QuerySet methods the student's pages and the visit cards read through."""

import pytest

from mobility.models import Application, Visit, VisitMember
from tests.factories import (
    ApplicationEventFactory,
    ApplicationFactory,
    VisitFactory,
    VisitMemberFactory,
    VisitPhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_a_student_gets_their_own_applications_newest_first_in_fixed_queries(
    student, outsider, django_assert_num_queries
):
    older = ApplicationFactory(student=student)
    newer = ApplicationFactory(student=student)
    ApplicationEventFactory(application=newer)
    ApplicationFactory(student=outsider)

    # 1 the applications with call and programme, 2 their events, 3 documents, 4 host preferences.
    with django_assert_num_queries(4):
        applications = list(Application.objects.of_student(student))
        assert [len(application.events.all()) for application in applications] == [1, 0]

    assert applications == [newer, older]


def test_a_visits_delegation_size_counts_its_guests_only():
    visit = VisitFactory()
    VisitMemberFactory.create_batch(3, visit=visit)
    VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST)
    empty = VisitFactory()

    sizes = {visit.pk: visit.delegation_size for visit in Visit.objects.with_delegation_size()}

    assert sizes == {visit.pk: 3, empty.pk: 0}


def test_a_visits_first_photo_follows_the_editors_order_then_the_upload():
    visit = VisitFactory()
    VisitPhotoFactory(visit=visit, order=2)
    first = VisitPhotoFactory(visit=visit, order=1)
    VisitPhotoFactory(visit=visit, order=1)
    without = VisitFactory()

    photos = {visit.pk: visit.first_photo_id for visit in Visit.objects.with_first_photo_id()}

    assert photos == {visit.pk: first.pk, without.pk: None}
