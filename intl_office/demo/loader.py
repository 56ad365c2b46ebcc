"""Write the demo into the database so that a second run changes nothing.

Every row is found by its natural key (slug, name and country, reference number, e-mail address, ...). A row
that does not exist is created; one that exists is saved only when a value differs, so timestamps such as
``updated_at`` stay put on a second run. Many-to-many links are replaced only when the set differs. Records
that must always look current to a visitor (the open call, agreements about to expire, this year's mobility)
are dated relative to the office's today: two runs on the same day write the same values.
"""

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models, transaction
from django.utils import translation
from django_countries.fields import Country

from intl_office import dates
from intl_office.models import Faculty, HomeInstitution, Page, Ranking, StaffMember
from mobility.models import Application, ApplicationEvent, ApplicationReview, Direction, Mobility, Visit, VisitMember
from partners.models import Agreement, Contact, CooperationArea, Institution
from programs.models import Call, DocumentType, GrantProgram, JointProgramme, Project, ProjectMember

from . import content
from .applications import ApplicationsLoader
from .content import T
from .names import NameBook
from .partners import PARTNERS

FIRST_MOBILITY_YEAR = 2019

ITEC_HOSTS = ["IN:NITTTR", "IN:C-DAC", "IN:NIRDPR", "IN:IITR", "IN:IITD", "IN:AMITY", "IN:SHARDA", "IN:VIT"]
ERASMUS_HOSTS = [
    "PL:WUT", "PL:AGH", "PL:GUT", "PL:WUST", "LT:KTU", "LT:VILNIUS TECH", "LV:RTU", "ES:UPV", "ES:UC3M",
    "IT:POLITO", "IT:UNIGE", "IT:UNIPD", "HU:BME", "HU:UNIDEB", "HU:OE", "DE:HSA", "FR:INSA",
]  # fmt: skip
BILATERAL_HOSTS = [
    "TR:ITU", "TR:GU", "TR:KTU", "TR:SAU", "KZ:KazNU", "KZ:SU", "KZ:KBTU", "MY:UTM", "KR:INHA", "KR:KNU",
    "KR:KMU", "KR:CNU", "RU:TPU", "RU:SPbPU", "RU:BMSTU", "RU:SUSU", "CN:XJU", "CN:LZU", "BY:BNTU", "BY:PSU",
    "AZ:AzTU", "IN:AMITY",
]  # fmt: skip
SUMMER_SCHOOL_HOSTS = ["CN:SDJZU", "CN:BIT", "KR:INHA", "KR:KMU", "MY:UTM", "RU:SPbPU", "TR:KOU", "HU:PTE"]
CHINA_INTERNSHIP_HOSTS = ["CN:XJU", "CN:LZU", "CN:DUT", "CN:HIT", "CN:NWAFU"]
INCOMING_STUDENT_HOSTS = [
    "TR:GU", "TR:KTU", "KZ:KazNU", "KZ:SKU", "KR:INHA", "KR:KNU", "CN:XJU", "CN:SDJZU", "BY:BNTU", "AZ:AzTU",
    "MY:UTM", "RU:TPU", "IN:AMITY",
]  # fmt: skip
VISITING_PROFESSOR_HOSTS = [
    "RU:TPU", "RU:MGSU", "RU:NUST MISIS", "BY:BSPU", "BY:BSTU", "TR:GU", "TR:ERU", "KR:INHA", "CN:SDJZU",
    "PL:WUT", "LT:KTU", "ES:UPV", "IT:POLITO", "KZ:ENU", "IN:AMITY",
]  # fmt: skip
CONFERENCE_HOSTS = ["RU:SPbPU", "TR:METU", "KZ:SU", "MY:UM", "HU:BME", "PL:AGH", "CN:HIT", "AZ:ASOIU"]
EU_COUNTRIES = {"PL", "LT", "LV", "ES", "IT", "HU", "DE", "FR", "BE"}
ENGINEERING_FACULTIES = [
    "energy-engineering", "civil-engineering", "chemical-technology", "mechanical-engineering",
    "information-technologies", "economics-and-management",
]  # fmt: skip

# Outgoing students of 2024: "nearly 30 students" in the institute's own words (one exchange was cancelled).
STUDENTS_2024 = [
    # host, how many, activity, start, end, programme, call
    ("PL:WUT", 2, "semester", "2024-02-05", "2024-06-28", "erasmus-plus-credit-mobility", "erasmus-spring-2024"),
    ("LT:KTU", 2, "semester", "2024-02-05", "2024-06-28", "erasmus-plus-credit-mobility", "erasmus-spring-2024"),
    ("LV:RTU", 2, "semester", "2024-02-05", "2024-06-28", "erasmus-plus-credit-mobility", "erasmus-spring-2024"),
    ("ES:UPV", 1, "semester", "2024-02-05", "2024-06-28", "erasmus-plus-credit-mobility", "erasmus-spring-2024"),
    ("IT:POLITO", 1, "semester", "2024-02-05", "2024-06-28", "erasmus-plus-credit-mobility", "erasmus-spring-2024"),
    ("MY:UTM", 2, "semester", "2024-03-04", "2024-07-12", "bilateral-exchange", None),
    ("CN:XJU", 1, "internship", "2024-03-01", "2024-07-31", "china-education-internships", None),
    ("CN:SDJZU", 2, "short_term", "2024-07-08", "2024-07-26", "bilateral-exchange", None),
    ("KR:INHA", 2, "semester", "2024-08-26", "2024-12-20", "bilateral-exchange", "partner-exchange-autumn-2024"),
    ("RU:TPU", 2, "semester", "2024-09-01", "2024-12-28", "bilateral-exchange", "partner-exchange-autumn-2024"),
    ("KZ:KazNU", 2, "semester", "2024-09-02", "2024-12-27", "bilateral-exchange", "partner-exchange-autumn-2024"),
    ("TR:ITU", 2, "semester", "2024-09-16", "2025-01-24", "bilateral-exchange", "partner-exchange-autumn-2024"),
    ("TR:KTU", 1, "semester", "2024-09-16", "2025-01-24", "bilateral-exchange", "partner-exchange-autumn-2024"),
    ("PL:GUT", 2, "semester", "2024-09-30", "2025-01-31", "erasmus-plus-credit-mobility", "erasmus-autumn-2024"),
    ("LT:VILNIUS TECH", 1, "semester", "2024-09-30", "2025-01-31", "erasmus-plus-credit-mobility",
     "erasmus-autumn-2024"),
    ("HU:BME", 2, "semester", "2024-09-30", "2025-01-31", "erasmus-plus-credit-mobility", "erasmus-autumn-2024"),
    ("IT:UNIGE", 1, "semester", "2024-09-30", "2025-01-31", "erasmus-plus-credit-mobility", "erasmus-autumn-2024"),
]  # fmt: skip

FULBRIGHT_SCHOLARS = [("US:UA", "2023-01-09", "2023-06-30"), ("US:PURDUE", "2025-08-18", "2026-05-15")]
EL_YURT_UMIDI_STUDIES = [
    ("DE:TUD", "2022-10-01", "2025-09-30", "Doctoral studies in power engineering."),
    ("IT:POLIMI", "2023-09-15", "2025-07-31", "Master's programme in civil engineering."),
    ("KR:KAIST", "2024-09-01", "2028-08-31", "Doctoral studies in materials science."),
    ("GB:LEEDS", "2025-09-22", "2026-09-21", "Master's programme in water and environmental engineering."),
]

RU_MONTHS = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]  # fmt: skip
UZ_MONTHS = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr",
]  # fmt: skip

STUDENT_DOCUMENTS = [
    "transcript",
    "language-certificate",
    "passport-copy",
    "motivation-letter",
    "recommendation-letter",
]
STAFF_DOCUMENTS = ["passport-copy", "cv", "language-certificate", "recommendation-letter"]


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _d(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _ref_part(short_name):
    return short_name.replace(" ", "-")


def _spread(values):
    """``{"name": T(en, uz, ru)}`` -> ``{"name": en, "name_en": en, "name_uz": uz, "name_ru": ru}``."""
    spread = {}
    for key, value in values.items():
        if isinstance(value, T):
            spread[key] = value.en
            spread.update({f"{key}_en": value.en, f"{key}_uz": value.uz, f"{key}_ru": value.ru})
        else:
            spread[key] = value
    return spread


@dataclass
class Stay:
    """One planned mobility record before it gets a participant."""

    key: str
    country: str  # whose names the participant bears
    direction: str
    kind: str
    activity: str
    partner: str
    start: datetime.date
    end: datetime.date
    program: str | None = None
    project: Project | None = None
    call: str | None = None
    agreement: str | None = "auto"  # "auto": the partner's agreement in force at the start, if any
    faculty: str | None = None
    cancelled: bool = False
    notes: str = ""


@dataclass
class Result:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)  # many-to-many sets replaced, by "Model.field"
    totals: dict = field(default_factory=dict)

    @property
    def changes(self):
        return sum(sum(counter.values()) for counter in (self.created, self.updated, self.deleted, self.links))


class DemoLoader:
    def __init__(self, today):
        self.today = today
        self.result = Result()
        self.institutions = {}
        self.agreements = {}
        self.partner_agreements = {}
        self.faculties = {}
        self.areas = {}
        self.documents = {}
        self.programs = {}
        self.calls = {}
        self.projects = []
        self.european_members = {}
        self.visits = []
        self._rows = {}
        self._links = {}
        self._kept = defaultdict(set)

    # The primitives -----------------------------------------------------------------------------------------------

    def sync(self, model, lookup, values):
        """Create the row ``lookup`` finds, or update it when one of ``values`` differs."""
        values = _spread(values)
        fields = tuple(sorted(lookup))
        rows = self._rows_by(model, fields)
        key = tuple(self._comparable(lookup[name]) for name in fields)
        obj = rows.get(key)
        if obj is None:
            obj = model(**lookup, **values)
            self._clean(obj)
            obj.save()
            rows[key] = obj
            self.result.created[model.__name__] += 1
        else:
            changed = False
            for name, value in values.items():
                if self._current(obj, name) != self._comparable(value):
                    setattr(obj, name, value)
                    changed = True
            if changed:
                self._clean(obj)
                obj.save()
                self.result.updated[model.__name__] += 1
        self._kept[model].add(obj.pk)
        return obj

    @staticmethod
    def _clean(obj):
        # Field validation and the models' clean() still run; unique and check constraints are left to the
        # database, which enforces them anyway, to save a query per constraint and row on the first run.
        obj.full_clean(validate_unique=False, validate_constraints=False)

    def _rows_by(self, model, fields):
        """Every row of ``model`` by the values of ``fields``: one query per model and key instead of one per row."""
        if (model, fields) not in self._rows:
            self._rows[model, fields] = {
                tuple(self._current(obj, name) for name in fields): obj for obj in model._default_manager.all()
            }
        return self._rows[model, fields]

    def sync_m2m(self, obj, name, targets):
        model_field = type(obj)._meta.get_field(name)
        if model_field not in self._links:
            through = model_field.remote_field.through
            pairs = through.objects.values_list(
                f"{model_field.m2m_field_name()}_id", f"{model_field.m2m_reverse_field_name()}_id"
            )
            self._links[model_field] = links = defaultdict(set)
            for source, target in pairs:
                links[source].add(target)
        wanted = {target.pk for target in targets}
        if self._links[model_field][obj.pk] != wanted:
            getattr(obj, name).set(targets)
            self._links[model_field][obj.pk] = wanted
            self.result.links[f"{type(obj).__name__}.{name}"] += 1

    def delete_stale(self, queryset):
        """Delete the rows of ``queryset`` (children of demo records) that this run did not write."""
        stale = queryset.exclude(pk__in=self._kept[queryset.model])
        count = stale.count()
        if count:
            stale.delete()
            self.result.deleted[queryset.model.__name__] += count

    @staticmethod
    def _current(obj, name):
        if name == "pk":
            return obj.pk
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            return getattr(obj, model_field.attname)
        value = getattr(obj, name)
        return value.code if isinstance(value, Country) else value

    @staticmethod
    def _comparable(value):
        return value.pk if isinstance(value, models.Model) else value

    # The steps ----------------------------------------------------------------------------------------------------

    def run(self):
        self.load_department()
        self.load_reference_lists()
        self.load_institutions()
        self.load_agreements()
        self.load_programs()
        self.load_projects()
        self.load_joint_programmes()
        self.load_calls()
        self.load_mobility()
        self.load_visits()
        self.load_applications()
        for model in (
            HomeInstitution, Faculty, StaffMember, Page, Ranking, CooperationArea, Institution, Contact, Agreement,
            GrantProgram, Project, ProjectMember, JointProgramme, DocumentType, Call, Mobility, Visit, VisitMember,
            Application, ApplicationEvent, ApplicationReview,
        ):  # fmt: skip
            self.result.totals[model.__name__] = model._default_manager.count()
        return self.result

    def load_department(self):
        self.sync(HomeInstitution, {"pk": HomeInstitution.SINGLETON_ID}, dict(content.HOME_INSTITUTION))
        for slug, name in content.FACULTIES:
            self.faculties[slug] = self.sync(Faculty, {"slug": slug}, {"name": name})
        for member in content.STAFF:
            values = {key: value for key, value in member.items() if key != "email"}
            values.setdefault("reception_days", "")
            self.sync(StaffMember, {"email": member["email"]}, {**values, "is_public": True})
        for page in content.PAGES:
            values = {key: value for key, value in page.items() if key != "slug"}
            self.sync(Page, {"slug": page["slug"]}, {**values, "is_published": True})
        for ranking in content.RANKINGS:
            values = {key: value for key, value in ranking.items() if key not in ("name", "year")}
            self.sync(Ranking, {"name": ranking["name"], "year": ranking["year"]}, values)

    def load_reference_lists(self):
        for slug, name in content.COOPERATION_AREAS:
            self.areas[slug] = self.sync(CooperationArea, {"slug": slug}, {"name": name})
        for slug, name, description in content.DOCUMENT_TYPES:
            self.documents[slug] = self.sync(DocumentType, {"slug": slug}, {"name": name, "description": description})

    def load_institutions(self):
        contacts = NameBook()
        for spec in PARTNERS:
            institution = self.sync(
                Institution,
                {"name": spec.name, "country": spec.country},
                {
                    "short_name": spec.short_name,
                    "kind": spec.kind,
                    "city": spec.city,
                    "website": spec.website,
                    "description": spec.description,
                    "cooperating_since": spec.since,
                    "is_active": spec.active,
                },
            )
            self.institutions[spec.key] = institution
            self.sync_m2m(institution, "cooperation_areas", [self.areas[slug] for slug in spec.area_slugs])
            positions = content.CONTACT_POSITIONS[spec.kind]
            # Close partners have a second person the office writes to.
            how_many = 2 if len(spec.agreements) > 1 or "JD" in spec.areas.split() else 1
            for index in range(how_many):
                person = contacts.person(spec.country, f"contact|{spec.key}|{index}")
                self.sync(
                    Contact,
                    {"institution": institution, "email": person.email},
                    {
                        "full_name": person.full_name,
                        "position": positions[index % len(positions)],
                        "phone": "",
                        "is_primary": index == 0,
                        "notes": "",
                    },
                )
        # Contacts the demo once wrote and no longer does; people staff added keep their real addresses.
        self.delete_stale(
            Contact.objects.filter(institution__in=self.institutions.values(), email__endswith="@example.org")
        )

    def load_agreements(self):
        for spec in PARTNERS:
            partner = self.institutions[spec.key]
            own = []
            prefix = f"IC/{spec.country}/{_ref_part(spec.short_name)}"
            for number, agreement in enumerate(spec.agreements, start=1):
                reference = f"{prefix}/{number}"
                signed_on, valid_until = agreement.signed, None
                if agreement.expires_in_days is not None:
                    valid_until = self.today + datetime.timedelta(days=agreement.expires_in_days)
                    signed_on = add_years(valid_until, -agreement.years) + datetime.timedelta(days=1)
                elif signed_on and agreement.years:
                    valid_until = add_years(signed_on, agreement.years) - datetime.timedelta(days=1)
                title = agreement.title or T(
                    *(text.format(name=spec.name) for text in content.AGREEMENT_TITLES[agreement.kind])
                )
                scope = agreement.scope or content.AGREEMENT_SCOPES.get(agreement.kind, T("", "", ""))
                renews = self.agreements[f"{prefix}/{agreement.renews}"] if agreement.renews else None
                students_out, students_in, staff_out, staff_in = agreement.places
                obj = self.sync(
                    Agreement,
                    {"reference_number": reference},
                    {
                        "partner": partner,
                        "kind": agreement.kind,
                        "title": T(*title),
                        "scope": T(*scope),
                        "signed_on": signed_on,
                        "valid_until": valid_until,
                        "student_places_out": students_out,
                        "student_places_in": students_in,
                        "staff_places_out": staff_out,
                        "staff_places_in": staff_in,
                        "is_public": agreement.is_public,
                        "renews": renews,
                    },
                )
                self.agreements[reference] = obj
                own.append(obj)
            self.partner_agreements[partner.pk] = own

    def load_programs(self):
        for program in content.GRANT_PROGRAMS:
            values = {key: value for key, value in program.items() if key != "slug"}
            values["funder"] = self.institutions[program["funder"]] if program["funder"] else None
            self.programs[program["slug"]] = self.sync(
                GrantProgram, {"slug": program["slug"]}, {**values, "is_active": True}
            )

    def load_projects(self):
        cbhe = self.programs["erasmus-plus-cbhe"]
        for project in content.PROJECTS:
            values = {key: value for key, value in project.items() if key not in ("reference_number", "members")}
            values["budget_eur"] = Decimal(values["budget_eur"])
            values["our_budget_eur"] = Decimal(values["our_budget_eur"])
            obj = self.sync(Project, {"reference_number": project["reference_number"]}, {**values, "program": cbhe})
            for key, role in project["members"]:
                self.sync(ProjectMember, {"project": obj, "institution": self.institutions[key]}, {"role": role})
            self.projects.append(obj)
            self.european_members[obj.pk] = [
                self.institutions[key] for key, _role in project["members"] if key.split(":")[0] in EU_COUNTRIES
            ]
        self.delete_stale(ProjectMember.objects.filter(project__in=self.projects))

    def load_joint_programmes(self):
        bspu = self.institutions["BY:BSPU"]
        for programme in content.JOINT_PROGRAMMES:
            values = {key: value for key, value in programme.items() if key != "slug"}
            self.sync(
                JointProgramme,
                {"slug": programme["slug"]},
                {
                    **values,
                    "partner": bspu,
                    "kind": JointProgramme.Kind.DUAL,
                    "level": JointProgramme.Level.BACHELOR,
                    "agreement": self.agreements["IC/BY/BSPU/2"],
                    "is_active": True,
                },
            )

    def load_calls(self):
        for call in self._call_specs():
            hosts = [self.institutions[key] for key in call.pop("hosts")]
            documents = [self.documents[slug] for slug in call.pop("documents")]
            slug = call.pop("slug")
            call["program"] = self.programs[call["program"]]
            obj = self.sync(Call, {"slug": slug}, {"is_published": True, **call})
            self.sync_m2m(obj, "hosts", hosts)
            self.sync_m2m(obj, "required_documents", documents)
            self.calls[slug] = obj

    def _call_specs(self):
        student_eligibility = (
            "Bachelor and master students from the second year of study with a GPA of at least 4.0 out of 5 and "
            "English at B2 level (IELTS 5.5, TOEFL iBT 72 or a CEFR B2 certificate)."
        )
        erasmus_description = (
            "One semester at a European partner university with an Erasmus+ grant for living costs and travel. "
            "Courses taken abroad are recognised by the student's faculty under a learning agreement."
        )
        # The open and the upcoming call keep their slugs and move with today, so that a run on a later day
        # updates them instead of adding a second open call.
        day = datetime.timedelta(days=1)
        opens = self.today - 10 * day
        deadline = self.today + 21 * day
        mobility_start = (deadline + 60 * day).replace(day=1)
        month, year = mobility_start.month, mobility_start.year
        upcoming_opens = self.today + 20 * day
        return [
            {
                "slug": "erasmus-spring-2024",
                "program": "erasmus-plus-credit-mobility",
                "title": "Erasmus+ semester exchange, spring semester 2024",
                "hosts": ["PL:WUT", "LT:KTU", "LV:RTU", "ES:UPV", "IT:POLITO"],
                "places": 8,
                "target_group": Call.TargetGroup.STUDENTS,
                "opens_on": _d("2023-10-02"),
                "deadline": _d("2023-11-10"),
                "mobility_start": _d("2024-02-05"),
                "mobility_end": _d("2024-06-28"),
                "description": erasmus_description,
                "eligibility": student_eligibility,
                "documents": STUDENT_DOCUMENTS,
            },
            {
                "slug": "erasmus-autumn-2024",
                "program": "erasmus-plus-credit-mobility",
                "title": "Erasmus+ semester exchange, autumn semester 2024",
                "hosts": ["PL:GUT", "LT:VILNIUS TECH", "HU:BME", "IT:UNIGE"],
                "places": 6,
                "target_group": Call.TargetGroup.STUDENTS,
                "opens_on": _d("2024-04-01"),
                "deadline": _d("2024-05-10"),
                "mobility_start": _d("2024-09-30"),
                "mobility_end": _d("2025-01-31"),
                "description": erasmus_description,
                "eligibility": student_eligibility,
                "documents": STUDENT_DOCUMENTS,
            },
            {
                "slug": "partner-exchange-autumn-2024",
                "program": "bilateral-exchange",
                "title": "Semester exchange at partner universities, autumn 2024",
                "hosts": ["KR:INHA", "RU:TPU", "KZ:KazNU", "TR:ITU", "TR:KTU"],
                "places": 10,
                "target_group": Call.TargetGroup.BACHELOR,
                "opens_on": _d("2024-04-15"),
                "deadline": _d("2024-05-24"),
                "mobility_start": _d("2024-09-01"),
                "mobility_end": _d("2025-01-31"),
                "description": "A tuition-free semester at a partner university in Korea, Russia, Kazakhstan or "
                "Turkey under the institute's exchange agreements. The student keeps the scholarship at home.",
                "eligibility": student_eligibility.replace("Bachelor and master students", "Bachelor students"),
                "documents": STUDENT_DOCUMENTS,
            },
            {
                "slug": "itec-courses-2025",
                "program": "itec",
                "title": "ITEC courses in India, 2025",
                "hosts": ITEC_HOSTS,
                "places": 10,
                "target_group": Call.TargetGroup.STAFF,
                "opens_on": _d("2025-01-13"),
                "deadline": _d("2025-02-14"),
                "mobility_start": None,
                "mobility_end": None,
                "description": "Nominations for the fully funded short courses of the Government of India. The "
                "department forwards the nominations to the Embassy of India in Tashkent.",
                "eligibility": "Academic and administrative staff aged 25 to 45 with good English.",
                "documents": STAFF_DOCUMENTS,
            },
            {
                "slug": "erasmus-semester-exchange-next-semester",
                "program": "erasmus-plus-credit-mobility",
                "title": T(
                    f"Erasmus+ semester exchange from {mobility_start:%B} {year}",
                    f"{year}-yil {UZ_MONTHS[month - 1]}dan boshlanadigan Erasmus+ semestrlik almashinuvi",
                    f"Семестровый обмен Erasmus+ с {RU_MONTHS[month - 1]} {year} года",
                ),
                "hosts": ["PL:WUT", "PL:AGH", "LT:KTU", "LV:RTU", "ES:UPV", "IT:POLITO", "HU:BME", "FR:INSA"],
                "places": 8,
                "target_group": Call.TargetGroup.STUDENTS,
                "opens_on": opens,
                "deadline": deadline,
                "mobility_start": mobility_start,
                "mobility_end": mobility_start + 150 * day,
                "description": T(
                    erasmus_description,
                    "Yevropa hamkor universitetida Erasmus+ granti bilan bir semestr tahsil: grant yashash va yoʻl "
                    "xarajatlarini qoplaydi. Xorijda oʻqilgan fanlar oʻquv shartnomasi asosida fakultetda tan "
                    "olinadi.",
                    "Один семестр в европейском вузе-партнёре со стипендией Erasmus+ на проживание и проезд. Курсы, "
                    "пройденные за рубежом, засчитываются факультетом по учебному соглашению.",
                ),
                "eligibility": student_eligibility,
                "documents": STUDENT_DOCUMENTS,
            },
            {
                "slug": "koica-fellowship-staff-nominations",
                "program": "koica-fellowship",
                "title": "KOICA Fellowship Programme: staff nominations",
                "hosts": ["KR:KOICA"],
                "places": 4,
                "target_group": Call.TargetGroup.STAFF,
                "opens_on": upcoming_opens,
                "deadline": upcoming_opens + 30 * day,
                "mobility_start": None,
                "mobility_end": None,
                "description": "Nominations for KOICA's short courses in Korea on digital government, energy and "
                "higher education management. KOICA pays travel, accommodation and the course.",
                "eligibility": "Staff with at least two years at the institute and good English.",
                "documents": STAFF_DOCUMENTS,
            },
        ]

    # Mobility -----------------------------------------------------------------------------------------------------

    def load_mobility(self):
        people = NameBook()
        for year in range(FIRST_MOBILITY_YEAR, self.today.year + 1):
            for stay in self._stays_of(year):
                self._sync_stay(stay, people)

    def _sync_stay(self, stay, people):
        person = people.person(stay.country, stay.key)
        partner = self.institutions[stay.partner]
        if stay.agreement == "auto":
            agreement = self._agreement_in_force(partner, stay.start)
        else:
            agreement = self.agreements[stay.agreement] if stay.agreement else None
        self.sync(
            Mobility,
            {"participant_email": person.email},
            {
                "direction": stay.direction,
                "participant_kind": stay.kind,
                "participant_name": person.full_name,
                "faculty": self.faculties[stay.faculty] if stay.faculty else None,
                "activity": stay.activity,
                "partner": partner,
                "program": self.programs[stay.program] if stay.program else None,
                "project": stay.project,
                "agreement": agreement,
                "call": self.calls[stay.call] if stay.call else None,
                "start_date": stay.start,
                "end_date": stay.end,
                "status": self._status(stay),
                "notes": stay.notes,
            },
        )

    def _agreement_in_force(self, partner, day):
        in_force = [
            agreement
            for agreement in self.partner_agreements.get(partner.pk, [])
            if agreement.signed_on
            and agreement.signed_on <= day
            and (agreement.valid_until is None or agreement.valid_until >= day)
        ]
        in_force.sort(key=lambda agreement: agreement.kind not in ("exchange", "dual_degree"))
        return in_force[0] if in_force else None

    def _status(self, stay):
        if stay.cancelled:
            return Mobility.Status.CANCELLED
        if stay.end < self.today:
            return Mobility.Status.COMPLETED
        if stay.start <= self.today or (stay.start - self.today).days <= 60:
            return Mobility.Status.CONFIRMED
        return Mobility.Status.PLANNED

    def _partners_since(self, keys, year):
        """The hosts among ``keys`` the institute already cooperated with in ``year``."""
        return [
            key
            for key in keys
            if self.institutions[key].is_active and (self.institutions[key].cooperating_since or 0) <= year
        ]

    def _stays_of(self, year):
        """Every mobility that starts in calendar year ``year``, in a fixed order."""
        stays = []
        stays += self._itec(year)
        stays += self._outgoing_students(year)
        stays += self._dual_degree_students(year)
        stays += self._china_internships(year)
        stays += self._outgoing_staff(year)
        stays += self._incoming(year)
        return stays

    def _itec(self, year):
        # Courses stopped in spring 2020 and came back in the autumn of 2021.
        months = {2020: (1, 3), 2021: (9, 12)}.get(year, (1, 11))
        stays = []
        for n in range(10):
            rng = random.Random(f"itec|{year}|{n}")
            start = datetime.date(year, rng.randint(*months), rng.randint(1, 28))
            weeks = rng.choice([2, 3, 4, 6, 8, 12])
            stays.append(
                Stay(
                    key=f"itec|{year}|{n}",
                    country="UZ",
                    direction=Direction.OUTGOING,
                    kind=Mobility.ParticipantKind.STAFF,
                    activity=Mobility.Activity.TRAINING,
                    partner=rng.choice(ITEC_HOSTS),
                    start=start,
                    end=start + datetime.timedelta(days=7 * weeks - 1),
                    program="itec",
                    agreement=None,
                    faculty=rng.choice(ENGINEERING_FACULTIES),
                    notes=f"ITEC course: {rng.choice(content.ITEC_COURSES)}.",
                )
            )
        return stays

    def _outgoing_students(self, year):
        if year == 2024:
            return self._students_2024()
        count = {2019: 4, 2020: 2, 2021: 6, 2022: 12, 2023: 19, 2025: 27}.get(year, 24)
        stays = []
        for n in range(count):
            rng = random.Random(f"students|{year}|{n}")
            summer = year >= 2022 and n % 6 == 5
            if summer:
                host = rng.choice(self._partners_since(SUMMER_SCHOOL_HOSTS, year))
                start = datetime.date(year, 7, rng.randint(1, 15))
                end = start + datetime.timedelta(days=rng.choice([13, 20, 27]))
                activity, program = Mobility.Activity.SHORT_TERM, "bilateral-exchange"
            else:
                host = rng.choice(self._partners_since(ERASMUS_HOSTS + BILATERAL_HOSTS, year))
                if n % 2 == 0 or year == 2020:
                    start = datetime.date(year, 2, rng.randint(1, 14))
                    end = datetime.date(year, 6, rng.randint(20, 30))
                else:
                    start = datetime.date(year, 9, rng.randint(1, 20))
                    end = datetime.date(year + 1, 1, rng.randint(15, 31))
                activity = Mobility.Activity.SEMESTER
                program = "erasmus-plus-credit-mobility" if host in ERASMUS_HOSTS else "bilateral-exchange"
            stays.append(
                Stay(
                    key=f"students|{year}|{n}",
                    country="UZ",
                    direction=Direction.OUTGOING,
                    kind=Mobility.ParticipantKind.STUDENT,
                    activity=activity,
                    partner=host,
                    start=start,
                    end=end,
                    program=program,
                    faculty=rng.choice(ENGINEERING_FACULTIES),
                )
            )
        return stays

    def _students_2024(self):
        stays = []
        for host, how_many, activity, start, end, program, call in STUDENTS_2024:
            for n in range(how_many):
                rng = random.Random(f"students|2024|{host}|{n}")
                stays.append(
                    Stay(
                        key=f"students|2024|{host}|{n}",
                        country="UZ",
                        direction=Direction.OUTGOING,
                        kind=Mobility.ParticipantKind.STUDENT,
                        activity=activity,
                        partner=host,
                        start=_d(start),
                        end=_d(end),
                        program=program,
                        call=call,
                        agreement="IC/CN/MOE-China/1" if program == "china-education-internships" else "auto",
                        faculty=rng.choice(ENGINEERING_FACULTIES),
                        # A visa that came too late: the office keeps the record, the statistics skip it.
                        cancelled=host == "MY:UTM" and n == 1,
                        notes="Cancelled: the student visa was not issued in time."
                        if host == "MY:UTM" and n == 1
                        else "",
                    )
                )
        return stays

    def _dual_degree_students(self, year):
        """Students who leave for Minsk: the final year of the "3+1", the last two years of the "2+2"."""
        intakes = {2024: (1, 1), 2025: (4, 3)}.get(year, (4, 3) if year > 2025 else (0, 0))
        stays = []
        for scheme, how_many, years_abroad in (("3+1", intakes[0], 1), ("2+2", intakes[1], 2)):
            for n in range(how_many):
                stays.append(
                    Stay(
                        key=f"dual|{scheme}|{year}|{n}",
                        country="UZ",
                        direction=Direction.OUTGOING,
                        kind=Mobility.ParticipantKind.STUDENT,
                        activity=Mobility.Activity.DEGREE,
                        partner="BY:BSPU",
                        start=datetime.date(year, 9, 1),
                        end=datetime.date(year + years_abroad, 6, 30),
                        program="bilateral-exchange",
                        agreement="IC/BY/BSPU/2",
                        faculty="professional-education",
                        notes=f'"{scheme}" dual-degree programme with Belarusian State Pedagogical University.',
                    )
                )
        return stays

    def _china_internships(self, year):
        if year not in (2019,) and year < 2023:
            return []
        stays = []
        for n in range(2):
            rng = random.Random(f"china|{year}|{n}")
            start = datetime.date(year, 3 if n == 0 else 9, rng.randint(1, 10))
            stays.append(
                Stay(
                    key=f"china|{year}|{n}",
                    country="UZ",
                    direction=Direction.OUTGOING,
                    kind=Mobility.ParticipantKind.STAFF,
                    activity=Mobility.Activity.INTERNSHIP,
                    partner=rng.choice(CHINA_INTERNSHIP_HOSTS),
                    start=start,
                    end=start + datetime.timedelta(days=152),
                    program="china-education-internships",
                    agreement="IC/CN/MOE-China/1",
                    faculty=rng.choice(ENGINEERING_FACULTIES),
                    notes="Young specialist, internship under the intergovernmental agreement of 8 November 1999.",
                )
            )
        return stays

    def _outgoing_staff(self, year):
        stays = []

        def staff(key, partner, start, days, activity, program, **kwargs):
            rng = random.Random(key)
            stays.append(
                Stay(
                    key=key,
                    country="UZ",
                    direction=Direction.OUTGOING,
                    kind=Mobility.ParticipantKind.STAFF,
                    activity=activity,
                    partner=partner,
                    start=start,
                    end=start + datetime.timedelta(days=days - 1),
                    program=program,
                    faculty=kwargs.pop("faculty", rng.choice(ENGINEERING_FACULTIES)),
                    **kwargs,
                )
            )

        erasmus_staff = {2020: 0, 2021: 1}.get(year, 2)
        for n in range(erasmus_staff):
            rng = random.Random(f"erasmus-staff|{year}|{n}")
            host = rng.choice(self._partners_since(ERASMUS_HOSTS, year))
            activity = Mobility.Activity.TEACHING if n % 2 == 0 else Mobility.Activity.TRAINING
            start = datetime.date(year, rng.choice([4, 5, 10, 11]), rng.randint(1, 20))
            staff(f"erasmus-staff|{year}|{n}", host, start, rng.choice([5, 7, 10, 14]), activity,
                  "erasmus-plus-credit-mobility")  # fmt: skip
        if year not in (2020, 2021):
            for n in range(2):
                rng = random.Random(f"koica-fellow|{year}|{n}")
                start = datetime.date(year, rng.choice([3, 6, 10]), rng.randint(1, 20))
                staff(f"koica-fellow|{year}|{n}", "KR:KOICA", start, rng.choice([14, 21, 28]),
                      Mobility.Activity.TRAINING, "koica-fellowship", agreement=None)  # fmt: skip
            for n in range(1 if year % 2 else 2):
                rng = random.Random(f"jica|{year}|{n}")
                start = datetime.date(year, rng.choice([5, 8, 11]), rng.randint(1, 20))
                staff(f"jica|{year}|{n}", "JP:JICA", start, rng.choice([21, 35, 49]), Mobility.Activity.TRAINING,
                      "jica-knowledge-co-creation", agreement=None)  # fmt: skip
        if year >= 2022:
            for n in range(2):
                rng = random.Random(f"conference|{year}|{n}")
                start = datetime.date(year, rng.choice([4, 6, 10]), rng.randint(1, 25))
                staff(f"conference|{year}|{n}", rng.choice(CONFERENCE_HOSTS), start, rng.choice([3, 4, 5]),
                      Mobility.Activity.CONFERENCE, None, notes="Paper at an international conference.")  # fmt: skip
        for project in self.projects:
            european = self.european_members[project.pk]
            for n in range(4):
                start = project.start_date + (project.end_date - project.start_date) * (n + 1) / 5
                if start.year != year:
                    continue
                host = european[n % len(european)]
                staff(f"cbhe|{project.acronym}|{n}", f"{host.country.code}:{host.short_name}", start, 8,
                      Mobility.Activity.TRAINING, "erasmus-plus-cbhe", project=project, agreement=None,
                      notes=f"Training in the {project.acronym} project.")  # fmt: skip
        for n, (host, start, end) in enumerate(FULBRIGHT_SCHOLARS):
            if _d(start).year == year:
                staff(f"fulbright|{n}", host, _d(start), (_d(end) - _d(start)).days + 1, Mobility.Activity.RESEARCH,
                      "fulbright-visiting-scholar", agreement=None)  # fmt: skip
        for n, (host, start, end, notes) in enumerate(EL_YURT_UMIDI_STUDIES):
            if _d(start).year == year:
                staff(f"el-yurt-umidi|{n}", host, _d(start), (_d(end) - _d(start)).days + 1,
                      Mobility.Activity.DEGREE, "el-yurt-umidi", agreement=None, notes=notes)  # fmt: skip
        return stays

    def _incoming(self, year):
        stays = []
        if year >= 2022:
            for n in range(min(3 + year - 2022, 6)):
                rng = random.Random(f"incoming-students|{year}|{n}")
                host = rng.choice(self._partners_since(INCOMING_STUDENT_HOSTS, year))
                autumn = n % 2 == 0
                start = datetime.date(year, 9 if autumn else 2, rng.randint(1, 15))
                end = datetime.date(year + 1, 1, 20) if autumn else datetime.date(year, 6, 25)
                stays.append(
                    Stay(
                        key=f"incoming-students|{year}|{n}",
                        country=host.split(":")[0],
                        direction=Direction.INCOMING,
                        kind=Mobility.ParticipantKind.STUDENT,
                        activity=Mobility.Activity.SEMESTER,
                        partner=host,
                        start=start,
                        end=end,
                        program="bilateral-exchange",
                    )
                )
        if year not in (2020, 2021):
            rng = random.Random(f"koica-volunteer|{year}")
            start = datetime.date(year, 9, rng.randint(1, 10))
            stays.append(
                Stay(
                    key=f"koica-volunteer|{year}",
                    country="KR",
                    direction=Direction.INCOMING,
                    kind=Mobility.ParticipantKind.STAFF,
                    activity=Mobility.Activity.TEACHING,
                    partner="KR:KOICA",
                    start=start,
                    end=add_years(start, 1) - datetime.timedelta(days=1),
                    program="koica-volunteers",
                    agreement=None,
                    notes="KOICA volunteer teacher: Korean language and programming.",
                )
            )
        professors = {2019: 3, 2020: 1, 2021: 2}.get(year, 4)
        for n in range(professors):
            rng = random.Random(f"visiting-professor|{year}|{n}")
            host = rng.choice(self._partners_since(VISITING_PROFESSOR_HOSTS, year))
            start = datetime.date(year, rng.choice([2, 3, 4, 10, 11]) if year != 2020 else 2, rng.randint(1, 20))
            country = host.split(":")[0]
            stays.append(
                Stay(
                    key=f"visiting-professor|{year}|{n}",
                    country=country,
                    direction=Direction.INCOMING,
                    kind=Mobility.ParticipantKind.STAFF,
                    activity=Mobility.Activity.TEACHING,
                    partner=host,
                    start=start,
                    end=start + datetime.timedelta(days=rng.choice([7, 10, 14, 21]) - 1),
                    program="erasmus-plus-credit-mobility" if country in EU_COUNTRIES else None,
                    notes="Visiting professor: lectures and master classes.",
                )
            )
        return stays

    # Applications -------------------------------------------------------------------------------------------------

    def load_applications(self):
        """Students' applications to the open call in every status, with history, reviews and files."""
        ApplicationsLoader(self).run()

    # Visits -------------------------------------------------------------------------------------------------------

    def load_visits(self):
        self._load_visit(content.SHANDONG_VISIT, translated_members=True)
        for visit in content.OTHER_VISITS:
            self._load_visit(visit, translated_members=False)
        self.delete_stale(VisitMember.objects.filter(visit__in=self.visits))

    def _load_visit(self, spec, *, translated_members):
        values = {
            key: value for key, value in spec.items() if key not in ("slug", "partner", "members", "agreements_signed")
        }
        visit = self.sync(
            Visit,
            {"slug": spec["slug"]},
            {**values, "partner": self.institutions[spec["partner"]], "is_public": True},
        )
        self.sync_m2m(visit, "agreements_signed", [self.agreements[ref] for ref in spec["agreements_signed"]])
        self.visits.append(visit)
        for order, member in enumerate(spec["members"], start=1):
            if translated_members:
                side, is_head, name, name_ru, position = member
                values = {"full_name": name, "full_name_ru": name_ru, "position": position}
            else:
                side, is_head, name, position = member
                values = {"full_name": name, "position": position}
            self.sync(VisitMember, {"visit": visit, "side": side, "order": order}, {**values, "is_head": is_head})


def load_demo(today=None):
    """Load the demo data; returns what was created, updated and deleted, and the row counts."""
    with transaction.atomic(), translation.override("en"):
        return DemoLoader(today or dates.today()).run()
