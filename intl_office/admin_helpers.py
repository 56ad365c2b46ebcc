"""Pieces every app's admin shares: status badges, translated search, compact widgets."""

from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.utils.html import format_html
from modeltranslation.utils import get_translation_fields

# The tones a badge can take; admin-extra.css gives each a colour that reads in light and dark mode.
SUCCESS = "success"
INFO = "info"
WARNING = "warning"
DANGER = "danger"
MUTED = "muted"


def badge(label, tone):
    """A coloured label for a status; the text carries the meaning, the colour only helps the eye."""
    return format_html('<span class="io-badge io-badge--{}">{}</span>', tone, label)


def choice_badge(value, choices, tones):
    """Badge for a value of a ``TextChoices`` class, coloured by the ``tones`` mapping."""
    return badge(choices(value).label, tones.get(value, MUTED))


def period(start, end):
    """A stay or visit as "2024-09-01 – 2025-01-31" in one narrow column; one date when there is no end.

    Each date keeps to one line: the column may wrap between the dates, never inside one.
    """
    if end is None or end == start:
        return format_html('<span class="io-nowrap">{}</span>', start.isoformat())
    return format_html(
        '<span class="io-nowrap">{}</span> – <span class="io-nowrap">{}</span>', start.isoformat(), end.isoformat()
    )


def translated(*fields):
    """Every language column of translated fields, so a search finds a name in any language.

    A plain ``name`` in ``search_fields`` would be rewritten by modeltranslation to the
    column of the language the staff member happens to browse in.
    """
    return get_translation_fields(*fields)


class AdminExtraMedia:
    """Mixed into admins whose pages show badges, renewal chains, thumbnails or wide autocompletes."""

    class Media:
        css = {"all": ["admin-extra/admin-extra.css"]}


class CompactTextareas:
    """Four-line text boxes: with three languages per field, Django's ten-line default makes endless forms.

    The boxes can still be dragged taller for a long story.
    """

    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 4})}}
