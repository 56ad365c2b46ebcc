"""How a word typed in one script reaches text written in another (intl_office.transliteration)."""

import pytest

from intl_office.transliteration import place_key, place_matches, spellings, to_cyrillic, to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ташкент", "tashkent"),
        ("Хитой", "xitoy"),
        ("Чирчиқ", "chirchiq"),
        ("Ўзбекистон", "o'zbekiston"),
        ("Ғиждувон", "g'ijduvon"),
        ("Щёлково", "shyolkovo"),
    ],
)
def test_cyrillic_is_written_in_uzbek_latin(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_cyrillic_is_written_as_english_spells_it():
    assert to_latin("Хорезм", english=True) == "khorezm"
    assert to_latin("Жуковский", english=True) == "zhukovskiy"


@pytest.mark.parametrize(
    ("latin", "uzbek", "russian"),
    [
        ("Toshkent", "тошкент", "тошкент"),
        ("shahar", "шаҳар", "шахар"),
        ("o'quv", "ўқув", "укув"),
        ("G‘ijduvon", "ғиждувон", "гиждувон"),
        ("Khiva", "хива", "хива"),
        ("Chirchiq", "чирчиқ", "чирчик"),
    ],
)
def test_latin_is_written_in_uzbek_and_russian_cyrillic(latin, uzbek, russian):
    assert to_cyrillic(latin) == uzbek
    assert to_cyrillic(latin, russian=True) == russian


@pytest.mark.parametrize("typed", ["o'quv", "o‘quv", "oʻquv", "o’quv", "O`quv"])
def test_every_apostrophe_gives_the_spelling_the_portal_writes(typed):
    found = spellings(typed)

    assert found[0] == "o\u2018quv"
    assert "o\u02bbquv" in found
    assert "ўқув" in found


def test_x_and_kh_are_tried_both_ways():
    assert "khiva" in spellings("Xiva")
    assert "xiva" in spellings("Khiva")


def test_a_cyrillic_word_is_tried_in_latin():
    assert spellings("Ташкент") == ["ташкент", "tashkent"]


def test_spellings_are_few():
    assert len(spellings("o'g'ilxon")) <= 8


@pytest.mark.parametrize(
    "names",
    [
        ["Toshkent", "Tashkent", "Ташкент"],
        ["Samarqand", "Samarkand", "Самарканд"],
        ["Xitoy", "Хитой"],
        ["Buxoro", "Bukhara", "Бухара"],
        ["Xiva", "Khiva", "Хива"],
    ],
)
def test_the_spellings_of_a_place_share_one_key(names):
    assert len({place_key(name) for name in names}) == 1


def test_a_place_key_keeps_words_apart():
    assert place_key("Janubiy Koreya") == place_key("janubiy   koreya!")
    assert len(place_key("Janubiy Koreya").split()) == 2


@pytest.mark.parametrize(
    ("query", "name", "matches"),
    [
        ("Toshkent", "Tashkent", True),
        ("Toshkentda", "Tashkent", True),  # an Uzbek ending
        ("Xitoyga", "Xitoy", True),
        ("Kore", "Janubiy Koreya", True),  # the start of a word
        ("ko", "Koreya", False),  # too short to mean a place
        ("Ankaraliklardan", "Ankara", False),  # more than an ending
        ("Tashkent", "Samarkand", False),
    ],
)
def test_a_query_word_names_a_place(query, name, matches):
    assert place_matches(place_key(query), place_key(name)) is matches
