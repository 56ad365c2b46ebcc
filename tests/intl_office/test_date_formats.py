"""One way to write a date per language, from the locale formats: day-month-year in English, Django's otherwise."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import formats, translation

DAY = datetime.date(2026, 9, 1)
MOMENT = datetime.datetime(2026, 9, 1, 14, 5)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    ("language", "long", "short", "moment"),
    [
        ("en", "1 September 2026", "1 Sep 2026", "1 September 2026, 14:05"),
        ("uz", "1-Sentabr, 2026-yil", "01.09.2026", "1-Sentabr, 2026-yil 14:05"),
        ("ru", "1 сентября 2026", "01.09.2026", "1 сентября 2026, 14:05"),
    ],
)
def test_each_language_writes_a_date_its_own_way(language, long, short, moment):
    with translation.override(language):
        assert formats.date_format(DAY) == long
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == moment


def test_no_template_spells_out_a_date_format_of_its_own():
    """A spelled-out format writes "1 Сентябрь" in Russian and mixes styles on one page: name the format instead.

    Years alone and ISO dates (for ``datetime`` attributes and file names) are the same in every language.
    """
    spelled = []
    for path in TEMPLATES.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".txt", ".xml"}:
            for match in re.finditer(r"\|date:[\"']([^\"']+)[\"']", path.read_text()):
                if match.group(1) not in {"Y", "Y-m-d", "c", "l"} and not match.group(1).endswith("FORMAT"):
                    spelled.append(f"{path.relative_to(TEMPLATES)}: {match.group(1)}")
    assert spelled == []
