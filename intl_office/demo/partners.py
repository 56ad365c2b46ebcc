"""Partner institutions of the demo: real universities, agencies and donors, with the agreements signed with them.

Names and websites of many universities come from the university-domains-list project (MIT licence, see
partners.LICENSE.txt next to this file); cities, kinds, cooperation areas, years and agreements are the demo's own.
The agreements are invented: dates, reference numbers and quotas only make a realistic mix of statuses.
"""

import datetime
from dataclasses import dataclass

from .content import T

# Cooperation areas by short code; their names and translations are in content.py.
AREA_CODES = {
    "SE": "student-exchange",
    "SM": "staff-mobility",
    "JR": "joint-research",
    "JD": "joint-degrees",
    "ST": "staff-training",
    "VP": "visiting-professors",
    "SS": "summer-schools",
    "CB": "capacity-building",
    "PB": "joint-publications",
    "IN": "internships",
}


@dataclass(frozen=True)
class AgreementSpec:
    kind: str
    signed: datetime.date | None = None
    years: int | None = None  # validity in years; None for an agreement without end date
    places: tuple[int, int, int, int] = (0, 0, 0, 0)  # students out, students in, staff out, staff in
    expires_in_days: int | None = None  # dated relative to today so that it is always "expiring soon"
    title: tuple[str, str, str] | None = None  # en, uz, ru; None for the title made from the kind
    scope: tuple[str, str, str] | None = None
    renews: int | None = None  # 1-based position of the partner's agreement this one renews
    is_public: bool = True


@dataclass(frozen=True)
class PartnerSpec:
    name: str
    short_name: str
    country: str
    city: str
    website: str
    kind: str = "university"
    since: int | None = None
    areas: str = ""
    active: bool = True
    description: str | T = ""  # a T(en, uz, ru) when visitors read it
    agreements: tuple[AgreementSpec, ...] = ()

    @property
    def key(self):
        return f"{self.country}:{self.short_name}"

    @property
    def area_slugs(self):
        return [AREA_CODES[code] for code in self.areas.split()]


def _d(value):
    return datetime.date.fromisoformat(value)


def mou(signed, years=None, **kwargs):
    return AgreementSpec("mou", _d(signed), years, **kwargs)


def coop(signed, years=5, **kwargs):
    return AgreementSpec("cooperation", _d(signed), years, **kwargs)


def exchange(signed, years=5, places=(2, 2, 1, 1), **kwargs):
    return AgreementSpec("exchange", _d(signed), years, places, **kwargs)


def expiring(kind, days, places=(0, 0, 0, 0)):
    """Signed five years before it ends, and it ends ``days`` after today."""
    return AgreementSpec(kind, years=5, places=places, expires_in_days=days)


def draft(kind, places=(0, 0, 0, 0)):
    return AgreementSpec(kind, places=places, is_public=False)


P = PartnerSpec
U, R, G, D, INTL = "university", "research", "government", "donor", "international"

# One row per partner: name, short name, country, city, website, kind, cooperating since, cooperation areas.
# fmt: off
PARTNERS = [
    # Russia
    P("Bauman Moscow State Technical University", "BMSTU", "RU", "Moscow", "https://bmstu.ru/", U, 2012, "SE SM JR",
      agreements=(exchange("2022-05-17", places=(2, 2, 1, 1)),)),
    P("National University of Science and Technology MISIS", "NUST MISIS", "RU", "Moscow",
      "https://misis.ru/", U, 2016, "SE JR VP", agreements=(coop("2021-02-24", 10),)),
    P("Peter the Great St. Petersburg Polytechnic University", "SPbPU", "RU", "Saint Petersburg",
      "https://www.spbstu.ru/", U, 2014, "SE SM JR SS", agreements=(exchange("2023-03-15", places=(3, 2, 1, 1)),)),
    P("Tomsk Polytechnic University", "TPU", "RU", "Tomsk", "https://tpu.ru/", U, 2009, "SE SM JR VP",
      agreements=(coop("2014-03-12"), exchange("2019-05-20", 10, places=(3, 3, 2, 2), renews=1))),
    P("Kazan National Research Technological University", "KNRTU", "RU", "Kazan",
      "https://www.kstu.ru/", U, 2017, "JR PB", agreements=(mou("2017-10-05"),)),
    P("Ural Federal University", "UrFU", "RU", "Yekaterinburg", "https://urfu.ru/", U, 2018, "SE JR SS",
      agreements=(expiring("exchange", 38, places=(2, 1, 1, 1)),)),
    P("Moscow State University of Civil Engineering", "MGSU", "RU", "Moscow", "https://mgsu.ru/", U, 2015, "JR ST VP",
      agreements=(coop("2020-09-10", 10),)),
    P("Saint Petersburg Mining University", "SPMU", "RU", "Saint Petersburg", "https://spmi.ru/", U, 2019, "JR ST",
      agreements=(mou("2019-06-18", 5),)),
    P("Novosibirsk State Technical University", "NSTU", "RU", "Novosibirsk", "https://www.nstu.ru/", U, 2011, "SE",
      active=False, agreements=(exchange("2014-09-01", places=(1, 1, 0, 0)),)),
    P("South Ural State University", "SUSU", "RU", "Chelyabinsk", "https://www.susu.ru/", U, 2020, "SE JR",
      agreements=(exchange("2024-02-12", places=(2, 2, 1, 0)),)),
    # Turkey
    P("Istanbul Technical University", "ITU", "TR", "Istanbul", "https://www.itu.edu.tr/", U, 2013, "SE SM JR",
      agreements=(mou("2013-11-20", 5), exchange("2023-09-19", places=(3, 2, 1, 1)))),
    P("Middle East Technical University", "METU", "TR", "Ankara", "https://www.metu.edu.tr/", U, 2016, "SE JR",
      agreements=(coop("2022-04-06"),)),
    P("Gazi University", "GU", "TR", "Ankara", "https://gazi.edu.tr/", U, 2010, "SE SM VP",
      agreements=(exchange("2021-12-20", places=(2, 2, 1, 1)),)),
    P("Karadeniz Technical University", "KTU", "TR", "Trabzon", "https://www.ktu.edu.tr/", U, 2018, "SE SM",
      agreements=(exchange("2023-01-16", places=(2, 2, 1, 1)),)),
    P("Yildiz Technical University", "YTU", "TR", "Istanbul", "https://www.yildiz.edu.tr/", U, 2019, "JR PB",
      agreements=(mou("2019-03-27"),)),
    P("Erciyes University", "ERU", "TR", "Kayseri", "https://www.erciyes.edu.tr/", U, 2017, "SE VP",
      agreements=(coop("2017-05-03"),)),
    P("Sakarya University", "SAU", "TR", "Sakarya", "https://www.sakarya.edu.tr/", U, 2020, "SE SM",
      agreements=(exchange("2025-02-03", places=(2, 2, 1, 1)),)),
    P("Atatürk University", "ATAUNI", "TR", "Erzurum", "https://www.atauni.edu.tr/", U, 2021, "SE",
      agreements=(mou("2021-10-14", 5),)),
    P("Selçuk University", "SU", "TR", "Konya", "https://www.selcuk.edu.tr/", U, 2018, "SE JR",
      agreements=(coop("2023-06-21"),)),
    P("Kocaeli University", "KOU", "TR", "Kocaeli", "https://www.kocaeli.edu.tr/", U, 2022, "SE SS",
      agreements=(expiring("exchange", 72, places=(2, 2, 1, 1)),)),
    # China
    P("Shandong Jianshu University", "SDJZU", "CN", "Jinan", "https://www.sdjzu.edu.cn/", U, 2019, "SE SM JD JR SS",
      description=T(
          "A university in Jinan, Shandong province, strong in civil engineering and architecture. The memorandum "
          "of understanding of 2019 was signed again in an updated form during the delegation's visit on 3 "
          "December 2024.",
          "Shandun provinsiyasidagi Szinan shahrida joylashgan, qurilish muhandisligi va arxitektura "
          "yoʻnalishlarida kuchli universitet. 2019-yilgi oʻzaro anglashuv memorandumi 2024-yil 3-dekabrda "
          "delegatsiya tashrifi chogʻida yangilangan tahrirda qayta imzolandi.",
          "Университет в городе Цзинань (провинция Шаньдун), сильный в области гражданского строительства и "
          "архитектуры. Меморандум о взаимопонимании 2019 года был вновь подписан в обновлённой редакции во время "
          "визита делегации 3 декабря 2024 года.",
      ),
      agreements=(
          mou("2019-10-21", 5),
          AgreementSpec(
              "mou", _d("2024-12-03"), 5, (4, 2, 2, 2),
              title=(
                  "Memorandum of understanding with Shandong Jianshu University (updated form)",
                  "Shandun Jianshu universiteti bilan oʻzaro anglashuv memorandumi (yangilangan tahrir)",
                  "Меморандум о взаимопонимании с Шаньдунским университетом Цзяньшу (обновлённая редакция)",
              ),
              scope=(
                  "Student and faculty exchange; joint educational programmes at master's and doctoral level; joint "
                  "scientific research and innovative projects; joint research on modern problems in the social "
                  "and technical spheres.",
                  "Talabalar va professor-oʻqituvchilar almashinuvi; magistratura va doktorantura darajasidagi "
                  "qoʻshma taʼlim dasturlari; qoʻshma ilmiy-tadqiqot va innovatsion loyihalar; ijtimoiy va texnik "
                  "sohalardagi zamonaviy muammolar boʻyicha qoʻshma tadqiqotlar.",
                  "Обмен студентами и преподавателями; совместные образовательные программы магистратуры и "
                  "докторантуры; совместные научные и инновационные проекты; совместные исследования современных "
                  "проблем социальной и технической сфер.",
              ),
              renews=1,
          ),
      )),
    P("Xinjiang University", "XJU", "CN", "Urumqi", "https://www.xju.edu.cn/", U, 2012, "SE IN SS",
      agreements=(exchange("2022-09-05", places=(3, 3, 1, 1)),)),
    P("Northwest A&F University", "NWAFU", "CN", "Yangling", "https://www.nwafu.edu.cn/", U, 2018, "JR SS IN",
      agreements=(coop("2018-07-09", 10),)),
    P("Dalian University of Technology", "DUT", "CN", "Dalian", "https://www.dlut.edu.cn/", U, 2019, "SE JR IN",
      agreements=(mou("2019-11-12"),)),
    P("Harbin Institute of Technology", "HIT", "CN", "Harbin", "https://www.hit.edu.cn/", U, 2020, "JR IN",
      agreements=(coop("2023-05-25"),)),
    P("Beijing Institute of Technology", "BIT", "CN", "Beijing", "https://www.bit.edu.cn/", U, 2021, "SS JR",
      agreements=(mou("2021-04-19", 5),)),
    P("Lanzhou University", "LZU", "CN", "Lanzhou", "https://www.lzu.edu.cn/", U, 2016, "SE IN",
      agreements=(exchange("2024-06-11", places=(2, 2, 1, 0)),)),
    P("Shanghai University", "SHU", "CN", "Shanghai", "https://www.shu.edu.cn/", U, 2022, "SS",
      agreements=(draft("exchange", places=(2, 2, 1, 1)),)),
    P("Xinjiang Institute of Ecology and Geography, Chinese Academy of Sciences", "XIEG CAS", "CN", "Urumqi",
      "https://english.egi.cas.cn/", R, 2018, "JR PB", agreements=(coop("2018-09-26", 10),)),
    P("Ministry of Education of the People's Republic of China", "MOE China", "CN", "Beijing", "http://en.moe.gov.cn/",
      G, 1999, "IN ST",
      description=T(
          "Partner of the intergovernmental agreement on cooperation in the field of education of 8 November "
          "1999, under which 40 students, candidates of science and young specialists from Uzbek universities do "
          "internships at Chinese universities.",
          "1999-yil 8-noyabrdagi taʼlim sohasida hamkorlik toʻgʻrisidagi hukumatlararo bitim boʻyicha hamkor; "
          "ushbu bitimga koʻra Oʻzbekiston oliy taʼlim muassasalarining 40 nafar talabasi, fan nomzodlari va yosh "
          "mutaxassislari Xitoy universitetlarida stajirovka oʻtaydi.",
          "Партнёр по межправительственному соглашению о сотрудничестве в области образования от 8 ноября 1999 "
          "года, по которому 40 студентов, кандидатов наук и молодых специалистов из вузов Узбекистана проходят "
          "стажировки в китайских университетах.",
      ),
      agreements=(
          AgreementSpec(
              "intergovernmental", _d("1999-11-08"), None, (40, 0, 0, 0),
              title=(
                  "Agreement on cooperation in the field of education between the Ministry of Higher and Secondary "
                  "Special Education of the Republic of Uzbekistan and the Ministry of Education of the People's "
                  "Republic of China",
                  "Oʻzbekiston Respublikasi Oliy va oʻrta maxsus taʼlim vazirligi va Xitoy Xalq Respublikasi Taʼlim "
                  "vazirligi oʻrtasida taʼlim sohasida hamkorlik toʻgʻrisidagi bitim",
                  "Соглашение о сотрудничестве в области образования между Министерством высшего и среднего "
                  "специального образования Республики Узбекистан и Министерством образования Китайской Народной "
                  "Республики",
              ),
              scope=(
                  "Internships at Chinese higher education institutions for 40 students, candidates of science and "
                  "young specialists from Uzbek universities every year.",
                  "Har yili Oʻzbekiston oliy taʼlim muassasalarining 40 nafar talabasi, fan nomzodlari va yosh "
                  "mutaxassislari uchun Xitoy oliy taʼlim muassasalarida stajirovka.",
                  "Ежегодные стажировки в вузах Китая для 40 студентов, кандидатов наук и молодых специалистов "
                  "из вузов Узбекистана.",
              ),
          ),
      )),
    # Hungary
    P("Budapest University of Technology and Economics", "BME", "HU", "Budapest",
      "https://www.bme.hu/", U, 2016, "SE SM CB JR", agreements=(exchange("2022-10-03", places=(2, 1, 2, 1)),)),
    P("University of Debrecen", "UNIDEB", "HU", "Debrecen", "https://unideb.hu/", U, 2018, "SE SM",
      agreements=(exchange("2023-02-14", places=(2, 2, 1, 1)),)),
    P("University of Miskolc", "UNI-MISKOLC", "HU", "Miskolc", "https://www.uni-miskolc.hu/", U, 2015, "JR",
      active=False, agreements=(coop("2015-04-22"),)),
    P("Hungarian University of Agriculture and Life Sciences", "MATE", "HU", "Gödöllő",
      "https://uni-mate.hu/", U, 2019, "JR CB SE", agreements=(coop("2021-11-30", 10),)),
    P("University of Pécs", "PTE", "HU", "Pécs", "https://pte.hu/", U, 2021, "SE SS", agreements=(mou("2021-05-27"),)),
    P("Óbuda University", "OE", "HU", "Budapest", "https://uni-obuda.hu/", U, 2020, "SE SM",
      agreements=(exchange("2024-03-18", places=(2, 1, 1, 1)),)),
    # Kazakhstan
    P("Al-Farabi Kazakh National University", "KazNU", "KZ", "Almaty", "https://www.kaznu.kz/", U, 2008, "SE SM JR SS",
      agreements=(coop("2016-09-14"), exchange("2021-09-15", 10, places=(3, 3, 1, 1), renews=1))),
    P("Satbayev University", "SU", "KZ", "Almaty", "https://satbayev.university/", U, 2014, "SE JR CB",
      agreements=(exchange("2022-11-08", places=(2, 2, 1, 1)),)),
    P("L.N. Gumilyov Eurasian National University", "ENU", "KZ", "Astana", "https://enu.kz/", U, 2015, "SE VP",
      agreements=(mou("2015-12-01"),)),
    P("M. Auezov South Kazakhstan University", "SKU", "KZ", "Shymkent", "https://auezov.edu.kz/", U, 2011, "SE SM JR",
      agreements=(coop("2023-10-26"),)),
    P("Abylkas Saginov Karaganda Technical University", "KarTU", "KZ", "Karaganda",
      "https://www.kstu.kz/", U, 2017, "JR VP", agreements=(mou("2017-06-06", 5),)),
    P("Kazakh-British Technical University", "KBTU", "KZ", "Almaty", "https://kbtu.edu.kz/", U, 2023, "SE SS",
      agreements=(exchange("2025-04-09", places=(2, 2, 0, 0)),)),
    # Malaysia
    P("Universiti Teknologi Malaysia", "UTM", "MY", "Johor Bahru", "https://www.utm.my/", U, 2017, "SE SM JR SS",
      agreements=(exchange("2023-08-28", places=(3, 1, 1, 0)),)),
    P("Universiti Malaya", "UM", "MY", "Kuala Lumpur", "https://um.edu.my/", U, 2019, "JR PB",
      agreements=(mou("2019-08-15"),)),
    P("Universiti Putra Malaysia", "UPM", "MY", "Serdang", "https://www.upm.edu.my/", U, 2020, "SE SS",
      agreements=(mou("2020-02-19", 5),)),
    P("Universiti Kebangsaan Malaysia", "UKM", "MY", "Bangi", "https://www.ukm.my/", U, 2021, "SE JR",
      agreements=(coop("2024-01-22"),)),
    P("Universiti Teknologi PETRONAS", "UTP", "MY", "Seri Iskandar", "https://www.utp.edu.my/", U, 2022, "JR SS",
      agreements=(expiring("mou", 57),)),
    P("Universiti Sains Malaysia", "USM", "MY", "George Town", "https://www.usm.my/", U, 2018, "SE PB",
      agreements=(coop("2022-07-04"),)),
    # Poland
    P("Warsaw University of Technology", "WUT", "PL", "Warsaw", "https://www.pw.edu.pl/", U, 2016, "SE SM CB JR",
      agreements=(exchange("2022-12-12", places=(2, 1, 2, 1)),)),
    P("AGH University of Krakow", "AGH", "PL", "Kraków", "https://www.agh.edu.pl/", U, 2019, "SE SM CB",
      agreements=(exchange("2023-11-06", places=(2, 1, 1, 1)),)),
    P("Gdańsk University of Technology", "GUT", "PL", "Gdańsk", "https://pg.edu.pl/", U, 2020, "SE SM CB",
      agreements=(exchange("2024-01-30", places=(2, 1, 1, 1)),)),
    P("Lodz University of Technology", "TUL", "PL", "Łódź", "https://p.lodz.pl/", U, 2018, "SE SS",
      agreements=(mou("2018-04-11"),)),
    P("Wrocław University of Science and Technology", "WUST", "PL", "Wrocław", "https://pwr.edu.pl/", U, 2021, "SE JR",
      agreements=(exchange("2025-03-05", places=(2, 1, 1, 0)),)),
    P("Poznan University of Technology", "PUT", "PL", "Poznań", "https://www.put.poznan.pl/", U, 2022, "SE SM",
      agreements=(draft("exchange", places=(2, 1, 1, 1)),)),
    P("Silesian University of Technology", "SUT", "PL", "Gliwice", "https://www.polsl.pl/", U, 2019, "JR ST",
      agreements=(coop("2019-10-29"),)),
    # Italy
    P("Politecnico di Milano", "POLIMI", "IT", "Milan", "https://www.polimi.it/", U, 2018, "SE JR",
      agreements=(mou("2018-02-20"),)),
    P("Politecnico di Torino", "POLITO", "IT", "Turin", "https://www.polito.it/", U, 2012, "SE SM CB JD",
      agreements=(exchange("2022-03-22", places=(2, 1, 1, 1)),)),
    P("Sapienza University of Rome", "SAPIENZA", "IT", "Rome", "https://www.uniroma1.it/", U, 2020, "JR PB",
      agreements=(coop("2020-11-16"),)),
    P("University of Bologna", "UNIBO", "IT", "Bologna", "https://www.unibo.it/", U, 2019, "CB JR SM",
      agreements=(mou("2019-05-13"),)),
    P("University of Padua", "UNIPD", "IT", "Padua", "https://www.unipd.it/", U, 2021, "SE",
      agreements=(exchange("2024-05-07", places=(1, 1, 1, 0)),)),
    P("University of Genoa", "UNIGE", "IT", "Genoa", "https://unige.it/", U, 2020, "SE SM",
      agreements=(exchange("2023-04-17", places=(2, 1, 1, 1)),)),
    # Republic of Korea
    P("Inha University", "INHA", "KR", "Incheon", "https://www.inha.ac.kr/", U, 2014, "SE SM JD SS",
      agreements=(exchange("2024-05-16", places=(3, 2, 1, 1)),)),
    P("Korea Advanced Institute of Science and Technology", "KAIST", "KR", "Daejeon",
      "https://www.kaist.ac.kr/", U, 2021, "JR", agreements=(mou("2021-09-08"),)),
    P("Kyungpook National University", "KNU", "KR", "Daegu", "https://www.knu.ac.kr/", U, 2018, "SE SS",
      agreements=(exchange("2022-08-24", places=(2, 2, 1, 1)),)),
    P("Pusan National University", "PNU", "KR", "Busan", "https://www.pusan.ac.kr/", U, 2019, "SE JR",
      agreements=(coop("2019-12-04"),)),
    P("Chonnam National University", "CNU", "KR", "Gwangju", "https://www.jnu.ac.kr/", U, 2022, "SE",
      agreements=(exchange("2025-06-19", places=(2, 2, 0, 0)),)),
    P("Hanyang University", "HYU", "KR", "Seoul", "https://www.hanyang.ac.kr/", U, 2020, "JR SS",
      agreements=(mou("2020-10-07"),)),
    P("Kookmin University", "KMU", "KR", "Seoul", "https://www.kookmin.ac.kr/", U, 2023, "SE SS",
      agreements=(exchange("2023-12-14", places=(2, 2, 1, 0)),)),
    P("Korea Institute of Energy Research", "KIER", "KR", "Daejeon", "https://www.kier.re.kr/", R, 2022, "JR IN",
      agreements=(coop("2022-06-15"),)),
    # United Kingdom
    P("University of Westminster", "UoW", "GB", "London", "https://www.westminster.ac.uk/", U, 2012, "JD ST VP",
      agreements=(coop("2022-01-25"),)),
    P("University of Leeds", "LEEDS", "GB", "Leeds", "https://www.leeds.ac.uk/", U, 2020, "JR ST",
      agreements=(mou("2020-07-29"),)),
    P("Newcastle University", "NCL", "GB", "Newcastle upon Tyne", "https://www.ncl.ac.uk/", U, 2021, "JR PB",
      agreements=(mou("2021-03-03", 5),)),
    P("Coventry University", "CU", "GB", "Coventry", "https://www.coventry.ac.uk/", U, 2022, "ST SS",
      agreements=(coop("2022-09-21"),)),
    P("University of Strathclyde", "STRATH", "GB", "Glasgow", "https://www.strath.ac.uk/", U, 2023, "JR",
      agreements=(mou("2023-05-10"),)),
    P("Heriot-Watt University", "HWU", "GB", "Edinburgh", "https://www.hw.ac.uk/", U, 2025, "JR ST",
      agreements=(draft("cooperation"),)),
    # France
    P("Université Grenoble Alpes", "UGA", "FR", "Grenoble", "https://www.univ-grenoble-alpes.fr/", U, 2019, "JR SE",
      agreements=(coop("2019-09-17", 10),)),
    P("INSA Lyon", "INSA", "FR", "Villeurbanne", "https://www.insa-lyon.fr/", U, 2021, "SE SS",
      agreements=(exchange("2023-10-02", places=(2, 1, 1, 0)),)),
    P("Université de Lorraine", "UL", "FR", "Nancy", "https://www.univ-lorraine.fr/", U, 2020, "JR PB",
      agreements=(mou("2020-12-09"),)),
    P("Université de Montpellier", "UM", "FR", "Montpellier", "https://www.umontpellier.fr/", U, 2022, "JR SS",
      agreements=(expiring("cooperation", 19),)),
    # Belarus
    P("Belarusian State Pedagogical University", "BSPU", "BY", "Minsk", "https://bspu.by/", U, 2018, "SE SM JD VP",
      description=T(
          "Belarusian State Pedagogical University named after Maxim Tank. Partner in the \"3+1\" and \"2+2\" "
          "dual-degree bachelor's programmes: students study at the institute and finish at the university in "
          "Minsk with the diplomas of both universities.",
          "Maksim Tank nomidagi Belarus davlat pedagogika universiteti. \"3+1\" va \"2+2\" qoʻsh diplomli "
          "bakalavriat dasturlari boʻyicha hamkor: talabalar institutda oʻqib, tahsilni Minskdagi universitetda "
          "yakunlaydi va ikkala universitet diplomini oladi.",
          "Белорусский государственный педагогический университет имени Максима Танка. Партнёр по программам "
          "бакалавриата с двойным дипломом «3+1» и «2+2»: студенты учатся в институте, завершают обучение в "
          "университете в Минске и получают дипломы обоих университетов.",
      ),
      agreements=(
          mou("2019-04-10"),
          AgreementSpec(
              "dual_degree", _d("2021-06-18"), 10, (8, 0, 2, 2),
              title=(
                  "Dual-degree agreement with Belarusian State Pedagogical University (\"3+1\" and \"2+2\")",
                  "Belarus davlat pedagogika universiteti bilan qoʻsh diplom toʻgʻrisida shartnoma "
                  "(\"3+1\" va \"2+2\")",
                  "Соглашение о двойном дипломе с Белорусским государственным педагогическим университетом "
                  "(«3+1» и «2+2»)",
              ),
              scope=(
                  "Joint bachelor's curricula in pedagogy under the \"3+1\" and \"2+2\" schemes, mutual recognition "
                  "of study periods and the award of the diplomas of both universities.",
                  "\"3+1\" va \"2+2\" sxemalari boʻyicha pedagogika yoʻnalishida qoʻshma bakalavriat oʻquv "
                  "rejalari, taʼlim davrlarini oʻzaro tan olish va ikkala universitet diplomlarini berish.",
                  "Совместные учебные планы бакалавриата по педагогике по схемам «3+1» и «2+2», взаимное "
                  "признание периодов обучения и выдача дипломов обоих университетов.",
              ),
          ),
      )),
    P("Belarusian National Technical University", "BNTU", "BY", "Minsk", "https://bntu.by/", U, 2010, "SE SM JR",
      agreements=(exchange("2021-11-23", 10, places=(2, 2, 1, 1)),)),
    P("Belarusian State University", "BSU", "BY", "Minsk", "https://bsu.by/", U, 2016, "JR PB",
      agreements=(mou("2016-05-18"),)),
    P("Belarusian State Technological University", "BSTU", "BY", "Minsk", "https://belstu.by/", U, 2014, "SE JR VP",
      agreements=(coop("2024-09-25"),)),
    P("Brest State Technical University", "BrSTU", "BY", "Brest", "https://www.bstu.by/", U, 2016, "SE",
      active=False, agreements=(exchange("2016-10-11", places=(1, 1, 0, 0)),)),
    P("Polotsk State University", "PSU", "BY", "Novopolotsk", "https://psu.by/", U, 2021, "SE VP",
      agreements=(exchange("2022-02-28", places=(2, 2, 1, 1)),)),
    # Azerbaijan
    P("Azerbaijan State Oil and Industry University", "ASOIU", "AZ", "Baku", "https://asoiu.edu.az/", U, 2017, "SE JR",
      agreements=(coop("2022-10-19"),)),
    P("Azerbaijan Technical University", "AzTU", "AZ", "Baku", "https://aztu.edu.az/", U, 2018, "SE SM",
      agreements=(exchange("2023-05-31", places=(2, 2, 1, 1)),)),
    P("Baku State University", "BSU", "AZ", "Baku", "https://bsu.edu.az/", U, 2019, "JR PB",
      agreements=(mou("2019-02-26"),)),
    P("Azerbaijan State University of Economics", "UNEC", "AZ", "Baku", "https://unec.edu.az/", U, 2021, "SE SS",
      agreements=(mou("2021-06-02", 5),)),
    # India: ITEC hosts and universities
    P("National Institute of Technical Teachers Training and Research, Chandigarh", "NITTTR", "IN", "Chandigarh",
      "https://nitttrchd.ac.in/", U, 2015, "ST", agreements=(mou("2019-02-13"),)),
    P("Centre for Development of Advanced Computing", "C-DAC", "IN", "Mohali", "https://www.cdac.in/", R, 2016, "ST"),
    P("National Institute of Rural Development and Panchayati Raj", "NIRDPR", "IN", "Hyderabad",
      "https://nirdpr.org.in/", R, 2017, "ST"),
    P("Indian Institute of Technology Roorkee", "IITR", "IN", "Roorkee", "https://www.iitr.ac.in/", U, 2018, "ST JR",
      agreements=(mou("2018-11-27"),)),
    P("Indian Institute of Technology Delhi", "IITD", "IN", "New Delhi", "https://home.iitd.ac.in/", U, 2022, "ST JR",
      agreements=(mou("2022-12-06"),)),
    P("Amity University", "AMITY", "IN", "Noida", "https://www.amity.edu/", U, 2019, "ST SE SS",
      agreements=(exchange("2023-07-12", places=(2, 2, 1, 1)),)),
    P("Sharda University", "SHARDA", "IN", "Greater Noida", "https://www.sharda.ac.in/", U, 2020, "ST SE",
      agreements=(coop("2020-08-20"),)),
    P("Vellore Institute of Technology", "VIT", "IN", "Vellore", "https://vit.ac.in/", U, 2021, "ST SS",
      agreements=(mou("2021-08-11"),)),
    # Germany
    P("Technische Universität Dresden", "TUD", "DE", "Dresden", "https://tu-dresden.de/", U, 2017, "JR CB ST",
      agreements=(coop("2022-06-29"),)),
    P("Technische Universität Berlin", "TU Berlin", "DE", "Berlin", "https://www.tu.berlin/", U, 2020, "JR",
      agreements=(mou("2020-06-24"),)),
    P("RWTH Aachen University", "RWTH", "DE", "Aachen", "https://www.rwth-aachen.de/", U, 2022, "JR ST",
      agreements=(mou("2022-11-15"),)),
    P("Technische Universität Bergakademie Freiberg", "TUBAF", "DE", "Freiberg",
      "https://tu-freiberg.de/", U, 2016, "JR SS", agreements=(coop("2016-08-31"),)),
    P("Anhalt University of Applied Sciences", "HSA", "DE", "Köthen", "https://www.hs-anhalt.de/", U, 2019, "SE SS",
      agreements=(exchange("2024-10-08", places=(2, 1, 1, 1)),)),
    # Japan
    P("University of Tsukuba", "TSUKUBA", "JP", "Tsukuba", "https://www.tsukuba.ac.jp/", U, 2019, "JR SE",
      agreements=(mou("2019-07-03"),)),
    P("Nagoya University", "NAGOYA", "JP", "Nagoya", "https://www.nagoya-u.ac.jp/", U, 2021, "JR",
      agreements=(mou("2021-12-01"),)),
    P("Hokkaido University", "HOKUDAI", "JP", "Sapporo", "https://www.hokudai.ac.jp/", U, 2022, "JR SS",
      agreements=(coop("2023-02-08"),)),
    P("Tottori University", "TOTTORI", "JP", "Tottori", "https://www.tottori-u.ac.jp/", U, 2018, "JR IN",
      agreements=(coop("2018-10-17", 10),)),
    # Latvia, Lithuania, Spain and Belgium: partners in Erasmus+ consortia
    P("Riga Technical University", "RTU", "LV", "Riga", "https://www.rtu.lv/", U, 2017, "SE SM CB",
      agreements=(exchange("2022-04-27", places=(2, 1, 1, 1)),)),
    P("Latvia University of Life Sciences and Technologies", "LBTU", "LV", "Jelgava",
      "https://www.lbtu.lv/", U, 2019, "CB JR", agreements=(mou("2019-11-28"),)),
    P("Kaunas University of Technology", "KTU", "LT", "Kaunas", "https://ktu.edu/", U, 2018, "SE SM CB",
      agreements=(exchange("2023-06-06", places=(2, 1, 2, 1)),)),
    P("Vilnius Gediminas Technical University", "VILNIUS TECH", "LT", "Vilnius",
      "https://vilniustech.lt/", U, 2020, "SE CB", agreements=(exchange("2024-04-23", places=(1, 1, 1, 1)),)),
    P("Universitat Politècnica de València", "UPV", "ES", "Valencia", "https://www.upv.es/", U, 2017, "SE SM CB",
      agreements=(exchange("2022-07-19", places=(1, 1, 1, 1)),)),
    P("Universidad Politécnica de Madrid", "UPM", "ES", "Madrid", "https://www.upm.es/", U, 2021, "JR",
      agreements=(mou("2021-02-09"),)),
    P("Universidad Carlos III de Madrid", "UC3M", "ES", "Getafe", "https://www.uc3m.es/", U, 2023, "SE",
      agreements=(exchange("2025-01-28", places=(1, 1, 0, 0)),)),
    P("Ghent University", "UGENT", "BE", "Ghent", "https://www.ugent.be/", U, 2023, "CB JR"),
    # United States: Fulbright hosts
    P("University of Arizona", "UA", "US", "Tucson", "https://www.arizona.edu/", U, 2022, "JR"),
    P("Purdue University", "PURDUE", "US", "West Lafayette", "https://www.purdue.edu/", U, 2025, "JR"),
    # Uzbek universities met in Erasmus+ consortia
    P("Tashkent State Technical University", "TSTU", "UZ", "Tashkent", "https://tdtu.uz/", U, 2006, "CB JR"),
    P("Samarkand State University", "SamSU", "UZ", "Samarkand", "https://samdu.uz/", U, 2010, "CB JR"),
    P("\"Tashkent Institute of Irrigation and Agricultural Mechanization Engineers\" National Research University",
      "TIIAME NRU", "UZ", "Tashkent", "https://tiiame.uz/", U, 2012, "CB JR"),
    P("Tashkent University of Information Technologies", "TUIT", "UZ", "Tashkent", "https://tuit.uz/", U, 2015, "CB"),
    P("Turin Polytechnic University in Tashkent", "TTPU", "UZ", "Tashkent", "https://polito.uz/", U, 2016, "CB JR"),
    # Agencies, donors and international organisations
    P("European Education and Culture Executive Agency (EACEA), European Commission", "EACEA", "BE", "Brussels",
      "https://www.eacea.ec.europa.eu/", INTL, 2015, "CB SE SM",
      description=T(
          "The agency of the European Commission that manages Erasmus+ capacity-building projects.",
          "Erasmus+ salohiyatni oshirish loyihalarini boshqaradigan Yevropa Komissiyasi agentligi.",
          "Агентство Европейской комиссии, которое управляет проектами Erasmus+ по развитию потенциала.",
      )),
    P("British Council", "British Council", "GB", "London", "https://www.britishcouncil.org/", INTL, 2012, "ST CB",
      description=T(
          "The United Kingdom's international organisation for cultural relations and educational opportunities; in "
          "Uzbekistan it supports English teaching and university partnerships.",
          "Buyuk Britaniyaning madaniy aloqalar va taʼlim imkoniyatlari boʻyicha xalqaro tashkiloti; Oʻzbekistonda "
          "ingliz tilini oʻqitish va universitetlar hamkorligini qoʻllab-quvvatlaydi.",
          "Международная организация Великобритании по культурным связям и образовательным возможностям; в "
          "Узбекистане поддерживает преподавание английского языка и партнёрства университетов.",
      )),
    P("Korea International Cooperation Agency (KOICA)", "KOICA", "KR", "Seongnam", "https://www.koica.go.kr/", D, 2011,
      "ST VP", description=T(
          "The Korean government's development agency: fellowships in Korea and volunteer teachers.",
          "Koreya hukumatining taraqqiyot agentligi: Koreyada oʻqish uchun stipendiyalar va koʻngilli oʻqituvchilar.",
          "Агентство развития правительства Кореи: стипендии для обучения в Корее и преподаватели-волонтёры.",
      ),
      agreements=(mou("2022-03-30"),)),
    P("Indian Technical and Economic Cooperation Programme (ITEC), Ministry of External Affairs", "ITEC", "IN",
      "New Delhi", "https://www.itecgoi.in/", D, 2010, "ST",
      description=T(
          "The Government of India's programme of fully funded courses for professionals of partner countries.",
          "Hindiston hukumatining hamkor mamlakatlar mutaxassislari uchun toʻliq moliyalashtiriladigan kurslar "
          "dasturi.",
          "Программа правительства Индии: полностью оплачиваемые курсы для специалистов из стран-партнёров.",
      )),
    P("Japan International Cooperation Agency (JICA)", "JICA", "JP", "Tokyo", "https://www.jica.go.jp/", D, 2014, "ST",
      description=T(
          "Japan's development agency: group training in Japan under the Knowledge Co-Creation Program.",
          "Yaponiyaning taraqqiyot agentligi: bilimlarni birgalikda yaratish dasturi (Knowledge Co-Creation Program) "
          "doirasida Yaponiyada guruh oʻquv kurslari.",
          "Агентство развития Японии: групповое обучение в Японии по программе «Совместное создание знаний» "
          "(Knowledge Co-Creation Program).",
      )),
    P("United Nations Development Programme (UNDP)", "UNDP", "US", "New York", "https://www.undp.org/", INTL, 2016,
      "CB IN", description=T(
          "The UN development network; its country office in Tashkent runs joint projects.",
          "BMTning taraqqiyot tarmogʻi; uning Toshkentdagi vakolatxonasi qoʻshma loyihalarni amalga oshiradi.",
          "Сеть ООН по вопросам развития; её представительство в Ташкенте ведёт совместные проекты.",
      )),
    P("Fulbright Program, U.S. Embassy in Tashkent", "Fulbright", "US", "Tashkent", "https://uz.usembassy.gov/", D,
      2018, "JR ST", description=T(
          "The U.S. government's exchange programme, run in Uzbekistan by the U.S. Embassy.",
          "AQSh hukumatining almashinuv dasturi; Oʻzbekistonda uni AQSh elchixonasi olib boradi.",
          "Программа обменов правительства США; в Узбекистане её ведёт Посольство США.",
      )),
    P("\"El-Yurt Umidi\" Foundation under the Cabinet of Ministers of the Republic of Uzbekistan", "El-Yurt Umidi",
      "UZ", "Tashkent", "https://eyuf.uz/", D, 2018, "ST",
      description=T(
          "The state foundation that pays for master's and doctoral study and internships abroad.",
          "Magistratura va doktorantura, shuningdek xorijda stajirovka xarajatlarini toʻlaydigan davlat jamgʻarmasi.",
          "Государственный фонд, который оплачивает обучение в магистратуре и докторантуре и стажировки за рубежом.",
      )),
]
# fmt: on
