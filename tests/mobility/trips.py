"""What the business trip tests share: a faculty with its dean, a department with its head, the vice-rector,
an employee who travels, the office's four-step chain, and requests at each stage."""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from intl_office.dates import today
from intl_office.models import Department, User
from mobility.models import Funding, Holder, Purpose, TripChain, TripChainStep, TripRequest
from mobility.services import trip_decide, trip_record_order, trip_save_draft, trip_submit
from partners.models import Institution
from tests.factories import FacultyFactory, InstitutionFactory, UserFactory
from tests.files import pdf_bytes

EMPLOYEE = User.Affiliation.EMPLOYEE
# A traveller whose name is Cyrillic and a dean whose name is Uzbek Latin, to see both survive the PDF.
TRAVELLER_FIRST, TRAVELLER_LAST = "Дилшод", "Рахимов"
DEAN_FIRST, DEAN_LAST = "O‘tkir", "G‘ofurov"


@dataclass
class People:
    traveller: User
    head: User
    dean: User
    vice_rector: User
    office: User
    department: Department


def people(office=None) -> People:
    faculty = FacultyFactory(name="Faculty of Chemical Technology", slug="chemical-technology")
    dean = UserFactory(username="dean", first_name=DEAN_FIRST, last_name=DEAN_LAST, affiliation=EMPLOYEE)
    faculty.dean = dean
    faculty.save()
    head = UserFactory(username="head", first_name="Nodira", last_name="Yusupova", affiliation=EMPLOYEE)
    department = Department.objects.create(faculty=faculty, name="Department of Inorganic Chemistry", head=head)
    traveller = UserFactory(
        username="traveller",
        first_name=TRAVELLER_FIRST,
        last_name=TRAVELLER_LAST,
        affiliation=EMPLOYEE,
        department=department,
        position="Associate professor",
        academic_degree="PhD",
    )
    vice_rector = UserFactory(username="vice-rector", first_name="Bahodir", last_name="Tursunov", affiliation=EMPLOYEE)
    office = office or UserFactory(username="office-trips", is_staff=True, is_superuser=True)
    return People(traveller, head, dean, vice_rector, office, department)


def chain(p: People):
    """Head of department, dean, vice-rector, the rector's order: the chain the seed offices describe."""
    steps = TripChain.load().steps
    steps.create(position=1, title_en="Head of department", title_ru="Заведующий кафедрой", holder=Holder.HEAD)
    steps.create(position=2, title_en="Dean", title_uz="Dekan", holder=Holder.DEAN)
    steps.create(position=3, title_en="Vice-rector", holder=Holder.PERSON, person=p.vice_rector)
    steps.create(position=4, title_en="Rector's order", holder=Holder.RECTOR_ORDER)
    return list(TripChainStep.objects.order_by("position"))


def invitation(name="invitation.pdf"):
    return SimpleUploadedFile(name, pdf_bytes("Invitation"), content_type="application/pdf")


def seoul():
    found = Institution.objects.filter(name_en="Seoul National University").first()
    return found or InstitutionFactory(name="Seoul National University", country="KR")


def draft(p: People, *, partner=None, start=None, days=6, **values) -> TripRequest:
    start = start or today() + datetime.timedelta(days=30)
    fields = {
        "institution": partner if partner is not None else seoul(),
        "city": "Seoul",
        "start_date": start,
        "end_date": start + datetime.timedelta(days=days - 1),
        "purpose": Purpose.CONFERENCE,
        "funding": Funding.UNIVERSITY,
        "description": "A paper at the conference.",
        **values,
    }
    if fields["institution"] is None:
        fields.setdefault("institution_name", "Kyiv Polytechnic Institute")
    return trip_save_draft(traveller=p.traveller, values=fields, invitation=invitation())


def submitted(p: People, **values) -> TripRequest:
    return trip_submit(trip=draft(p, **values), traveller=p.traveller)


def steps_of(trip):
    return list(trip.steps.order_by("position"))


def approve_all(p: People, trip, *, order_number="112-X", order_date=None):
    head, dean, vice, order = steps_of(trip)
    trip_decide(step=head, actor=p.head, approve=True)
    trip_decide(step=dean, actor=p.dean, approve=True)
    trip_decide(step=vice, actor=p.vice_rector, approve=True)
    trip_record_order(step=order, actor=p.office, number=order_number, date=order_date or today())
    trip.refresh_from_db()
    return trip
