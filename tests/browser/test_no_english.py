"""On /uz/ and /ru/ no English is left in the main content of the pages visitors read most.

The English is that of the demo itself: every text the demo gives in three languages (a ``T(en, uz, ru)``
anywhere in ``intl_office/demo``, found by its shape, so the test follows the demo wherever its texts
move) whose Uzbek or Russian differs from the English, each paragraph of it a phrase to look for; plus
the English words of the pages' own furniture. Proper names the translations keep as they are are
therefore left alone, and partners' official names are taken out of the page before it is read, as are
short tokens (abbreviations, codes).
"""

import dataclasses
import importlib
import pkgutil
import re

import pytest
from playwright.sync_api import Page

import intl_office.demo
from partners.models import Institution
from tests.browser.axe import localised, public_paths

pytestmark = pytest.mark.browser

PAGES = ("home", "partners", "a partner", "programmes", "calls", "a call", "visits", "a visit", "statistics", "about")
SHORTEST = 4  # characters; shorter ones are abbreviations and codes (JizPI, EU, CN)

# The words the pages' own templates would show if a string were left untranslated.
UI_WORDS = (
    "Read more",
    "More",
    "Apply",
    "Deadline",
    "Partners",
    "Partner",
    "Programmes",
    "Calls",
    "Visits",
    "Statistics",
    "About",
    "Search",
    "Show",
    "Filter",
    "Country",
    "Agreements",
    "Agreement",
    "Contacts",
    "Download",
    "Details",
    "Open",
    "Closed",
    "Upcoming",
    "Students",
    "Staff",
    "Total",
    "Year",
    "See all",
    "View",
    "Previous",
    "Next",
    "Page",
)

# Every text in the page's <main> a reader meets: what it shows, and the names images and controls carry.
MAIN_TEXT = """
() => {
  const main = document.querySelector("main");
  const names = [...main.querySelectorAll("[alt], [aria-label], [title]")].flatMap(
    (element) => ["alt", "aria-label", "title"].map((name) => element.getAttribute(name) || ""));
  return [main.innerText, ...names].join("\\n");
}
"""


def _is_translated_text(value):
    return isinstance(value, tuple) and getattr(value, "_fields", None) == ("en", "uz", "ru")


def _texts_in(value, found, seen):
    """Every T(en, uz, ru) reachable from ``value`` through containers and dataclasses."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if _is_translated_text(value):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _texts_in(item, found, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _texts_in(item, found, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _texts_in(getattr(value, field.name), found, seen)


def demo_texts():
    """The demo's T(en, uz, ru), from every module of ``intl_office.demo``."""
    found, seen = set(), set()
    for module in pkgutil.walk_packages(intl_office.demo.__path__, "intl_office.demo."):
        for value in vars(importlib.import_module(module.name)).values():
            _texts_in(value, found, seen)
    return found


def english_phrases(language):
    """The demo's English paragraphs whose translation into ``language`` says something else."""
    phrases = set()
    texts = demo_texts()
    # A name the demo writes the same way in English and in ``language`` somewhere ("Jasur Nazarov" on a
    # visit's programme) is that language's own text there, whatever another record calls the same person.
    own = {getattr(text, language) for text in texts}
    for text in texts:
        translation = getattr(text, language)
        if not text.en or text.en == translation:
            continue
        for paragraph in text.en.splitlines():
            paragraph = " ".join(paragraph.split()).lstrip("-•* ").strip()
            if len(paragraph) >= SHORTEST and paragraph not in translation and paragraph not in own:
                phrases.add(paragraph)
    return phrases


def found_in(text, phrase):
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)


def test_the_demo_gives_english_to_look_for():
    phrases = english_phrases("uz")
    assert len(phrases) > 100 and "About the department" in phrases


def official_names():
    """Partners' names, which stay in their official form (often English) and may contain a phrase of the demo."""
    names = Institution.objects.values_list("name_en", "name_uz", "name_ru")
    return sorted({name for row in names for name in row if name}, key=len, reverse=True)


def english_left(page: Page, paths, language):
    """Where each English phrase or UI word shows in <main> on the pages in ``language``; longest first."""
    phrases = sorted(english_phrases(language), key=len, reverse=True) + list(UI_WORDS)
    names = official_names()
    left = []
    for name in PAGES:
        address = localised(paths[name], language)
        response = page.goto(address)
        assert response.status == 200, f"{address} answered {response.status}"
        text = " ".join(page.evaluate(MAIN_TEXT).split())
        for official in names:
            text = text.replace(official, " ")
        for phrase in phrases:
            if found_in(text, phrase):
                left.append(f"{address} ({name}): {phrase[:80]!r}")
                text = text.replace(phrase, " ")
    return left


def test_no_english_in_the_main_content_in_uzbek_and_russian(page: Page, demo):
    paths = public_paths()
    left = english_left(page, paths, "uz") + english_left(page, paths, "ru")
    assert not left, "English in the main content:\n" + "\n".join(left)
