"""Country names in the reader's language: Uzbek from CLDR, each list in its own alphabet, read back by imports."""

import importlib.util
import re

import polib
import pytest
from django.conf import settings

from intl_office.resources import country_code
from tests.factories import InstitutionFactory

SCRIPT = settings.BASE_DIR / "scripts" / "country_names.py"
CATALOGUE = settings.BASE_DIR / "intl_office" / "country_names" / "uz" / "LC_MESSAGES" / "django.po"


def country_options(html):
    """The country filter's option labels, in page order, without their counts."""
    select = re.search(r'<select name="country".*?</select>', html, re.S).group(0)
    return [
        re.sub(r" \(\d+\)$", "", label) for label in re.findall(r"<option value=\"[A-Z]{2}\"[^>]*>([^<]+)<", select)
    ]


def test_the_committed_catalogue_is_what_cldr_gives_today():
    spec = importlib.util.spec_from_file_location("country_names", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    fresh = {entry.msgid: entry.msgstr for entry in script.catalogue()}
    committed = {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE))}
    assert committed == fresh
    assert committed["China"] == "Xitoy"
    assert committed["Korea (the Republic of)"] == "Janubiy Koreya"
    assert committed["Russia"] == committed["Russian Federation"] == "Rossiya"
    assert committed["Turkey"] == committed["Türkiye"]
    # One spelling of oʻ/gʻ: the turned comma, never a quotation mark.
    assert committed["United States of America"] == "Amerika Qo\u02bbshma Shtatlari"
    assert not any("\u2018" in name for name in committed.values())


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
@pytest.mark.parametrize(
    ("language", "shown", "english"),
    [("uz", "Xitoy, Jinan", "China"), ("ru", "Китай, Jinan", "China"), ("en", "China, Jinan", "Xitoy")],
)
def test_the_partner_directory_names_the_country_in_the_readers_language(client, language, shown, english):
    # The city has the same name in every language here, so only the country's name changes.
    InstitutionFactory(name="Shandong Jianzhu University", country="CN", city="Jinan", city_uz="Jinan", city_ru="Jinan")
    html = client.get(f"/{language}/partners/" if language != "en" else "/partners/").content.decode()
    assert shown in html
    assert english not in html


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
@pytest.mark.parametrize(
    ("language", "countries", "expected"),
    [
        # English order would put Albania before Austria and Azerbaijan; Russian reads А, В, З, Л.
        ("ru", ["AL", "AT", "AZ", "AU"], ["Австралия", "Австрия", "Азербайджан", "Албания"]),
        ("uz", ["CN", "DE", "RU", "JP"], ["Germaniya", "Rossiya", "Xitoy", "Yaponiya"]),
        ("en", ["CN", "DE", "RU", "JP"], ["China", "Germany", "Japan", "Russia"]),
    ],
)
def test_the_country_filter_is_sorted_in_the_readers_alphabet(client, language, countries, expected):
    for code in countries:
        InstitutionFactory(country=code)
    prefix = "" if language == "en" else f"/{language}"
    html = client.get(f"{prefix}/partners/").content.decode()
    assert country_options(html) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Xitoy", "CN"),
        ("Janubiy Koreya", "KR"),
        ("Китай", "CN"),
        ("China", "CN"),
        ("O\u02bbzbekiston", "UZ"),
        # Spreadsheets type oʻ and gʻ with an apostrophe, a backtick or a quotation mark.
        ("O'zbekiston", "UZ"),
        ("Qozog`iston", "KZ"),
        ("Qozog\u2018iston", "KZ"),
        ("Côte d'Ivoire", "CI"),
        ("Atlantis", ""),
    ],
)
def test_an_import_reads_a_country_in_any_of_the_sites_languages(typed, code):
    assert country_code(typed) == code
