"""One search across the site: the words of a query, matched and ranked in every kind of public record.

Every word of the query must be found in a record (AND), in any of its languages and in any of the
word's spellings (``intl_office.transliteration.spellings``): in its name or title, in its texts, or as
the name of its country or city in any language (``place_key``: Toshkent, Tashkent and Ташкент meet).

Ranking, the same on both databases: per word, a match in the name counts 4, in the country or city 2,
in the text 1; the whole query found in the name adds 3. On PostgreSQL the full-text rank (the
'simple' configuration, since there is no Uzbek dictionary; names weigh A, texts C) and the trigram
word similarity of the query to the name (pg_trgm, migration ``intl_office.0011``) are added, and a
name close enough to the query (a typo: "Tashkend") is found too.

One query per kind (its count rides along as a window function) and the place names (one query,
shared until a record changes): the page's queries do not grow with the rows.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When, Window
from django.db.models.functions import Cast, Greatest
from django.utils.html import format_html

from intl_office.page_cache import cached_fragment
from intl_office.transliteration import countries_named, like_forms, normalize, place_key, places_named, spellings

MAX_QUERY_LENGTH = 100
MAX_WORDS = 5
# Names whose trigram word similarity to the query reaches this are found even without a word in common.
TRIGRAM_THRESHOLD = 0.6
# Below this a name's similarity to the query is noise (two letters in common): it does not move the rank.
TRIGRAM_NOISE = 0.3
CONTEXT_CHARS = 160

# Letters and digits, an apostrophe inside a word kept (o‘quv, O'zbekiston are one word).
_WORD = re.compile(r"[^\W_]+(?:['\u2018\u2019\u02bb\u02bc`][^\W_]+)*")
_TSQUERY_PART = re.compile(r"[^\W_]+")


def languages():
    return [code for code, _name in settings.LANGUAGES]


def columns(model, path):
    """The columns of a field in every language (``name_en``, ``name_uz``, ``name_ru``) or, untranslated, itself.

    ``path`` may follow relations: ``partner__city``.
    """
    *relations, name = path.split("__")
    model = _target_model(model, path)
    translated = [f"{name}_{code}" for code in languages()]
    try:
        for column in translated:
            model._meta.get_field(column)
    except FieldDoesNotExist:
        return [path]
    return ["__".join([*relations, column]) for column in translated]


def clean_query(raw):
    """The query as it is searched and shown: control characters (NUL) out, spaces folded, cut to length."""
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    """The words searched for: at most ``MAX_WORDS``, each of two characters or more (or a number)."""
    words = []
    for word in _WORD.findall(query):
        if (len(word) > 1 or word.isdigit()) and normalize(word) not in [normalize(w) for w in words]:
            words.append(word)
    return words[:MAX_WORDS]


@dataclass(frozen=True)
class Kind:
    """A kind of record the search finds, and how (see ``search_kinds.KINDS``)."""

    key: str
    label: object
    queryset: object  # () -> the public records, related rows selected
    names: tuple  # fields of the name or title (each in every language): a match here ranks first
    texts: tuple = ()  # fields of the texts
    country: str | None = None  # the path of a CountryField
    cities: tuple = ()  # the paths of city fields
    title: object = str  # record -> its title in the active language
    context: object = None  # record -> the fixed part of its line of context (country, date, programme)
    context_texts: tuple = ()  # translated fields, in the active language, to quote around the match
    list_url: object = None  # query -> the kind's own list filtered by it, where one exists
    sort: object = None  # () -> the order among equal scores (the name in the active language)


@dataclass
class KindResults:
    kind: Kind
    total: int = 0
    hits: list = field(default_factory=list)
    list_url: str | None = None  # the kind's own list, filtered by the query (the view sets it)

    @property
    def more(self):
        return self.total > len(self.hits)


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    facts: str
    quote: str
    score: float


def _city_names(kinds):
    """Every city name the searched records may carry, in every language: one query per model with cities.

    A candidate list only (a partner's city is read from every partner, public or not): what is found
    is decided by each kind's own public records.
    """
    sources = {}
    for kind in kinds:
        for path in kind.cities:
            model = _target_model(kind.queryset().model, path)
            sources.setdefault(model, set()).update(columns(model, path.split("__")[-1]))
    names = set()
    for model, fields in sources.items():
        for row in model._default_manager.order_by().values_list(*sorted(fields)).distinct():
            names.update(name for name in row if name)
    return sorted(names)


def _target_model(model, path):
    for relation in path.split("__")[:-1]:
        model = model._meta.get_field(relation).related_model
    return model


@dataclass
class Places:
    """Which countries and cities each word of a query names."""

    kinds: tuple

    def __post_init__(self):
        self._cities = None
        self._countries = {}

    def countries(self, word):
        key = place_key(word)
        if key not in self._countries:
            self._countries[key] = countries_named(word)
        return self._countries[key]

    def cities(self, word):
        if self._cities is None:
            fragment = "search-city-names:" + ",".join(kind.key for kind in self.kinds)
            self._cities = cached_fragment(fragment, lambda: _city_names(self.kinds))
        return places_named(word, self._cities)


def _any_contains(fields, spelled):
    condition = Q()
    for column in fields:
        for spelling in spelled:
            condition |= Q(**{f"{column}__icontains": spelling})
    return condition


@dataclass
class WordMatch:
    in_name: Q
    in_place: Q
    in_text: Q

    @property
    def anywhere(self):
        return self.in_name | self.in_place | self.in_text


def match_word(kind, model, word, places):
    spelled = like_forms(spellings(word))
    in_place = Q(pk__in=[])
    if kind.country:
        codes = places.countries(word)
        if codes:
            in_place |= Q(**{f"{kind.country}__in": codes})
    if kind.cities:
        cities = places.cities(word)
        if cities:
            for city in kind.cities:
                for column in columns(model, city):
                    in_place |= Q(**{f"{column}__in": cities})
    return WordMatch(
        _any_contains(_all_columns(model, kind.names), spelled),
        in_place,
        _any_contains(_all_columns(model, kind.texts), spelled),
    )


def _all_columns(model, paths):
    return [column for path in paths for column in columns(model, path)]


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def search_kind(kind, query, places, *, limit, postgres=None):
    """``KindResults``: how many records of the kind match ``query``, and the ``limit`` best."""
    words = query_words(query)
    if not words:
        return KindResults(kind)
    postgres = connection.vendor == "postgresql" if postgres is None else postgres
    records = kind.queryset()
    names = _all_columns(records.model, kind.names)
    matches = [match_word(kind, records.model, word, places) for word in words]
    found = Q()
    for match in matches:
        found &= match.anywhere
    score = sum(
        (
            Case(
                When(match.in_name, then=Value(4)),
                When(match.in_place, then=Value(2)),
                When(match.in_text, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for match in matches
        ),
        start=_points(_any_contains(names, like_forms([normalize(" ".join(words))])), 3)
        if len(words) > 1
        else Value(0),
    )
    if postgres:
        records, found, score = _postgres_ranking(kind, words, records, found, score)
    records = (
        records.filter(found)
        .annotate(search_score=score, search_total=Window(Count("pk")))
        .order_by("-search_score", kind.sort() if kind.sort else names[0], "pk")[:limit]
    )
    hits = [_hit(kind, record, words) for record in records]
    return KindResults(kind, total=records[0].search_total if hits else 0, hits=hits)


def _postgres_ranking(kind, words, records, found, score):
    """Add the full-text rank and the names' trigram similarity to the score; forgive a typo in a name."""
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity

    names = _all_columns(records.model, kind.names)
    vector = SearchVector(*names, weight="A", config="simple")
    if kind.texts:
        vector = vector + SearchVector(*_all_columns(records.model, kind.texts), weight="C", config="simple")
    query = SearchQuery(_tsquery(words), search_type="raw", config="simple")
    phrase = " ".join(words)
    similarity = Greatest(
        *[TrigramWordSimilarity(phrase, column) for column in names], Value(0.0), output_field=FloatField()
    )
    records = records.annotate(
        search_document=vector,
        search_rank=SearchRank(F("search_document"), query),
        search_similarity=similarity,
    )
    found = found | Q(search_document=query) | Q(search_similarity__gte=TRIGRAM_THRESHOLD)
    close = Case(
        When(search_similarity__gte=TRIGRAM_NOISE, then=F("search_similarity") * 2),
        default=Value(0.0),
        output_field=FloatField(),
    )
    score = Cast(score, FloatField()) + F("search_rank") * 4 + close
    return records, found, score


def _tsquery(words):
    """A raw tsquery: every word (AND), in any spelling (OR), as a prefix (Uzbek endings: Toshkentda).

    Only runs of letters and digits go in, so nothing a visitor types can change its syntax.
    """
    per_word = []
    for word in words:
        options = []
        for spelling in spellings(word):
            parts = _TSQUERY_PART.findall(spelling)
            if parts:
                options.append("(" + " & ".join(f"'{part}':*" for part in parts) + ")")
        if options:
            per_word.append("(" + " | ".join(options) + ")")
    return " & ".join(per_word) or "''"


def _hit(kind, record, words):
    return Hit(
        title=kind.title(record),
        url=record.get_absolute_url(),
        facts=kind.context(record) if kind.context else "",
        quote=quote([getattr(record, name) or "" for name in kind.context_texts], words),
        score=record.search_score,
    )


def quote(texts, words):
    """A line of the first text that holds a word of the query, the word marked; else the first text's start."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    for text in texts:
        folded = normalize(text)
        for word in words:
            for spelling in spellings(word):
                at = folded.find(spelling)
                # Case folding may change a text's length (ß): only quote where it did not.
                if at >= 0 and len(folded) == len(text):
                    return _excerpt(text, at, len(spelling))
    text = texts[0]
    return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"


def _excerpt(text, at, length):
    start = max(0, at - CONTEXT_CHARS // 3)
    if start:
        start = text.find(" ", start, at) + 1 or start
    end = min(len(text), at + length + CONTEXT_CHARS * 2 // 3)
    if end < len(text):
        end = text.rfind(" ", at + length, end) if text.rfind(" ", at + length, end) > 0 else end
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if start else "",
        text[start:at],
        text[at : at + length],
        text[at + length : end],
        "…" if end < len(text) else "",
    )


def search(kinds, query, *, limit, postgres=None):
    """``[KindResults, ...]`` for each kind in order, empty ones included."""
    places = Places(tuple(kind for kind in kinds if kind.cities))
    return [search_kind(kind, query, places, limit=limit, postgres=postgres) for kind in kinds]
