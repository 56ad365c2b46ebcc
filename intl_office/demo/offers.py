"""Demo offers: what happens to the selection call's places after "accepted".

The selection call (three places) shows each state of an offer: the best student's offer waits for
an answer (``a8``), another student took the place (``a12``), a third declined it (``a13``; the
mobility is cancelled and kept) and the place went to the best-ranked student on the waiting list
(``a14``), whose new offer waits too. ``a9`` stays first on what is left of the waiting list. The
states are the ones ``mobility.services.offers`` leaves, written by natural key so a second run
changes nothing; deadlines move with the office's today.
"""

import datetime

from mobility.models import Application, ApplicationEvent

from .applications import APPLICANTS, REVIEWS, Applicant, ApplicationsLoader

Status = Application.Status

ACCEPTED_PATH = [Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED, Status.ACCEPTED]

OFFER_APPLICANTS = [
    Applicant("a12", Status.ACCEPTED, "information-technologies", "bachelor", 3, "4.76", "ielts", "7.0",
              ["LT:KTU", "PL:WUT"], "ru"),
    Applicant("a13", Status.DECLINED, "civil-engineering", "master", 1, "4.70", "toefl", "95",
              ["HU:BME", "FR:INSA"], path=[*ACCEPTED_PATH, Status.DECLINED]),
    Applicant("a14", Status.ACCEPTED, "mechanical-engineering", "bachelor", 3, "4.52", "ielts", "6.5",
              ["HU:BME", "LV:RTU"], "uz",
              path=[Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.ACCEPTED]),
]  # fmt: skip

OFFER_REVIEWS = [
    ("a12", "office", 9, "Strong record; the courses at KTU fit the study plan."),
    ("a13", "office", 9, "Excellent candidate for BME."),
    ("a14", "office", 8, "Good candidate; first on the waiting list until a place became free."),
]

# The offer of the best student (a8, accepted with the others a day ago) and of the promoted one: days left.
DAYS_LEFT = {"a8": 6, "a14": 7}


def load_offers(loader):
    """The demo's applications, this module's among them, then the offers' states on the selection call."""
    people = ApplicationsLoader(loader, specs=[*APPLICANTS, *OFFER_APPLICANTS], reviews=[*REVIEWS, *OFFER_REVIEWS])
    applications = people.run()
    # Accepted a day ago at ten (STEP_DAYS_AGO); answered that afternoon.
    answered = people.at(1, hour=16)
    for key, days in DAYS_LEFT.items():
        _offer(loader, applications[key], deadline=people.today + datetime.timedelta(days=days), answered=None)
    for key in ("a12", "a13"):
        _offer(loader, applications[key], deadline=people.today + datetime.timedelta(days=6), answered=answered)
    taken = applications["a12"]
    people.sync_dated(
        ApplicationEvent,
        {"application": taken, "kind": ApplicationEvent.Kind.OFFER_TAKEN},
        {"from_status": Status.ACCEPTED, "to_status": Status.ACCEPTED, "actor": taken.student},
        "created_at",
        answered,
    )


def _offer(loader, application, *, deadline, answered):
    loader.sync(Application, {"pk": application.pk}, {"offer_deadline": deadline, "offer_answered_at": answered})
