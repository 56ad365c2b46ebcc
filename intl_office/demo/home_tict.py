"""The ``tict`` demo profile: the Tashkent Institute of Chemical Technology, as seed 004 tells.

The seed is one news story: on 3 December 2024 the rector received a delegation of Shandong Jianshu University
(China) in Tashkent, the sides discussed exchange, joint master's and doctoral programmes and joint research,
and signed their memorandum of understanding in an updated form. The institute's side included the head of the
Department of Internationalisation and Transformation, whose department this profile shows. The staff, phone
numbers and addresses are invented.
"""

from .content import T

WORKING_HOURS = T("Monday to Friday, 09:00–18:00", "Dushanba–juma, 09:00–18:00", "Понедельник–пятница, 09:00–18:00")

HOME_INSTITUTION = {
    "name": T(
        "Tashkent Institute of Chemical Technology",
        "Toshkent kimyo-texnologiya instituti",
        "Ташкентский химико-технологический институт",
    ),
    "short_name": T("TICT", "TKTI", "ТХТИ"),
    "department_name": T(
        "Department of Internationalisation and Transformation",
        "Xalqarolashtirish va transformatsiya boʻlimi",
        "Отдел интернационализации и трансформации",
    ),
    "about": T(
        "The Department of Internationalisation and Transformation develops the international ties of the "
        "Tashkent Institute of Chemical Technology: partnerships with foreign universities, student and faculty "
        "exchange, joint educational programmes and joint scientific research and innovative projects.\n\n"
        "On 3 December 2024 the rector of the institute received a delegation of Shandong Jianshu University of the "
        "People's Republic of China in Tashkent. The two universities signed their memorandum of understanding in "
        "an updated form, which marked a new stage of their cooperation.",
        "Xalqarolashtirish va transformatsiya boʻlimi Toshkent kimyo-texnologiya institutining xalqaro aloqalarini "
        "rivojlantiradi: xorijiy universitetlar bilan hamkorlik, talabalar va professor-oʻqituvchilar almashinuvi, "
        "qoʻshma taʼlim dasturlari hamda qoʻshma ilmiy-tadqiqot va innovatsion loyihalar.\n\n"
        "2024-yil 3-dekabr kuni institut rektori Toshkentda Xitoy Xalq Respublikasining Shandun Jianshu universiteti "
        "delegatsiyasini qabul qildi. Ikki universitet oʻzaro anglashuv memorandumini yangilangan tahrirda "
        "imzoladi; bu ularning hamkorligida yangi bosqichni boshlab berdi.",
        "Отдел интернационализации и трансформации развивает международные связи Ташкентского "
        "химико-технологического института: партнёрство с зарубежными университетами, обмен студентами и "
        "преподавателями, совместные образовательные программы, совместные научные и инновационные проекты.\n\n"
        "3 декабря 2024 года ректор института принял в Ташкенте делегацию Шаньдунского университета Цзяньшу "
        "Китайской Народной Республики. Университеты подписали меморандум о взаимопонимании в обновлённой "
        "редакции, который открыл новый этап их сотрудничества.",
    ),
    "address": T(
        "Main building, room 310; 32 Demo Avenue, Tashkent 100011, Uzbekistan",
        "Bosh bino, 310-xona; Namuna shoh koʻchasi, 32-uy, Toshkent 100011, Oʻzbekiston",
        "Главный корпус, каб. 310; просп. Примерный, 32, Ташкент 100011, Узбекистан",
    ),
    "working_hours": WORKING_HOURS,
    "phone": "+998 00 000-00-21",
    "email": "international.office@example.org",
    "website": "",
    "international_since": None,
    "signatory_name": T("Ulugʻbek Hamidov", "Hamidov Ulugʻbek Sobir oʻgʻli", "Хамидов Улугбек Сабирович"),
    "signatory_position": T("Rector", "Rektor", "Ректор"),
}

STAFF = [
    {
        "email": "n.yoqubova@example.org",
        "full_name": T("Nodira Yoqubova", "Yoqubova Nodira Ilhom qizi", "Якубова Нодира Ильхомовна"),
        "position": T(
            "Head of the Department of Internationalisation and Transformation",
            "Xalqarolashtirish va transformatsiya boʻlimi boshligʻi",
            "Начальник отдела интернационализации и трансформации",
        ),
        "phone": "+998 00 000-00-22",
        "working_hours": WORKING_HOURS,
        "order": 1,
    },
    {
        "email": "b.ismoilov@example.org",
        "full_name": T("Bekzod Ismoilov", "Ismoilov Bekzod Ravshan oʻgʻli", "Исмоилов Бекзод Равшанович"),
        "position": T(
            "International relations specialist",
            "Xalqaro aloqalar boʻyicha mutaxassis",
            "Специалист по международным связям",
        ),
        "phone": "+998 00 000-00-23",
        "working_hours": WORKING_HOURS,
        "order": 2,
    },
]

PAGES = [
    {
        "slug": "about-the-department",
        "order": 1,
        "title": T("About the department", "Boʻlim haqida", "Об отделе"),
        "body": T(
            "The department prepares and follows the institute's agreements with foreign universities, receives "
            "foreign delegations and organises the meetings of the institute's management with them.\n\n"
            "The directions of cooperation it develops with partners are student and faculty exchange, joint "
            "educational programmes at master's and doctoral level, joint scientific research and innovative "
            "projects, and joint research on modern problems in the social and technical spheres.",
            "Boʻlim institutning xorijiy universitetlar bilan shartnomalarini tayyorlaydi va ularning bajarilishini "
            "kuzatadi, xorijiy delegatsiyalarni qabul qiladi va institut rahbariyatining ular bilan uchrashuvlarini "
            "tashkil etadi.\n\n"
            "Boʻlim hamkorlar bilan rivojlantiradigan yoʻnalishlar: talabalar va professor-oʻqituvchilar "
            "almashinuvi, magistratura va doktorantura darajasidagi qoʻshma taʼlim dasturlari, qoʻshma ilmiy-tadqiqot "
            "va innovatsion loyihalar, ijtimoiy va texnik sohalardagi zamonaviy muammolar boʻyicha qoʻshma "
            "tadqiqotlar.",
            "Отдел готовит соглашения института с зарубежными университетами и следит за их выполнением, принимает "
            "зарубежные делегации и организует их встречи с руководством института.\n\n"
            "Направления сотрудничества, которые отдел развивает с партнёрами: обмен студентами и преподавателями, "
            "совместные образовательные программы магистратуры и докторантуры, совместные научные и инновационные "
            "проекты, совместные исследования современных проблем социальной и технической сфер.",
        ),
    },
]
