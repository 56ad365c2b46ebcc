"""The demo's foreign experts (from partners with visiting professors) and the Shandong visit's programme.

The Shandong visit is the tict profile's (seed 004); the experts are in every profile.
"""

import datetime

import pytest

from intl_office.demo.loader import load_demo
from mobility.models import Expert, ExpertEvent, Mobility, Visit

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 10)


def test_the_demo_has_current_past_published_and_due_experts_and_a_visit_programme():
    load_demo(today=TODAY, profile="tict")

    experts = Expert.objects.select_related("partner", "mobility")
    assert experts.count() >= 5
    published = Expert.objects.published()
    assert published.filter(end_date__gte=TODAY).exists() and published.filter(end_date__lt=TODAY).exists()
    assert Expert.objects.exclude(pk__in=published).exists()  # one the office has not published yet
    assert Expert.objects.deadline_within(14, TODAY).filter(visa_required=True).exists()
    assert Expert.objects.deadline_within(14, TODAY).filter(visa_required=False).exists()
    for expert in experts:
        assert expert.mobility.participant_kind == Mobility.ParticipantKind.STAFF
        assert expert.mobility.direction == "incoming" and expert.mobility.partner == expert.partner
        assert expert.email.endswith("@example.org")
        assert expert.full_name_ru and expert.subject_uz and expert.subject_ru
    assert ExpertEvent.objects.filter(action=ExpertEvent.Action.RECORDED).count() == experts.count()

    visit = Visit.objects.get(start_date=datetime.date(2024, 12, 3))
    agenda = list(visit.agenda.order_by("start_time"))
    assert len(agenda) >= 3 and all(item.room for item in agenda)
    assert agenda[0].guests.count() == visit.members.filter(side="guest").count()
    assert agenda[0].hosts.exists()

    counts = (Expert.objects.count(), Mobility.objects.count(), ExpertEvent.objects.count())
    later = load_demo(today=TODAY + datetime.timedelta(days=30), profile="tict")
    assert not later.created
    assert (Expert.objects.count(), Mobility.objects.count(), ExpertEvent.objects.count()) == counts
    moved = Expert.objects.get(full_name_en="Dmitry Sokolov")
    assert moved.mobility.start_date == moved.start_date == TODAY + datetime.timedelta(days=10)
