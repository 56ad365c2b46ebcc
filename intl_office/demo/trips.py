"""The demo's business trips abroad: the office's approval chain and trips of invented staff at each stage.

The chain is the one the seed offices describe: the head of the traveller's department, the dean,
the vice-rector for international affairs, the rector's order the office records. The trips go to
the demo's partners: a draft, one waiting at each step, one refused, one approved and ahead, one
back with its report filed, one whose report is overdue. Written as rows, like the rest of the demo
(no e-mail leaves), each found again by its traveller, so a second run changes nothing and a later
day moves the dates. An approved trip has its staff mobility, as ``mobility.services.trips`` would make it.
"""

import datetime
from dataclasses import dataclass

from intl_office.roles import OFFICE_STAFF
from mobility.models import (
    Direction,
    Funding,
    Holder,
    Mobility,
    Purpose,
    TripChain,
    TripChainStep,
    TripEvent,
    TripRequest,
    TripStep,
)
from mobility.services.trips import ACTIVITIES

from .applications import ApplicationsLoader
from .content import T
from .people import DEPARTMENTS

Status = TripRequest.Status
Kind = TripEvent.Kind

GUIDANCE = T(
    "Ask at least a month before departure, with the host's invitation letter. After your return, file the trip "
    "report within ten days: what was done, the agreements reached and the people you met.",
    "Safardan kamida bir oy oldin qabul qiluvchining taklifnomasi bilan so‘rov yuboring. Qaytganingizdan so‘ng o‘n "
    "kun ichida safar hisobotini topshiring: nima qilindi, qanday kelishuvlarga erishildi, kimlar bilan uchrashdingiz.",
    "Подавайте заявку не позднее чем за месяц до отъезда, с приглашением принимающей стороны. После возвращения "
    "сдайте отчёт о командировке в течение десяти дней: что сделано, какие договорённости достигнуты, "
    "с кем встречались.",
)

CHAIN = [
    (T("Head of department", "Kafedra mudiri", "Заведующий кафедрой"), Holder.HEAD),
    (T("Dean of the faculty", "Fakultet dekani", "Декан факультета"), Holder.DEAN),
    (
        T(
            "Vice-rector for international affairs",
            "Xalqaro hamkorlik bo‘yicha prorektor",
            "Проректор по международным связям",
        ),
        Holder.PERSON,
    ),
    (T("Rector's order", "Rektor buyrug‘i", "Приказ ректора"), Holder.RECTOR_ORDER),
]


@dataclass(frozen=True)
class TripSpec:
    key: str  # the traveller
    partner: str  # a partner's key in the demo (country:short name)
    starts_in: int  # days from today
    days: int
    purpose: str
    funding: str
    decided: int  # steps approved so far; -1: a draft
    refused: str = ""  # the refusal's reason at step ``decided`` + 1
    report: bool = False
    description: str = ""


TRIPS = [
    TripSpec("draft", "KR:KAIST", 60, 6, Purpose.CONFERENCE, Funding.UNIVERSITY, -1,
             description="A paper at the Korean Chemical Society's autumn meeting."),
    TripSpec("head", "TR:METU", 45, 5, Purpose.NEGOTIATIONS, Funding.UNIVERSITY, 0,
             description="Talks on a double degree in civil engineering."),
    TripSpec("dean", "RU:TPU", 40, 14, Purpose.TEACHING, Funding.HOST, 1,
             description="A fortnight of lectures on petroleum chemistry."),
    TripSpec("vice", "CN:HIT", 35, 7, Purpose.RESEARCH, Funding.GRANT, 2,
             description="Joint experiments on welding of high-strength steels."),
    TripSpec("order", "HU:BME", 30, 5, Purpose.TRAINING, Funding.GRANT, 3,
             description="Staff training week under Erasmus+."),
    TripSpec("refused", "IT:POLIMI", 20, 10, Purpose.CONFERENCE, Funding.UNIVERSITY, 1,
             refused="The same week as the state examinations: please choose another date."),
    TripSpec("approved", "PL:WUT", 15, 5, Purpose.CONFERENCE, Funding.HOST, 4,
             description="A keynote at the Central Asian transport forum."),
    TripSpec("reported", "KZ:KazNU", -40, 5, Purpose.NEGOTIATIONS, Funding.UNIVERSITY, 4, report=True,
             description="Talks on a joint master's programme."),
    TripSpec("overdue", "MY:UTM", -30, 6, Purpose.RESEARCH, Funding.PERSONAL, 4,
             description="Field measurements for the joint paper."),
]  # fmt: skip


class TripsLoader:
    def __init__(self, loader):
        self.loader = loader
        self.applications = ApplicationsLoader(loader)
        self.today = loader.today
        # One traveller per department, a teacher of its staff (intl_office/demo/people.py).
        self.faculty_of = {key: faculty_slug for key, faculty_slug, _name in DEPARTMENTS}
        self.department_keys = [key for key, _slug, _name in DEPARTMENTS]

    def run(self):
        office = self.applications.user("reviewer|office", is_staff=True, groups=[OFFICE_STAFF])
        chain = self.loader.sync(TripChain, {"pk": TripChain.SINGLETON_ID}, {"report_days": 10, "guidance": GUIDANCE})
        vice_rector = self.loader.employees["vice-rector"]
        configured = []
        for position, (title, holder) in enumerate(CHAIN, start=1):
            person = vice_rector if holder == Holder.PERSON else None
            configured.append(
                self.loader.sync(
                    TripChainStep,
                    {"chain": chain, "position": position},
                    {"title": title, "holder": holder, "person": person},
                )
            )
        for index, spec in enumerate(TRIPS):
            partner = self.loader.institutions.get(spec.partner)
            if partner is None:
                continue
            department = self.department_keys[index % len(self.department_keys)]
            holders = {
                Holder.HEAD: self.loader.employees[f"head|{department}"],
                Holder.DEAN: self.loader.employees[f"dean|{self.faculty_of[department]}"],
                Holder.PERSON: vice_rector,
                Holder.RECTOR_ORDER: None,
            }
            traveller = self.loader.employees[f"teacher|{department}|{1 + index // len(self.department_keys)}"]
            self._trip(spec, partner, configured, office, traveller, holders)

    def _trip(self, spec, partner, configured, office, traveller, holders):
        start = self.today + datetime.timedelta(days=spec.starts_in)
        end = start + datetime.timedelta(days=spec.days - 1)
        asked = self.applications.at(max(10, 20 - spec.starts_in // 4) if spec.starts_in > 0 else 70)
        approved = spec.decided == len(configured) and not spec.refused
        status = (
            Status.DRAFT
            if spec.decided < 0
            else Status.REFUSED
            if spec.refused
            else Status.APPROVED
            if approved
            else Status.SUBMITTED
        )
        # Erasmus+ credit mobility is in every profile; no trip may hang on one seed's own programme.
        program = self.loader.programs["erasmus-plus-credit-mobility"] if spec.funding == Funding.GRANT else None
        last_day = asked + datetime.timedelta(days=2 * max(spec.decided, 0) + 1)
        extra = self._approved(spec, traveller, partner, program, start, end) if approved else {}
        trip = self.loader.sync(
            TripRequest,
            {"traveller": traveller},  # one trip each: a later day moves it rather than adding one
            {
                "start_date": start,
                "institution": partner,
                "institution_name": "",
                "country": partner.country,
                "city": partner.city,
                "end_date": end,
                "purpose": spec.purpose,
                "funding": spec.funding,
                "program": program,
                "description": spec.description,
                "status": status,
                "language": "uz",
                "submitted_at": asked if spec.decided >= 0 else None,
                "decided_at": last_day if status in (Status.APPROVED, Status.REFUSED) else None,
                "report_due": end + datetime.timedelta(days=10) if approved else None,
                **extra,
            },
        )
        if spec.decided < 0:
            return
        self.applications.sync_dated(
            TripEvent, {"trip": trip, "kind": Kind.SUBMITTED}, {"actor": traveller}, "created_at", asked
        )
        for position, configured_step in enumerate(configured, start=1):
            decided_at = asked + datetime.timedelta(days=2 * position - 1)
            refused_here = spec.refused and position == spec.decided + 1
            decision = (
                TripStep.Decision.APPROVED
                if position <= spec.decided
                else TripStep.Decision.REFUSED
                if refused_here
                else ""
            )
            holder = holders.get(configured_step.holder)
            actor = holder if configured_step.holder != Holder.RECTOR_ORDER else office
            step = self.loader.sync(
                TripStep,
                {"trip": trip, "position": position},
                {
                    "title": T(configured_step.title_en, configured_step.title_uz, configured_step.title_ru),
                    "kind": configured_step.holder,
                    "holder": holder,
                    "decision": decision,
                    "decided_by": actor if decision else None,
                    "decided_at": decided_at if decision else None,
                    "comment": spec.refused if refused_here else "",
                    "order_number": f"{412 + position}-XS"
                    if decision and configured_step.holder == Holder.RECTOR_ORDER
                    else "",
                    "order_date": decided_at.date()
                    if decision and configured_step.holder == Holder.RECTOR_ORDER
                    else None,
                    "language": "uz" if decision else "",
                },
            )
            if decision:
                kind = Kind.STEP_APPROVED if decision == TripStep.Decision.APPROVED else Kind.STEP_REFUSED
                self.applications.sync_dated(
                    TripEvent,
                    {"trip": trip, "step": step, "kind": kind},
                    {"actor": actor, "comment": step.comment},
                    "created_at",
                    decided_at,
                )
        if approved:
            self.applications.sync_dated(
                TripEvent, {"trip": trip, "kind": Kind.APPROVED}, {"actor": office}, "created_at", last_day
            )
        if trip.report_filed_at:
            self.applications.sync_dated(
                TripEvent,
                {"trip": trip, "kind": Kind.REPORT_FILED},
                {"actor": traveller},
                "created_at",
                trip.report_filed_at,
            )

    def _approved(self, spec, traveller, partner, program, start, end):
        """The staff mobility of an approved trip, and its report when the traveller filed it."""
        department = traveller.department
        name = traveller.get_full_name()
        mobility = self.loader.sync(
            Mobility,
            {"participant_email": traveller.email, "participant_kind": Mobility.ParticipantKind.STAFF},
            {
                "participant_name": name,
                "start_date": start,
                "partner": partner,
                "direction": Direction.OUTGOING,
                "faculty": department.faculty if department else None,
                "activity": ACTIVITIES[spec.purpose],
                "program": program,
                "end_date": end,
                "status": Mobility.Status.COMPLETED if spec.starts_in < 0 else Mobility.Status.PLANNED,
                "notes": "Business trip.",
            },
        )
        if not spec.report:
            return {"mobility": mobility}
        return {
            "mobility": mobility,
            "report_done": "Met the partner's international office and two departments; gave a seminar.",
            "report_agreements": "A joint master's programme to be drafted by June; two staff exchanges a year.",
            "report_contacts": "Prof. Aigerim Sadykova, vice-rector for international affairs; Dr. Nurlan Abenov.",
            "report_filed_at": self.applications.at(-spec.starts_in - spec.days - 4),
        }
