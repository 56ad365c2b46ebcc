"""Write the Uzbek country names catalogue from CLDR, as Babel ships it.

django-countries translates its names through gettext and has no Uzbek catalogue, so Uzbek pages
showed "China" and "Russia". CLDR's names are complete ("Xitoy", "Rossiya", "Janubiy Koreya"),
while pycountry's Uzbek catalogue still lacks China, Russia and Korea. This script keys each CLDR
name by django-countries' English name (the gettext msgid) and writes
intl_office/country_names/uz/LC_MESSAGES/django.po and .mo, which LOCALE_PATHS loads. Run it after
upgrading django-countries or Babel; a test fails while the committed catalogue differs from it.

    .venv/bin/python scripts/country_names.py
"""

import sys
from pathlib import Path

import django
import polib
from babel import Locale
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parent.parent / "intl_office" / "country_names" / "uz" / "LC_MESSAGES"


def uzbek_name(name):
    # CLDR mixes the turned comma (U+02BB), the letter Uzbek spelling uses in oʻ and gʻ, with the
    # left quotation mark (U+2018); one spelling keeps search and sorting consistent.
    return name.replace("\u2018", "\u02bb")


def catalogue():
    if not settings.configured:
        settings.configure(USE_I18N=True)
        django.setup()
    from django_countries.base import CountriesBase
    from django_countries.data import COUNTRIES

    # Pages show the common names ("Russia", "South Korea"), imports also read the old ones ("Turkey").
    english = [(code, name) for code, name in COUNTRIES.items()]
    english += list(CountriesBase.COMMON_NAMES.items())
    english += [(code, name) for code, names in CountriesBase.OLD_NAMES.items() for name in names]

    names = Locale.parse("uz").territories
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "country names from CLDR",
        "Language": "uz",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    with translation.override(None):  # no catalogue: each name reads as its English msgid
        for code, msgid in sorted(dict.fromkeys((code, str(name)) for code, name in english)):
            if code in names:
                po.append(polib.POEntry(msgid=msgid, msgstr=uzbek_name(names[code]), comment=code))
    return po


def main():
    CATALOGUE.mkdir(parents=True, exist_ok=True)
    po = catalogue()
    po.save(str(CATALOGUE / "django.po"))
    po.save_as_mofile(str(CATALOGUE / "django.mo"))
    print(f"{len(po)} Uzbek country names written to {CATALOGUE}")


if __name__ == "__main__":
    sys.exit(main())
