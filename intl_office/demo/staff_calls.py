"""The demo's staff calls: members of staff applying to ITEC, JICA and El-Yurt Umidi, at every stage.

Drawn from the seeds: the institute sends about ten professors and teachers a year to ITEC courses
of the Government of India and uses the JICA (Japan) and KOICA (Korea) programmes for its staff
(seed 000); its International Cooperation Department recommends candidates to the management,
the El-Yurt Umidi Foundation's among them (seed 003). The past ITEC call has its rector's order
recorded; a JICA call after its deadline has its recommendation list waiting for the rector; an open
El-Yurt Umidi call holds a draft, an application waiting for the head of department, an endorsed
one, one the head declined and a shortlisted one. KOICA's staff call opens later (``calls.py``).

The applicants are the teachers of ``intl_office.demo.people`` (``loader.employees``), endorsed or
declined by the heads of their departments there. Written as rows, like the rest of the demo (no
e-mail leaves); every person is invented. Found
again by natural keys (username, call and person, list and place), so a second run changes nothing.
"""

import datetime

from intl_office.roles import OFFICE_STAFF
from mobility.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    Direction,
    HostPreference,
    Mobility,
    RecommendationEntry,
    RecommendationList,
    StaffApplication,
)
from programs.models import Call

from .applications import ApplicationsLoader, _store, demo_pdf
from .calls import STAFF_DOCUMENTS, STAFF_ONLY
from .staff_call_specs import (
    APPLICANTS,
    APPROVED,
    DRAFT,
    ENDORSED,
    ITEC,
    JICA,
    LISTED,
    MOTIVATION,
    NOT_APPROVED,
    NOT_ENDORSED,
    NOT_ENDORSED_REASON,
    ORDER,
    PUBLICATIONS,
    SHORTLISTED,
    STAFF_ELIGIBILITY,
    WAITING,
    staff_call_specs,
)

Status = Application.Status
Endorsement = StaffApplication.Endorsement
Kind = ApplicationEvent.Kind


class StaffCallsLoader:
    def __init__(self, loader):
        self.loader = loader
        self.applications = ApplicationsLoader(loader)
        self.today = loader.today

    def at(self, days_ago, hour=10):
        return self.applications.at(days_ago, hour)

    def run(self):
        self.office = self.applications.user("reviewer|office", is_staff=True, groups=[OFFICE_STAFF])
        calls = {ITEC: self.loader.calls[ITEC], **self.load_calls()}
        made = {}
        for spec in APPLICANTS:
            made[spec.key] = self.application(calls[spec.call], spec)
        self.applications.number(dict(made.items()))
        self.recommendation_list(calls[JICA], [made["s5"], made["s6"]], decided=False)
        self.recommendation_list(calls[ITEC], [made["s1"], made["s2"], made["s3"]], decided=True)

    def load_calls(self):
        documents = [self.loader.documents[slug] for slug in STAFF_DOCUMENTS]
        specs = staff_call_specs(self.today)
        calls = {}
        for slug, spec in specs.items():
            title, description = spec.pop("title"), spec.pop("description")
            hosts = [self.loader.institutions[key] for key in spec.pop("hosts")]
            spec["program"] = self.loader.programs[spec["program"]]
            values = {
                "is_published": True,
                **STAFF_ONLY,
                **spec,
                "title": title,
                "description": description,
                "eligibility": STAFF_ELIGIBILITY,
            }
            call = self.loader.sync(Call, {"slug": slug}, values)
            self.loader.sync_m2m(call, "hosts", hosts)
            self.loader.sync_m2m(call, "required_documents", documents)
            calls[slug] = call
        return calls

    def application(self, call, spec):
        person = self.loader.employees[spec.employee]
        department = person.department
        submitted = spec.stage != DRAFT
        days = self.days(call, spec)
        status = {
            DRAFT: Status.DRAFT,
            WAITING: Status.SUBMITTED,
            ENDORSED: Status.UNDER_REVIEW,
            NOT_ENDORSED: Status.REJECTED,
            SHORTLISTED: Status.SHORTLISTED,
            LISTED: Status.SHORTLISTED,
            APPROVED: Status.ACCEPTED,
            NOT_APPROVED: Status.REJECTED,
        }[spec.stage]
        if spec.key == "s10":
            status = Status.SUBMITTED  # endorsed; the office has not started the review
        decided = status in (Status.ACCEPTED, Status.REJECTED)
        values = {
            "status": status,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "phone": "+998 00 000-10-" + spec.key[1:].zfill(2),
            "faculty": department.faculty,
            "language_certificate": spec.certificate,
            "language_score": spec.score,
            "motivation_letter": MOTIVATION if submitted else "",
            "language": spec.language,
            "submitted_at": self.at(days["submitted"]) if submitted else None,
            "decided_at": self.at(days["decided"]) if decided else None,
            "offer_deadline": call.deadline + datetime.timedelta(days=30) if status == Status.ACCEPTED else None,
            "offer_answered_at": self.at(days["decided"] - 3) if status == Status.ACCEPTED else None,
        }
        application = self.applications.sync_dated(
            Application, {"call": call, "student": person}, values, "created_at", self.at(days["draft"])
        )
        self.loader.sync(
            StaffApplication,
            {"application": application},
            {
                "position": person.position,
                "department": department,
                "academic_degree": person.academic_degree,
                "years_of_service": spec.years,
                "publications": PUBLICATIONS if spec.years > 5 else "",
                **self.endorsement(spec, department, days),
            },
        )
        for rank, host in enumerate(spec.hosts, start=1):
            self.loader.sync(
                HostPreference,
                {"application": application, "rank": rank},
                {"institution": self.loader.institutions[host]},
            )
        if submitted:
            for document_type in call.required_documents.order_by("slug"):
                name = f"documents/demo/{spec.key}-{document_type.slug}.pdf"
                _store(name, lambda title=document_type.name_en: demo_pdf(f"{title} (demo)"))
                self.loader.sync(
                    ApplicationDocument,
                    {"application": application, "document_type": document_type},
                    {"file": name, "original_name": f"{document_type.slug}.pdf"},
                )
        self.history(application, person, spec, department, days)
        if status == Status.ACCEPTED:
            self.mobility(application, call)
        return application

    def days(self, call, spec):
        """How many days before today each step happened; the ITEC call's by its 2025 dates."""
        if call.slug == ITEC:
            base = (self.today - call.deadline).days
            return {"draft": base + 12, "submitted": base + 6, "endorsed": base + 3, "listed": base - 10,
                    "decided": (self.today - ORDER[1]).days}  # fmt: skip
        if call.slug == JICA:
            return {"draft": 30, "submitted": 14, "endorsed": 10, "listed": 2, "decided": 1}
        return {"draft": 12 + int(spec.key[1:]) % 3, "submitted": 8, "endorsed": 5, "listed": 1, "decided": 3}

    def endorsement(self, spec, department, days):
        if spec.stage in (DRAFT, WAITING):
            return {"endorsement": Endorsement.PENDING, "endorsed_by": None, "endorsed_at": None,
                    "endorsement_comment": "", "endorsed_by_office": False}  # fmt: skip
        declined = spec.stage == NOT_ENDORSED
        by_office = department.head is None
        comment = NOT_ENDORSED_REASON if declined else ("Endorsed by the dean's memo No. 41." if by_office else "")
        return {
            "endorsement": Endorsement.DECLINED if declined else Endorsement.ENDORSED,
            "endorsed_by": self.office if by_office else department.head,
            "endorsed_at": self.at(days["endorsed"], hour=16),
            "endorsement_comment": comment,
            "endorsed_by_office": by_office,
        }

    def history(self, application, person, spec, department, days):
        steps = [(Kind.STATUS, "", Status.DRAFT, person, "", days["draft"])]
        if spec.stage != DRAFT:
            steps.append((Kind.STATUS, Status.DRAFT, Status.SUBMITTED, person, "", days["submitted"]))
        endorser = department.head or self.office
        if spec.stage == NOT_ENDORSED:
            steps.append(
                (Kind.STATUS, Status.SUBMITTED, Status.REJECTED, endorser, NOT_ENDORSED_REASON, days["endorsed"])
            )
        elif spec.stage not in (DRAFT, WAITING):
            note = "" if department.head else "Endorsed by the dean's memo No. 41."
            steps.append((Kind.ENDORSED, Status.SUBMITTED, Status.SUBMITTED, endorser, note, days["endorsed"]))
            if spec.key != "s10":
                steps.append(
                    (Kind.STATUS, Status.SUBMITTED, Status.UNDER_REVIEW, self.office, "", days["endorsed"] - 1)
                )
        if spec.stage in (SHORTLISTED, LISTED, APPROVED, NOT_APPROVED):
            steps.append((Kind.STATUS, Status.UNDER_REVIEW, Status.SHORTLISTED, self.office, "", days["listed"] + 1))
        if spec.stage in (LISTED, APPROVED, NOT_APPROVED):
            steps.append((Kind.RECOMMENDED, Status.SHORTLISTED, Status.SHORTLISTED, self.office, "", days["listed"]))
        if spec.stage in (APPROVED, NOT_APPROVED):
            to = Status.ACCEPTED if spec.stage == APPROVED else Status.REJECTED
            note = f"Rector's order No. {ORDER[0]} of {ORDER[1].isoformat()}."
            steps.append((Kind.STATUS, Status.SHORTLISTED, to, self.office, note, days["decided"]))
        if spec.stage == APPROVED:
            steps.append((Kind.OFFER_TAKEN, Status.ACCEPTED, Status.ACCEPTED, person, "", days["decided"] - 3))
        for kind, from_status, to_status, actor, note, days_ago in steps:
            self.applications.sync_dated(
                ApplicationEvent,
                {"application": application, "to_status": to_status, "kind": kind},
                {"from_status": from_status, "actor": actor, "note": note},
                "created_at",
                self.at(days_ago, hour=11),
            )

    def mobility(self, application, call):
        """The staff mobility an approved candidate's acceptance makes (``services.application_accept``)."""
        start = call.deadline + datetime.timedelta(days=60)
        self.loader.sync(
            Mobility,
            {"participant_email": application.student.email},
            {
                "direction": Direction.OUTGOING,
                "participant_kind": Mobility.ParticipantKind.STAFF,
                "participant_name": application.full_name,
                "faculty": application.faculty,
                "activity": Mobility.Activity.TRAINING,
                "partner": application.preferences.order_by("rank").first().institution,
                "program": call.program,
                "call": call,
                "application": application,
                "start_date": start,
                "end_date": start + datetime.timedelta(days=27),
                "status": Mobility.Status.COMPLETED if start + datetime.timedelta(days=27) < self.today
                else Mobility.Status.CONFIRMED,
            },
        )  # fmt: skip

    def recommendation_list(self, call, applications, *, decided):
        made_at = self.at(self.days(call, APPLICANTS[0])["listed"] if call.slug == ITEC else 2, hour=12)
        values = {"made_by": self.office, "order_number": "", "order_date": None, "decided_at": None,
                  "decided_by": None}  # fmt: skip
        if decided:
            values.update(order_number=ORDER[0], order_date=ORDER[1], decided_at=self.at((self.today - ORDER[1]).days),
                          decided_by=self.office)  # fmt: skip
        listed = self.applications.sync_dated(RecommendationList, {"call": call}, values, "made_at", made_at)
        for position, application in enumerate(applications, start=1):
            approved = (application.status == Status.ACCEPTED) if decided else None
            self.loader.sync(
                RecommendationEntry,
                {"application": application},
                {"recommendation_list": listed, "position": position, "approved": approved},
            )
