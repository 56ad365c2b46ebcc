"""The demo's nominations: the latest outgoing stays nominated to their hosts, one in each state.

Written as rows, like the rest of the demo (no e-mail leaves): the office's demo reviewer sent
them; one host accepted, one asked for more information, one refused, one has not answered,
and one asked first and accepted the second round. Found again by their mobility and round
number, so a second run changes nothing.
"""

import datetime

from intl_office.roles import OFFICE_STAFF
from mobility.models import Mobility, Nomination, NominationEvent, NominationRound, NominationState

from .applications import ApplicationsLoader

State = NominationState

# Each nomination's rounds: (the host's answer or None while it waits, comment, days ago sent).
PLANS = [
    [(None, "", 3)],
    [(State.ACCEPTED, "", 20)],
    [(State.MORE_INFO, "Please send the transcript of records in English.", 12)],
    [(State.REFUSED, "Our places for this semester are filled; we suggest the next intake.", 25)],
    [
        (State.MORE_INFO, "Which courses does the student plan to take?", 30),
        (State.ACCEPTED, "Welcome! The acceptance letter follows by post.", 15),
    ],
]


class NominationsLoader:
    def __init__(self, loader):
        self.loader = loader
        self.applications = ApplicationsLoader(loader)
        self.today = loader.today

    def run(self):
        office = self.applications.user("reviewer|office", is_staff=True, groups=[OFFICE_STAFF])
        upcoming = (
            Mobility.objects.place_taken()
            .outgoing()
            .filter(application__isnull=True, trip__isnull=True)  # a business trip is nobody's nomination
            .select_related("partner")
            .order_by("-start_date", "pk")
        )
        for mobility, plan in zip(upcoming[: len(PLANS)], PLANS, strict=False):
            self._nominate(mobility, plan, office)

    def _nominate(self, mobility, plan, office):
        contact = mobility.partner.contacts.exclude(email="").order_by("-is_primary", "full_name", "pk").first()
        email = contact.email if contact else f"international.{mobility.partner_id}@example.org"
        last_state = State.SENT if plan[-1][0] is None else plan[-1][0]
        nomination = self.loader.sync(Nomination, {"mobility": mobility}, {"state": last_state})
        for number, (answer, comment, days_ago) in enumerate(plan, start=1):
            sent_at = self.applications.at(days_ago)
            answered_at = self.applications.at(days_ago - 2, hour=15) if answer else None
            round_ = self.applications.sync_dated(
                NominationRound,
                {"nomination": nomination, "number": number},
                {
                    "contact": contact,
                    "email": email,
                    "sent_by": office,
                    "state": answer or State.SENT,
                    "comment": comment,
                    "answered_by_name": contact.full_name if (answer and contact) else ("Host" if answer else ""),
                    "answered_at": answered_at,
                },
                "sent_at",
                sent_at,
            )
            before = State.MORE_INFO if number > 1 else ""
            self.applications.sync_dated(
                NominationEvent,
                {"nomination": nomination, "round": round_, "to_state": State.SENT},
                {
                    "from_state": before,
                    "actor": office,
                    "actor_name": office.get_full_name(),
                    "note": f"Sent to {email}.",
                },
                "created_at",
                sent_at,
            )
            if answer:
                self.applications.sync_dated(
                    NominationEvent,
                    {"nomination": nomination, "round": round_, "to_state": answer},
                    {"from_state": State.SENT, "actor": None, "actor_name": "Host link", "note": comment},
                    "created_at",
                    answered_at or sent_at + datetime.timedelta(days=1),
                )
