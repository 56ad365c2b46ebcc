"""Invented people for the demo: deterministic names by country and example.org addresses.

The seeds name real people; the demo never does. A name is drawn from common first and family names of the
person's country with a random generator seeded by a stable key, so every run draws the same person for the
same key, and a book of names already given keeps two people from sharing a name or an address.
"""

import random
import unicodedata
from dataclasses import dataclass

EMAIL_DOMAIN = "example.org"

# (male first names, female first names, family names in their male form)
POOLS = {
    "UZ": (
        "Akmal Bekzod Doniyor Jasur Sardor Otabek Sherzod Ulugbek Farrukh Javlon Dilshod Bobur Jahongir Aziz Rustam "
        "Timur Nodir Shokhrukh Islom Behruz Abdulaziz Azamat Mirjalol Eldor",
        "Dilnoza Gulnora Malika Nigora Zarina Madina Nilufar Shahnoza Kamola Sevara Feruza Mokhira Dildora Sitora "
        "Munisa Gulbahor Iroda Mohinur Sabina Zilola Umida Barno Nargiza Shoira",
        "Karimov Rakhimov Tursunov Yusupov Abdullayev Nazarov Saidov Ergashev Khodjayev Mirzayev Kholmatov Sobirov "
        "Umarov Jurayev Ismoilov Kodirov Normurodov Boboyev Rashidov Azimov Sultonov Hamroyev Toshpulatov Eshmatov "
        "Safarov Hasanov Rahmonov Qurbonov Aminov Latipov",
    ),
    "RU": (
        "Aleksey Dmitry Sergey Andrey Mikhail Pavel Nikolay Igor Vladimir Yevgeny Roman Oleg",
        "Anna Yelena Olga Natalia Irina Tatiana Maria Svetlana Yulia Ekaterina",
        "Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Solovyov Vasiliev Zaitsev Pavlov "
        "Semyonov Golubev Vinogradov Bogdanov Vorobyov",
    ),
    "BY": (
        "Aliaksandr Siarhei Andrei Dzmitry Uladzimir Pavel Mikalai Viktar",
        "Volha Tatsiana Hanna Iryna Alena Maryia Natallia Sviatlana",
        "Shautsou Kazlou Ivanou Marozau Navitski Kavalenka Lukashevich Makarevich Karpovich Zhuk Bandarenka Tkachenka",
    ),
    "KZ": (
        "Nurlan Yerlan Daniyar Aidos Askar Marat Yerzhan Bauyrzhan Arman Serik",
        "Aigerim Gulnara Dana Aliya Saule Madina Dinara Zhanna",
        "Akhmetov Omarov Zhaksybekov Nurlanov Baimukhamedov Abenov Kassymov Suleimenov Iskakov Mukhametov Sadykov "
        "Utepov",
    ),
    "AZ": (
        "Elvin Rashad Farid Orkhan Tural Kamran Elchin Vugar",
        "Aysel Gunel Leyla Sevinj Nigar Lala Narmin Aynur",
        "Mammadov Hasanov Huseynov Guliyev Ismayilov Abbasov Jafarov Rzayev Valiyev Babayev",
    ),
    "TR": (
        "Mehmet Ahmet Mustafa Emre Burak Murat Hakan Serkan Kemal Oğuz",
        "Ayşe Elif Zeynep Fatma Merve Esra Selin Derya",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Kılıç Aslan Koç Kurt Özdemir",
    ),
    "CN": (
        "Wei Jun Hao Lei Jian Tao Ming Qiang Yong Peng Haoran Zhiwei",
        "Fang Jing Min Yan Xiu Lina Xiaoyu Ying Hui Lijuan",
        "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo",
    ),
    "KR": (
        "Min-jun Ji-hoon Hyun-woo Seung-ho Dong-hyun Jae-won Sung-min Tae-yang",
        "Ji-yeon Seo-yeon Min-ji Soo-jin Hye-won Eun-ji Ha-eun Yu-na",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin",
    ),
    "JP": (
        "Hiroshi Takeshi Kenji Daisuke Kazuki Naoki Satoshi Yuta",
        "Yuko Akiko Haruka Naomi Keiko Emi Sakura Mai",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada",
    ),
    "HU": (
        "László István Gábor Zoltán Péter Tamás Attila Balázs",
        "Katalin Éva Zsófia Anna Krisztina Eszter Judit Réka",
        "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp",
    ),
    "MY": (
        "Ahmad Hafiz Azlan Amirul Khairul Syafiq Faizal Irfan",
        "Aisyah Aminah Huda Farah Aina Zulaikha Noraini Hidayah",
        "Hassan Ismail Abdullah Rahman Osman Yusof Ibrahim Zakaria",
    ),
    "PL": (
        "Piotr Krzysztof Tomasz Paweł Marcin Michał Jakub Andrzej Łukasz Grzegorz",
        "Anna Katarzyna Agnieszka Magdalena Joanna Monika Ewa Aleksandra",
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski "
        "Kozłowski Mazur Krawczyk",
    ),
    "IT": (
        "Marco Giuseppe Luca Andrea Francesco Alessandro Matteo Stefano Paolo Davide",
        "Giulia Francesca Chiara Sara Elena Valentina Federica Silvia",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa",
    ),
    "GB": (
        "James Oliver Thomas Daniel Matthew Andrew Richard Simon David Peter",
        "Sarah Emma Rachel Helen Claire Laura Rebecca Catherine",
        "Smith Jones Taylor Brown Williams Wilson Evans Johnson Roberts Walker Wright Robinson Thompson Hughes",
    ),
    "US": (
        "Michael John Robert David Christopher Brian Kevin Jason",
        "Jennifer Jessica Emily Ashley Megan Amanda Lauren Nicole",
        "Miller Davis Garcia Anderson Martin Jackson White Harris Clark Lewis Young Allen",
    ),
    "FR": (
        "Jean Pierre Nicolas Julien Antoine Mathieu Olivier François Sébastien Laurent",
        "Marie Sophie Camille Claire Julie Isabelle Nathalie Céline",
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Lefebvre Michel Garnier",
    ),
    "DE": (
        "Thomas Michael Andreas Stefan Markus Christian Jan Tobias Matthias Florian",
        "Sabine Julia Katrin Anja Claudia Susanne Laura Lena",
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf",
    ),
    "ES": (
        "José Javier Carlos David Daniel Alejandro Pablo Sergio Miguel Jorge",
        "María Laura Carmen Lucía Marta Elena Paula Cristina",
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz",
    ),
    "LT": (
        "Tomas Mantas Darius Andrius Paulius Mindaugas Vytautas Giedrius",
        "Rūta Inga Aušra Jurgita Laura Eglė Kristina Asta",
        "Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas",
    ),
    "LV": (
        "Jānis Andris Mārtiņš Edgars Kristaps Roberts Aivars Artūrs",
        "Anna Kristīne Ilze Inese Līga Laura Dace Santa",
        "Bērziņš Kalniņš Ozoliņš Jansons Ozols Liepiņš Krūmiņš Balodis Zariņš Vītols",
    ),
    "IN": (
        "Rajesh Amit Suresh Vikram Anil Sanjay Arun Rahul Pradeep Manoj",
        "Priya Anjali Kavita Sunita Neha Pooja Meera Deepa",
        "Sharma Verma Gupta Singh Kumar Reddy Nair Iyer Patel Rao Mehta Joshi Mishra Chatterjee",
    ),
    "BE": (
        "Pieter Jan Wouter Bart Tom Koen",
        "Els Sofie Leen Katrien Annelies Eline",
        "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters Desmet",
    ),
}
POOLS = {cc: tuple(part.split() for part in parts) for cc, parts in POOLS.items()}

# Countries where the family name comes first, as people there write it in English.
FAMILY_NAME_FIRST = {"CN", "KR"}


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    full_name: str
    email: str
    is_female: bool


def _feminine(country, last):
    """The family name a woman of ``country`` bears, where it changes with gender."""
    if country in {"UZ", "RU", "KZ", "AZ"} and last.endswith(("ov", "ev", "in")):
        return last + "a"
    if country == "BY":
        if last.endswith("ou"):
            return last[:-2] + "ova"
        if last.endswith("au"):
            return last[:-2] + "ava"
        if last.endswith("ski"):
            return last[:-1] + "aya"
        return last
    if country == "PL" and last.endswith(("ski", "cki", "dzki")):
        return last[:-1] + "a"
    if country == "LT":
        for male, female in (("ius", "ienė"), ("as", "ienė"), ("us", "uvienė")):
            if last.endswith(male):
                return last[: -len(male)] + female
    if country == "LV":
        if last.endswith("is"):
            return last[:-2] + "e"
        if last.endswith("ons"):
            return last[:-1] + "e"
        if last.endswith(("š", "s")):
            return last[:-1] + "a"
    return last


def ascii_slug(text):
    """Lower-case ASCII for an e-mail address: 'Łukasz Wiśniewski' -> 'lukasz-wisniewski'."""
    text = text.translate(str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "ß": "ss", "ʻ": "", "'": ""}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


class NameBook:
    """Hands out invented people; the same key always gives the same person within one book."""

    def __init__(self):
        self._names = set()
        self._emails = set()

    def person(self, country, key, *, female=None):
        pool_country = country if country in POOLS else "GB"
        male_names, female_names, family_names = POOLS[pool_country]
        rng = random.Random(f"{pool_country}|{key}")
        for _attempt in range(200):
            is_female = rng.random() < 0.45 if female is None else female
            first = rng.choice(female_names if is_female else male_names)
            last = rng.choice(family_names)
            if is_female:
                last = _feminine(pool_country, last)
            if pool_country == "MY":
                last = ("binti " if is_female else "bin ") + last
            full = f"{last} {first}" if pool_country in FAMILY_NAME_FIRST else f"{first} {last}"
            email = f"{ascii_slug(first)}.{ascii_slug(last.split()[-1])}@{EMAIL_DOMAIN}"
            if full not in self._names and email not in self._emails:
                self._names.add(full)
                self._emails.add(email)
                return Person(first, last, full, email, is_female)
        raise RuntimeError(f"No free name left in the {pool_country} pool for {key!r}.")
