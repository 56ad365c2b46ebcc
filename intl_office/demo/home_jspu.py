"""The ``jspu`` demo profile: Jizzakh State Pedagogical University and its department, as seeds 001 and 002 tell.

What the seeds say: the department's directions and tasks, partner countries, agreements (intergovernmental
and between institutions) and their scope, the British Council, KOICA, ITEC and UNDP as partner organisations,
foreign experts invited, Erasmus Mundus, the intergovernmental agreement with China of 8 November 1999 (40
interns) and the "3+1" and "2+2" programmes with Belarusian State Pedagogical University. The staff, phone numbers
and addresses are invented.
"""

from .content import T

WORKING_HOURS = T("Monday to Friday, 08:30–17:00", "Dushanba–juma, 08:30–17:00", "Понедельник–пятница, 08:30–17:00")

HOME_INSTITUTION = {
    "name": T(
        "Jizzakh State Pedagogical University",
        "Jizzax davlat pedagogika universiteti",
        "Джизакский государственный педагогический университет",
    ),
    "short_name": T("JSPU", "JDPU", "ДГПУ"),
    "department_name": T(
        "Department of International Cooperation", "Xalqaro hamkorlik boʻlimi", "Отдел международного сотрудничества"
    ),
    "about": T(
        "Jizzakh State Pedagogical University pursues a policy of international cooperation that strengthens its "
        "academic partnerships, brings in international experience and raises the quality of education. It works "
        "with institutions in the Republic of Korea, the United Kingdom, France, the Russian Federation, Belarus, "
        "Turkey, Azerbaijan, Kazakhstan, India and other countries, under intergovernmental agreements and "
        "agreements between institutions.\n\n"
        "The university cooperates with the British Council, the Korea International Cooperation Agency (KOICA), "
        "India's Technical and Economic Cooperation Programme (ITEC) and the United Nations Development Programme "
        "(UNDP), and takes part in the European Union's Erasmus Mundus programmes. Under the intergovernmental "
        "agreement with China of 8 November 1999, 40 students, candidates of science and young specialists do "
        "internships at Chinese universities.\n\n"
        'With Belarusian State Pedagogical University the university runs "3+1" and "2+2" dual-degree '
        "programmes: students study at JSPU and finish in Minsk with the diplomas of both universities.",
        "Jizzax davlat pedagogika universiteti akademik hamkorlikni mustahkamlash, xalqaro tajribani joriy etish va "
        "taʼlim sifatini oshirishga qaratilgan xalqaro hamkorlik siyosatini olib boradi. Universitet Koreya "
        "Respublikasi, Buyuk Britaniya, Fransiya, Rossiya Federatsiyasi, Belarus, Turkiya, Ozarbayjon, Qozogʻiston, "
        "Hindiston va boshqa mamlakatlar muassasalari bilan hukumatlararo bitimlar va muassasalararo shartnomalar "
        "asosida hamkorlik qiladi.\n\n"
        "Universitet Britaniya Kengashi, Koreya xalqaro hamkorlik agentligi (KOICA), Hindistonning texnik va "
        "iqtisodiy hamkorlik dasturi (ITEC) va BMT Taraqqiyot dasturi (BMTTD) bilan hamkorlik qiladi, Yevropa "
        "Ittifoqining Erasmus Mundus dasturlarida ishtirok etadi. Xitoy bilan 1999-yil 8-noyabrdagi hukumatlararo "
        "bitim asosida 40 nafar talaba, fan nomzodlari va yosh mutaxassislar Xitoy oliy taʼlim muassasalarida "
        "stajirovka oʻtaydi.\n\n"
        'Belarus davlat pedagogika universiteti bilan "3+1" va "2+2" qoʻsh diplomli dasturlar amalga '
        "oshiriladi: talabalar JDPUda oʻqib, tahsilni Minskda yakunlaydi va ikkala universitet diplomini oladi.",
        "Джизакский государственный педагогический университет проводит политику международного сотрудничества, "
        "направленную на укрепление академических партнёрств, внедрение международного опыта и повышение качества "
        "образования. Университет сотрудничает с учреждениями Республики Корея, Великобритании, Франции, "
        "Российской Федерации, Беларуси, Турции, Азербайджана, Казахстана, Индии и других стран в рамках "
        "межправительственных соглашений и межвузовских договоров.\n\n"
        "Университет сотрудничает с Британским советом, Корейским агентством международного сотрудничества "
        "(KOICA), Программой технического и экономического сотрудничества Индии (ITEC) и Программой развития ООН "
        "(ПРООН), участвует в программах Erasmus Mundus Европейского союза. По межправительственному соглашению с "
        "Китаем от 8 ноября 1999 года 40 студентов, кандидатов наук и молодых специалистов проходят стажировки в "
        "китайских вузах.\n\n"
        "С Белорусским государственным педагогическим университетом реализуются программы двойного диплома «3+1» "
        "и «2+2»: студенты учатся в ДГПУ, завершают обучение в Минске и получают дипломы обоих университетов.",
    ),
    "address": T(
        "Main building, room 105; 4 Demo Street, Jizzakh 130100, Uzbekistan",
        "Bosh bino, 105-xona; Namuna koʻchasi, 4-uy, Jizzax 130100, Oʻzbekiston",
        "Главный корпус, каб. 105; ул. Примерная, 4, Джизак 130100, Узбекистан",
    ),
    "working_hours": WORKING_HOURS,
    "phone": "+998 00 000-00-11",
    "email": "international.office@example.org",
    "website": "",
    "international_since": None,
    "signatory_name": T("Bahodir Aliev", "Aliyev Bahodir Shavkat oʻgʻli", "Алиев Баходир Шавкатович"),
    "signatory_position": T("Rector", "Rektor", "Ректор"),
}

STAFF = [
    {
        "email": "sh.qodirov@example.org",
        "full_name": T("Shohruh Qodirov", "Qodirov Shohruh Anvar oʻgʻli", "Кадыров Шохрух Анварович"),
        "position": T(
            "Head of the Department of International Cooperation",
            "Xalqaro hamkorlik boʻlimi boshligʻi",
            "Начальник отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-12",
        "working_hours": WORKING_HOURS,
        "order": 1,
    },
    {
        "email": "m.rahimova@example.org",
        "full_name": T("Malika Rahimova", "Rahimova Malika Obid qizi", "Рахимова Малика Обидовна"),
        "position": T(
            "Specialist of the Department of International Cooperation",
            "Xalqaro hamkorlik boʻlimi mutaxassisi",
            "Специалист отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-13",
        "working_hours": WORKING_HOURS,
        "order": 2,
    },
    {
        "email": "a.tojiyev@example.org",
        "full_name": T("Alisher Tojiyev", "Tojiyev Alisher Erkin oʻgʻli", "Тоджиев Алишер Эркинович"),
        "position": T(
            "Methodist of the Department of International Cooperation",
            "Xalqaro hamkorlik boʻlimi metodisti",
            "Методист отдела международного сотрудничества",
        ),
        "phone": "+998 00 000-00-14",
        "working_hours": WORKING_HOURS,
        "order": 3,
    },
]

PAGES = [
    {
        "slug": "about-the-department",
        "order": 1,
        "title": T("About the department", "Boʻlim haqida", "Об отделе"),
        "body": T(
            "The key directions of the university's international cooperation are:\n\n"
            "Raising the qualifications of the teaching staff through retraining and professional development based "
            "on the best international practice.\n\n"
            "Wider participation of professors and teachers in international seminars, conferences and symposia.\n\n"
            "Academic exchange programmes, short trainings and internships abroad for students and staff.\n\n"
            "Inviting foreign professors and experts to the university to improve teaching and widen scientific "
            "cooperation.\n\n"
            "The agreements cover academic exchange of students and teachers, joint research projects, publication "
            "in international journals and the exchange of academic knowledge and experience.",
            "Universitet xalqaro hamkorligining asosiy yoʻnalishlari:\n\n"
            "Ilgʻor xalqaro tajriba asosida qayta tayyorlash va malaka oshirish orqali professor-oʻqituvchilar "
            "malakasini oshirish.\n\n"
            "Professor-oʻqituvchilarning xalqaro ilmiy-amaliy seminarlar, konferensiyalar va simpoziumlardagi "
            "ishtirokini kengaytirish.\n\n"
            "Talabalar va xodimlarni akademik almashinuv dasturlari, qisqa muddatli treninglar va xorijdagi "
            "stajirovkalarga jalb qilish.\n\n"
            "Taʼlim jarayonini takomillashtirish va ilmiy hamkorlikni kengaytirish uchun xorijiy professor va "
            "mutaxassislarni universitetga taklif etish.\n\n"
            "Shartnomalar talabalar va oʻqituvchilarning akademik almashinuvi, qoʻshma ilmiy loyihalar, xalqaro "
            "jurnallarda maqolalar chop etish hamda akademik bilim va tajriba almashishni qamrab oladi.",
            "Основные направления международного сотрудничества университета:\n\n"
            "Повышение квалификации преподавателей через переподготовку и профессиональное развитие на основе "
            "лучшей международной практики.\n\n"
            "Расширение участия преподавателей в международных научно-практических семинарах, конференциях и "
            "симпозиумах.\n\n"
            "Академические обмены, краткосрочные тренинги и стажировки за рубежом для студентов и сотрудников.\n\n"
            "Приглашение зарубежных профессоров и экспертов в университет для совершенствования учебного процесса и "
            "расширения научного сотрудничества.\n\n"
            "Соглашения охватывают академический обмен студентами и преподавателями, совместные научные проекты, "
            "публикации в международных журналах и обмен академическими знаниями и опытом.",
        ),
    },
    {
        "slug": "tasks-and-functions",
        "order": 2,
        "title": T("Tasks of the department", "Boʻlimning vazifalari", "Задачи отдела"),
        "body": T(
            "Raising the qualifications of the university's professors and teachers.\n\n"
            "Wide participation of professors in foreign scientific and practical seminars, conferences and "
            "symposia.\n\n"
            "Participation of professors and students in foreign exchange programmes and trainings.\n\n"
            "Inviting foreign teachers and professors to work at the university to improve teaching and exchange "
            "experience.",
            "Universitet professor-oʻqituvchilarining malakasini oshirish.\n\n"
            "Professorlarning xorijiy ilmiy-amaliy seminarlar, konferensiyalar va simpoziumlarda keng ishtirok "
            "etishi.\n\n"
            "Professor-oʻqituvchilar va talabalarning xorijiy almashinuv dasturlari va treninglarda ishtirok "
            "etishi.\n\n"
            "Taʼlim jarayonini takomillashtirish va tajriba almashish maqsadida xorijiy oʻqituvchi va professorlarni "
            "universitetga ishga taklif etish.",
            "Повышение квалификации профессоров и преподавателей университета.\n\n"
            "Широкое участие профессоров в зарубежных научно-практических семинарах, конференциях и симпозиумах.\n\n"
            "Участие профессоров и студентов в зарубежных программах обмена и тренингах.\n\n"
            "Приглашение зарубежных преподавателей и профессоров на работу в университет для совершенствования "
            "учебного процесса и обмена опытом.",
        ),
    },
]
