"""The demo's calls for applications: four closed ones, the open one and an upcoming one."""

import datetime

from django.utils import timezone

from programs.models import Call

from .content import T
from .stays import ITEC_HOSTS
from .sync import as_date

# The call whose applications the demo shows decided, with its results published.
SELECTION_CALL = "erasmus-short-term-engineering-selection"

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


# Who may apply, as the eligibility texts below say it.
FROM_SECOND_YEAR_BACHELOR_AND_MASTER = {
    "audience": Call.Audience.STUDENTS,
    "for_bachelor": True,
    "for_master": True,
    "for_doctorate": False,
    "min_year_of_study": 2,
    "max_year_of_study": None,
}
FROM_SECOND_YEAR_BACHELOR = {**FROM_SECOND_YEAR_BACHELOR_AND_MASTER, "for_master": False}
STAFF_ONLY = {
    "audience": Call.Audience.STAFF,
    "for_bachelor": True,
    "for_master": True,
    "for_doctorate": True,
    "min_year_of_study": None,
    "max_year_of_study": None,
}


def call_specs(today):
    """The calls for applications, past, open and upcoming; the open and the upcoming one are dated from ``today``."""
    requirements = (
        (
            "from the second year of study with a GPA of at least 4.0 out of 5 and English at B2 level (IELTS 5.5, "
            "TOEFL iBT 72 or a CEFR B2 certificate)."
        ),
        (
            "ikkinchi kursdan boshlab, GPA 5 dan kamida 4,0 va ingliz tili B2 darajasida (IELTS 5.5, TOEFL iBT 72 "
            "yoki CEFR B2 sertifikati)."
        ),
        (
            "со второго курса со средним баллом (GPA) не ниже 4,0 из 5 и английским языком на уровне B2 (IELTS 5.5, "
            "TOEFL iBT 72 или сертификат CEFR B2)."
        ),
    )
    student_eligibility = T(
        f"Bachelor and master students {requirements[0]}",
        f"Bakalavriat va magistratura talabalari {requirements[1]}",
        f"Студенты бакалавриата и магистратуры {requirements[2]}",
    )
    bachelor_eligibility = T(
        f"Bachelor students {requirements[0]}",
        f"Bakalavriat talabalari {requirements[1]}",
        f"Студенты бакалавриата {requirements[2]}",
    )
    erasmus_description = T(
        "One semester at a European partner university with an Erasmus+ grant for living costs and travel. "
        "Courses taken abroad are recognised by the student's faculty under a learning agreement.",
        "Yevropa hamkor universitetida Erasmus+ granti bilan bir semestr tahsil: grant yashash va yoʻl "
        "xarajatlarini qoplaydi. Xorijda oʻqilgan fanlar oʻquv shartnomasi asosida fakultetda tan "
        "olinadi.",
        "Один семестр в европейском вузе-партнёре со стипендией Erasmus+ на проживание и проезд. Курсы, "
        "пройденные за рубежом, засчитываются факультетом по учебному соглашению.",
    )
    # The open and the upcoming call keep their slugs and move with today, so that a run on a later day
    # updates them instead of adding a second open call.
    day = datetime.timedelta(days=1)
    opens = today - 10 * day
    deadline = today + 21 * day
    mobility_start = (deadline + 60 * day).replace(day=1)
    month, year = mobility_start.month, mobility_start.year
    upcoming_opens = today + 20 * day
    # The selection the demo shows decided: a call the office closed early, four days ago, to decide at once.
    selection_opens, selection_deadline = today - 30 * day, today + 5 * day
    selection_start = (selection_deadline + 45 * day).replace(day=1)
    closed_early_at = timezone.make_aware(datetime.datetime.combine(today - 4 * day, datetime.time(11, 30)))
    return [
        {
            "slug": "erasmus-spring-2024",
            "program": "erasmus-plus-credit-mobility",
            "title": T(
                "Erasmus+ semester exchange, spring semester 2024",
                "Erasmus+ semestrlik almashinuvi, 2024-yil bahorgi semestr",
                "Семестровый обмен Erasmus+, весенний семестр 2024 года",
            ),
            "hosts": ["PL:WUT", "LT:KTU", "LV:RTU", "ES:UPV", "IT:POLITO"],
            "places": 8,
            **FROM_SECOND_YEAR_BACHELOR_AND_MASTER,
            "opens_on": as_date("2023-10-02"),
            "deadline": as_date("2023-11-10"),
            "mobility_start": as_date("2024-02-05"),
            "mobility_end": as_date("2024-06-28"),
            "description": erasmus_description,
            "eligibility": student_eligibility,
            "documents": STUDENT_DOCUMENTS,
        },
        {
            "slug": "erasmus-autumn-2024",
            "program": "erasmus-plus-credit-mobility",
            "title": T(
                "Erasmus+ semester exchange, autumn semester 2024",
                "Erasmus+ semestrlik almashinuvi, 2024-yil kuzgi semestr",
                "Семестровый обмен Erasmus+, осенний семестр 2024 года",
            ),
            "hosts": ["PL:GUT", "LT:VILNIUS TECH", "HU:BME", "IT:UNIGE"],
            "places": 6,
            **FROM_SECOND_YEAR_BACHELOR_AND_MASTER,
            "opens_on": as_date("2024-04-01"),
            "deadline": as_date("2024-05-10"),
            "mobility_start": as_date("2024-09-30"),
            "mobility_end": as_date("2025-01-31"),
            "description": erasmus_description,
            "eligibility": student_eligibility,
            "documents": STUDENT_DOCUMENTS,
        },
        {
            "slug": "partner-exchange-autumn-2024",
            "program": "bilateral-exchange",
            "title": T(
                "Semester exchange at partner universities, autumn 2024",
                "Hamkor universitetlarda semestrlik almashinuv, 2024-yil kuzi",
                "Семестровый обмен в вузах-партнёрах, осень 2024 года",
            ),
            "hosts": ["KR:INHA", "RU:TPU", "KZ:KazNU", "TR:ITU", "TR:KTU"],
            "places": 10,
            **FROM_SECOND_YEAR_BACHELOR,
            "opens_on": as_date("2024-04-15"),
            "deadline": as_date("2024-05-24"),
            "mobility_start": as_date("2024-09-01"),
            "mobility_end": as_date("2025-01-31"),
            "description": T(
                "A tuition-free semester at a partner university in Korea, Russia, Kazakhstan or Turkey under the "
                "institute's exchange agreements. The student keeps the scholarship at home.",
                "Institutning almashinuv shartnomalari asosida Koreya, Rossiya, Qozogʻiston yoki Turkiyadagi hamkor "
                "universitetda kontrakt toʻlovisiz bir semestr. Talaba oʻz stipendiyasini saqlab qoladi.",
                "Семестр без оплаты обучения в вузе-партнёре в Корее, России, Казахстане или Турции по соглашениям "
                "института об обмене. Студент сохраняет стипендию в своём вузе.",
            ),
            "eligibility": bachelor_eligibility,
            "documents": STUDENT_DOCUMENTS,
        },
        {
            "slug": "itec-courses-2025",
            "program": "itec",
            "title": T(
                "ITEC courses in India, 2025", "Hindistonda ITEC kurslari, 2025-yil", "Курсы ITEC в Индии, 2025 год"
            ),
            "hosts": ITEC_HOSTS,
            "places": 10,
            **STAFF_ONLY,
            "opens_on": as_date("2025-01-13"),
            "deadline": as_date("2025-02-14"),
            "mobility_start": None,
            "mobility_end": None,
            "description": T(
                "Nominations for the fully funded short courses of the Government of India. The department forwards "
                "the nominations to the Embassy of India in Tashkent.",
                "Hindiston hukumati toʻliq moliyalashtiradigan qisqa muddatli kurslarga nomzodlar. Boʻlim "
                "nomzodlarni Hindistonning Toshkentdagi elchixonasiga yuboradi.",
                "Выдвижение кандидатов на полностью финансируемые краткосрочные курсы правительства Индии. Отдел "
                "направляет кандидатуры в посольство Индии в Ташкенте.",
            ),
            "eligibility": T(
                "Academic and administrative staff aged 25 to 45 with good English.",
                "25 yoshdan 45 yoshgacha boʻlgan, ingliz tilini yaxshi biladigan professor-oʻqituvchilar va maʼmuriy "
                "xodimlar.",
                "Преподаватели и административные сотрудники в возрасте от 25 до 45 лет, хорошо владеющие "
                "английским языком.",
            ),
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
            **FROM_SECOND_YEAR_BACHELOR_AND_MASTER,
            "opens_on": opens,
            "deadline": deadline,
            "mobility_start": mobility_start,
            "mobility_end": mobility_start + 150 * day,
            "description": erasmus_description,
            "eligibility": student_eligibility,
            "documents": STUDENT_DOCUMENTS,
        },
        {
            "slug": SELECTION_CALL,
            "program": "erasmus-plus-credit-mobility",
            "title": T(
                "Erasmus+ short-term exchange: engineering places",
                "Erasmus+ qisqa muddatli almashinuvi: muhandislik oʻrinlari",
                "Краткосрочный обмен Erasmus+: инженерные места",
            ),
            "hosts": ["PL:WUT", "LT:KTU", "LV:RTU", "HU:BME", "FR:INSA"],
            "places": 3,  # an offer waiting, a place taken, and one declined that went to the waiting list
            **FROM_SECOND_YEAR_BACHELOR_AND_MASTER,
            "opens_on": selection_opens,
            "deadline": selection_deadline,
            "mobility_start": selection_start,
            "mobility_end": selection_start + 90 * day,
            "description": T(
                erasmus_description.en,
                "Yevropa hamkor universitetida Erasmus+ granti bilan qisqa muddatli tahsil.",
                "Краткосрочная учёба в европейском вузе-партнёре со стипендией Erasmus+.",
            ),
            "eligibility": student_eligibility,
            "documents": STUDENT_DOCUMENTS,
            "closed_early_at": closed_early_at,
            "closed_early_reason": T(
                "The partner universities confirmed their places early and asked for our nomination within a "
                "week; every eligible student of the engineering faculties had applied.",
                "Hamkor universitetlar oʻrinlarni erta tasdiqlab, nomzodlarimizni bir hafta ichida yuborishimizni "
                "soʻradi; muhandislik fakultetlarining barcha munosib talabalari ariza topshirib boʻlgan edi.",
                "Вузы-партнёры заранее подтвердили места и попросили прислать наших кандидатов в течение недели; "
                "все подходящие студенты инженерных факультетов уже подали заявки.",
            ),
            "results_published_at": closed_early_at + 3 * day,
        },
        {
            "slug": "koica-fellowship-staff-nominations",
            "program": "koica-fellowship",
            "title": T(
                "KOICA Fellowship Programme: staff nominations",
                "KOICA stipendiya dasturi: xodimlar nomzodlari",
                "Стипендиальная программа KOICA: выдвижение сотрудников",
            ),
            "hosts": ["KR:KOICA"],
            "places": 4,
            **STAFF_ONLY,
            "opens_on": upcoming_opens,
            "deadline": upcoming_opens + 30 * day,
            "mobility_start": None,
            "mobility_end": None,
            "description": T(
                "Nominations for KOICA's short courses in Korea on digital government, energy and higher education "
                "management. KOICA pays travel, accommodation and the course.",
                "KOICAning Koreyadagi raqamli hukumat, energetika va oliy taʼlimni boshqarish boʻyicha qisqa "
                "muddatli kurslariga nomzodlar. Yoʻl, turar joy va kurs xarajatlarini KOICA qoplaydi.",
                "Выдвижение кандидатов на краткосрочные курсы KOICA в Корее по цифровому государственному "
                "управлению, энергетике и управлению высшим образованием. KOICA оплачивает проезд, проживание и "
                "обучение.",
            ),
            "eligibility": T(
                "Staff with at least two years at the institute and good English.",
                "Institutda kamida ikki yil ishlagan, ingliz tilini yaxshi biladigan xodimlar.",
                "Сотрудники, проработавшие в институте не менее двух лет и хорошо владеющие английским языком.",
            ),
            "documents": STAFF_DOCUMENTS,
        },
    ]
