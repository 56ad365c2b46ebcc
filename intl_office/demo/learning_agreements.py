"""The demo's learning agreements: the students leaving next and one abroad now, one at each stage.

Written as rows, like the rest of the demo (no e-mail leaves): a draft, one waiting for both
coordinators, one the host approved that waits for the faculty, one approved by both, and one
abroad now whose first version was approved and whose change during the stay waits for the host.
Found again by their mobility and version number, so a second run changes nothing.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import (
    LearningAgreement,
    LearningAgreementApproval,
    LearningAgreementEvent,
    LearningAgreementRow,
    LearningAgreementVersion,
    Mobility,
)

from .applications import ApplicationsLoader

User = get_user_model()
State = LearningAgreementVersion.State
Party = LearningAgreementApproval.Party
APPROVE = LearningAgreementApproval.Decision.APPROVE

# Courses at the host and the home courses they replace: (code, title, ECTS, home code, home title, home credits).
COURSES = [
    ("EE-301", "Power Electronics", "6", "EE-310", "Kuch elektronikasi", "5"),
    ("EE-315", "Renewable Energy Systems", "5", "EE-320", "Qayta tiklanuvchi energiya tizimlari", "4"),
    ("CS-210", "Data Structures and Algorithms", "6", "AT-205", "Ma'lumotlar tuzilmalari va algoritmlar", "5"),
    ("ME-402", "Finite Element Analysis", "5", "MX-410", "Chekli elementlar usuli", "4"),
    ("LAN-101", "Language and Culture of the Host Country", "3", "", "", ""),
]
HOST_COORDINATOR = ("Anna Kowalska", "Erasmus+ departmental coordinator")

# For each stay, its versions: (state, host answered?, faculty answered?, days ago submitted, rows used).
PLANS = {
    "draft": [(State.DRAFT, False, False, None, [2, 4])],
    "waiting": [(State.SUBMITTED, False, False, 6, [0, 1, 4])],
    "host_approved": [(State.SUBMITTED, True, False, 10, [2, 3, 4])],
    "approved": [(State.APPROVED, True, True, 30, [0, 1, 2, 4])],
    "changed": [(State.APPROVED, True, True, 120, [0, 1, 4]), (State.SUBMITTED, False, True, 5, [0, 3, 4])],
}


class LearningAgreementsLoader:
    def __init__(self, loader):
        self.loader = loader
        self.applications = ApplicationsLoader(loader)
        self.today = loader.today

    def run(self):
        for mobility, plan in zip(self._stays(), PLANS.values(), strict=False):
            self._agreement(mobility, plan)

    def _stays(self):
        """The stays the demo's agreements belong to: those of an earlier run, else the students leaving next and
        one abroad now. Later steps of the demo move stays' dates (confirmed arrivals), so choosing afresh on a
        second run could give a plan to another stay."""
        students = Mobility.objects.taking_learning_agreements().outgoing().select_related("faculty")
        earlier = list(
            LearningAgreement.objects.filter(mobility__in=students).order_by("pk").values_list("mobility", flat=True)
        )
        if earlier:
            stays = students.in_bulk(earlier[: len(PLANS)])
            return [stays[pk] for pk in earlier[: len(PLANS)]]
        leaving = list(students.filter(start_date__gt=self.today).order_by("start_date", "pk")[:4])
        abroad = list(students.filter(start_date__lte=self.today, end_date__gte=self.today).order_by("start_date")[:1])
        return leaving + abroad

    @staticmethod
    def _coordinator(faculty):
        """The demo's coordinator of ``faculty`` if any; the other faculties' approvals name the dean's office."""
        if faculty is None:
            return None
        return User.objects.filter(groups__name=FACULTY_COORDINATOR, faculty=faculty, is_active=True).first()

    def _agreement(self, mobility, plan):
        agreement = self.loader.sync(LearningAgreement, {"mobility": mobility}, {})
        coordinator = self._coordinator(mobility.faculty)
        for number, (state, host_answered, faculty_answered, days_ago, rows) in enumerate(plan, start=1):
            submitted_at = self.applications.at(days_ago) if days_ago is not None else None
            approved_at = self.applications.at(days_ago - 3, hour=16) if state == State.APPROVED else None
            version = self.loader.sync(
                LearningAgreementVersion,
                {"agreement": agreement, "number": number},
                {"state": state, "submitted_at": submitted_at, "approved_at": approved_at},
            )
            for position, index in enumerate(rows):
                code, title, credits, home_code, home_title, home_credits = COURSES[index]
                self.loader.sync(
                    LearningAgreementRow,
                    {"version": version, "position": position},
                    {
                        "host_code": code,
                        "host_title": title,
                        "host_credits": Decimal(credits),
                        "semester": LearningAgreementRow.Semester.AUTUMN,
                        "home_code": home_code,
                        "home_title": home_title,
                        "home_credits": Decimal(home_credits) if home_credits else None,
                    },
                )
            if submitted_at is None:
                continue
            self._event(version, "", State.SUBMITTED, mobility.participant_name, submitted_at)
            if host_answered:
                when = self.applications.at(days_ago - 2, hour=11)
                self._approval(version, Party.HOST, None, *HOST_COORDINATOR, when)
                self._event(version, State.SUBMITTED, State.SUBMITTED, HOST_COORDINATOR[0], when, "Host approved.")
            if faculty_answered:
                when = self.applications.at(days_ago - 3, hour=16)
                name = coordinator.get_full_name() if coordinator else "Dean's office"
                self._approval(version, Party.FACULTY, coordinator, name, "Faculty coordinator", when)
                to_state = State.APPROVED if state == State.APPROVED else State.SUBMITTED
                self._event(version, State.SUBMITTED, to_state, name, when, "Faculty approved.", actor=coordinator)

    def _approval(self, version, party, approver, name, position, when):
        self.applications.sync_dated(
            LearningAgreementApproval,
            {"version": version, "party": party},
            {"decision": APPROVE, "approver": approver, "approver_name": name, "approver_position": position},
            "decided_at",
            when,
        )

    def _event(self, version, from_state, to_state, name, when, note="", actor=None):
        self.applications.sync_dated(
            LearningAgreementEvent,
            {"agreement": version.agreement, "version": version, "to_state": to_state, "note": note},
            {"from_state": from_state, "actor": actor, "actor_name": name},
            "created_at",
            when,
        )
