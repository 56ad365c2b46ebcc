"""One word in the scripts visitors type it in: Uzbek Latin, Uzbek and Russian Cyrillic, English spelling.

A visitor looking for Tashkent may type "Toshkent", "Ташкент" or "Tashkent", and for a text written
"o‘quv" may type "o'quv" or "ўқув". Two tools for the site search:

- ``spellings(word)``: the few ways the same word is written in the other scripts (``Ташкент`` ->
  ``tashkent``; ``shahar`` -> ``шаҳар``, ``шахар``; ``o'quv`` -> ``o‘quv``, ``oʻquv``, ``ўқув``), each
  searched for as typed in the records' text;
- ``place_key(name)``: a loose key under which the spellings of one place name meet (Toshkent,
  Tashkent and Ташкент are all ``tashkent``; Samarqand and Самарканд ``samarkand``), for the short
  lists of country and city names, never for free text.

Plain tables, no dictionary: the aim is to find, not to spell correctly. ``countries_named`` and
``places_named`` apply ``place_key`` to the countries' names in every language and to a list of city names;
``like_forms`` makes the spellings fit for a case-insensitive ``icontains`` on SQLite too.
"""

import re
import unicodedata
from functools import cache

from django.conf import settings
from django.db import connection
from django.utils import translation
from django_countries import countries

# Every way the Uzbek letters o‘ and g‘ are typed: the turned comma the portal writes (U+2018), the
# modifier letter (U+02BB), the right quote, the ASCII apostrophe and the backtick.
APOSTROPHES = "\u2018\u02bb\u2019'`\u02bc\u00b4"
PORTAL_APOSTROPHE = "\u2018"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")

# Uzbek Cyrillic (and Russian) to Uzbek Latin, the official 1995 alphabet.
_CYRILLIC_TO_UZBEK = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "'", "ь": "", "ы": "i",
    "э": "e", "ю": "yu", "я": "ya", "ў": "o'", "қ": "q", "ғ": "g'", "ҳ": "h",
}  # fmt: skip
# The same letters as English usually spells them (Khorezm, Zhukov, Fergana, Kokand).
_CYRILLIC_TO_ENGLISH = {**_CYRILLIC_TO_UZBEK, "х": "kh", "ж": "zh", "ў": "u", "қ": "k", "ғ": "gh", "ъ": "", "ҳ": "h"}

# Latin to Cyrillic, longest first: digraphs before single letters.
_LATIN_TO_UZBEK_CYRILLIC = [
    ("o'", "ў"), ("g'", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("ye", "е"),
    ("ts", "ц"), ("kh", "х"), ("zh", "ж"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"), ("i", "и"),
    ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "қ"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "х"), ("y", "й"), ("z", "з"), ("'", "ъ"),
]  # fmt: skip
# Russian has no ў, қ, ғ, ҳ: the letters it writes instead.
_UZBEK_TO_RUSSIAN_CYRILLIC = str.maketrans({"ў": "у", "қ": "к", "ғ": "г", "ҳ": "х", "ъ": ""})

MAX_SPELLINGS = 8


def normalize(text):
    """Compatibility forms folded (full-width letters, ligatures), lower case, one apostrophe ``'``."""
    return _APOSTROPHE_RE.sub("'", unicodedata.normalize("NFKC", text).casefold())


def has_cyrillic(text):
    return any("\u0400" <= char <= "\u04ff" for char in text)


def to_latin(text, *, english=False):
    """Cyrillic letters written in Uzbek Latin (or as English spells them); other characters kept."""
    table = _CYRILLIC_TO_ENGLISH if english else _CYRILLIC_TO_UZBEK
    return "".join(table.get(char, char) for char in normalize(text))


def to_cyrillic(text, *, russian=False):
    """Latin letters written in Uzbek Cyrillic (or Russian Cyrillic); other characters kept."""
    text, out, i = normalize(text), [], 0
    while i < len(text):
        for latin, cyrillic in _LATIN_TO_UZBEK_CYRILLIC:
            if text.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    cyrillic = "".join(out)
    return cyrillic.translate(_UZBEK_TO_RUSSIAN_CYRILLIC) if russian else cyrillic


def _apostrophe_forms(word):
    """``o'quv`` as the portal writes it (``o‘quv``), as the standard has it (``oʻquv``), and typed."""
    if "'" not in word:
        return [word]
    return [word.replace("'", PORTAL_APOSTROPHE), word.replace("'", "\u02bb"), word, word.replace("'", "\u2019")]


def spellings(word):
    """The word as typed (normalised) and in the other scripts, at most ``MAX_SPELLINGS``, most likely first."""
    word = normalize(word)
    found = []
    if has_cyrillic(word):
        candidates = [word, *_apostrophe_forms(to_latin(word)), to_latin(word, english=True)]
    else:
        candidates = [*_apostrophe_forms(word), to_cyrillic(word), to_cyrillic(word, russian=True)]
        if "kh" in word:
            candidates.append(word.replace("kh", "x"))
        if "x" in word:
            candidates.append(word.replace("x", "kh"))
    for candidate in candidates:
        if candidate and candidate not in found:
            found.append(candidate)
    return found[:MAX_SPELLINGS]


# After writing a name in Latin: the sounds the three spellings write differently, made one.
_LOOSE = [("kh", "x"), ("zh", "j"), ("dj", "j"), ("ye", "e"), ("iy", "i"), ("q", "k"), ("w", "v"), ("h", "x")]
_LOOSE_VOWELS = str.maketrans({"o": "a", "y": "i"})
_NOT_LETTERS = re.compile(r"[\W_]+")
_DOUBLED = re.compile(r"(.)\1+")


def place_key(name):
    """A loose key of a place name: Toshkent, Tashkent and Ташкент give ``tashkent``; words kept apart."""
    latin = to_latin(name).replace("'", "")
    for spelled, sound in _LOOSE:
        latin = latin.replace(spelled, sound)
    latin = _DOUBLED.sub(r"\1", latin.translate(_LOOSE_VOWELS))
    return " ".join(_NOT_LETTERS.split(latin)).strip()


def place_matches(query_key, name_key):
    """Whether a word of the query (a ``place_key``) names the place: a word of the name begins with it, or
    it begins with a word of the name and adds an Uzbek ending (Toshkentda, Xitoyga)."""
    if len(query_key) < 3:
        return False
    for word in name_key.split():
        if word.startswith(query_key):
            return True
        if len(word) >= 4 and query_key.startswith(word) and len(query_key) - len(word) <= 4:
            return True
    return False


# English names people type that django-countries spells otherwise.
COUNTRY_ALIASES = {
    "TR": ["Turkey"],
    "US": ["USA", "America"],
    "GB": ["UK", "Britain", "England"],
    "KR": ["Korea"],
    "RU": ["Russian Federation"],
    "CZ": ["Czech Republic"],
}


@cache
def _country_keys():
    """``[(code, [place_key of each of its names]), ...]``, names in every language, computed once per process."""
    keys = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                keys.setdefault(code, set()).add(place_key(str(name)))
    for code, aliases in COUNTRY_ALIASES.items():
        keys.setdefault(code, set()).update(place_key(alias) for alias in aliases)
    return [(code, sorted(names)) for code, names in keys.items()]


def countries_named(word):
    """The codes of the countries a word names in any language or script: "Xitoy", "Китай", "China" give CN."""
    key = place_key(word)
    return [code for code, names in _country_keys() if any(place_matches(key, name) for name in names)]


def places_named(word, names):
    """Those of ``names`` (city names, in any language) the word names: "Toshkent" picks "Tashkent"."""
    key = place_key(word)
    return [name for name in names if place_matches(key, place_key(name))]


def like_forms(spelled):
    """The spellings to look for with ``icontains``: SQLite's LIKE ignores the case of ASCII letters only,
    so there a word in other letters is also tried capitalised and in capitals (PostgreSQL folds every case)."""
    if connection.vendor != "sqlite":
        return list(spelled)
    forms = []
    for word in spelled:
        for form in [word] if word.isascii() else [word, word.capitalize(), word.upper()]:
            if form not in forms:
                forms.append(form)
    return forms
