"""How the demo's recent student stays went: abroad now, back without a transcript, back with credits.

Picked from the stays ``stays.py`` plans, by date, so the office's follow-ups have something to show:
every outgoing student stay that goes on today has its arrival confirmed; of those that ended in the
last year, every other one has its transcript of records and the credits the faculty recognised, the
others are back without a transcript. The real dates are the planned ones (the plan's status already
says confirmed or completed), so the statistics do not move. A second run changes nothing.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from intl_office.page_cache import content_changed
from mobility.models import Mobility, Recognition, StayEvent

from .applications import _store, demo_pdf

COURSES = [
    ("ENG-301", "Thermal systems design", Decimal("6"), "B+", "IE-312", "Issiqlik tizimlari", Decimal("5")),
    ("ENG-415", "Renewable energy project", Decimal("5"), "A", "IE-420", "Qayta tiklanuvchi energiya", Decimal("5")),
    ("LAN-110", "Local language and culture", Decimal("3"), "Pass", "", "", Decimal("0")),
]

DEMO_ACTOR = "International Office (demo)"


class StayOutcomesLoader:
    def __init__(self, loader):
        self.loader = loader
        self.today = loader.today

    def run(self):
        since = self.today - datetime.timedelta(days=365)
        students = Mobility.objects.place_taken().outgoing().filter(participant_kind=Mobility.ParticipantKind.STUDENT)
        for mobility in students.filter(start_date__lte=self.today, end_date__gte=self.today).order_by("pk"):
            self.arrived(mobility)
        returned = students.filter(end_date__lt=self.today, end_date__gte=since).order_by("end_date", "pk")
        for index, mobility in enumerate(returned):
            self.arrived(mobility)
            self.departed(mobility, with_outcome=index % 2 == 0)
        # Outcomes of stays this run did not pick (another demo profile's stays): only the demo's own.
        demo_stays = Mobility.objects.filter(participant_email__endswith="@example.org")
        self.loader.delete_stale(StayEvent.objects.filter(mobility__in=demo_stays, actor_name=DEMO_ACTOR))
        self.loader.delete_stale(Recognition.objects.filter(mobility__in=demo_stays))

    def at(self, day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11, 0)))

    def arrived(self, mobility):
        values = {"planned_start_date": mobility.start_date, "arrival_confirmed_at": self.at(mobility.start_date)}
        self.loader.sync(Mobility, {"pk": mobility.pk}, values)
        self.event(mobility, StayEvent.Step.ARRIVED, mobility.start_date)

    def departed(self, mobility, *, with_outcome):
        values = {"planned_end_date": mobility.end_date, "departure_confirmed_at": self.at(mobility.end_date)}
        if with_outcome:
            name = _store(f"transcripts/demo/{mobility.pk}.pdf", lambda: demo_pdf("Transcript of records (demo)"))
            uploaded = self.at(mobility.end_date + datetime.timedelta(days=14))
            values.update(transcript=name, transcript_uploaded_at=uploaded)
        self.loader.sync(Mobility, {"pk": mobility.pk}, values)
        self.event(mobility, StayEvent.Step.DEPARTED, mobility.end_date)
        if not with_outcome:
            return
        self.event(mobility, StayEvent.Step.TRANSCRIPT, None, days_after=14)
        for position, (code, title, earned, grade, home_code, home_title, recognised) in enumerate(COURSES, start=1):
            self.loader.sync(
                Recognition,
                {"mobility": mobility, "position": position},
                {
                    "host_code": code,
                    "host_title": title,
                    "credits_earned": earned,
                    "grade": grade,
                    "home_code": home_code,
                    "home_title": home_title,
                    "credits_recognised": recognised,
                },
            )
        self.event(mobility, StayEvent.Step.RECOGNISED, None, days_after=30)

    def event(self, mobility, step, on, *, days_after=0):
        stamp = self.at((on or mobility.end_date) + datetime.timedelta(days=days_after))
        event = self.loader.sync(StayEvent, {"mobility": mobility, "step": step}, {"on": on, "actor_name": DEMO_ACTOR})
        if event.created_at != stamp:
            StayEvent.objects.filter(pk=event.pk).update(created_at=stamp)
            content_changed()
