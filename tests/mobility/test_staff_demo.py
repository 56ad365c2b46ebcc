"""The demo shows staff applications at every stage of a staff call, and a second run adds nothing."""

import datetime

import pytest

from intl_office.demo.loader import load_demo
from mobility.models import Application, Mobility, RecommendationList, StaffApplication

pytestmark = pytest.mark.django_db
Status = Application.Status
Endorsement = StaffApplication.Endorsement


def test_the_demo_has_staff_applications_at_each_stage_and_loads_twice_the_same():
    load_demo(today=datetime.date(2026, 3, 10))

    staff = Application.objects.filter(call__audience="staff")
    assert {"itec-courses-2025", "jica-knowledge-co-creation-staff", "el-yurt-umidi-staff-internships"} <= set(
        staff.values_list("call__slug", flat=True)
    )
    assert staff.filter(status=Status.DRAFT).exists()
    assert staff.filter(status=Status.SUBMITTED, staff__endorsement=Endorsement.PENDING).exists()
    assert staff.filter(status=Status.SUBMITTED, staff__endorsement=Endorsement.ENDORSED).exists()
    assert staff.filter(status=Status.REJECTED, staff__endorsement=Endorsement.DECLINED).exists()
    assert staff.filter(status=Status.SHORTLISTED, recommendation__isnull=True).exists()
    assert RecommendationList.objects.filter(decided_at__isnull=True).get().entries.count() == 2
    decided = RecommendationList.objects.get(decided_at__isnull=False)
    assert decided.order_number and decided.entries.filter(approved=False).exists()
    approved = staff.filter(status=Status.ACCEPTED)
    assert approved.count() == decided.entries.filter(approved=True).count()
    assert set(Mobility.objects.filter(application__in=approved).values_list("participant_kind", flat=True)) == {
        Mobility.ParticipantKind.STAFF
    }
    # The head of the department of a waiting application sees it waiting; every applicant is a member of staff.
    assert set(staff.values_list("student__affiliation", flat=True)) == {"employee"}
    waiting = staff.get(status=Status.SUBMITTED, staff__endorsement=Endorsement.PENDING)
    assert Application.objects.awaiting_endorsement_by(waiting.staff.department.head).get() == waiting
    counts = (staff.count(), StaffApplication.objects.count(), RecommendationList.objects.count())

    again = load_demo(today=datetime.date(2026, 3, 10))

    assert not {name: n for name, n in again.created.items() if name in ("Application", "StaffApplication")}
    assert (staff.count(), StaffApplication.objects.count(), RecommendationList.objects.count()) == counts
