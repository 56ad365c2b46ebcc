"""The demo's pre-departure checklists: the lists staff keep per programme, and students leaving next term.

The Erasmus+ list follows what European host universities and the National Erasmus+ Office ask
of an outgoing student (the grant agreement, insurance, the visa, the Online Language Support
assessment, tickets); the bilateral list and the default one are shorter. Four students typed
in by the office leave in the coming weeks and months, their checklists at different stages:
one complete, the others partly done, one with an item sent back.
"""

import datetime

from mobility.models import ChecklistItem, ChecklistTemplateItem, Direction, Mobility, MobilityChecklist

from .applications import _store, demo_pdf

# (English title, Uzbek, Russian, English instructions, Uzbek, Russian, uploads a file, due days before departure)
ERASMUS = [
    (
        "Signed grant agreement", "Imzolangan grant shartnomasi", "Подписанный грантовый договор",
        "Sign the grant agreement the office sent you and upload the signed PDF.",
        "Ofis yuborgan grant shartnomasini imzolang va imzolangan PDF faylini yuklang.",
        "Подпишите грантовый договор, присланный отделом, и загрузите подписанный PDF.",
        True, 45,
    ),
    (
        "Online Language Support assessment", "Online Language Support testi", "Тест Online Language Support",
        "Take the OLS language assessment in the language of your studies abroad, then mark this done.",
        "Xorijda o'qiydigan tilingiz bo'yicha OLS testini topshiring va shu bandni bajarildi deb belgilang.",
        "Пройдите тест OLS на языке обучения за рубежом и отметьте пункт выполненным.",
        False, 30,
    ),
    (
        "Health and accident insurance", "Tibbiy va baxtsiz hodisalardan sug'urta",
        "Медицинская страховка и страховка от несчастных случаев",
        "Upload the policy covering the whole stay, with at least EUR 30,000 of medical cover.",
        "Butun muddatni qamrab oluvchi, kamida 30 000 yevrolik tibbiy qoplamali polisni yuklang.",
        "Загрузите полис на весь срок пребывания с медицинским покрытием не менее 30 000 евро.",
        True, 21,
    ),
    (
        "Student visa", "Talaba vizasi", "Студенческая виза",
        "Upload the page of your passport with the visa (a national D visa for the Schengen area).",
        "Pasportingizning viza yopishtirilgan sahifasini yuklang (Shengen hududi uchun milliy D vizasi).",
        "Загрузите страницу паспорта с визой (национальная виза D для Шенгенской зоны).",
        True, 14,
    ),
    (
        "Pre-departure briefing", "Jo'nashdan oldingi yo'riqnoma", "Инструктаж перед отъездом",
        "Attend the office's briefing (room 214, Thursdays at 15:00), then mark this done.",
        "Ofis yo'riqnomasida qatnashing (214-xona, payshanba kunlari soat 15:00), so'ng bajarildi deb belgilang.",
        "Посетите инструктаж отдела (ауд. 214, по четвергам в 15:00), затем отметьте пункт выполненным.",
        False, 10,
    ),
    (
        "Travel tickets", "Yo'l chiptalari", "Билеты",
        "Upload your tickets or booking confirmation to the host city.",
        "Qabul qiluvchi shahargacha bo'lgan chiptalar yoki bron tasdig'ini yuklang.",
        "Загрузите билеты или подтверждение бронирования до города принимающего вуза.",
        True, 7,
    ),
]  # fmt: skip

BILATERAL = [ERASMUS[2], ERASMUS[3], ERASMUS[4], ERASMUS[5]]
DEFAULT = [ERASMUS[2], ERASMUS[3], ERASMUS[5]]
LISTS = {"erasmus-plus-credit-mobility": ERASMUS, "bilateral-exchange": BILATERAL}

# Students leaving next term: (e-mail key, name, host, programme, faculty, days from today, items accepted,
# the item sent back or None).
LEAVING = [
    ("madina.yusupova", "Madina Yusupova", "PL:WUT", "erasmus-plus-credit-mobility", "energy-engineering", 20, 3, 3),
    ("sardor.tursunov", "Sardor Tursunov", "LT:KTU", "erasmus-plus-credit-mobility", "civil-engineering", 27, 6, None),
    ("nilufar.qodirova", "Nilufar Qodirova", "TR:ITU", "bilateral-exchange", "chemical-technology", 45, 1, None),
    ("jasur.nematov", "Jasur Nematov", "KR:INHA", "bilateral-exchange", "information-technologies", 75, 0, None),
]


class ChecklistsLoader:
    def __init__(self, loader):
        self.loader = loader

    def run(self):
        for slug, items in [*LISTS.items(), (None, DEFAULT)]:
            program = self.loader.programs[slug] if slug else None
            for position, item in enumerate(items, start=1):
                self.loader.sync(ChecklistTemplateItem, {"program": program, "position": position}, _values(item))
        for spec in LEAVING:
            self.leaving(*spec)

    def leaving(self, key, name, host, slug, faculty, days, accepted, returned):
        start = self.loader.today + datetime.timedelta(days=days)
        mobility = self.loader.sync(
            Mobility,
            {"participant_email": f"{key}.student@example.org"},
            {
                "direction": Direction.OUTGOING,
                "participant_kind": Mobility.ParticipantKind.STUDENT,
                "participant_name": name,
                "faculty": self.loader.faculties[faculty],
                "activity": Mobility.Activity.SEMESTER,
                "partner": self.loader.institutions[host],
                "program": self.loader.programs[slug],
                "start_date": start,
                "end_date": start + datetime.timedelta(days=140),
                "status": Mobility.Status.CONFIRMED,
                "notes": "",
            },
        )
        checklist = self.loader.sync(MobilityChecklist, {"mobility": mobility}, {})
        for position, item in enumerate(LISTS[slug], start=1):
            values = {
                **_values(item),
                "state": ChecklistItem.State.TODO,
                "staff_comment": "",
                "file": "",
                "original_name": "",
            }
            if position <= accepted:
                values["state"] = ChecklistItem.State.ACCEPTED
            if position == returned:
                values["state"] = ChecklistItem.State.RETURNED
                values["staff_comment"] = "The policy ends before your stay does: extend it to the last day."
            if values["requires_file"] and values["state"] != ChecklistItem.State.TODO:
                name_in_storage = f"checklists/demo/{key}-{position}.pdf"
                _store(name_in_storage, lambda title=item[0]: demo_pdf(f"{title} (demo)"))
                values.update(file=name_in_storage, original_name=f"{item[0].lower().replace(' ', '-')}.pdf")
            self.loader.sync(ChecklistItem, {"checklist": checklist, "position": position}, values)


def _values(item):
    title, title_uz, title_ru, text, text_uz, text_ru, requires_file, due = item
    return {
        "title": title, "title_en": title, "title_uz": title_uz, "title_ru": title_ru,
        "instructions": text, "instructions_en": text, "instructions_uz": text_uz, "instructions_ru": text_ru,
        "requires_file": requires_file, "due_days_before": due,
    }  # fmt: skip
