"""Who travels and who approves in the demo's business trips: staff of the demo's departments.

A stand-in until the demo's people (departments with heads, deans, the vice-rector) are shared by
every part of the demo; the trips ask only for what this class offers.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from intl_office.models import Department, User
from intl_office.roles import OFFICE_STAFF
from mobility.models import Holder

from .applications import NO_PASSWORD
from .content import T
from .names import NameBook, ascii_slug

DEPARTMENTS = [
    (
        "chemical-technology",
        T("Department of Inorganic Chemistry", "Noorganik kimyo kafedrasi", "Кафедра неорганической химии"),
    ),
    (
        "civil-engineering",
        T(
            "Department of Building Structures",
            "Qurilish konstruksiyalari kafedrasi",
            "Кафедра строительных конструкций",
        ),
    ),
    (
        "energy-engineering",
        T("Department of Power Plants", "Elektr stansiyalari kafedrasi", "Кафедра электрических станций"),
    ),
]
POSITIONS = ["Associate professor", "Professor", "Senior lecturer"]


class TripPeople:
    def __init__(self, loader):
        self.loader = loader
        self.names = NameBook()
        self._departments = None

    def _user(self, key, **values):
        person = self.names.person("UZ", f"trips|{key}")
        username = f"{ascii_slug(person.first_name)}.{ascii_slug(person.last_name)}.staff"
        email = f"{username}@example.org"
        user = self.loader.sync(
            User,
            {"username": username},
            {
                "email": email,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "password": NO_PASSWORD,
                "is_active": True,
                "affiliation": User.Affiliation.EMPLOYEE,
                **values,
            },
        )
        self.loader.sync(EmailAddress, {"user": user, "email": email}, {"verified": True, "primary": True})
        return user

    def departments(self):
        if self._departments is None:
            self._departments = []
            for slug, name in DEPARTMENTS:
                faculty = self.loader.faculties[slug]
                if faculty.dean_id is None:
                    faculty.dean = self._user(f"dean|{slug}", position="Dean")
                    faculty.save(update_fields=["dean"])
                head = self._user(f"head|{slug}", position="Head of department")
                department = self.loader.sync(
                    Department,
                    {"faculty": faculty, "name": name.en},
                    {"name_uz": name.uz, "name_ru": name.ru, "head": head},
                )
                self._departments.append(department)
        return self._departments

    def office(self):
        user = self._user("office", is_staff=True, position="International Office")
        self.loader.sync_m2m(user, "groups", list(Group.objects.filter(name=OFFICE_STAFF)))
        return user

    def vice_rector(self):
        return self._user("vice-rector", position="Vice-rector for international affairs")

    def traveller(self, key):
        departments = self.departments()
        index = sum(map(ord, key))
        return self._user(
            f"traveller|{key}",
            department=departments[index % len(departments)],
            position=POSITIONS[index % len(POSITIONS)],
            academic_degree="PhD",
        )

    def holders(self, traveller, vice_rector):
        department = traveller.department
        return {
            Holder.HEAD: department.head,
            Holder.DEAN: department.faculty.dean,
            Holder.PERSON: vice_rector,
            Holder.RECTOR_ORDER: None,
        }
