"""What the demo says: the department, its pages, programmes, projects, joint degrees and visits.

Facts come from the public pages in the project's seeds (the department regulations and "International
Activities" of Jizzakh Polytechnic Institute, the joint programmes and the 1999 agreement of Jizzakh State
Pedagogical University, the delegation visit of 3 December 2024 reported by the Tashkent Institute of Chemical
Technology). Each seed's facts belong to its own profile (``profiles.py``): the department, pages and rankings
here are Jizzakh Polytechnic Institute's (the jizpi profile); the joint programmes are JSPU's, the Shandong visit
TICT's, and ``home_jspu.py`` and ``home_tict.py`` hold those offices. People, phone numbers and addresses are
invented.

A text that visitors read in three languages is a ``T(en, uz, ru)``; the loader spreads it over the
django-modeltranslation columns ``<field>_en``, ``<field>_uz`` and ``<field>_ru``.
"""

import datetime
from typing import NamedTuple


class T(NamedTuple):
    en: str
    uz: str
    ru: str


def _d(value):
    return datetime.date.fromisoformat(value)


# The department ---------------------------------------------------------------------------------------------------

HOME_INSTITUTION = {
    "name": T("Jizzakh Polytechnic Institute", "Jizzax politexnika instituti", "Джизакский политехнический институт"),
    "short_name": T("JizPI", "JizPI", "ДжизПИ"),
    "department_name": T(
        "International Cooperation Department", "Xalqaro hamkorlik boʻlimi", "Отдел международного сотрудничества"
    ),
    "about": T(
        "The International Cooperation Department of Jizzakh Polytechnic Institute has organised the institute's "
        "international activities since 2006. Today the institute works with foreign universities, "
        "research centres and organisations in Russia, Turkey, China, Hungary, Kazakhstan, Malaysia, Poland, Italy and "
        "other countries, on the basis of bilateral memoranda, joint programmes, research projects and academic "
        "exchanges.\n\n"
        "The institute regularly takes part in programmes funded by foreign donors: Erasmus+ (six Capacity Building "
        "in Higher Education projects to date), the Indian Government's ITEC programme, through which about ten "
        "professors and teachers improve their qualifications abroad every year, and the programmes of JICA, KOICA "
        "and Fulbright.\n\n"
        "In 2024 nearly 30 students studied at foreign partner universities on exchange programmes, gaining "
        "educational and cultural experience.",
        "Jizzax politexnika institutining Xalqaro hamkorlik boʻlimi 2006-yildan buyon institutning xalqaro "
        "faoliyatini tashkil etib keladi. Bugungi kunda institut Rossiya, Turkiya, Xitoy, Vengriya, Qozogʻiston, "
        "Malayziya, Polsha, Italiya va boshqa mamlakatlarning xorijiy oliy taʼlim muassasalari, ilmiy "
        "markazlari va tashkilotlari bilan ikki tomonlama memorandumlar, qoʻshma dasturlar, ilmiy loyihalar va "
        "akademik almashinuvlar asosida hamkorlik qiladi.\n\n"
        "Institut xorijiy donor tashkilotlar moliyalashtiradigan dasturlarda muntazam ishtirok etadi: Erasmus+ "
        "(Oliy taʼlimda salohiyatni oshirish yoʻnalishidagi oltita loyiha), Hindiston hukumatining ITEC dasturi — u "
        "orqali har yili oʻnga yaqin professor-oʻqituvchi xorijda malakasini oshiradi — hamda JICA, KOICA va "
        "Fulbright dasturlari.\n\n"
        "2024-yilda 30 ga yaqin talaba almashinuv dasturlari asosida xorijiy hamkor universitetlarda tahsil olib, "
        "taʼlim va madaniy tajriba orttirdi.",
        "Отдел международного сотрудничества Джизакского политехнического института организует международную "
        "деятельность института с 2006 года. Сегодня институт сотрудничает с зарубежными вузами, "
        "научными центрами и организациями России, Турции, Китая, Венгрии, Казахстана, Малайзии, Польши, Италии и "
        "других стран на основе двусторонних меморандумов, совместных программ, научных проектов и академических "
        "обменов.\n\n"
        "Институт регулярно участвует в программах, финансируемых зарубежными донорами: Erasmus+ (шесть проектов по "
        "развитию потенциала высшего образования), программе ITEC правительства Индии, по которой около десяти "
        "преподавателей ежегодно повышают квалификацию за рубежом, а также в программах JICA, KOICA и Fulbright.\n\n"
        "В 2024 году почти 30 студентов обучались в зарубежных вузах-партнёрах по программам обмена, получая "
        "образовательный и культурный опыт.",
    ),
    "address": T(
        "Main building, room 214; 1 Demo Street, Jizzakh 130100, Uzbekistan",
        "Bosh bino, 214-xona; Namuna koʻchasi, 1-uy, Jizzax 130100, Oʻzbekiston",
        "Главный корпус, каб. 214; ул. Примерная, 1, Джизак 130100, Узбекистан",
    ),
    "working_hours": T(
        "Monday to Friday, 08:30–17:00", "Dushanba–juma, 08:30–17:00", "Понедельник–пятница, 08:30–17:00"
    ),
    "phone": "+998 00 000-00-01",
    "email": "international.office@example.org",
    "website": "https://jizpi.uz/",
    "international_since": 2006,
    # Letters are signed by the rector (an invented name).
    "signatory_name": T("Rustam Nazarov", "Nazarov Rustam Akmal oʻgʻli", "Назаров Рустам Акмалович"),
    "signatory_position": T("Rector", "Rektor", "Ректор"),
}

_POSITION = "{} of the International Cooperation Department"

STAFF = [
    {
        "email": "j.nazarov@example.org",
        "full_name": T("Jasur Nazarov", "Nazarov Jasur Tolib oʻgʻli", "Назаров Жасур Толибович"),
        "position": T(
            "Head of the International Cooperation Department",
            "Xalqaro hamkorlik boʻlimi boshligʻi",
            "Начальник отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-02",
        "working_hours": HOME_INSTITUTION["working_hours"],
        "reception_days": T(
            "Tuesday, Wednesday and Friday, 14:00–16:00",
            "Seshanba, chorshanba va juma, 14:00–16:00",
            "Вторник, среда и пятница, 14:00–16:00",
        ),
        "order": 1,
    },
    {
        "email": "d.ergasheva@example.org",
        "full_name": T("Dilnoza Ergasheva", "Ergasheva Dilnoza Baxtiyor qizi", "Эргашева Дильноза Бахтиёровна"),
        "position": T(
            _POSITION.format("Specialist"),
            "Xalqaro hamkorlik boʻlimi mutaxassisi",
            "Специалист отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-03",
        "working_hours": HOME_INSTITUTION["working_hours"],
        "order": 2,
    },
    {
        "email": "o.sobirov@example.org",
        "full_name": T("Otabek Sobirov", "Sobirov Otabek Rustam oʻgʻli", "Собиров Отабек Рустамович"),
        "position": T(
            _POSITION.format("Methodist"),
            "Xalqaro hamkorlik boʻlimi metodisti",
            "Методист отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-04",
        "working_hours": HOME_INSTITUTION["working_hours"],
        "order": 3,
    },
]

PAGES = [
    {
        "slug": "about-the-department",
        "order": 1,
        "title": T("About the department", "Boʻlim haqida", "Об отделе"),
        "body": T(
            "The International Cooperation Department is a structural unit of Jizzakh Polytechnic Institute. It "
            "organises the development of the institute's international cooperation so that the institute trains "
            "specialists of international standing in education, research and public life.\n\n"
            "The department works in accordance with the Constitution and laws of the Republic of Uzbekistan, the "
            "resolutions of the Oliy Majlis, the decrees, resolutions and orders of the President of the Republic of "
            "Uzbekistan, the resolutions and orders of the ministry responsible for higher education, and the orders "
            "of the rector of the institute.\n\n"
            "The department coordinates the cooperation of the institute, its faculties, departments and staff with "
            "foreign countries, including foreign higher education institutions and research centres.\n\n"
            "In its work the department interacts with all faculties, departments and divisions of the institute, as "
            "well as with foreign universities and centres.",
            "Xalqaro hamkorlik boʻlimi Jizzax politexnika institutining tarkibiy boʻlinmasidir. Boʻlim taʼlim, "
            "ilmiy-tadqiqot va ijtimoiy faoliyat sohalarida xalqaro darajadagi mutaxassislar tayyorlash maqsadida "
            "institutning xalqaro hamkorligini rivojlantirishni tashkil etadi.\n\n"
            "Boʻlim oʻz faoliyatida Oʻzbekiston Respublikasi Konstitutsiyasi va qonunlariga, Oliy Majlis qarorlariga, "
            "Oʻzbekiston Respublikasi Prezidentining farmon, qaror va farmoyishlariga, oliy taʼlim sohasidagi "
            "vakolatli vazirlikning qaror va buyruqlariga hamda institut rektorining buyruqlariga amal qiladi.\n\n"
            "Boʻlim institut, uning fakultetlari, kafedralari va xodimlarining xorijiy davlatlar, jumladan xorijiy "
            "oliy taʼlim muassasalari va markazlari bilan hamkorligini muvofiqlashtiradi.\n\n"
            "Boʻlim oʻz ishida institutning barcha fakultetlari, kafedralari va boʻlinmalari, shuningdek xorijiy "
            "universitetlar va markazlar bilan oʻzaro hamkorlik qiladi.",
            "Отдел международного сотрудничества — структурное подразделение Джизакского политехнического института. "
            "Отдел организует развитие международного сотрудничества института в целях подготовки специалистов "
            "международного уровня в образовательной, научной и общественной сферах.\n\n"
            "В своей деятельности отдел руководствуется Конституцией и законами Республики Узбекистан, "
            "постановлениями Олий Мажлиса, указами, постановлениями и распоряжениями Президента Республики "
            "Узбекистан, постановлениями и приказами министерства, ведающего высшим образованием, а также приказами "
            "ректора института.\n\n"
            "Отдел координирует сотрудничество института, его факультетов, кафедр и сотрудников с зарубежными "
            "странами, в том числе с зарубежными вузами и центрами.\n\n"
            "В своей работе отдел взаимодействует со всеми факультетами, кафедрами и подразделениями института, а "
            "также с зарубежными университетами и центрами.",
        ),
    },
    {
        "slug": "tasks-and-functions",
        "order": 2,
        "title": T("Tasks and functions", "Vazifalar va funksiyalar", "Задачи и функции"),
        "body": T(
            "# Tasks of the department\n\n"
            "- Develops the institute's strategy of international cooperation and sets its main directions on the "
            "basis of the agreements signed with foreign educational institutions and centres.\n\n"
            "- Prepares drafts of cooperation agreements with foreign educational institutions, centres and other "
            "organisations and advises on their registration.\n\n"
            "- Recommends to the management of the institute candidates for study, training or research abroad, "
            'including through the "El-Yurt Umidi" Foundation under the Cabinet of Ministers of the Republic of '
            "Uzbekistan and other non-governmental organisations.\n\n"
            "- Coordinates the work of faculties, departments and divisions on curricula proposed by foreign "
            "governmental, non-governmental and international organisations and on research projects, taking into "
            "account the country's social and economic development.\n\n"
            "- Helps to involve foreign scientists, professors and specialists in teaching at the institute and in "
            "joint teaching and research.\n\n"
            "- Organises business trips abroad in accordance with Resolution of the President of the Republic of "
            "Uzbekistan No. PP-2142 of 5 March 2014, the resolution of the Cabinet of Ministers of 6 February 2014 on "
            "the procedure for citizens' travel abroad, and the letters of the ministry responsible for higher "
            "education.\n\n"
            "- Makes and carries out proposals in other areas of international cooperation.\n\n"
            "# Functions of the department\n\n"
            "- Takes part in establishing the institute's cooperation with foreign universities and educational "
            "centres.\n\n"
            "- Helps professors and teachers of the institute to enter competitions announced by foreign universities, "
            "centres and foundations, including international organisations.\n\n"
            "- Organises round tables and meetings with foreign delegations, professors and students visiting the "
            "institute.",
            "# Boʻlimning vazifalari\n\n"
            "- Xorijiy taʼlim muassasalari va markazlari bilan imzolangan shartnomalar asosida institutning xalqaro "
            "hamkorlik strategiyasini ishlab chiqadi va uning asosiy yoʻnalishlarini belgilaydi.\n\n"
            "- Institutning xorijiy taʼlim muassasalari, markazlar va boshqa tashkilotlar bilan hamkorlik "
            "shartnomalari loyihalarini tayyorlaydi va ularni roʻyxatdan oʻtkazish boʻyicha tavsiyalar beradi.\n\n"
            "- Xorijda taʼlim olish, malaka oshirish yoki ilmiy izlanish olib borish uchun nomzodlarni, shu jumladan "
            "Oʻzbekiston Respublikasi Vazirlar Mahkamasi huzuridagi «El-yurt umidi» jamgʻarmasi va boshqa nodavlat "
            "tashkilotlar orqali, institut rahbariyatiga koʻrib chiqish uchun tavsiya etadi.\n\n"
            "- Mamlakatning ijtimoiy-iqtisodiy rivojlanishini hisobga olgan holda xorijiy davlat, nodavlat va xalqaro "
            "tashkilotlar taklif etgan oʻquv dasturlarini amalga oshirish va ilmiy loyihalarda ishtirok etish "
            "boʻyicha fakultetlar, kafedralar va boʻlinmalar faoliyatini muvofiqlashtiradi.\n\n"
            "- Xorijiy olimlar, professorlar va mutaxassislarni institutning oʻquv jarayoniga, shuningdek qoʻshma "
            "oʻquv va ilmiy faoliyatga jalb qilishga koʻmaklashadi.\n\n"
            "- Xorijga xizmat safarlarini Oʻzbekiston Respublikasi Prezidentining 2014-yil 5-martdagi PQ-2142-son "
            "qarori, Vazirlar Mahkamasining 2014-yil 6-fevraldagi fuqarolarning xorijga chiqish tartibi toʻgʻrisidagi "
            "qarori hamda oliy taʼlim sohasidagi vakolatli vazirlik xatlari asosida tashkil etadi.\n\n"
            "- Xalqaro hamkorlikning boshqa yoʻnalishlarida ham takliflar kiritadi va ularni amalga oshiradi.\n\n"
            "# Boʻlimning funksiyalari\n\n"
            "- Institutning xorijiy oliy taʼlim muassasalari va taʼlim markazlari bilan xalqaro hamkorligini yoʻlga "
            "qoʻyishda ishtirok etadi.\n\n"
            "- Institut professor-oʻqituvchilariga xorijiy taʼlim muassasalari, markazlar va jamgʻarmalar, shu "
            "jumladan xalqaro tashkilotlar eʼlon qilgan tanlovlarda ishtirok etishda koʻmaklashadi.\n\n"
            "- Institutga tashrif buyuradigan xorijiy delegatsiyalar, professorlar va talabalar bilan davra suhbatlari "
            "va uchrashuvlar tashkil etadi.",
            "# Задачи отдела\n\n"
            "- Разрабатывает стратегию международного сотрудничества института и определяет её основные направления на "
            "основе соглашений, подписанных с зарубежными образовательными учреждениями и центрами.\n\n"
            "- Готовит проекты соглашений о сотрудничестве института с зарубежными образовательными учреждениями, "
            "центрами и другими организациями и даёт рекомендации по их регистрации.\n\n"
            "- Рекомендует руководству института кандидатов на обучение, стажировку или научную работу за рубежом, в "
            "том числе через фонд «Эл-юрт умиди» при Кабинете Министров Республики Узбекистан и другие "
            "негосударственные организации.\n\n"
            "- Координирует работу факультетов, кафедр и подразделений по реализации учебных программ, предлагаемых "
            "зарубежными государственными, негосударственными и международными организациями, и по участию в научных "
            "проектах с учётом социально-экономического развития страны.\n\n"
            "- Содействует привлечению зарубежных учёных, профессоров и специалистов к учебному процессу института, а "
            "также к совместной преподавательской и научной работе.\n\n"
            "- Организует зарубежные командировки в соответствии с постановлением Президента Республики Узбекистан "
            "№ ПП-2142 от 5 марта 2014 года, постановлением Кабинета Министров от 6 февраля 2014 года о порядке выезда "
            "граждан за рубеж и письмами министерства, ведающего высшим образованием.\n\n"
            "- Вносит и реализует предложения по другим направлениям международного сотрудничества.\n\n"
            "# Функции отдела\n\n"
            "- Участвует в установлении международного сотрудничества института с зарубежными вузами и "
            "образовательными центрами.\n\n"
            "- Помогает преподавателям института участвовать в конкурсах, объявляемых зарубежными вузами, центрами и "
            "фондами, в том числе международными организациями.\n\n"
            "- Организует круглые столы и встречи с зарубежными делегациями, профессорами и студентами, посещающими "
            "институт.",
        ),
    },
]

RANKINGS = [
    {
        "name": "UI GreenMetric World University Rankings",
        "year": 2024,
        "result": T(
            "1st place among the universities of Uzbekistan",
            "Oʻzbekiston oliy taʼlim muassasalari orasida 1-oʻrin",
            "1-е место среди вузов Узбекистана",
        ),
        "position": None,
        "url": "https://greenmetric.ui.ac.id/",
        "order": 1,
    },
    {
        "name": "QS Asia University Rankings",
        "year": 2024,
        "result": T("Top 900 in Asia", "Osiyoning eng yaxshi 900 ta universiteti qatorida", "Топ-900 вузов Азии"),
        "position": None,
        "url": "https://www.topuniversities.com/asia-university-rankings",
        "order": 2,
    },
    {
        "name": "HE (Higher Education) ranking",
        "year": 2024,
        "result": T("58th place", "58-oʻrin", "58-е место"),
        "position": 58,
        "url": "",
        "order": 3,
    },
]

FACULTIES = [
    ("energy-engineering", T("Faculty of Energy Engineering", "Energetika fakulteti", "Энергетический факультет")),
    (
        "civil-engineering",
        T(
            "Faculty of Civil Engineering and Architecture",
            "Qurilish va arxitektura fakulteti",
            "Факультет строительства и архитектуры",
        ),
    ),
    (
        "chemical-technology",
        T("Faculty of Chemical Technology", "Kimyo texnologiyasi fakulteti", "Факультет химической технологии"),
    ),
    (
        "mechanical-engineering",
        T(
            "Faculty of Mechanical Engineering and Transport",
            "Mashinasozlik va transport fakulteti",
            "Факультет машиностроения и транспорта",
        ),
    ),
    (
        "information-technologies",
        T(
            "Faculty of Information Technologies",
            "Axborot texnologiyalari fakulteti",
            "Факультет информационных технологий",
        ),
    ),
    (
        "economics-and-management",
        T(
            "Faculty of Economics and Management",
            "Iqtisodiyot va menejment fakulteti",
            "Факультет экономики и менеджмента",
        ),
    ),
    (
        "professional-education",
        T("Faculty of Professional Education", "Kasb taʼlimi fakulteti", "Факультет профессионального образования"),
    ),
]

# Partners and agreements --------------------------------------------------------------------------------------------

COOPERATION_AREAS = [
    ("student-exchange", T("Student exchange", "Talabalar almashinuvi", "Обмен студентами")),
    ("staff-mobility", T("Staff mobility", "Xodimlar akademik mobilligi", "Академическая мобильность сотрудников")),
    ("joint-research", T("Joint research", "Qoʻshma ilmiy tadqiqotlar", "Совместные научные исследования")),
    (
        "joint-degrees",
        T(
            "Joint and dual degrees",
            "Qoʻshma va qoʻsh diplomli taʼlim dasturlari",
            "Совместные программы и двойные дипломы",
        ),
    ),
    (
        "staff-training",
        T(
            "Staff training",
            "Professor-oʻqituvchilar malakasini oshirish",
            "Повышение квалификации преподавателей",
        ),
    ),
    (
        "visiting-professors",
        T("Visiting professors", "Xorijiy professorlarni jalb qilish", "Приглашение зарубежных профессоров"),
    ),
    ("summer-schools", T("Summer schools", "Yozgi maktablar", "Летние школы")),
    (
        "capacity-building",
        T("Capacity-building projects", "Salohiyatni oshirish loyihalari", "Проекты по развитию потенциала"),
    ),
    ("joint-publications", T("Joint publications", "Qoʻshma ilmiy nashrlar", "Совместные публикации")),
    ("internships", T("Internships", "Stajirovkalar", "Стажировки")),
]

AGREEMENT_TITLES = {
    "mou": T(
        "Memorandum of understanding with {name}",
        "{name} bilan oʻzaro anglashuv memorandumi",
        "Меморандум о взаимопонимании с {name}",
    ),
    "cooperation": T(
        "Agreement on academic and scientific cooperation with {name}",
        "{name} bilan akademik va ilmiy hamkorlik toʻgʻrisida shartnoma",
        "Соглашение об академическом и научном сотрудничестве с {name}",
    ),
    "exchange": T(
        "Student and staff exchange agreement with {name}",
        "{name} bilan talabalar va xodimlar almashinuvi toʻgʻrisida shartnoma",
        "Соглашение об обмене студентами и сотрудниками с {name}",
    ),
    "dual_degree": T(
        "Dual-degree agreement with {name}",
        "{name} bilan qoʻsh diplom toʻgʻrisida shartnoma",
        "Соглашение о двойном дипломе с {name}",
    ),
}

AGREEMENT_SCOPES = {
    "mou": T(
        "A framework for cooperation: exchange of information and publications, mutual visits, joint events and the "
        "preparation of specific agreements.",
        "Hamkorlik doirasi: axborot va nashrlar almashinuvi, oʻzaro tashriflar, qoʻshma tadbirlar va aniq "
        "shartnomalarni tayyorlash.",
        "Рамки сотрудничества: обмен информацией и публикациями, взаимные визиты, совместные мероприятия и подготовка "
        "конкретных соглашений.",
    ),
    "cooperation": T(
        "Exchange of professors and students, joint research projects, participation in conferences and symposia, "
        "and joint publications in international journals.",
        "Professor-oʻqituvchilar va talabalar almashinuvi, qoʻshma ilmiy loyihalar, konferensiya va simpoziumlarda "
        "ishtirok etish hamda xalqaro jurnallarda qoʻshma nashrlar.",
        "Обмен преподавателями и студентами, совместные научные проекты, участие в конференциях и симпозиумах, "
        "совместные публикации в международных журналах.",
    ),
    "exchange": T(
        "Semester exchange of students without tuition fees at the host and with recognition of credits, and short "
        "teaching and training stays of staff, within the places per year stated in the agreement.",
        "Talabalarning qabul qiluvchi universitetda kontrakt toʻlovisiz va kreditlari tan olingan holda semestrlik "
        "almashinuvi hamda xodimlarning qisqa muddatli oʻqitish va malaka oshirish safarlari, shartnomada "
        "belgilangan yillik oʻrinlar doirasida.",
        "Семестровый обмен студентами без оплаты обучения в принимающем вузе и с признанием кредитов, краткосрочные "
        "визиты сотрудников для преподавания и стажировки в пределах числа мест в год, указанного в соглашении.",
    ),
}

CONTACT_POSITIONS = {
    "university": [
        "Head of the International Relations Office",
        "International Cooperation Coordinator",
        "Vice-Rector for International Affairs",
    ],
    "research": ["Head of International Programmes"],
    "government": ["Department of International Cooperation and Exchanges"],
    "donor": ["Programme Manager"],
    "international": ["Education Programme Officer"],
}

# Programmes -------------------------------------------------------------------------------------------------------

GRANT_PROGRAMS = [
    {
        "slug": "erasmus-plus-cbhe",
        "name": T(
            "Erasmus+ Capacity Building in Higher Education (CBHE)",
            "Erasmus+ Oliy taʼlimda salohiyatni oshirish (CBHE)",
            "Erasmus+ Развитие потенциала высшего образования (CBHE)",
        ),
        "short_name": "Erasmus+ CBHE",
        "kind": "capacity",
        "funder": "BE:EACEA",
        "summary": T(
            "EU-funded projects in which consortia of European and partner-country universities modernise curricula, "
            "teaching and university management.",
            "Yevropa va hamkor mamlakatlar universitetlari konsorsiumlari oʻquv dasturlari, oʻqitish va universitet "
            "boshqaruvini modernizatsiya qiladigan, Yevropa Ittifoqi moliyalashtiradigan loyihalar.",
            "Финансируемые ЕС проекты, в которых консорциумы европейских вузов и вузов стран-партнёров модернизируют "
            "учебные программы, преподавание и управление университетом.",
        ),
        "description": T(
            "Capacity Building in Higher Education is the Erasmus+ action that supports cooperation between "
            "universities of the European Union and of partner countries such as Uzbekistan. A project lasts two or "
            "three years; its consortium develops new curricula, trains staff, equips laboratories and improves "
            "university governance. The institute has taken part in six CBHE projects so far.",
            "Oliy taʼlimda salohiyatni oshirish — Yevropa Ittifoqi universitetlari va Oʻzbekiston kabi hamkor "
            "mamlakatlar universitetlari oʻrtasidagi hamkorlikni qoʻllab-quvvatlaydigan Erasmus+ yoʻnalishi. Loyiha "
            "ikki yoki uch yil davom etadi; uning konsorsiumi yangi oʻquv dasturlarini ishlab chiqadi, xodimlarni "
            "oʻqitadi, laboratoriyalarni jihozlaydi va universitet boshqaruvini takomillashtiradi. Institut "
            "hozirgacha oltita CBHE loyihasida ishtirok etgan.",
            "Развитие потенциала высшего образования — направление Erasmus+, которое поддерживает сотрудничество "
            "университетов Европейского союза и стран-партнёров, таких как Узбекистан. Проект длится два или три "
            "года; его консорциум разрабатывает новые учебные программы, обучает сотрудников, оснащает лаборатории и "
            "совершенствует управление университетом. Институт уже участвовал в шести проектах CBHE.",
        ),
        "eligibility": T(
            "Universities apply as a consortium in answer to the yearly Erasmus+ call of the European Education and "
            "Culture Executive Agency. Staff join project activities through their faculty; the department helps to "
            "prepare proposals and manages the partnership.",
            "Universitetlar Yevropa taʼlim va madaniyat ijroiya agentligining har yilgi Erasmus+ tanloviga konsorsium "
            "sifatida ariza topshiradi. Xodimlar loyiha faoliyatiga oʻz fakulteti orqali qoʻshiladi; boʻlim "
            "takliflarni tayyorlashga yordam beradi va hamkorlikni boshqaradi.",
            "Университеты подают заявку консорциумом в ответ на ежегодный конкурс Erasmus+ Европейского "
            "исполнительного агентства по образованию и культуре. Сотрудники участвуют в работе проекта через свой "
            "факультет; отдел помогает готовить заявки и ведёт партнёрство.",
        ),
        "website": "https://erasmus-plus.ec.europa.eu/",
    },
    {
        "slug": "erasmus-plus-credit-mobility",
        "name": T(
            "Erasmus+ International Credit Mobility",
            "Erasmus+ xalqaro kredit mobilligi",
            "Erasmus+ Международная кредитная мобильность",
        ),
        "short_name": "Erasmus+ ICM",
        "kind": "mobility",
        "funder": "BE:EACEA",
        "summary": T(
            "Semester exchanges for students and short teaching and training stays for staff at European partner "
            "universities, with a monthly EU grant and travel support.",
            "Talabalar uchun bir semestrlik almashinuv va xodimlar uchun Yevropa hamkor universitetlarida qisqa "
            "muddatli oʻqitish va malaka oshirish; oylik grant va yoʻl xarajatlarini Yevropa Ittifoqi qoplaydi.",
            "Семестровые обмены для студентов и краткосрочные стажировки и преподавание для сотрудников в европейских "
            "вузах-партнёрах с ежемесячной стипендией ЕС и оплатой проезда.",
        ),
        "description": T(
            "Under inter-institutional agreements with European universities, students spend one semester abroad and "
            "have their credits recognised at home; staff teach or train abroad for five days to two months. The "
            "grant covers living costs and travel.",
            "Yevropa universitetlari bilan tuzilgan institutlararo shartnomalar asosida talabalar bir semestrni "
            "xorijda oʻtkazadi va ularning kreditlari oʻz universitetida tan olinadi; xodimlar xorijda besh kundan "
            "ikki oygacha dars beradi yoki malaka oshiradi. Grant yashash va yoʻl xarajatlarini qoplaydi.",
            "По межвузовским соглашениям с европейскими университетами студенты проводят один семестр за рубежом, и "
            "их кредиты признаются в родном вузе; сотрудники преподают или стажируются за рубежом от пяти дней до "
            "двух месяцев. Грант покрывает расходы на проживание и проезд.",
        ),
        "eligibility": T(
            "Bachelor and master students from the second year of study with good results and the language level the "
            "host asks for (usually B2); academic and administrative staff within the places of the agreement.",
            "Ikkinchi kursdan boshlab yaxshi oʻzlashtirayotgan va qabul qiluvchi universitet talab qiladigan til "
            "darajasiga (odatda B2) ega bakalavriat va magistratura talabalari; shartnomadagi oʻrinlar doirasida "
            "professor-oʻqituvchilar va maʼmuriy xodimlar.",
            "Студенты бакалавриата и магистратуры со второго курса с хорошей успеваемостью и уровнем языка, который "
            "требует принимающий вуз (обычно B2); преподаватели и административные сотрудники в пределах мест по "
            "соглашению.",
        ),
        "website": "https://erasmus-plus.ec.europa.eu/",
    },
    {
        "slug": "erasmus-mundus",
        "name": T(
            "Erasmus Mundus Joint Masters",
            "Erasmus Mundus qoʻshma magistratura dasturlari",
            "Совместные магистерские программы Erasmus Mundus",
        ),
        "short_name": "Erasmus Mundus",
        "kind": "scholarship",
        "funder": "BE:EACEA",
        "summary": T(
            "Full scholarships for master's programmes taught jointly by consortia of European universities, with "
            "study in at least two countries.",
            "Yevropa universitetlari konsorsiumlari birgalikda oʻqitadigan, kamida ikki mamlakatda tahsil olinadigan "
            "magistratura dasturlari uchun toʻliq stipendiyalar.",
            "Полные стипендии на магистерские программы, которые совместно ведут консорциумы европейских вузов, с "
            "обучением как минимум в двух странах.",
        ),
        "description": T(
            "Students and teachers gain study and research experience at European universities. Graduates apply "
            "directly to a programme's consortium; the scholarship covers tuition, travel and a monthly allowance.",
            "Talabalar va oʻqituvchilar Yevropa universitetlarida oʻqish va ilmiy tadqiqot tajribasini orttiradi. "
            "Bitiruvchilar bevosita dastur konsorsiumiga ariza topshiradi; stipendiya oʻqish toʻlovi, yoʻl "
            "xarajatlari va oylik nafaqani qoplaydi.",
            "Студенты и преподаватели получают опыт обучения и исследований в европейских университетах. Выпускники "
            "подают заявку непосредственно в консорциум программы; стипендия покрывает обучение, проезд и ежемесячное "
            "пособие.",
        ),
        "eligibility": T(
            "Holders of a bachelor's degree, or final-year students, with a good command of English; each programme "
            "sets its own requirements and deadlines, usually between October and January.",
            "Ingliz tilini yaxshi biladigan bakalavr darajasi egalari yoki bitiruvchi kurs talabalari; har bir dastur "
            "oʻz talablari va muddatlarini belgilaydi, odatda oktyabrdan yanvargacha.",
            "Обладатели степени бакалавра или студенты выпускного курса, хорошо владеющие английским языком; каждая "
            "программа устанавливает свои требования и сроки, обычно с октября по январь.",
        ),
        "website": "https://www.eacea.ec.europa.eu/scholarships/erasmus-mundus-catalogue_en",
    },
    {
        "slug": "itec",
        "name": T(
            "Indian Technical and Economic Cooperation Programme (ITEC)",
            "Hindiston texnik va iqtisodiy hamkorlik dasturi (ITEC)",
            "Программа индийского технического и экономического сотрудничества (ITEC)",
        ),
        "short_name": "ITEC",
        "kind": "training",
        "funder": "IN:ITEC",
        "summary": T(
            "Fully funded short courses at Indian institutes for professors, teachers and administrators.",
            "Hindiston institutlarida professor-oʻqituvchilar va maʼmuriy xodimlar uchun toʻliq moliyalashtiriladigan "
            "qisqa muddatli kurslar.",
            "Полностью оплачиваемые краткосрочные курсы в индийских институтах для преподавателей и административных "
            "сотрудников.",
        ),
        "description": T(
            "The Ministry of External Affairs of the Government of India pays for travel, tuition, accommodation and "
            "a living allowance. Courses last from two to twelve weeks and cover engineering, information technology, "
            "management, renewable energy, rural development and English.",
            "Hindiston hukumatining Tashqi ishlar vazirligi yoʻl, oʻqish va turar joy xarajatlarini toʻlaydi hamda "
            "yashash uchun nafaqa beradi. Kurslar ikki haftadan oʻn ikki haftagacha davom etadi va muhandislik, "
            "axborot texnologiyalari, menejment, qayta tiklanuvchi energetika, qishloqlarni rivojlantirish va ingliz "
            "tilini qamrab oladi.",
            "Министерство иностранных дел правительства Индии оплачивает проезд, обучение и проживание и выплачивает "
            "пособие на жизнь. Курсы длятся от двух до двенадцати недель и охватывают инженерное дело, информационные "
            "технологии, менеджмент, возобновляемую энергетику, развитие сельских районов и английский язык.",
        ),
        "eligibility": T(
            "Staff aged 25 to 45 with good English, nominated by the institute; the department forwards nominations "
            "through the Embassy of India in Tashkent.",
            "Ingliz tilini yaxshi biladigan, institut tomonidan tavsiya etilgan 25 yoshdan 45 yoshgacha boʻlgan "
            "xodimlar; boʻlim nomzodlarni Hindistonning Toshkentdagi elchixonasi orqali yuboradi.",
            "Сотрудники в возрасте от 25 до 45 лет с хорошим знанием английского языка, выдвинутые институтом; отдел "
            "направляет кандидатуры через Посольство Индии в Ташкенте.",
        ),
        "website": "https://www.itecgoi.in/",
    },
    {
        "slug": "koica-fellowship",
        "name": T("KOICA Fellowship Programme", "KOICA stipendiya dasturi", "Стипендиальная программа KOICA"),
        "short_name": "KOICA",
        "kind": "training",
        "funder": "KR:KOICA",
        "summary": T(
            "Short training courses and master's scholarships in the Republic of Korea for public-sector and "
            "university staff, paid by the Korea International Cooperation Agency.",
            "Koreya xalqaro hamkorlik agentligi hisobidan davlat sektori va universitet xodimlari uchun Koreya "
            "Respublikasida qisqa muddatli oʻquv kurslari va magistratura stipendiyalari.",
            "Краткосрочные учебные курсы и магистерские стипендии в Республике Корея для сотрудников госсектора и "
            "вузов за счёт Корейского агентства международного сотрудничества.",
        ),
        "description": T(
            "Courses of two to four weeks on digital government, energy, industrial policy and higher education "
            "management, and one- or two-year master's programmes at Korean universities.",
            "Raqamli hukumat, energetika, sanoat siyosati va oliy taʼlimni boshqarish boʻyicha ikki-toʻrt haftalik "
            "kurslar hamda Koreya universitetlarida bir yoki ikki yillik magistratura dasturlari.",
            "Курсы продолжительностью от двух до четырёх недель по цифровому правительству, энергетике, промышленной "
            "политике и управлению высшим образованием, а также одно- и двухлетние магистерские программы в корейских "
            "университетах.",
        ),
        "eligibility": T(
            "Staff with at least two years of work at the institute and good English, nominated through the KOICA "
            "office in Tashkent.",
            "Institutda kamida ikki yil ishlagan, ingliz tilini yaxshi biladigan va KOICAning Toshkentdagi "
            "vakolatxonasi orqali tavsiya etilgan xodimlar.",
            "Сотрудники, проработавшие в институте не менее двух лет и хорошо владеющие английским языком, выдвинутые "
            "через представительство KOICA в Ташкенте.",
        ),
        "website": "https://www.koica.go.kr/",
    },
    {
        "slug": "koica-volunteers",
        "name": T(
            "World Friends Korea: KOICA volunteers",
            "World Friends Korea: KOICA koʻngillilari",
            "World Friends Korea: волонтёры KOICA",
        ),
        "short_name": "WFK",  # World Friends Korea's own abbreviation, the same in every language
        "kind": "volunteering",
        "funder": "KR:KOICA",
        "summary": T(
            "Korean teachers and experts who work at the institute for one or two years, teaching Korean, IT and "
            "engineering subjects.",
            "Institutda bir-ikki yil davomida koreys tili, axborot texnologiyalari va muhandislik fanlaridan dars "
            "beradigan koreyalik oʻqituvchi va mutaxassislar.",
            "Корейские преподаватели и специалисты, которые один-два года работают в институте и преподают корейский "
            "язык, ИТ и инженерные дисциплины.",
        ),
        "description": T(
            "The most active cooperation in attracting foreign teachers is with KOICA: its volunteers join the "
            "teaching staff and run clubs and language courses for students.",
            "Xorijiy oʻqituvchilarni jalb qilishda eng faol hamkorlik KOICA bilan olib boriladi: uning koʻngillilari "
            "professor-oʻqituvchilar tarkibiga qoʻshiladi hamda talabalar uchun toʻgaraklar va til kurslarini olib "
            "boradi.",
            "Наиболее активно сотрудничество по привлечению зарубежных преподавателей ведётся с KOICA: её волонтёры "
            "входят в преподавательский состав и ведут для студентов кружки и языковые курсы.",
        ),
        "eligibility": T(
            "The institute requests volunteers from KOICA; students need no application.",
            "Institut KOICAdan koʻngillilar soʻraydi; talabalardan ariza talab qilinmaydi.",
            "Институт запрашивает волонтёров у KOICA; студентам подавать заявку не нужно.",
        ),
        "website": "https://www.koica.go.kr/",
    },
    {
        "slug": "jica-knowledge-co-creation",
        "name": T(
            "JICA Knowledge Co-Creation Program",
            "JICA bilimlarni birgalikda yaratish dasturi",
            "Программа JICA «Совместное создание знаний»",
        ),
        "short_name": "JICA",
        "kind": "training",
        "funder": "JP:JICA",
        "summary": T(
            "Group training courses in Japan on engineering, water management, energy and public administration, "
            "organised by the Japan International Cooperation Agency.",
            "Yaponiya xalqaro hamkorlik agentligi tashkil etadigan muhandislik, suv resurslarini boshqarish, "
            "energetika va davlat boshqaruvi boʻyicha Yaponiyadagi guruh oʻquv kurslari.",
            "Групповые учебные курсы в Японии по инженерии, управлению водными ресурсами, энергетике и "
            "государственному управлению, которые организует Японское агентство международного сотрудничества.",
        ),
        "description": T(
            "Courses of three weeks to three months at Japanese universities and agencies; JICA pays for travel, "
            "accommodation and the course.",
            "Yaponiya universitetlari va idoralarida uch haftadan uch oygacha davom etadigan kurslar; yoʻl, turar joy "
            "va kurs xarajatlarini JICA toʻlaydi.",
            "Курсы продолжительностью от трёх недель до трёх месяцев в японских университетах и ведомствах; JICA "
            "оплачивает проезд, проживание и обучение.",
        ),
        "eligibility": T(
            "Staff working in the course's field, with good English, nominated through the JICA office in Tashkent.",
            "Kurs sohasida ishlaydigan, ingliz tilini yaxshi biladigan va JICAning Toshkentdagi vakolatxonasi orqali "
            "tavsiya etilgan xodimlar.",
            "Сотрудники, работающие в области курса, с хорошим знанием английского языка, выдвинутые через "
            "представительство JICA в Ташкенте.",
        ),
        "website": "https://www.jica.go.jp/english/",
    },
    {
        "slug": "fulbright-visiting-scholar",
        "name": T(
            "Fulbright Visiting Scholar Program",
            "Fulbright tashrif buyuruvchi olimlar dasturi",
            "Программа Fulbright для приглашённых исследователей",
        ),
        "short_name": "Fulbright",
        "kind": "research",
        "funder": "US:Fulbright",
        "summary": T(
            "Research and lecturing stays of three to nine months at universities in the United States for scholars "
            "and professionals.",
            "Olimlar va mutaxassislar uchun Amerika Qoʻshma Shtatlari universitetlarida uch oydan toʻqqiz oygacha "
            "ilmiy-tadqiqot va maʼruza faoliyati.",
            "Научные и преподавательские стажировки продолжительностью от трёх до девяти месяцев в университетах США "
            "для учёных и специалистов.",
        ),
        "description": T(
            "The programme pays for travel, a monthly stipend and health insurance; scholars propose their own "
            "research project and host.",
            "Dastur yoʻl xarajatlari, oylik stipendiya va tibbiy sugʻurtani toʻlaydi; olimlar oʻz ilmiy loyihasini va "
            "qabul qiluvchi muassasani oʻzlari taklif qiladi.",
            "Программа оплачивает проезд, ежемесячную стипендию и медицинскую страховку; исследователи сами "
            "предлагают научный проект и принимающую организацию.",
        ),
        "eligibility": T(
            "A doctoral degree (PhD or DSc) or equivalent professional experience, fluent English and a research "
            "proposal; applications go to the U.S. Embassy in Tashkent.",
            "Doktorlik darajasi (PhD yoki DSc) yoki unga tenglashtirilgan kasbiy tajriba, ingliz tilini erkin bilish "
            "va ilmiy loyiha taklifi; arizalar AQShning Toshkentdagi elchixonasiga topshiriladi.",
            "Учёная степень (PhD или DSc) или равноценный профессиональный опыт, свободное владение английским языком "
            "и проект исследования; заявки подаются в Посольство США в Ташкенте.",
        ),
        "website": "https://uz.usembassy.gov/",
    },
    {
        "slug": "el-yurt-umidi",
        "name": T(
            "El-Yurt Umidi Foundation scholarships",
            "«El-yurt umidi» jamgʻarmasi stipendiyalari",
            "Стипендии фонда «Эл-юрт умиди»",
        ),
        "short_name": "El-Yurt Umidi",
        "kind": "scholarship",
        "funder": "UZ:El-Yurt Umidi",
        "summary": T(
            "State scholarships for master's and doctoral study, research internships and professional training at "
            "leading foreign universities.",
            "Yetakchi xorijiy universitetlarda magistratura va doktorantura, ilmiy stajirovka va malaka oshirish uchun "
            "davlat stipendiyalari.",
            "Государственные стипендии на обучение в магистратуре и докторантуре, научные стажировки и повышение "
            "квалификации в ведущих зарубежных вузах.",
        ),
        "description": T(
            "The foundation under the Cabinet of Ministers pays tuition, travel and living costs; graduates return to "
            "work in Uzbekistan. The department recommends the institute's candidates to the foundation.",
            "Vazirlar Mahkamasi huzuridagi jamgʻarma oʻqish, yoʻl va yashash xarajatlarini toʻlaydi; bitiruvchilar "
            "Oʻzbekistonga qaytib ishlaydi. Boʻlim institut nomzodlarini jamgʻarmaga tavsiya etadi.",
            "Фонд при Кабинете Министров оплачивает обучение, проезд и проживание; выпускники возвращаются работать в "
            "Узбекистан. Отдел рекомендует фонду кандидатов от института.",
        ),
        "eligibility": T(
            "Citizens of Uzbekistan with an offer from a university in the foundation's list and a language "
            "certificate (IELTS 6.0 or its equivalent for most programmes).",
            "Jamgʻarma roʻyxatidagi universitetdan taklif olgan va til sertifikatiga (aksariyat dasturlar uchun IELTS "
            "6.0 yoki unga tenglashtirilgan) ega Oʻzbekiston fuqarolari.",
            "Граждане Узбекистана, получившие приглашение от университета из списка фонда и имеющие языковой "
            "сертификат (для большинства программ IELTS 6.0 или равноценный).",
        ),
        "website": "https://eyuf.uz/",
    },
    {
        "slug": "british-council-going-global",
        "name": T(
            "British Council Going Global Partnerships",
            "British Council «Going Global Partnerships» dasturi",
            "Программа British Council «Going Global Partnerships»",
        ),
        "short_name": "Going Global",
        "kind": "capacity",
        "funder": "GB:British Council",
        "summary": T(
            "Grants for partnerships between UK universities and universities in Uzbekistan on teaching quality, "
            "English-medium instruction and research.",
            "Buyuk Britaniya va Oʻzbekiston universitetlari oʻrtasida taʼlim sifati, ingliz tilida oʻqitish va ilmiy "
            "tadqiqotlar boʻyicha hamkorlik uchun grantlar.",
            "Гранты на партнёрства британских и узбекистанских вузов в области качества обучения, преподавания на "
            "английском языке и научных исследований.",
        ),
        "description": T(
            "Small grants for joint projects of one or two years, workshops with British universities and training "
            "for teachers who teach in English.",
            "Bir yoki ikki yillik qoʻshma loyihalar uchun kichik grantlar, Britaniya universitetlari bilan seminarlar "
            "va ingliz tilida dars beradigan oʻqituvchilar uchun treninglar.",
            "Небольшие гранты на совместные проекты продолжительностью один-два года, семинары с британскими "
            "университетами и обучение преподавателей, которые ведут занятия на английском языке.",
        ),
        "eligibility": T(
            "Universities apply together with a UK partner in answer to the British Council's call.",
            "Universitetlar British Council tanloviga Buyuk Britaniyadagi hamkori bilan birgalikda ariza topshiradi.",
            "Университеты подают заявку на конкурс British Council вместе с британским партнёром.",
        ),
        "website": "https://www.britishcouncil.uz/en",
    },
    {
        "slug": "undp-projects",
        "name": T("UNDP projects in Uzbekistan", "BMTTDning Oʻzbekistondagi loyihalari", "Проекты ПРООН в Узбекистане"),
        "short_name": "UNDP",
        "kind": "capacity",
        "funder": "US:UNDP",
        "summary": T(
            "Joint projects with the United Nations Development Programme on green energy, climate adaptation and "
            "youth innovation, with internships for students.",
            "Birlashgan Millatlar Tashkilotining Taraqqiyot dasturi bilan yashil energetika, iqlim oʻzgarishiga "
            "moslashish va yoshlar innovatsiyalari boʻyicha qoʻshma loyihalar hamda talabalar uchun amaliyot.",
            "Совместные проекты с Программой развития ООН в области зелёной энергетики, адаптации к изменению "
            "климата и молодёжных инноваций, а также стажировки для студентов.",
        ),
        "description": T(
            "Representatives of the institute take part in UNDP trainings, workshops and pilot projects; students do "
            "internships in its projects.",
            "Institut vakillari BMTTDning treninglari, seminarlari va pilot loyihalarida ishtirok etadi; talabalar "
            "uning loyihalarida amaliyot oʻtaydi.",
            "Представители института участвуют в тренингах, семинарах и пилотных проектах ПРООН; студенты проходят "
            "стажировки в её проектах.",
        ),
        "eligibility": T(
            "Staff and students of the faculties working in the project's field.",
            "Loyiha sohasida ishlaydigan fakultetlarning xodimlari va talabalari.",
            "Сотрудники и студенты факультетов, работающих в области проекта.",
        ),
        "website": "https://www.undp.org/uzbekistan",
    },
    {
        "slug": "china-education-internships",
        "name": T(
            "Internships in China under the 1999 agreement",
            "1999-yilgi bitim asosida Xitoyda stajirovka",
            "Стажировки в Китае по соглашению 1999 года",
        ),
        "short_name": "",  # no official one; an English label would show untranslated in uz and ru
        "kind": "scholarship",
        "funder": "CN:MOE China",
        "summary": T(
            "Internships at Chinese universities for students, candidates of science and young specialists under the "
            "intergovernmental agreement of 8 November 1999.",
            "1999-yil 8-noyabrdagi hukumatlararo bitim asosida talabalar, fan nomzodlari va yosh mutaxassislar uchun "
            "Xitoy universitetlarida stajirovka.",
            "Стажировки в китайских вузах для студентов, кандидатов наук и молодых специалистов по "
            "межправительственному соглашению от 8 ноября 1999 года.",
        ),
        "description": T(
            "Under the agreement on cooperation in the field of education between the Ministry of Higher and "
            "Secondary Special Education of Uzbekistan and the Ministry of Education of the People's Republic of "
            "China, 40 students, candidates of science and young specialists from Uzbek universities do internships "
            "at Chinese universities every year.",
            "Oʻzbekiston Oliy va oʻrta maxsus taʼlim vazirligi va Xitoy Xalq Respublikasi Taʼlim vazirligi oʻrtasida "
            "taʼlim sohasida hamkorlik toʻgʻrisidagi bitim asosida har yili Oʻzbekiston oliy taʼlim muassasalarining "
            "40 nafar talabasi, fan nomzodlari va yosh mutaxassislari Xitoy universitetlarida stajirovka oʻtaydi.",
            "По соглашению о сотрудничестве в области образования между Министерством высшего и среднего специального "
            "образования Узбекистана и Министерством образования Китайской Народной Республики 40 студентов, "
            "кандидатов наук и молодых специалистов из вузов Узбекистана ежегодно проходят стажировки в китайских "
            "университетах.",
        ),
        "eligibility": T(
            "Students, young researchers and specialists recommended by their university; Chinese or English at the "
            "level the host asks for.",
            "Oʻz universiteti tavsiya etgan talabalar, yosh tadqiqotchilar va mutaxassislar; qabul qiluvchi "
            "universitet talab qiladigan darajada xitoy yoki ingliz tilini bilish.",
            "Студенты, молодые исследователи и специалисты, рекомендованные своим вузом; китайский или английский "
            "язык на уровне, который требует принимающий вуз.",
        ),
        "website": "http://en.moe.gov.cn/",
    },
    {
        "slug": "bilateral-exchange",
        "name": T(
            "Bilateral exchange with partner universities",
            "Hamkor universitetlar bilan ikki tomonlama almashinuv",
            "Двусторонний обмен с вузами-партнёрами",
        ),
        "short_name": "",  # no official one; the translated name is used
        "kind": "mobility",
        "funder": None,
        "summary": T(
            "Semester and short-term exchanges under the institute's own agreements: no tuition fees at the host, "
            "places fixed in each agreement.",
            "Institutning oʻz shartnomalari asosidagi semestrlik va qisqa muddatli almashinuvlar: qabul qiluvchi "
            "universitetda kontrakt toʻlovi olinmaydi, oʻrinlar soni har bir shartnomada belgilangan.",
            "Семестровые и краткосрочные обмены по собственным соглашениям института: без платы за обучение в "
            "принимающем вузе, число мест определено в каждом соглашении.",
        ),
        "description": T(
            "Students keep their place and scholarship at home and study one semester, a summer school or the final "
            "year of a dual-degree programme at a partner university; credits are recognised on return.",
            "Talabalar oʻz universitetidagi oʻrni va stipendiyasini saqlagan holda hamkor universitetda bir semestr, "
            "yozgi maktabda yoki qoʻsh diplomli dasturning soʻnggi yilida tahsil oladi; qaytgach, kreditlari tan "
            "olinadi.",
            "Студенты сохраняют место и стипендию в родном вузе и учатся в вузе-партнёре один семестр, в летней школе "
            "или последний год программы двойного диплома; по возвращении кредиты признаются.",
        ),
        "eligibility": T(
            "Students from the second year with a GPA of at least 4.0 out of 5 and the language level the host asks "
            "for.",
            "Ikkinchi kursdan boshlab oʻrtacha bali (GPA) 5 dan kamida 4,0 boʻlgan va qabul qiluvchi universitet "
            "talab qiladigan til darajasiga ega talabalar.",
            "Студенты со второго курса со средним баллом (GPA) не ниже 4,0 из 5 и уровнем языка, который требует "
            "принимающий вуз.",
        ),
        "website": "",
    },
]

# Six Erasmus+ CBHE projects. Acronyms, titles and numbers are invented in the EU's format.
PROJECTS = [
    {
        "acronym": "ENERCA",
        "title": T(
            "Renewable energy engineering curricula for Central Asian universities",
            "Markaziy Osiyo universitetlari uchun qayta tiklanuvchi energetika muhandisligi oʻquv dasturlari",
            "Учебные программы по инженерии возобновляемой энергетики для университетов Центральной Азии",
        ),
        "reference_number": "586012-EPP-1-2017-1-PL-EPPKA2-CBHE-JP",
        "our_role": "partner",
        "start_date": _d("2017-10-15"),
        "end_date": _d("2021-01-14"),
        "budget_eur": "987450.00",
        "our_budget_eur": "74200.00",
        "summary": T(
            "Developed a bachelor's module and a master's specialisation in solar and wind energy engineering, "
            "trained 24 teachers at European partner universities and equipped a renewable energy laboratory at each "
            "Central Asian partner.",
            "Quyosh va shamol energetikasi muhandisligi boʻyicha bakalavriat moduli va magistratura mutaxassisligi "
            "ishlab chiqildi, Yevropa hamkor universitetlarida 24 nafar oʻqituvchi malaka oshirdi, Markaziy Osiyodagi "
            "har bir hamkorda qayta tiklanuvchi energetika laboratoriyasi jihozlandi.",
            "Разработаны модуль бакалавриата и магистерская специализация по солнечной и ветровой энергетике, 24 "
            "преподавателя прошли обучение в европейских вузах-партнёрах, у каждого партнёра в Центральной Азии "
            "оснащена лаборатория возобновляемой энергетики.",
        ),
        "members": [
            ("PL:WUT", "coordinator"),
            ("LV:RTU", "partner"),
            ("ES:UPV", "partner"),
            ("KZ:KazNU", "partner"),
            ("UZ:TSTU", "partner"),
            ("UZ:SamSU", "partner"),
        ],
    },
    {
        "acronym": "DIGIMAN",
        "title": T(
            "Digital manufacturing and Industry 4.0 in engineering education",
            "Muhandislik taʼlimida raqamli ishlab chiqarish va Sanoat 4.0",
            "Цифровое производство и Индустрия 4.0 в инженерном образовании",
        ),
        "reference_number": "598415-EPP-1-2018-1-LT-EPPKA2-CBHE-JP",
        "our_role": "partner",
        "start_date": _d("2018-11-15"),
        "end_date": _d("2022-05-14"),
        "budget_eur": "912300.00",
        "our_budget_eur": "68500.00",
        "summary": T(
            "Introduced courses on CAD/CAM, additive manufacturing and industrial automation, opened a digital "
            "manufacturing laboratory and ran internships of engineering students at industrial partners.",
            "CAD/CAM, additiv ishlab chiqarish va sanoatni avtomatlashtirish boʻyicha kurslar joriy etildi, raqamli "
            "ishlab chiqarish laboratoriyasi ochildi, muhandislik yoʻnalishi talabalari sanoat hamkorlarida amaliyot "
            "oʻtadi.",
            "Введены курсы по CAD/CAM, аддитивному производству и промышленной автоматизации, открыта лаборатория "
            "цифрового производства, студенты инженерных направлений прошли стажировки у промышленных партнёров.",
        ),
        "members": [
            ("LT:KTU", "coordinator"),
            ("IT:POLITO", "partner"),
            ("DE:TUD", "partner"),
            ("KZ:SU", "partner"),
            ("UZ:TSTU", "partner"),
            ("UZ:TTPU", "partner"),
        ],
    },
    {
        "acronym": "AQUASMART",
        "title": T(
            "Smart water management for irrigated agriculture in Central Asia",
            "Markaziy Osiyoda sugʻoriladigan dehqonchilik uchun suv resurslarini aqlli boshqarish",
            "Интеллектуальное управление водными ресурсами для орошаемого земледелия в Центральной Азии",
        ),
        "reference_number": "610245-EPP-1-2019-1-IT-EPPKA2-CBHE-JP",
        "our_role": "partner",
        "start_date": _d("2019-11-15"),
        "end_date": _d("2023-05-14"),
        "budget_eur": "998700.00",
        "our_budget_eur": "81000.00",
        "summary": T(
            "Built a master's programme in water resources management with remote sensing and sensor networks for "
            "irrigation, and a shared e-learning platform for the partner universities.",
            "Sugʻorishda masofaviy zondlash va sensor tarmoqlaridan foydalanadigan suv resurslarini boshqarish "
            "boʻyicha magistratura dasturi hamda hamkor universitetlar uchun umumiy elektron taʼlim platformasi "
            "yaratildi.",
            "Создана магистерская программа по управлению водными ресурсами с применением дистанционного зондирования "
            "и сенсорных сетей для орошения, а также общая платформа электронного обучения для вузов-партнёров.",
        ),
        "members": [
            ("IT:UNIBO", "coordinator"),
            ("HU:MATE", "partner"),
            ("LV:LBTU", "partner"),
            ("ES:UPV", "partner"),
            ("UZ:TIIAME NRU", "partner"),
            ("UZ:SamSU", "partner"),
        ],
    },
    {
        "acronym": "BIMCA",
        "title": T(
            "Building information modelling in civil engineering curricula",
            "Qurilish muhandisligi oʻquv dasturlarida binolarni axborot modellashtirish (BIM)",
            "Информационное моделирование зданий (BIM) в учебных программах по строительству",
        ),
        "reference_number": "617901-EPP-1-2020-1-ES-EPPKA2-CBHE-JP",
        "our_role": "partner",
        "start_date": _d("2021-01-15"),
        "end_date": _d("2024-01-14"),
        "budget_eur": "879980.00",
        "our_budget_eur": "72640.00",
        "summary": T(
            "Brought building information modelling into the civil engineering bachelor's programmes, trained "
            "teachers in Valencia, Vilnius and Gdańsk and set up a BIM centre that serves regional construction firms.",
            "Binolarni axborot modellashtirish qurilish muhandisligi bakalavriat dasturlariga kiritildi, "
            "oʻqituvchilar Valensiya, Vilnyus va Gdanskda malaka oshirdi, mintaqadagi qurilish firmalariga xizmat "
            "koʻrsatadigan BIM markazi tashkil etildi.",
            "Информационное моделирование зданий включено в программы бакалавриата по строительству, преподаватели "
            "прошли обучение в Валенсии, Вильнюсе и Гданьске, создан BIM-центр, который обслуживает строительные "
            "компании региона.",
        ),
        "members": [
            ("ES:UPV", "coordinator"),
            ("LT:VILNIUS TECH", "partner"),
            ("PL:GUT", "partner"),
            ("UZ:TSTU", "partner"),
            ("UZ:TUIT", "partner"),
        ],
    },
    {
        "acronym": "GREEN-UNI",
        "title": T(
            "Green campuses: sustainability offices and curricula in Uzbek universities",
            "Yashil kampuslar: Oʻzbekiston universitetlarida barqaror rivojlanish ofislari va oʻquv dasturlari",
            "Зелёные кампусы: офисы устойчивого развития и учебные программы в вузах Узбекистана",
        ),
        "reference_number": "101128374-ERASMUS-EDU-2023-CBHE-STRAND-2",
        "our_role": "partner",
        "start_date": _d("2024-01-01"),
        "end_date": _d("2026-12-31"),
        "budget_eur": "794000.00",
        "our_budget_eur": "96300.00",
        "summary": T(
            "Sets up sustainability offices, energy monitoring of campus buildings and elective courses on "
            "sustainable development; the institute's work in it supports its UI GreenMetric results.",
            "Barqaror rivojlanish ofislari, kampus binolarining energiya monitoringi va barqaror rivojlanish boʻyicha "
            "tanlov fanlari yoʻlga qoʻyiladi; institutning loyihadagi ishi uning UI GreenMetric natijalarini "
            "qoʻllab-quvvatlaydi.",
            "Создаются офисы устойчивого развития, энергомониторинг зданий кампуса и элективные курсы по устойчивому "
            "развитию; работа института в проекте поддерживает его результаты в UI GreenMetric.",
        ),
        "members": [
            ("HU:BME", "coordinator"),
            ("BE:UGENT", "partner"),
            ("LV:RTU", "partner"),
            ("UZ:SamSU", "partner"),
            ("UZ:TIIAME NRU", "partner"),
        ],
    },
    {
        "acronym": "QAENG",
        "title": T(
            "Quality assurance and accreditation of engineering programmes in Uzbekistan",
            "Oʻzbekistonda muhandislik taʼlim dasturlari sifatini taʼminlash va ularni akkreditatsiya qilish",
            "Обеспечение качества и аккредитация инженерных программ в Узбекистане",
        ),
        "reference_number": "101179053-ERASMUS-EDU-2024-CBHE-STRAND-2",
        "our_role": "coordinator",
        "start_date": _d("2025-01-01"),
        "end_date": _d("2027-12-31"),
        "budget_eur": "798520.00",
        "our_budget_eur": "186900.00",
        "summary": T(
            "Coordinated by the institute: aligns engineering programmes with the European standards for "
            "accreditation, trains quality assurance staff and pilots the international accreditation of three "
            "programmes.",
            "Loyihani institut muvofiqlashtiradi: muhandislik taʼlim dasturlari akkreditatsiyaning Yevropa "
            "standartlariga moslashtiriladi, sifatni taʼminlash xodimlari oʻqitiladi va uchta dastur sinov tariqasida "
            "xalqaro akkreditatsiyadan oʻtkaziladi.",
            "Координатор проекта — институт: инженерные программы приводятся в соответствие с европейскими "
            "стандартами аккредитации, обучаются сотрудники службы обеспечения качества, три программы проходят "
            "пилотную международную аккредитацию.",
        ),
        "members": [
            ("LT:KTU", "partner"),
            ("IT:POLITO", "partner"),
            ("PL:AGH", "partner"),
            ("UZ:TSTU", "partner"),
            ("UZ:TTPU", "partner"),
            ("UZ:TUIT", "associated"),
        ],
    },
]

JOINT_PROGRAMMES = [
    {
        "slug": "bspu-3-plus-1-vocational-education",
        "name": T(
            "Vocational education in engineering",
            "Kasb taʼlimi (muhandislik yoʻnalishlari)",
            "Профессиональное образование (инженерные направления)",
        ),
        "field_of_study": T("Vocational pedagogy", "Kasbiy pedagogika", "Профессиональная педагогика"),
        "years_home": 3,
        "years_partner": 1,
        "started_in": 2021,
        "description": T(
            "Students study the first three years at Jizzakh State Pedagogical University and the final year at "
            "Belarusian State Pedagogical University in Minsk, and receive the diplomas of both universities.",
            "Talabalar dastlabki uch yil Jizzax davlat pedagogika universitetida, soʻnggi yilni esa Minskdagi Belarus "
            "davlat pedagogika universitetida tahsil oladi va ikkala universitet diplomini oladi.",
            "Студенты учатся первые три года в Джизакском государственном педагогическом университете, а последний "
            "год — в Белорусском государственном педагогическом университете в Минске и получают дипломы обоих "
            "университетов.",
        ),
    },
    {
        "slug": "bspu-2-plus-2-pedagogy-and-psychology",
        "name": T("Pedagogy and psychology", "Pedagogika va psixologiya", "Педагогика и психология"),
        "field_of_study": T("Pedagogy", "Pedagogika", "Педагогика"),
        "years_home": 2,
        "years_partner": 2,
        "started_in": 2022,
        "description": T(
            "Two years at the university and two years at Belarusian State Pedagogical University under a curriculum "
            "agreed by both universities; graduates receive two bachelor's diplomas.",
            "Ikki yil oʻz universitetimizda va ikki yil Belarus davlat pedagogika universitetida ikkala universitet "
            "kelishgan oʻquv reja asosida tahsil; bitiruvchilar ikkita bakalavr diplomini oladi.",
            "Два года в своём университете и два года в Белорусском государственном педагогическом университете по "
            "учебному плану, согласованному обоими университетами; выпускники получают два диплома бакалавра.",
        ),
    },
]

DOCUMENT_TYPES = [
    (
        "transcript",
        T("Academic transcript", "Akademik maʼlumotnoma (transkript)", "Академическая справка (транскрипт)"),
        T(
            "Grades for all completed semesters, signed by the dean's office.",
            "Dekanat imzolagan, barcha yakunlangan semestrlar boʻyicha baholar.",
            "Оценки за все завершённые семестры, подписанные деканатом.",
        ),
    ),
    (
        "language-certificate",
        T("Language certificate", "Til bilish sertifikati", "Сертификат о знании языка"),
        T(
            "IELTS, TOEFL iBT, Duolingo, a CEFR certificate, TOPIK or HSK, as the call asks.",
            "Tanlov talabiga koʻra IELTS, TOEFL iBT, Duolingo, CEFR sertifikati, TOPIK yoki HSK.",
            "IELTS, TOEFL iBT, Duolingo, сертификат CEFR, TOPIK или HSK — в зависимости от требований конкурса.",
        ),
    ),
    (
        "passport-copy",
        T("Passport copy", "Pasport nusxasi", "Копия паспорта"),
        T(
            "The page with your photo; the passport must be valid for the whole stay abroad.",
            "Fotosurat joylashgan sahifa; pasport xorijda boʻlishning butun muddati davomida amal qilishi kerak.",
            "Страница с фотографией; паспорт должен действовать весь срок пребывания за рубежом.",
        ),
    ),
    (
        "motivation-letter",
        T("Motivation letter", "Motivatsion xat", "Мотивационное письмо"),
        T(
            "One page: why this host and how the stay fits your studies.",
            "Bir sahifa: nega aynan shu universitet va safar oʻqishingizga qanday mos keladi.",
            "Одна страница: почему именно этот вуз и как поездка связана с вашей учёбой.",
        ),
    ),
    (
        "recommendation-letter",
        T("Recommendation letter", "Tavsiyanoma", "Рекомендательное письмо"),
        T(
            "From a professor or your head of department.",
            "Professor yoki kafedra mudiridan.",
            "От преподавателя или заведующего кафедрой.",
        ),
    ),
    (
        "cv",
        T("Curriculum vitae", "Tarjimai hol (CV)", "Резюме (CV)"),
        T(
            "Education, work, publications and languages, at most two pages.",
            "Taʼlim, ish tajribasi, nashrlar va tillar, koʻpi bilan ikki sahifa.",
            "Образование, опыт работы, публикации и языки, не более двух страниц.",
        ),
    ),
]

ITEC_COURSES = [
    "Advanced Course on Renewable Energy Technologies",
    "Cyber Security and Digital Forensics",
    "English Language Proficiency for Teachers",
    "Project Management in Higher Education",
    "Data Analytics with Python",
    "Water Resources Management",
    "Entrepreneurship Development for Technical Institutions",
    "Teaching Methodologies for Engineering Education",
    "Geographic Information Systems and Remote Sensing",
    "Artificial Intelligence and Machine Learning",
    "Quality Assurance in Technical Education",
    "Sustainable Construction Materials",
]

# Visits -----------------------------------------------------------------------------------------------------------

SHANDONG_VISIT = {
    "slug": "2024-12-03-shandong-jianshu-university-delegation",
    "partner": "CN:SDJZU",
    "direction": "incoming",
    "start_date": _d("2024-12-03"),
    "end_date": None,
    "city": "Tashkent",
    "title": T(
        "Delegation of Shandong Jianshu University visits the institute",
        "Shandun Jianshu universiteti delegatsiyasi institutga tashrif buyurdi",
        "Делегация Шаньдунского университета Цзяньшу посетила институт",
    ),
    "purpose": T(
        "Development of international cooperation and new scientific and innovative projects",
        "Xalqaro hamkorlikni rivojlantirish va yangi ilmiy-innovatsion loyihalarni amalga oshirish",
        "Развитие международного сотрудничества и реализация новых научных и инновационных проектов",
    ),
    "summary": T(
        "On 3 December 2024 the rector received a delegation from Shandong Jianshu University (China); the two "
        "universities signed their memorandum of understanding in an updated form.",
        "2024-yil 3-dekabr kuni rektor Xitoyning Shandun Jianshu universiteti delegatsiyasini qabul qildi; ikki "
        "universitet oʻrtasidagi oʻzaro anglashuv memorandumi yangilangan tahrirda imzolandi.",
        "3 декабря 2024 года ректор принял делегацию Шаньдунского университета Цзяньшу (Китай); университеты "
        "подписали меморандум о взаимопонимании в обновлённой редакции.",
    ),
    "story": T(
        "On 3 December 2024 the rector of the institute received a delegation from Shandong Jianshu University of the "
        "People's Republic of China. The meeting was devoted to the development of international cooperation between "
        "the two universities and to new scientific and innovative projects.\n\n"
        "The delegation was headed by the General Director of the university and included the Director of the "
        "General Administration, the Director of the Social Sciences Research Department, the Secretary of the School "
        "of Civil Engineering and the Director of the International Exchange and Cooperation Department.\n\n"
        "The institute was represented by the rector, the vice-rector for scientific affairs and innovations, the "
        "heads of the Department of Enterprises and Industrial Sectors, the Department of Internationalisation and "
        "Transformation and the Department of Biotechnology, and a professor of biotechnology.\n\n"
        "The sides discussed how to widen the scientific ties between the universities: student and faculty "
        "exchange, joint master's and doctoral programmes, joint research and innovative projects, and joint "
        "research on modern problems in the social and technical spheres.\n\n"
        "At the end of the meeting the memorandum of understanding between the two universities was signed in an "
        "updated form. It opens a new stage of cooperation and lays a solid foundation for future joint projects.",
        "2024-yil 3-dekabr kuni institut rektori Xitoy Xalq Respublikasining Shandun Jianshu universiteti "
        "delegatsiyasini qabul qildi. Uchrashuv ikki universitet oʻrtasidagi xalqaro hamkorlikni rivojlantirish va "
        "yangi ilmiy-innovatsion loyihalarni amalga oshirishga bagʻishlandi.\n\n"
        "Delegatsiyaga universitetning bosh direktori rahbarlik qildi, uning tarkibida bosh maʼmuriyat direktori, "
        "ijtimoiy fanlar tadqiqotlari boʻlimi direktori, qurilish muhandisligi maktabi kotibi hamda xalqaro "
        "almashinuv va hamkorlik boʻlimi direktori bor edi.\n\n"
        "Institut nomidan rektor, ilmiy ishlar va innovatsiyalar boʻyicha prorektor, korxonalar va sanoat tarmoqlari "
        "bilan ishlash boʻlimi, xalqarolashtirish va transformatsiya boʻlimi boshliqlari, biotexnologiya kafedrasi "
        "mudiri hamda ushbu kafedra professori ishtirok etdi.\n\n"
        "Tomonlar universitetlar oʻrtasidagi ilmiy aloqalarni kengaytirish yoʻllarini muhokama qildi: talabalar va "
        "professor-oʻqituvchilar almashinuvi, magistratura va doktorantura darajasidagi qoʻshma taʼlim dasturlari, "
        "qoʻshma ilmiy-tadqiqot va innovatsion loyihalar, ijtimoiy va texnik sohalardagi zamonaviy muammolarni hal "
        "etishga qaratilgan qoʻshma tadqiqotlar.\n\n"
        "Uchrashuv yakunida ikki universitet oʻrtasidagi oʻzaro anglashuv memorandumi yangilangan tahrirda "
        "imzolandi. U hamkorlikda yangi bosqichni boshlab, kelgusidagi qoʻshma loyihalar uchun mustahkam poydevor "
        "yaratadi.",
        "3 декабря 2024 года ректор института принял делегацию Шаньдунского университета Цзяньшу Китайской Народной "
        "Республики. Встреча была посвящена развитию международного сотрудничества двух университетов и реализации "
        "новых научных и инновационных проектов.\n\n"
        "Делегацию возглавлял генеральный директор университета; в её состав вошли директор общей администрации, "
        "директор отдела исследований в области общественных наук, секретарь Школы гражданского строительства и "
        "директор отдела международного обмена и сотрудничества.\n\n"
        "Институт представляли ректор, проректор по научной работе и инновациям, начальники отдела по работе с "
        "предприятиями и отраслями промышленности и отдела интернационализации и трансформации, заведующий кафедрой "
        "биотехнологии и профессор этой кафедры.\n\n"
        "Стороны обсудили пути расширения научных связей между университетами: обмен студентами и преподавателями, "
        "совместные образовательные программы магистратуры и докторантуры, совместные научные и инновационные "
        "проекты, совместные исследования современных проблем социальной и технической сфер.\n\n"
        "В завершение встречи меморандум о взаимопонимании между двумя университетами был подписан в обновлённой "
        "редакции. Он открывает новый этап сотрудничества и закладывает прочную основу для будущих совместных "
        "проектов.",
    ),
    "topics": T(
        "Student and faculty exchange programmes\n"
        "Joint educational programmes at master's and doctoral level\n"
        "Joint scientific research and innovative projects\n"
        "Joint research on modern problems in the social and technical spheres",
        "Talabalar va professor-oʻqituvchilar almashinuvi dasturlari\n"
        "Magistratura va doktorantura darajasidagi qoʻshma taʼlim dasturlari\n"
        "Qoʻshma ilmiy-tadqiqot va innovatsion loyihalar\n"
        "Ijtimoiy va texnik sohalardagi zamonaviy muammolar boʻyicha qoʻshma tadqiqotlar",
        "Программы обмена студентами и преподавателями\n"
        "Совместные образовательные программы магистратуры и докторантуры\n"
        "Совместные научные и инновационные проекты\n"
        "Совместные исследования современных проблем социальной и технической сфер",
    ),
    "outcomes": T(
        "Memorandum of understanding signed in an updated form\n"
        "A new stage of cooperation and a basis for future joint projects",
        "Oʻzaro anglashuv memorandumi yangilangan tahrirda imzolandi\n"
        "Hamkorlikning yangi bosqichi va kelgusidagi qoʻshma loyihalar uchun asos",
        "Меморандум о взаимопонимании подписан в обновлённой редакции\n"
        "Новый этап сотрудничества и основа для будущих совместных проектов",
    ),
    "agreements_signed": ["IC/CN/SDJZU/2"],
    "members": [
        # (side, is_head, full name T(en, uz, ru), full name ru, position)
        (
            "guest",
            True,
            T("Zhou Minghui", "Zhou Minghui", "Чжоу Минхуэй"),
            "Чжоу Минхуэй",
            T("General Director", "Bosh direktor", "Генеральный директор"),
        ),
        (
            "guest",
            False,
            T("Sun Haoran", "Sun Haoran", "Сунь Хаожань"),
            "Сунь Хаожань",
            T("Director of the General Administration", "Bosh maʼmuriyat direktori", "Директор общей администрации"),
        ),
        (
            "guest",
            False,
            T("Gao Lijuan", "Gao Lijuan", "Гао Лицзюань"),
            "Гао Лицзюань",
            T(
                "Director of the Social Sciences Research Department",
                "Ijtimoiy fanlar tadqiqotlari boʻlimi direktori",
                "Директор отдела исследований в области общественных наук",
            ),
        ),
        (
            "guest",
            False,
            T("Ma Wenjie", "Ma Wenjie", "Ма Вэньцзе"),
            "Ма Вэньцзе",
            T(
                "Secretary of the School of Civil Engineering",
                "Qurilish muhandisligi maktabi kotibi",
                "Секретарь Школы гражданского строительства",
            ),
        ),
        (
            "guest",
            False,
            T("Tang Xiaoyu", "Tang Xiaoyu", "Тан Сяоюй"),
            "Тан Сяоюй",
            T(
                "Director of the International Exchange and Cooperation Department",
                "Xalqaro almashinuv va hamkorlik boʻlimi direktori",
                "Директор отдела международного обмена и сотрудничества",
            ),
        ),
        (
            "host",
            True,
            T("Bakhtiyor Umarov", "Baxtiyor Umarov", "Бахтиёр Умаров"),
            "Бахтиёр Умаров",
            T("Rector", "Rektor", "Ректор"),
        ),
        (
            "host",
            False,
            T("Farrukh Kholmatov", "Farrux Xolmatov", "Фаррух Холматов"),
            "Фаррух Холматов",
            T(
                "Vice-rector for scientific affairs and innovations",
                "Ilmiy ishlar va innovatsiyalar boʻyicha prorektor",
                "Проректор по научной работе и инновациям",
            ),
        ),
        (
            "host",
            False,
            T("Alisher Tursunov", "Alisher Tursunov", "Алишер Турсунов"),
            "Алишер Турсунов",
            T(
                "Head of the Department of Enterprises and Industrial Sectors",
                "Korxonalar va sanoat tarmoqlari bilan ishlash boʻlimi boshligʻi",
                "Начальник отдела по работе с предприятиями и отраслями промышленности",
            ),
        ),
        (
            "host",
            False,
            T("Nigora Saidova", "Nigora Saidova", "Нигора Саидова"),
            "Нигора Саидова",
            T(
                "Head of the Department of Internationalisation and Transformation",
                "Xalqarolashtirish va transformatsiya boʻlimi boshligʻi",
                "Начальник отдела интернационализации и трансформации",
            ),
        ),
        (
            "host",
            False,
            T("Rustam Ismoilov", "Rustam Ismoilov", "Рустам Исмоилов"),
            "Рустам Исмоилов",
            T(
                "Head of the Department of Biotechnology",
                "Biotexnologiya kafedrasi mudiri",
                "Заведующий кафедрой биотехнологии",
            ),
        ),
        (
            "host",
            False,
            T("Kamola Yusupova", "Kamola Yusupova", "Камола Юсупова"),
            "Камола Юсупова",
            T(
                "Professor of the Department of Biotechnology",
                "Biotexnologiya kafedrasi professori",
                "Профессор кафедры биотехнологии",
            ),
        ),
    ],
}

OTHER_VISITS = [
    {
        "slug": "2023-09-19-istanbul-technical-university",
        "partner": "TR:ITU",
        "direction": "outgoing",
        "start_date": _d("2023-09-19"),
        "end_date": _d("2023-09-21"),
        "city": "Istanbul",
        "title": T(
            "Institute delegation visits Istanbul Technical University",
            "Institut delegatsiyasi Istanbul texnika universitetiga tashrif buyurdi",
            "Делегация института посетила Стамбульский технический университет",
        ),
        "purpose": T(
            "Signing of a student and staff exchange agreement; visits to the faculties of civil and electrical "
            "engineering",
            "Talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnomani imzolash; qurilish va elektrotexnika "
            "fakultetlariga tashrif",
            "Подписание соглашения об обмене студентами и сотрудниками; посещение строительного и электротехнического "
            "факультетов",
        ),
        "summary": T(
            "A delegation led by the vice-rector for academic affairs signed an exchange agreement with Istanbul "
            "Technical University and agreed on the first places for the 2024/25 academic year.",
            "Oʻquv ishlari boʻyicha prorektor boshchiligidagi delegatsiya Istanbul texnika universiteti bilan "
            "almashinuv shartnomasini imzoladi va 2024/25 oʻquv yili uchun dastlabki oʻrinlarni kelishib oldi.",
            "Делегация во главе с проректором по учебной работе подписала соглашение об обмене со Стамбульским "
            "техническим университетом и согласовала первые места на 2024/25 учебный год.",
        ),
        "story": T(
            "From 19 to 21 September 2023 a delegation of the institute visited Istanbul Technical University. The "
            "sides reviewed ten years of cooperation, which began with a memorandum in 2013.\n\n"
            "The delegation met the university's international office, visited the laboratories of the faculties of "
            "civil and electrical engineering and signed a student and staff exchange agreement with three places a "
            "year for students of the institute.",
            "2023-yil 19–21-sentabr kunlari institut delegatsiyasi Istanbul texnika universitetiga tashrif buyurdi. "
            "Tomonlar 2013-yilda memorandum imzolanishi bilan boshlangan oʻn yillik hamkorlik natijalarini koʻrib "
            "chiqdi.\n\n"
            "Delegatsiya universitetning xalqaro boʻlimi bilan uchrashdi, qurilish va elektrotexnika fakultetlarining "
            "laboratoriyalarini koʻzdan kechirdi hamda institut talabalari uchun yiliga uchta oʻrin nazarda tutilgan "
            "talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnomani imzoladi.",
            "19–21 сентября 2023 года делегация института посетила Стамбульский технический университет. Стороны "
            "подвели итоги десяти лет сотрудничества, начатого меморандумом 2013 года.\n\n"
            "Делегация встретилась с международным отделом университета, посетила лаборатории строительного и "
            "электротехнического факультетов и подписала соглашение об обмене студентами и сотрудниками с тремя "
            "местами в год для студентов института.",
        ),
        "topics": T(
            "Student exchange places and credit recognition\n"
            "Short teaching visits of professors\n"
            "Joint supervision of master's theses",
            "Talabalar almashinuvi oʻrinlari va kreditlarni tan olish\n"
            "Professorlarning qisqa muddatli dars berish safarlari\n"
            "Magistrlik dissertatsiyalariga birgalikda rahbarlik qilish",
            "Места для обмена студентами и признание кредитов\n"
            "Краткосрочные преподавательские визиты профессоров\n"
            "Совместное руководство магистерскими диссертациями",
        ),
        "outcomes": T(
            "Student and staff exchange agreement signed\nFirst students nominated for the autumn semester of 2024",
            "Talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnoma imzolandi\n"
            "2024-yil kuzgi semestri uchun dastlabki talabalar tavsiya etildi",
            "Подписано соглашение об обмене студентами и сотрудниками\n"
            "Выдвинуты первые студенты на осенний семестр 2024 года",
        ),
        "agreements_signed": ["IC/TR/ITU/2"],
        "members": [
            (
                "host",
                True,
                T("Sherzod Rashidov", "Sherzod Rashidov", "Шерзод Рашидов"),
                T(
                    "Vice-rector for academic affairs",
                    "Oʻquv ishlari boʻyicha prorektor",
                    "Проректор по учебной работе",
                ),
            ),
            (
                "host",
                False,
                T("Jasur Nazarov", "Jasur Nazarov", "Жасур Назаров"),
                T(
                    "Head of the International Cooperation Department",
                    "Xalqaro hamkorlik boʻlimi boshligʻi",
                    "Начальник отдела международного сотрудничества",
                ),
            ),
            (
                "host",
                False,
                T("Gulnora Azimova", "Gulnora Azimova", "Гульнора Азимова"),
                T(
                    "Dean of the Faculty of Civil Engineering and Architecture",
                    "Qurilish va arxitektura fakulteti dekani",
                    "Декан факультета строительства и архитектуры",
                ),
            ),
        ],
    },
    {
        "slug": "2024-05-16-inha-university-delegation",
        "partner": "KR:INHA",
        "direction": "incoming",
        "start_date": _d("2024-05-16"),
        "end_date": _d("2024-05-17"),
        "city": "Jizzakh",
        "title": T(
            "Inha University delegation visits the institute",
            "Inha universiteti delegatsiyasi institutga tashrif buyurdi",
            "Делегация университета Инха посетила институт",
        ),
        "purpose": T(
            "Exchange agreement, summer schools in Incheon and Korean language teaching",
            "Almashinuv shartnomasi, Inchxondagi yozgi maktablar va koreys tilini oʻqitish",
            "Соглашение об обмене, летние школы в Инчхоне и преподавание корейского языка",
        ),
        "summary": T(
            "A delegation from Inha University signed a student and staff exchange agreement and presented its summer "
            "school and scholarships for students of the institute.",
            "Inha universiteti delegatsiyasi talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnomani imzoladi "
            "hamda institut talabalariga oʻz yozgi maktabi va stipendiyalarini taqdim etdi.",
            "Делегация университета Инха подписала соглашение об обмене студентами и сотрудниками и представила "
            "студентам института свою летнюю школу и стипендии.",
        ),
        "story": T(
            "On 16 and 17 May 2024 the institute received a delegation from Inha University (Republic of Korea). The "
            "guests met the rector, visited the information technology and mechanical engineering laboratories and "
            "talked with students who are learning Korean with a KOICA volunteer teacher.\n\n"
            "The universities signed a student and staff exchange agreement and agreed that students of the institute "
            "will take part in Inha University's summer school every year.",
            "2024-yil 16–17-may kunlari institut Inha universiteti (Koreya Respublikasi) delegatsiyasini qabul qildi. "
            "Mehmonlar rektor bilan uchrashdi, axborot texnologiyalari va mashinasozlik laboratoriyalarini koʻzdan "
            "kechirdi hamda KOICA koʻngilli oʻqituvchisi bilan koreys tilini oʻrganayotgan talabalar bilan "
            "suhbatlashdi.\n\n"
            "Universitetlar talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnomani imzoladi va institut "
            "talabalari har yili Inha universitetining yozgi maktabida ishtirok etishini kelishib oldi.",
            "16–17 мая 2024 года институт принял делегацию университета Инха (Республика Корея). Гости встретились с "
            "ректором, посетили лаборатории информационных технологий и машиностроения и побеседовали со студентами, "
            "которые изучают корейский язык с преподавателем-волонтёром KOICA.\n\n"
            "Университеты подписали соглашение об обмене студентами и сотрудниками и договорились, что студенты "
            "института будут ежегодно участвовать в летней школе университета Инха.",
        ),
        "topics": T(
            "Semester exchange of students\nSummer school in Incheon\nKorean language courses at the institute",
            "Talabalarning semestrlik almashinuvi\nInchxondagi yozgi maktab\nInstitutda koreys tili kurslari",
            "Семестровый обмен студентами\nЛетняя школа в Инчхоне\nКурсы корейского языка в институте",
        ),
        "outcomes": T(
            "Student and staff exchange agreement signed\nTwo places a year in the summer school",
            "Talabalar va xodimlar almashinuvi toʻgʻrisidagi shartnoma imzolandi\nYozgi maktabda yiliga ikki oʻrin",
            "Подписано соглашение об обмене студентами и сотрудниками\nДва места в год в летней школе",
        ),
        "agreements_signed": ["IC/KR/INHA/1"],
        "members": [
            (
                "guest",
                True,
                T("Park Ji-hoon", "Park Ji-hoon", "Пак Чжи Хун"),
                T(
                    "Vice-President for International Affairs",
                    "Xalqaro ishlar boʻyicha vitse-prezident",
                    "Вице-президент по международным делам",
                ),
            ),
            (
                "guest",
                False,
                T("Lee Soo-jin", "Lee Soo-jin", "Ли Су Джин"),
                T(
                    "Director of the Office of International Affairs",
                    "Xalqaro ishlar boshqarmasi direktori",
                    "Директор управления международных дел",
                ),
            ),
            (
                "guest",
                False,
                T("Kim Tae-yang", "Kim Tae-yang", "Ким Тхэ Ян"),
                T("Professor of Mechanical Engineering", "Mashinasozlik professori", "Профессор машиностроения"),
            ),
            (
                "host",
                True,
                T("Bakhtiyor Umarov", "Baxtiyor Umarov", "Бахтиёр Умаров"),
                T("Rector", "Rektor", "Ректор"),
            ),
            (
                "host",
                False,
                T("Jasur Nazarov", "Jasur Nazarov", "Жасур Назаров"),
                T(
                    "Head of the International Cooperation Department",
                    "Xalqaro hamkorlik boʻlimi boshligʻi",
                    "Начальник отдела международного сотрудничества",
                ),
            ),
        ],
    },
    {
        "slug": "2025-04-22-belarusian-state-pedagogical-university-delegation",
        "partner": "BY:BSPU",
        "direction": "incoming",
        "start_date": _d("2025-04-22"),
        "end_date": _d("2025-04-24"),
        "city": "Jizzakh",
        "title": T(
            'Belarusian State Pedagogical University discusses the "3+1" and "2+2" programmes',
            'Belarus davlat pedagogika universiteti bilan "3+1" va "2+2" dasturlari muhokama qilindi',
            "С Белорусским государственным педагогическим университетом обсуждены программы «3+1» и «2+2»",
        ),
        "purpose": T(
            "Review of the dual-degree programmes and the admission of the next intake",
            "Qoʻsh diplomli dasturlarni koʻrib chiqish va navbatdagi qabulni kelishish",
            "Обсуждение программ двойного диплома и набора следующего потока",
        ),
        "summary": T(
            'Professors from Minsk met the students of the "3+1" and "2+2" programmes, gave open lectures and '
            "agreed the curricula for the next intake.",
            'Minsklik professorlar "3+1" va "2+2" dasturlari talabalari bilan uchrashdi, ochiq maʼruzalar oʻqidi '
            "va navbatdagi qabul uchun oʻquv rejalarini kelishib oldi.",
            "Профессора из Минска встретились со студентами программ «3+1» и «2+2», прочитали открытые лекции и "
            "согласовали учебные планы для следующего набора.",
        ),
        "story": T(
            "From 22 to 24 April 2025 a delegation of Belarusian State Pedagogical University visited the university. "
            "The guests gave open lectures on vocational pedagogy and educational psychology and met the students who "
            "will continue their studies in Minsk.\n\n"
            'The two universities reviewed the curricula of the "3+1" and "2+2" dual-degree programmes and agreed '
            "on the admission of the 2025 intake.",
            "2025-yil 22–24-aprel kunlari Belarus davlat pedagogika universiteti delegatsiyasi universitetga "
            "tashrif buyurdi. Mehmonlar kasbiy pedagogika va pedagogik psixologiya boʻyicha ochiq maʼruzalar "
            "oʻqidi hamda oʻqishini Minskda davom ettiradigan talabalar bilan uchrashdi.\n\n"
            'Ikki universitet "3+1" va "2+2" qoʻsh diplomli dasturlarining oʻquv rejalarini koʻrib chiqdi va '
            "2025-yilgi qabulni kelishib oldi.",
            "22–24 апреля 2025 года делегация Белорусского государственного педагогического университета посетила "
            "университет. Гости прочитали открытые лекции по профессиональной педагогике и педагогической психологии и "
            "встретились со студентами, которые продолжат обучение в Минске.\n\n"
            "Университеты рассмотрели учебные планы программ двойного диплома «3+1» и «2+2» и согласовали набор 2025 "
            "года.",
        ),
        "topics": T(
            'Curricula of the "3+1" and "2+2" programmes\n'
            "Recognition of study periods\n"
            "Open lectures by visiting professors",
            '"3+1" va "2+2" dasturlarining oʻquv rejalari\n'
            "Oʻqish davrlarini tan olish\n"
            "Tashrif buyurgan professorlarning ochiq maʼruzalari",
            "Учебные планы программ «3+1» и «2+2»\n"
            "Признание периодов обучения\n"
            "Открытые лекции приглашённых профессоров",
        ),
        "outcomes": T(
            "Curricula for the 2025 intake agreed\nSeven students nominated for studies in Minsk",
            "2025-yilgi qabul uchun oʻquv rejalari kelishildi\nYetti nafar talaba Minskda oʻqish uchun tavsiya etildi",
            "Согласованы учебные планы для набора 2025 года\nСемь студентов выдвинуты на обучение в Минске",
        ),
        "agreements_signed": [],
        "members": [
            (
                "guest",
                True,
                T("Aliaksandr Marozau", "Aliaksandr Marozau", "Александр Морозов"),
                T(
                    "Vice-Rector for International Cooperation",
                    "Xalqaro hamkorlik boʻyicha prorektor",
                    "Проректор по международному сотрудничеству",
                ),
            ),
            (
                "guest",
                False,
                T("Volha Kazlova", "Volha Kazlova", "Ольга Козлова"),
                T(
                    "Dean of the Faculty of Psychology and Pedagogy",
                    "Psixologiya va pedagogika fakulteti dekani",
                    "Декан факультета психологии и педагогики",
                ),
            ),
            (
                "guest",
                False,
                T("Siarhei Navitski", "Siarhei Navitski", "Сергей Новицкий"),
                T(
                    "Associate Professor of Vocational Pedagogy",
                    "Kasbiy pedagogika dotsenti",
                    "Доцент по профессиональной педагогике",
                ),
            ),
            (
                "host",
                True,
                T("Sherzod Rashidov", "Sherzod Rashidov", "Шерзод Рашидов"),
                T(
                    "Vice-rector for academic affairs",
                    "Oʻquv ishlari boʻyicha prorektor",
                    "Проректор по учебной работе",
                ),
            ),
            (
                "host",
                False,
                T("Jasur Nazarov", "Jasur Nazarov", "Жасур Назаров"),
                T(
                    "Head of the International Cooperation Department",
                    "Xalqaro hamkorlik boʻlimi boshligʻi",
                    "Начальник отдела международного сотрудничества",
                ),
            ),
            (
                "host",
                False,
                T("Mokhira Latipova", "Mohira Latipova", "Мохира Латипова"),
                T(
                    "Dean of the Faculty of Professional Education",
                    "Kasb taʼlimi fakulteti dekani",
                    "Декан факультета профессионального образования",
                ),
            ),
        ],
    },
    {
        "slug": "2025-10-14-green-uni-meeting-budapest",
        "partner": "HU:BME",
        "direction": "outgoing",
        "start_date": _d("2025-10-14"),
        "end_date": _d("2025-10-17"),
        "city": "Budapest",
        "title": T(
            "GREEN-UNI project meeting in Budapest",
            "Budapeshtda GREEN-UNI loyihasi yigʻilishi",
            "Встреча по проекту GREEN-UNI в Будапеште",
        ),
        "purpose": T(
            "Consortium meeting of the Erasmus+ GREEN-UNI project and training in campus energy monitoring",
            "Erasmus+ GREEN-UNI loyihasi konsorsiumi yigʻilishi va kampus energiya monitoringi boʻyicha trening",
            "Встреча консорциума проекта Erasmus+ GREEN-UNI и обучение энергомониторингу кампуса",
        ),
        "summary": T(
            "Staff of the institute took part in the consortium meeting of the GREEN-UNI project at Budapest "
            "University of Technology and Economics.",
            "Institut xodimlari Budapesht texnologiya va iqtisodiyot universitetida GREEN-UNI loyihasi konsorsiumi "
            "yigʻilishida ishtirok etdi.",
            "Сотрудники института приняли участие во встрече консорциума проекта GREEN-UNI в Будапештском "
            "университете технологии и экономики.",
        ),
        "story": T(
            "From 14 to 17 October 2025 three staff members of the institute took part in the consortium meeting of "
            "the Erasmus+ GREEN-UNI project, hosted by the project's coordinator, Budapest University of Technology "
            "and Economics.\n\n"
            "The partners reviewed the first results of the sustainability offices and were trained in the energy "
            "monitoring of campus buildings.",
            "2025-yil 14–17-oktabr kunlari institutning uch nafar xodimi Erasmus+ GREEN-UNI loyihasi konsorsiumining "
            "yigʻilishida ishtirok etdi; yigʻilishni loyiha koordinatori — Budapesht texnologiya va iqtisodiyot "
            "universiteti oʻtkazdi.\n\n"
            "Hamkorlar barqaror rivojlanish ofislarining dastlabki natijalarini koʻrib chiqdi va kampus binolarining "
            "energiya monitoringi boʻyicha oʻqitildi.",
            "14–17 октября 2025 года три сотрудника института приняли участие во встрече консорциума проекта Erasmus+ "
            "GREEN-UNI, которую провёл координатор проекта — Будапештский университет технологии и экономики.\n\n"
            "Партнёры рассмотрели первые результаты работы офисов устойчивого развития и прошли обучение "
            "энергомониторингу зданий кампуса.",
        ),
        "topics": T(
            "Progress of the sustainability offices\n"
            "Energy monitoring of campus buildings\n"
            "Elective courses on sustainable development",
            "Barqaror rivojlanish ofislari faoliyatining borishi\n"
            "Kampus binolarining energiya monitoringi\n"
            "Barqaror rivojlanish boʻyicha tanlov fanlari",
            "Ход работы офисов устойчивого развития\n"
            "Энергомониторинг зданий кампуса\n"
            "Элективные курсы по устойчивому развитию",
        ),
        "outcomes": T(
            "Work plan for the final project year adopted\nEnergy monitoring pilot to start at the institute",
            "Loyihaning soʻnggi yili uchun ish rejasi qabul qilindi\n"
            "Institutda energiya monitoringi boʻyicha pilot loyiha boshlanadi",
            "Принят план работы на последний год проекта\nВ институте начнётся пилотный энергомониторинг",
        ),
        "agreements_signed": [],
        "members": [
            (
                "host",
                True,
                T("Farrukh Kholmatov", "Farrux Xolmatov", "Фаррух Холматов"),
                T(
                    "Vice-rector for scientific affairs and innovations",
                    "Ilmiy ishlar va innovatsiyalar boʻyicha prorektor",
                    "Проректор по научной работе и инновациям",
                ),
            ),
            (
                "host",
                False,
                T("Dilnoza Ergasheva", "Dilnoza Ergasheva", "Дильноза Эргашева"),
                T(
                    "Specialist of the International Cooperation Department",
                    "Xalqaro hamkorlik boʻlimi mutaxassisi",
                    "Специалист отдела международного сотрудничества",
                ),
            ),
            (
                "host",
                False,
                T("Doniyor Hamroyev", "Doniyor Hamroyev", "Дониёр Хамроев"),
                T(
                    "Head of the Department of Energy Engineering",
                    "Energetika kafedrasi mudiri",
                    "Заведующий кафедрой энергетики",
                ),
            ),
        ],
    },
]
