"""What the demo's staff calls hold: the calls and the applicants (teachers of ``people.py``) at each stage."""

import datetime
from dataclasses import dataclass

from .content import T

ITEC = "itec-courses-2025"
JICA = "jica-knowledge-co-creation-staff"
EL_YURT = "el-yurt-umidi-staff-internships"

# The stages a staff application can be at, as the steps of its history.
DRAFT, WAITING, ENDORSED, NOT_ENDORSED, SHORTLISTED, LISTED, APPROVED, NOT_APPROVED = (
    "draft",
    "waiting",
    "endorsed",
    "not_endorsed",
    "shortlisted",
    "listed",
    "approved",
    "not_approved",
)


@dataclass
class StaffApplicant:
    key: str
    call: str
    stage: str
    employee: str  # a key of ``loader.employees`` (``intl_office.demo.people``): a teacher of a department
    years: int
    certificate: str
    score: str
    hosts: list
    language: str = "uz"


APPLICANTS = [
    StaffApplicant("s1", ITEC, APPROVED, "teacher|electric-power|1", 14, "ielts", "6.5", ["IN:IITR", "IN:VIT"], "en"),
    StaffApplicant("s2", ITEC, APPROVED, "teacher|information-technologies|2", 8, "cefr", "B2", ["IN:C-DAC"]),
    StaffApplicant("s3", ITEC, NOT_APPROVED, "teacher|chemical-technology|2", 3, "cefr", "B1", ["IN:AMITY"], "ru"),
    StaffApplicant("s4", ITEC, NOT_ENDORSED, "teacher|heat-power|2", 2, "", "", ["IN:NIRDPR"]),
    StaffApplicant("s5", JICA, LISTED, "teacher|heat-power|1", 27, "ielts", "7.0", ["JP:TSUKUBA", "JP:HOKUDAI"], "ru"),
    StaffApplicant("s6", JICA, LISTED, "teacher|building-construction|1", 11, "toefl", "92", ["JP:NAGOYA"]),
    StaffApplicant("s7", JICA, ENDORSED, "teacher|software-engineering|1", 6, "ielts", "6.0", ["JP:TSUKUBA"], "en"),
    StaffApplicant("s8", EL_YURT, DRAFT, "teacher|software-engineering|2", 2, "", "", ["KR:KAIST"]),
    StaffApplicant("s9", EL_YURT, WAITING, "teacher|electric-power|2", 5, "ielts", "6.5", ["MY:UTM", "KR:KNU"], "ru"),
    StaffApplicant("s10", EL_YURT, ENDORSED, "teacher|chemical-technology|1", 9, "ielts", "7.0", ["KR:KAIST"], "en"),
    StaffApplicant("s11", EL_YURT, NOT_ENDORSED, "teacher|economics|2", 1, "cefr", "B2", ["MY:UTM"]),
    StaffApplicant("s12", EL_YURT, SHORTLISTED, "teacher|information-technologies|1", 12, "ielts", "7.5", ["KR:KNU"]),
]  # fmt: skip

PUBLICATIONS = (
    "Seepage losses in the canals of the Jizzakh steppe, Irrigation and Melioration, 2024.\n"
    "Small hydropower on irrigation canals: a case study, Journal of Physics: Conference Series, 2023."
)
MOTIVATION = (
    "The course matches what I teach and research: I will bring its methods into two of my courses and share them "
    "at the department's methodological seminar, and use the contacts for a joint project with the host."
)
NOT_ENDORSED_REASON = "The department needs you for the state examinations in this period; apply to the next call."
ORDER = ("ITEC-17/2025", datetime.date(2025, 3, 3))


STAFF_ELIGIBILITY = T(
    "Academic staff with a language certificate, endorsed by the head of their department.",
    "Til sertifikatiga ega, kafedra mudiri ma’qullagan professor-o‘qituvchilar.",
    "Преподаватели с языковым сертификатом, одобренные заведующим своей кафедрой.",
)


def staff_call_specs(today):
    """The staff calls the demo adds, by slug, dated from the office's ``today``."""
    return {
        JICA: {
            "program": "jica-knowledge-co-creation",
            "title": T(
                "JICA Knowledge Co-Creation Program: staff nominations",
                "JICA bilimlarni birgalikda yaratish dasturi: xodimlar nomzodlari",
                "Программа JICA «Совместное создание знаний»: кандидаты из сотрудников",
            ),
            "hosts": ["JP:TSUKUBA", "JP:NAGOYA", "JP:HOKUDAI"],
            "places": 2,
            "opens_on": today - datetime.timedelta(days=40),
            "deadline": today - datetime.timedelta(days=6),
            "description": T(
                "Group training courses in Japan on water management and energy for the institute's teachers; "
                "JICA pays for travel, accommodation and the course.",
                "Institut o‘qituvchilari uchun Yaponiyada suv resurslarini boshqarish va energetika bo‘yicha "
                "guruh kurslari; yo‘l, yashash va kurs xarajatlarini JICA qoplaydi.",
                "Групповые курсы в Японии по управлению водными ресурсами и энергетике для преподавателей "
                "института; проезд, проживание и обучение оплачивает JICA.",
            ),
        },
        EL_YURT: {
            "program": "el-yurt-umidi",
            "title": T(
                "El-Yurt Umidi Foundation: research internships for staff",
                "«El-yurt umidi» jamg‘armasi: xodimlar uchun ilmiy stajirovkalar",
                "Фонд «Эл-юрт умиди»: научные стажировки для сотрудников",
            ),
            "hosts": ["KR:KAIST", "KR:KNU", "MY:UTM"],
            "places": 3,
            "opens_on": today - datetime.timedelta(days=20),
            "deadline": today + datetime.timedelta(days=15),
            "description": T(
                "The department recommends the institute's candidates to the foundation for research "
                "internships of three to six months at leading foreign universities.",
                "Bo‘lim institut nomzodlarini yetakchi xorijiy universitetlarda uch oydan olti oygacha "
                "ilmiy stajirovka uchun jamg‘armaga tavsiya etadi.",
                "Отдел рекомендует фонду кандидатов института на научные стажировки от трёх до шести "
                "месяцев в ведущих зарубежных вузах.",
            ),
        },
    }
