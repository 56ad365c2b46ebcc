"""Demo students and their applications, in every status of the review workflow.

The open call holds the applications still under way; the decided ones (accepted, waitlisted,
rejected) are in a call the office closed early, whose results are published: nobody decides on
an open call before its deadline.

The students, a reviewer of the office and a faculty coordinator are invented people with
example.org addresses, verified for django-allauth and without a usable password: nobody signs in
as them. Each application carries its dated history, its reviews and, once submitted, a tiny but
real PDF for each required document and a PNG photo in private storage, as a student's upload
would leave them; the accepted one has its outgoing mobility, as ``application_accept`` makes it.

Everything is found by a natural key (username, call and student, status reached), so a second run
changes nothing; the dates move with the office's today, as the open call does.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from intl_office.page_cache import content_changed
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF
from intl_office.storage import private_storage
from mobility.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationReview,
    Direction,
    HostPreference,
    Mobility,
)
from mobility.services import next_reference

from .calls import SELECTION_CALL
from .names import NameBook, ascii_slug

OPEN_CALL = "erasmus-semester-exchange-next-semester"

# A fixed value that starts with Django's unusable-password prefix: no password matches it, and a
# second run writes the same value (set_unusable_password() draws a new random one each time).
NO_PASSWORD = f"{UNUSABLE_PASSWORD_PREFIX}demo-account-without-password"

Status = Application.Status

# The statuses each application went through, in order, after "draft".
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.UNDER_REVIEW: [Status.SUBMITTED, Status.UNDER_REVIEW],
    Status.SHORTLISTED: [Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED],
    Status.ACCEPTED: [Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED, Status.ACCEPTED],
    Status.WAITLISTED: [Status.SUBMITTED, Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED],
    Status.REJECTED: [Status.SUBMITTED, Status.UNDER_REVIEW, Status.REJECTED],
    Status.WITHDRAWN: [Status.SUBMITTED, Status.WITHDRAWN],
}
DECISIONS = {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED}


@dataclass
class Applicant:
    key: str
    status: str
    faculty: str
    level: str
    year: int
    gpa: str
    certificate: str
    score: str
    hosts: list
    language: str = "en"
    female: bool | None = None
    path: list | None = None  # the statuses it went through when not the usual ones (PATHS)

    @property
    def steps(self):
        return self.path or PATHS[self.status]

    @property
    def call(self):
        return SELECTION_CALL if DECISIONS.intersection(self.steps) else OPEN_CALL


APPLICANTS = [
    Applicant("a1", Status.DRAFT, "energy-engineering", "bachelor", 2, "4.10", "", "", ["PL:WUT"], "uz"),
    Applicant("a2", Status.SUBMITTED, "civil-engineering", "bachelor", 3, "4.35", "ielts", "6.0",
              ["IT:POLITO", "ES:UPV"], "ru"),
    Applicant("a3", Status.SUBMITTED, "information-technologies", "master", 1, "4.62", "toefl", "88",
              ["FR:INSA", "PL:AGH", "HU:BME"]),
    Applicant("a4", Status.UNDER_REVIEW, "energy-engineering", "bachelor", 3, "4.48", "ielts", "6.5",
              ["LT:KTU", "LV:RTU"], "uz"),
    Applicant("a5", Status.UNDER_REVIEW, "mechanical-engineering", "bachelor", 2, "4.05", "cefr", "B2",
              ["PL:WUT", "HU:BME"]),
    Applicant("a6", Status.SHORTLISTED, "energy-engineering", "bachelor", 3, "4.81", "ielts", "7.0",
              ["PL:AGH", "PL:WUT"], "ru"),
    Applicant("a7", Status.SHORTLISTED, "economics-and-management", "master", 1, "4.57", "duolingo", "115",
              ["ES:UPV", "IT:POLITO"]),
    Applicant("a8", Status.ACCEPTED, "energy-engineering", "bachelor", 3, "4.90", "ielts", "7.5",
              ["PL:WUT", "LT:KTU"], "uz"),
    Applicant("a9", Status.WAITLISTED, "civil-engineering", "bachelor", 3, "4.40", "ielts", "6.0",
              ["LV:RTU"]),
    Applicant("a10", Status.REJECTED, "mechanical-engineering", "bachelor", 2, "3.72", "cefr", "B1",
              ["HU:BME", "FR:INSA"], "ru"),
    Applicant("a11", Status.WITHDRAWN, "chemical-technology", "master", 2, "4.25", "toefl", "80",
              ["IT:POLITO"]),
]  # fmt: skip

# Reviews: (applicant, reviewer, score, comment): the office reviews any faculty's applications, the
# coordinator (of the Faculty of Energy Engineering) only their own faculty's.
REVIEWS = [
    ("a4", "office", 7, "Solid grades; the motivation letter could say more about the courses."),
    ("a4", "coordinator", 6, "Meets the language requirement; the study plan needs a second look."),
    ("a5", "office", 6, "Meets the language requirement; a second-year student, young for the exchange."),
    ("a6", "office", 9, "Excellent record and a clear study plan at AGH."),
    ("a6", "coordinator", 8, "The faculty supports the learning agreement."),
    ("a7", "office", 8, "Strong master's candidate; the host matches the thesis topic."),
    ("a8", "office", 10, "Best in the call: top grades, IELTS 7.5, precise learning agreement."),
    ("a8", "coordinator", 9, "The faculty recognises every course of the plan."),
    ("a9", "office", 7, "Good candidate; first on the waiting list."),
    ("a10", "office", 4, "Below the GPA and language thresholds of the call."),
]

MOTIVATION = (
    "I would like to spend a semester at a European partner university to take courses that my faculty does not "
    "offer yet and to bring back what I learn to our student research group. I have planned the courses with my "
    "coordinator so that they count towards my degree."
)

# Days before the office's today on which each step of an application happened.
STEP_DAYS_AGO = {
    Status.DRAFT: 9,
    Status.SUBMITTED: 7,
    Status.UNDER_REVIEW: 5,
    Status.SHORTLISTED: 3,
    Status.ACCEPTED: 1,
    Status.WAITLISTED: 1,
    Status.REJECTED: 2,
    Status.WITHDRAWN: 4,
    Status.DECLINED: 1,  # the day of the acceptance
}


def demo_pdf(title):
    """A minimal but valid one-page PDF with ``title`` on it."""
    stream = f"BT /F1 14 Tf 72 720 Td ({title}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def demo_png():
    """A small passport-style photo placeholder: a grey silhouette on a light background."""
    image = Image.new("RGB", (90, 120), (226, 232, 240))
    for y in range(120):
        for x in range(90):
            head = (x - 45) ** 2 + (y - 45) ** 2 <= 18**2
            shoulders = y >= 78 and (x - 45) ** 2 / 40**2 + (y - 120) ** 2 / 42**2 <= 1
            if head or shoulders:
                image.putpixel((x, y), (148, 163, 184))
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _store(name, make_content):
    """Write ``name`` to private storage unless it is there already; returns the name."""
    if not private_storage.exists(name):
        private_storage.save(name, ContentFile(make_content()))
    return name


class ApplicationsLoader:
    """Adds the demo applications with the primitives of ``DemoLoader`` (``sync``, ``sync_m2m``).

    ``specs`` and ``reviews`` default to this module's; the offers' demo adds its own (``demo.offers``).
    """

    def __init__(self, loader, *, specs=APPLICANTS, reviews=REVIEWS):
        self.loader = loader
        self.specs, self.reviews = specs, reviews
        self.today = loader.today
        self.people = NameBook()
        self.user_model = get_user_model()

    def at(self, days_ago, hour=10):
        day = self.today - datetime.timedelta(days=days_ago)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))

    def when(self, spec, step):
        """When ``spec``'s application reached ``step``; students started and submitted on different days."""
        spread = int(spec.key[1:]) % 3 if step in (Status.DRAFT, Status.SUBMITTED) else 0
        return self.at(STEP_DAYS_AGO[step] + spread)

    def sync_dated(self, model, lookup, values, stamp_field, stamp):
        """``sync`` for a model whose ``stamp_field`` is auto_now_add: the demo's date replaces the insert time."""
        obj = self.loader.sync(model, lookup, {**values, stamp_field: stamp})
        if getattr(obj, stamp_field) != stamp:
            model.objects.filter(pk=obj.pk).update(**{stamp_field: stamp})
            content_changed()  # QuerySet.update sends no post_save
            setattr(obj, stamp_field, stamp)
        return obj

    def user(self, key, *, is_staff=False, faculty=None, groups=(), female=None):
        person = self.people.person("UZ", f"applicant|{key}", female=female)
        username = f"{ascii_slug(person.first_name)}.{ascii_slug(person.last_name)}"
        suffix = "staff" if is_staff else "student"
        email = f"{username}.{suffix}@example.org"
        user = self.loader.sync(
            self.user_model,
            {"username": username},
            {
                "email": email,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "password": NO_PASSWORD,
                "is_staff": is_staff,
                "is_active": True,
                "faculty": faculty,
            },
        )
        self.loader.sync(EmailAddress, {"user": user, "email": email}, {"verified": True, "primary": True})
        if groups:
            self.loader.sync_m2m(user, "groups", list(Group.objects.filter(name__in=groups)))
        return user

    def run(self):
        faculties = self.loader.faculties
        reviewers = {
            "office": self.user("reviewer|office", is_staff=True, groups=[OFFICE_STAFF]),
            "coordinator": self.user(
                "reviewer|coordinator",
                is_staff=True,
                faculty=faculties["energy-engineering"],
                groups=[FACULTY_COORDINATOR],
            ),
        }
        students = {spec.key: self.user(spec.key) for spec in self.specs}
        for spec in self.specs:
            # An earlier demo kept every application in the open call: move a decided one to its call,
            # before the first sync reads the applications.
            call = self.loader.calls[spec.call]
            Application.objects.filter(student=students[spec.key]).exclude(call=call).update(call=call)
        applications = {}
        for spec in self.specs:
            call = self.loader.calls[spec.call]
            documents = list(call.required_documents.order_by("slug"))
            applications[spec.key] = self.application(call, students[spec.key], spec, documents, reviewers)
        self.number(applications)
        for key, reviewer, score, comment in self.reviews:
            application = applications[key]
            stamp = self.at(STEP_DAYS_AGO[Status.UNDER_REVIEW] - 1, hour=15)
            self.sync_dated(
                ApplicationReview,
                {"application": application, "reviewer": reviewers[reviewer]},
                {"score": score, "comment": comment},
                "created_at",
                stamp,
            )
        return applications

    def number(self, applications):
        """Reference numbers for the submitted ones, taken as submitting takes them; a second run keeps them."""
        for _key, application in sorted(applications.items(), key=lambda item: int(item[0][1:])):
            if application.submitted_at is not None and not application.reference:
                year = timezone.localtime(application.submitted_at).year
                application.reference = next_reference(year=year)
                Application.objects.filter(pk=application.pk).update(reference=application.reference)

    def application(self, call, student, spec, documents, reviewers):
        steps = spec.steps
        submitted = Status.SUBMITTED in steps
        decided = next((step for step in steps if step in DECISIONS), None)
        complete = spec.status != Status.DRAFT
        values = {
            "status": spec.status,
            "first_name": student.first_name,
            "last_name": student.last_name,
            "date_of_birth": datetime.date(2006 - spec.year - (2 if spec.level == "master" else 0), 3 + spec.year, 14),
            "nationality": "UZ",
            "phone": "+998 00 000-00-" + spec.key[1:].zfill(2),
            "faculty": self.loader.faculties[spec.faculty],
            "level": spec.level,
            "year_of_study": spec.year,
            "gpa": Decimal(spec.gpa),
            "language_certificate": spec.certificate,
            "language_score": spec.score,
            "motivation_letter": MOTIVATION if complete else "",
            "language": spec.language,
            "photo": _store(f"photos/demo/{spec.key}.png", demo_png) if complete else "",
            "submitted_at": self.when(spec, Status.SUBMITTED) if submitted else None,
            "decided_at": self.when(spec, decided) if decided else None,
        }
        application = self.sync_dated(
            Application, {"call": call, "student": student}, values, "created_at", self.when(spec, Status.DRAFT)
        )
        for rank, host in enumerate(spec.hosts, start=1):
            self.loader.sync(
                HostPreference,
                {"application": application, "rank": rank},
                {"institution": self.loader.institutions[host]},
            )
        if complete:
            for document_type in documents:
                name = f"documents/demo/{spec.key}-{document_type.slug}.pdf"
                _store(name, lambda title=document_type.name_en: demo_pdf(f"{title} (demo)"))
                self.loader.sync(
                    ApplicationDocument,
                    {"application": application, "document_type": document_type},
                    {"file": name, "original_name": f"{document_type.slug}.pdf"},
                )
        self.history(application, student, spec, reviewers)
        if Status.ACCEPTED in steps:
            self.mobility(application, call)
        return application

    def history(self, application, student, spec, reviewers):
        previous = ""
        for step in [Status.DRAFT, *spec.steps]:
            by_student = step in (Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN, Status.DECLINED)
            self.sync_dated(
                ApplicationEvent,
                {"application": application, "to_status": step, "kind": ApplicationEvent.Kind.STATUS},
                {
                    "from_status": previous,
                    "actor": student if by_student else reviewers["office"],
                    "note": "Decided by the selection committee." if step in DECISIONS else "",
                },
                "created_at",
                self.when(spec, step),
            )
            previous = step

    def mobility(self, application, call):
        """The outgoing mobility ``services.application_accept`` makes of an accepted application."""
        first_choice = application.preferences.order_by("rank").first().institution
        declined = application.status == Status.DECLINED
        self.loader.sync(
            Mobility,
            {"participant_email": application.student.email},
            {
                "direction": Direction.OUTGOING,
                "participant_kind": Mobility.ParticipantKind.STUDENT,
                "participant_name": application.full_name,
                "faculty": application.faculty,
                "activity": Mobility.Activity.SEMESTER,
                "partner": first_choice,
                "program": call.program,
                "project": None,
                "agreement": None,
                "call": call,
                "application": application,
                "start_date": call.mobility_start,
                "end_date": call.mobility_end,
                # A declined place's mobility is cancelled and kept, as mobility.services.offers leaves it.
                "status": Mobility.Status.CANCELLED if declined else Mobility.Status.CONFIRMED,
                "notes": "Cancelled: the student declined the place." if declined else "",
            },
        )
