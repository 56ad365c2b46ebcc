"""Foreign experts of the demo and the programme of the Shandong delegation's visit.

The department regulations of Jizzakh Polytechnic Institute (seed 003) say the office "facilitates the
involvement of foreign scientists, professors and specialists in the educational process"; the seeds
name no expert, so the people here are invented (``T`` gives each name the spelling its letter needs),
and each comes from a partner the demo already has, with visiting professors among its cooperation
areas. Stays are dated around the office's today, so that the public page has current and past
experts and the dashboard a guest whose registration and another whose visa runs out soon. The
Shandong visit (seed 004, which the demo already tells) gains the programme of its day.

An expert is recorded the first time through ``mobility.services.expert_save`` (the history's first
step and the incoming staff mobility); later runs sync the row and bring the mobility in step without
adding history, so a second run changes nothing and a later day only moves dates.
"""

import datetime

from mobility.models import Expert, Mobility, Visit, VisitAgendaItem, VisitMember
from mobility.services import expert_mobility_sync, expert_save

from .content import T
from .names import ascii_slug
from .sync import spread

TEACHING, RESEARCH, TRAINING = Mobility.Activity.TEACHING, Mobility.Activity.RESEARCH, Mobility.Activity.TRAINING

# (name, position, nationality, partner key, activity, subject, faculty slug, department key or None,
#  start and end in days from today, published, status, visa until / registration due in days from today or None)
EXPERTS = [
    (
        T("Dmitry Sokolov", "Dmitriy Sokolov", "Дмитрий Соколов"),
        T("Professor, Doctor of Technical Sciences", "Professor, texnika fanlari doktori",
          "Профессор, доктор технических наук"),
        "RU", "RU:TPU", TEACHING,
        T("Relay protection and automation of power systems", "Elektr tizimlarining rele himoyasi va avtomatikasi",
          "Релейная защита и автоматика электроэнергетических систем"),
        "energy-engineering", "electric-power", (-20, 40), True, Expert.Status.CONFIRMED, (None, 5),
    ),
    (
        T("Wang Jun", "Van Szyun", "Ван Цзюнь"),
        T("Associate Professor, School of Materials Science", "Materialshunoslik maktabi dotsenti",
          "Доцент Школы материаловедения"),
        "CN", "CN:HIT", TEACHING,
        T("Welding of modern structural materials", "Zamonaviy konstruksion materiallarni payvandlash",
          "Сварка современных конструкционных материалов"),
        "mechanical-engineering", None, (-12, 30), True, Expert.Status.CONFIRMED, (9, 20),
    ),
    (
        T("Elena Morozova", "Yelena Morozova", "Елена Морозова"),
        T("Associate Professor, PhD", "Dotsent, PhD", "Доцент, кандидат технических наук"),
        "RU", "RU:MGSU", TEACHING,
        T("Seismic design of buildings", "Binolarni seysmik loyihalash", "Сейсмостойкое проектирование зданий"),
        "civil-engineering", "building-construction", (25, 85), True, Expert.Status.CONFIRMED, (None, None),
    ),
    (
        T("Péter Nagy", "Peter Nad", "Петер Надь"),
        T("Senior Lecturer", "Katta o‘qituvchi", "Старший преподаватель"),
        "HU", "HU:BME", RESEARCH,
        T("Energy efficiency of heating networks", "Issiqlik tarmoqlarining energiya samaradorligi",
          "Энергоэффективность тепловых сетей"),
        "energy-engineering", "heat-power", (70, 130), False, Expert.Status.PLANNED, (None, None),
    ),
    (
        T("Mehmet Aydın", "Mehmet Aydin", "Мехмет Айдын"),
        T("Professor, Faculty of Technology", "Texnologiya fakulteti professori",
          "Профессор технологического факультета"),
        "TR", "TR:GU", TEACHING,
        T("Renewable energy systems", "Qayta tiklanuvchi energiya tizimlari", "Системы возобновляемой энергетики"),
        "energy-engineering", "heat-power", (-150, -120), True, Expert.Status.CONFIRMED, (None, None),
    ),
    (
        T("Aigerim Sadykova", "Aygerim Sadikova", "Айгерим Садыкова"),
        T("Associate Professor, PhD", "Dotsent, PhD", "Доцент, PhD"),
        "KZ", "KZ:ENU", TRAINING,
        T("Data analysis for engineers: a short course", "Muhandislar uchun ma’lumotlar tahlili: qisqa kurs",
          "Анализ данных для инженеров: краткий курс"),
        "information-technologies", "information-technologies", (-420, -405), True, Expert.Status.CONFIRMED,
        (None, None),
    ),
]  # fmt: skip

# The Shandong delegation's day (seed 004): (start, end, title, room, guests: all or the head, our users)
SHANDONG_PROGRAMME = [
    (
        datetime.time(10), datetime.time(11),
        T("Welcome meeting with the rector", "Rektor bilan tanishuv uchrashuvi", "Встреча с ректором"),
        T("Main building, room 201", "Bosh bino, 201-xona", "Главный корпус, ауд. 201"), "all", ["vice-rector"],
    ),
    (
        datetime.time(11, 15), datetime.time(12, 30),
        T("Tour of the chemical technology laboratories", "Kimyo texnologiyasi laboratoriyalariga sayohat",
          "Экскурсия по лабораториям химической технологии"),
        T("Laboratory building B", "B laboratoriya binosi", "Лабораторный корпус B"),
        "all", ["head|chemical-technology"],
    ),
    (
        datetime.time(14), datetime.time(15, 30),
        T("Round table on joint programmes; signing of the memorandum", "Qo‘shma dasturlar bo‘yicha davra suhbati; "
          "memorandumni imzolash", "Круглый стол по совместным программам; подписание меморандума"),
        T("Conference hall", "Majlislar zali", "Конференц-зал"), "all", ["vice-rector", "dean|chemical-technology"],
    ),
    (
        datetime.time(16), None,
        T("Meeting with students of the 2+2 programme", "2+2 dasturi talabalari bilan uchrashuv",
          "Встреча со студентами программы 2+2"),
        T("Assembly hall", "Faollar zali", "Актовый зал"), "head", [],
    ),
]  # fmt: skip


class ExpertsLoader:
    def __init__(self, loader):
        self.loader = loader
        self.today = loader.today

    def run(self):
        for spec in EXPERTS:
            self.expert(*spec)
        self.programme()

    def day(self, offset):
        return None if offset is None else self.today + datetime.timedelta(days=offset)

    def expert(self, name, position, nationality, partner, activity, subject, faculty, department, stay, *rest):
        is_public, status, (visa, registration) = rest
        loader = self.loader
        values = {
            "position": position,
            "nationality": nationality,
            "email": f"{ascii_slug(name.en.split()[-1])}.guest@example.org",
            "partner": loader.institutions[partner],
            "activity": activity,
            "subject": subject,
            "host_faculty": loader.faculties[faculty],
            "host_department": loader.departments[department] if department else None,
            "start_date": self.day(stay[0]),
            "end_date": self.day(stay[1]),
            "funding": Expert.Funding.HOST if activity == TEACHING else Expert.Funding.SHARED,
            "visa_required": visa is not None,
            "visa_valid_until": self.day(visa),
            "registered_until": self.day(registration),
            "status": status,
            "is_public": is_public,
        }
        existing = Expert.objects.filter(full_name_en=name.en).first()
        if existing is None:
            expert = expert_save(expert=Expert(**spread({"full_name": name, **values})), actor=None)
            loader.result.created["Expert"] += 1
            return expert
        expert = loader.sync(Expert, {"full_name_en": name.en}, {"full_name": name, **values})
        expert_mobility_sync(expert=expert)
        return expert

    def programme(self):
        loader = self.loader
        visit = Visit.objects.filter(slug="2024-12-03-shandong-jianshu-university-delegation").first()
        if visit is None:  # only the tict profile tells this visit
            return
        guests = list(visit.members.filter(side=VisitMember.Side.GUEST).order_by("-is_head", "order"))
        for start, end, title, room, who, hosts in SHANDONG_PROGRAMME:
            item = loader.sync(
                VisitAgendaItem,
                {"visit": visit, "date": visit.start_date, "start_time": start},
                {"end_time": end, "title": title, "room": room, "other_hosts": ""},
            )
            loader.sync_m2m(item, "guests", guests if who == "all" else guests[:1])
            loader.sync_m2m(item, "hosts", [loader.employees[key] for key in hosts])
        loader.delete_stale(VisitAgendaItem.objects.filter(visit=visit))
