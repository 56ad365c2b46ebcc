"""Demo people of the institute's staff: departments with their heads, deans, a vice-rector and teachers.

They are who the staff calls, business trips and guests of the demo are about: a teacher applies to a
staff call or asks for a trip, the head of their department endorses it, the dean and the vice-rector
approve. Every name is invented (``NameBook``); no address is real.

After ``PeopleLoader(loader).run()`` the demo loader holds:

- ``loader.departments``: ``{key: Department}``, keys as in ``DEPARTMENTS`` (``"electric-power"``, ...);
- ``loader.employees``: ``{key: User}``, every one with ``affiliation`` employee:
  ``"head|<department key>"`` (its head), ``"dean|<faculty slug>"`` (the faculty's dean),
  ``"vice-rector"`` (for international affairs), and ``"teacher|<department key>|1"`` and ``"|2"`` (two
  teachers of each department).

Usernames are the first name's initial and the family name (``b.toshmatov``); applicants' are the whole
first name, so the two never meet. Positions are written in Uzbek, as the people themselves would.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from intl_office.models import Department, Faculty

from .content import T
from .names import NameBook, ascii_slug

NO_PASSWORD = f"{UNUSABLE_PASSWORD_PREFIX}demo-account-without-password"

# (key, faculty slug, name)
DEPARTMENTS = [
    ("electric-power", "energy-engineering",
     T("Department of Electric Power Engineering", "Elektr energetikasi kafedrasi", "Кафедра электроэнергетики")),
    ("heat-power", "energy-engineering",
     T("Department of Heat Power Engineering", "Issiqlik energetikasi kafedrasi", "Кафедра теплоэнергетики")),
    ("building-construction", "civil-engineering",
     T("Department of Building Construction", "Bino va inshootlar qurilishi kafedrasi",
       "Кафедра строительства зданий и сооружений")),
    ("chemical-technology", "chemical-technology",
     T("Department of Chemical Technology", "Kimyoviy texnologiya kafedrasi", "Кафедра химической технологии")),
    ("transport-logistics", "mechanical-engineering",
     T("Department of Transport Logistics", "Transport logistikasi kafedrasi", "Кафедра транспортной логистики")),
    ("information-technologies", "information-technologies",
     T("Department of Information Technologies", "Axborot texnologiyalari kafedrasi",
       "Кафедра информационных технологий")),
    ("software-engineering", "information-technologies",
     T("Department of Software Engineering", "Dasturiy injiniring kafedrasi", "Кафедра программного инжиниринга")),
    ("economics", "economics-and-management",
     T("Department of Economics", "Iqtisodiyot kafedrasi", "Кафедра экономики")),
    ("foreign-languages", "professional-education",
     T("Department of Foreign Languages", "Xorijiy tillar kafedrasi", "Кафедра иностранных языков")),
]  # fmt: skip

HEAD = ("Kafedra mudiri", "texnika fanlari nomzodi, dotsent")
DEAN = ("Fakultet dekani", "texnika fanlari doktori, professor")
VICE_RECTOR = ("Xalqaro hamkorlik boʻyicha prorektor", "iqtisodiyot fanlari doktori, professor")
TEACHERS = [("Dotsent", "PhD, dotsent"), ("Katta oʻqituvchi", "")]


class PeopleLoader:
    def __init__(self, loader):
        self.loader = loader
        self.names = NameBook()
        self.user_model = get_user_model()
        self.usernames = set()

    def user(self, key, *, department, position, degree, female=None):
        person = self.names.person("UZ", f"employee|{key}", female=female)
        base = f"{ascii_slug(person.first_name)[:1]}.{ascii_slug(person.last_name)}"
        username, number = base, 1
        while username in self.usernames:
            number += 1
            username = f"{base}{number}"
        self.usernames.add(username)
        email = f"{username}.employee@example.org"
        user = self.loader.sync(
            self.user_model,
            {"username": username},
            {
                "email": email,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "password": NO_PASSWORD,
                "is_staff": False,
                "is_active": True,
                "affiliation": self.user_model.Affiliation.EMPLOYEE,
                "department": department,
                "position": position,
                "academic_degree": degree,
            },
        )
        self.loader.sync(EmailAddress, {"user": user, "email": email}, {"verified": True, "primary": True})
        return user

    def run(self):
        loader = self.loader
        loader.departments, loader.employees = {}, {}
        faculties = loader.faculties
        for key, faculty_slug, name in DEPARTMENTS:
            lookup = {"faculty": faculties[faculty_slug], "name_en": name.en}
            names = {"name_uz": name.uz, "name_ru": name.ru}
            department = loader.sync(Department, lookup, names)
            loader.departments[key] = department
            head = self.user(f"head|{key}", department=department, position=HEAD[0], degree=HEAD[1])
            loader.sync(Department, lookup, {**names, "head": head})
            loader.employees[f"head|{key}"] = head
            for number, (position, degree) in enumerate(TEACHERS, start=1):
                loader.employees[f"teacher|{key}|{number}"] = self.user(
                    f"teacher|{key}|{number}", department=department, position=position, degree=degree
                )
        first_department = {}
        for key, faculty_slug, _name in DEPARTMENTS:
            first_department.setdefault(faculty_slug, loader.departments[key])
        for slug in faculties:
            dean = self.user(f"dean|{slug}", department=first_department.get(slug), position=DEAN[0], degree=DEAN[1])
            loader.sync(Faculty, {"slug": slug}, {"dean": dean})
            loader.employees[f"dean|{slug}"] = dean
        loader.employees["vice-rector"] = self.user(
            "vice-rector", department=None, position=VICE_RECTOR[0], degree=VICE_RECTOR[1]
        )
