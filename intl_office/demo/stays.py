"""Who went where, year by year: the demo's mobility records before they get a participant.

Each year's stays follow what the institute reports (ITEC courses, Erasmus+ and bilateral exchanges,
the dual-degree programme in Minsk, internships in China, staff trainings, incoming students and
visiting professors). Randomness is seeded by each stay's key, so every run plans the same stays.
"""

import datetime
import random
from dataclasses import dataclass

from mobility.models import Direction, Mobility
from programs.models import Project

from . import content
from .sync import add_years, as_date

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
    ("CN:BIT", 2, "short_term", "2024-07-08", "2024-07-26", "bilateral-exchange", None),
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


class StayPlanner:
    """The stays of each year, drawn from the partners, projects and day of the ``DemoLoader`` it is given."""

    def __init__(self, loader):
        self.today = loader.today
        self.institutions = loader.institutions
        self.projects = loader.projects
        self.european_members = loader.european_members

    def partners_since(self, keys, year):
        """The hosts among ``keys`` the institute already cooperated with in ``year``."""
        return [
            key
            for key in keys
            if key in self.institutions  # a partner another profile's seed names is not in this one
            and self.institutions[key].is_active
            and (self.institutions[key].cooperating_since or 0) <= year
        ]

    def stays_of(self, year):
        """Every mobility that starts in calendar year ``year``, in a fixed order."""
        stays = []
        stays += self.itec(year)
        stays += self.outgoing_students(year)
        stays += self.dual_degree_students(year)
        stays += self.china_internships(year)
        stays += self.outgoing_staff(year)
        stays += self.incoming(year)
        return stays

    def itec(self, year):
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

    def outgoing_students(self, year):
        if year == 2024:
            return self.students_2024()
        count = {2019: 4, 2020: 2, 2021: 6, 2022: 12, 2023: 19, 2025: 27}.get(year, 24)
        stays = []
        for n in range(count):
            rng = random.Random(f"students|{year}|{n}")
            summer = year >= 2022 and n % 6 == 5
            if summer:
                host = rng.choice(self.partners_since(SUMMER_SCHOOL_HOSTS, year))
                start = datetime.date(year, 7, rng.randint(1, 15))
                end = start + datetime.timedelta(days=rng.choice([13, 20, 27]))
                activity, program = Mobility.Activity.SHORT_TERM, "bilateral-exchange"
            else:
                host = rng.choice(self.partners_since(ERASMUS_HOSTS + BILATERAL_HOSTS, year))
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

    def students_2024(self):
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
                        start=as_date(start),
                        end=as_date(end),
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

    def dual_degree_students(self, year):
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

    def china_internships(self, year):
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

    def outgoing_staff(self, year):
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
            host = rng.choice(self.partners_since(ERASMUS_HOSTS, year))
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
            start, end = as_date(start), as_date(end)
            if start.year == year:
                staff(f"fulbright|{n}", host, start, (end - start).days + 1, Mobility.Activity.RESEARCH,
                      "fulbright-visiting-scholar", agreement=None)  # fmt: skip
        for n, (host, start, end, notes) in enumerate(EL_YURT_UMIDI_STUDIES):
            start, end = as_date(start), as_date(end)
            if start.year == year:
                staff(f"el-yurt-umidi|{n}", host, start, (end - start).days + 1,
                      Mobility.Activity.DEGREE, "el-yurt-umidi", agreement=None, notes=notes)  # fmt: skip
        return stays

    def incoming(self, year):
        stays = []
        if year >= 2022:
            for n in range(min(3 + year - 2022, 6)):
                rng = random.Random(f"incoming-students|{year}|{n}")
                host = rng.choice(self.partners_since(INCOMING_STUDENT_HOSTS, year))
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
            host = rng.choice(self.partners_since(VISITING_PROFESSOR_HOSTS, year))
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
