"""Letters and documents printed as PDF from templates staff edit in the admin.

A letter is a ``LetterTemplate`` (kind and language; the default in ``templates/letters/`` when the
office has not written its own), filled with a context of plain values by the code that prints it,
drawn under the letterhead (``HomeInstitution``: logo, name, address, contacts) and signed by the
institution's signatory. fpdf2 turns the template's simple HTML (headings, paragraphs, bold,
lists, tables) into PDF with DejaVu Sans, so Cyrillic and Uzbek Latin print.

The template is rendered by a Django template engine of its own, with autoescaping and no loaders
or libraries: a staff member can use ``{{ value }}``, ``{% if %}``, ``{% for %}`` and the built-in
filters, nothing that reads a file or another template. The context holds only what the caller put
in it (strings, numbers, dates, lists of dicts), never a model, so a template cannot reach a field
nobody meant to print. Whatever a user typed comes out escaped, as text.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation

from .letter_records import LetterTemplate

DEFAULTS_DIR = Path(settings.BASE_DIR) / "templates" / "letters"

# The kinds' languages: an invitation for a visa is read by a consulate, in English or Russian.
LANGUAGES = {
    LetterTemplate.Kind.VISA_INVITATION: ("en", "ru"),
    LetterTemplate.Kind.NOMINATION_SHEET: ("en", "uz", "ru"),
    LetterTemplate.Kind.RECOMMENDATION_LIST: ("en", "uz", "ru"),
    LetterTemplate.Kind.TRIP_ORDER: ("en", "uz", "ru"),
}

ENGINE = Engine(autoescape=True, debug=False, libraries={}, builtins=[], loaders=[])


@dataclass(frozen=True)
class Letter:
    title: str
    html: str


def default_text(kind: str, language: str) -> tuple[str, str]:
    """The default (title, body) of a kind in a language, from ``templates/letters/<kind>.<language>.html``.

    The file's first line is the title; the rest is the body.
    """
    text = (DEFAULTS_DIR / f"{kind}.{language}.html").read_text(encoding="utf-8")
    title, _newline, body = text.partition("\n")
    return title.strip(), body


def template_for(kind: str, language: str) -> tuple[str, str]:
    """The (title, body) the office uses: its own template, else the default."""
    own = LetterTemplate.objects.filter(kind=kind, language=language).values_list("title", "body").first()
    return own if own is not None else default_text(kind, language)


def render_letter(kind: str, *, language: str, context: dict) -> Letter:
    """Fill the office's template for ``kind`` in ``language`` with ``context`` (plain values only)."""
    if language not in LANGUAGES[kind]:
        raise ValueError(f"{kind} is not written in {language}")
    title, body = template_for(kind, language)
    with translation.override(language):
        values = Context(context, autoescape=True)
        return Letter(
            title=ENGINE.from_string(title).render(values),
            html=ENGINE.from_string(body).render(values),
        )


def letter_pdf(kind: str, *, language: str, context: dict) -> bytes:
    """The letter as a PDF under the department's letterhead, signed by its signatory."""
    from .letter_pdf import draw_letter

    letter = render_letter(kind, language=language, context=context)
    with translation.override(language):
        return draw_letter(letter)
