"""What the staff call tests share: a staff call with a CV, a department with its head, staff applicants."""

import datetime

from allauth.account.models import EmailAddress

from intl_office.dates import today
from intl_office.models import Department, User
from mobility import services
from mobility.models import Application
from programs.models import Call
from tests.applications import checked_pdf
from tests.factories import CallFactory, DocumentTypeFactory, FacultyFactory, InstitutionFactory, UserFactory

Status = Application.Status
DAY = datetime.timedelta(days=1)

STAFF_FIELDS = {
    "first_name": "Дилшод",
    "last_name": "Раҳимов",
    "phone": "+998 90 000 00 01",
    "language_certificate": "ielts",
    "language_score": "7.0",
    "motivation_letter": "To learn how partner universities teach water engineering.",
}


def verified(user):
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def staff_call(**overrides):
    """An open staff call (ITEC) with one host and a CV among its required documents."""
    values = {
        "title": "ITEC India: short courses for academic staff",
        "slug": "itec-india-staff",
        "audience": Call.Audience.STAFF,
        "opens_on": today() - 10 * DAY,
        "deadline": today() + 10 * DAY,
        "hosts": [InstitutionFactory(name="Indian Institute of Technology Delhi", country="IN")],
        **overrides,
    }
    call = CallFactory(**values)
    call.required_documents.set([DocumentTypeFactory(name="Curriculum vitae", slug="cv")])
    return call


def department(*, head=None, name="Department of Hydraulics"):
    faculty = FacultyFactory(name="Faculty of Water Management", slug="water-management")
    return Department.objects.create(faculty=faculty, name=name, head=head)


def employee(username="professor", **fields):
    return verified(UserFactory(username=username, affiliation=User.Affiliation.EMPLOYEE, **fields))


def head_of_department(username="head"):
    return verified(UserFactory(username=username, first_name="Nodira", last_name="Yusupova"))


def staff_draft(call, person, dept, **staff):
    """A complete draft of ``person`` to ``call``, through the services."""
    application, _created = services.application_start(call=call, student=person)
    values = {"position": "Associate professor", "department": dept, "academic_degree": "PhD", "years_of_service": 12}
    values.update(staff)
    services.application_save_draft(
        application=application,
        actor=person,
        fields=STAFF_FIELDS,
        hosts=list(call.hosts.all()),
        documents={call.required_documents.get(): checked_pdf("cv.pdf")},
        staff=values,
    )
    application.refresh_from_db()
    return application


def submitted(call, person, dept, **staff):
    application = staff_draft(call, person, dept, **staff)
    return services.application_submit(application=application, actor=person)


def past_deadline(call):
    Call.objects.filter(pk=call.pk).update(opens_on=today() - 30 * DAY, deadline=today() - DAY)
    call.refresh_from_db()
    return call
