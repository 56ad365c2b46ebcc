"""Invented values for each kind of letter, to preview a template and to try it before it is saved.

They follow ``letter_records.VARIABLES``: every variable a kind offers has a sample, in the
script the language is written in (Cyrillic names in Russian), so a preview shows what a real letter
will look like and a template that fails on a real context fails here first.
"""

import datetime

from .letter_records import LetterTemplate
from .models import HomeInstitution

Kind = LetterTemplate.Kind

START = datetime.date(2027, 3, 1)
END = datetime.date(2027, 3, 14)

PEOPLE = {
    "en": ("Dr Maria Schneider", "Bahodir Toshmatov", "Dilnoza Karimova", "Sherzod Aliyev"),
    "uz": ("Dr Maria Shnayder", "Bahodir Toshmatov", "Dilnoza Karimova", "Sherzod Aliyev"),
    "ru": ("Д-р Мария Шнайдер", "Баходир Тошматов", "Дильноза Каримова", "Шерзод Алиев"),
}

WORDS = {
    "en": {
        "partner": "Technical University of Munich",
        "purpose": "A course of lectures on renewable energy systems",
        "unit": "Department of Electrical Engineering",
        "funding": "Erasmus+ KA171",
        "nationality": "Germany",
        "position": "Associate professor",
        "degree": "PhD, associate professor",
        "certificate": "IELTS 7.0",
        "call": "ITEC 2027: short courses in India",
        "programme": "ITEC",
        "country": "Germany",
        "city": "Munich",
        "steps": ("Head of department", "Dean", "Vice-rector"),
        "labels": ("Full name", "Host", "Reference number"),
    },
    "uz": {
        "partner": "Myunxen texnika universiteti",
        "purpose": "Qayta tiklanuvchi energiya tizimlari bo‘yicha ma’ruzalar kursi",
        "unit": "Elektrotexnika kafedrasi",
        "funding": "Erasmus+ KA171",
        "nationality": "Germaniya",
        "position": "Dotsent",
        "degree": "PhD, dotsent",
        "certificate": "IELTS 7.0",
        "call": "ITEC 2027: Hindistonda qisqa kurslar",
        "programme": "ITEC",
        "country": "Germaniya",
        "city": "Myunxen",
        "steps": ("Kafedra mudiri", "Dekan", "Prorektor"),
        "labels": ("To‘liq ismi", "Qabul qiluvchi tashkilot", "Ro‘yxat raqami"),
    },
    "ru": {
        "partner": "Мюнхенский технический университет",
        "purpose": "Курс лекций по системам возобновляемой энергетики",
        "unit": "Кафедра электротехники",
        "funding": "Erasmus+ KA171",
        "nationality": "Германия",
        "position": "Доцент",
        "degree": "PhD, доцент",
        "certificate": "IELTS 7.0",
        "call": "ITEC 2027: краткосрочные курсы в Индии",
        "programme": "ITEC",
        "country": "Германия",
        "city": "Мюнхен",
        "steps": ("Заведующий кафедрой", "Декан", "Проректор"),
        "labels": ("Полное имя", "Принимающая организация", "Регистрационный номер"),
    },
}


def sample_context(kind: str, language: str) -> dict:
    """Plain values for every variable ``kind`` offers, written in ``language``'s script."""
    expert, traveller, candidate, second = PEOPLE.get(language, PEOPLE["en"])
    words = WORDS.get(language, WORDS["en"])
    home = HomeInstitution.load()
    contexts = {
        Kind.VISA_INVITATION: {
            "expert_name": expert,
            "position": words["position"],
            "nationality": words["nationality"],
            "passport_number": "C01X00T47",
            "partner": words["partner"],
            "partner_country": words["country"],
            "purpose": words["purpose"],
            "subject": words["purpose"],
            "host_unit": words["unit"],
            "host_faculty": "",
            "start": START,
            "end": END,
            "funding": words["funding"],
            "university": home.name,
            "university_address": home.address,
            "department": home.department_name,
        },
        Kind.NOMINATION_SHEET: {
            "name": candidate,
            "partner": words["partner"],
            "reference": "JIZPI-2027-0042",
            "rows": [
                {"label": label, "value": value}
                for label, value in zip(words["labels"], (candidate, words["partner"], "JIZPI-2027-0042"), strict=True)
            ],
        },
        Kind.RECOMMENDATION_LIST: {
            "call": words["call"],
            "programme": words["programme"],
            "deadline": START - datetime.timedelta(days=60),
            "made_on": START - datetime.timedelta(days=45),
            "candidates": [
                {
                    "position": place,
                    "name": name,
                    "department": words["unit"],
                    "job": words["position"],
                    "degree": words["degree"],
                    "years_of_service": years,
                    "language_certificate": words["certificate"],
                    "reference": f"JIZPI-2027-00{40 + place}",
                    "approved": None,
                }
                for place, (name, years) in enumerate(((traveller, 12), (second, 7)), start=1)
            ],
            "order_number": "",
            "order_date": None,
        },
        Kind.TRIP_ORDER: {
            "traveller": traveller,
            "position": words["position"],
            "academic_degree": words["degree"],
            "department": words["unit"],
            "faculty": "",
            "destination": words["partner"],
            "country": words["country"],
            "city": words["city"],
            "start": START,
            "end": END,
            "days": (END - START).days + 1,
            "purpose": words["purpose"],
            "funding": words["funding"],
            "programme": words["programme"],
            "approvals": [
                {
                    "title": step,
                    "by": name,
                    "date": START - datetime.timedelta(days=30 - 5 * i),
                    "comment": "",
                    "order_number": "",
                    "order_date": None,
                }
                for i, (step, name) in enumerate(zip(words["steps"], (second, candidate, expert), strict=True))
            ],
            "order_number": "125-X",
            "order_date": START - datetime.timedelta(days=10),
            "report_due": END + datetime.timedelta(days=10),
        },
    }
    return contexts[kind]
