"""The Uzbek and Russian catalogues are complete, valid and compiled from their current .po files."""

import gettext
import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(language):
    return polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{language}: run makemessages and translate these"
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english(language):
    def placeholders(text):
        return sorted(re.findall(r"%\(\w+\)[sd]|\{\w+\}", text))

    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            for form in entry.msgstr_plural.values():
                assert set(placeholders(form)) <= set(placeholders(entry.msgid_plural)), entry.msgid
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    """The committed .mo must be rebuilt after each .po change: `make messages`."""
    mo_path = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.mo"
    with open(mo_path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue(language).translated_entries():
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for form, text in entry.msgstr_plural.items():
                assert compiled._catalog.get((msgid, form)) == text, (entry.msgid, form)
        else:
            assert compiled._catalog.get(msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    "language, forms",
    [
        ("uz", {1: "ta arizani", 3: "ta arizani", 21: "ta arizani"}),
        ("ru", {1: "заявку?", 3: "заявки?", 5: "заявок?", 11: "заявок?", 21: "заявку?", 24: "заявки?"}),
    ],
)
def test_plural_forms_follow_the_languages_rules(language, forms):
    """Russian has one, few and many; Uzbek one form. The compiled header must say so, not English's two."""
    with translation.override(language):
        for count, expected in forms.items():
            text = translation.ngettext("Accept %(count)d application?", "Accept %(count)d applications?", count)
            assert f"{count} {expected}" in text % {"count": count}


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_reads_in_the_visitors_language(language):
    with translation.override(language):
        labels = [translation.gettext(label) for label in ("Partners", "Programmes", "Calls", "Visits", "About")]
    assert all(label and label not in {"Partners", "Programmes", "Calls", "Visits", "About"} for label in labels)
