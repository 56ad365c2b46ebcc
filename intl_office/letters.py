"""Letters and documents printed as PDF from templates staff edit in the admin.

A letter is a ``LetterTemplate`` (kind and language; the default in ``templates/letters/`` when the
office has not written its own), filled with a context of plain values by the code that prints it,
drawn under the letterhead (``HomeInstitution``: logo, name, address, contacts) and signed by the
institution's signatory. fpdf2 turns the template's simple HTML (headings, paragraphs, bold,
lists, tables) into PDF with DejaVu Sans, so Cyrillic and Uzbek Latin print.

The template is rendered by an engine of its own (``intl_office.letter_engine``), with autoescaping,
no loaders and one library (``intl_office.letter_tags``): values, ``if``, ``for``, ``with``, ``now``,
``firstof`` and the built-in filters but ``safe``; nothing that reads a file or another template.
The admin refuses anything else when the template is saved (``check_template``). The context holds
only what the caller put in it (strings, numbers, dates, lists of dicts), never a model, so a
template cannot reach a field nobody meant to print. Whatever a user typed comes out as text.

An office template that still fails on a real letter (a value the samples did not foresee) never
stops the person downloading it: the default is printed instead and the failure logged.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from .letter_engine import fill, parse
from .letter_records import LetterTemplate
from .letter_samples import sample_context

logger = logging.getLogger(__name__)

DEFAULTS_DIR = Path(settings.BASE_DIR) / "templates" / "letters"

# The kinds' languages: an invitation for a visa is read by a consulate, in English or Russian.
LANGUAGES = {
    LetterTemplate.Kind.VISA_INVITATION: ("en", "ru"),
    LetterTemplate.Kind.NOMINATION_SHEET: ("en", "uz", "ru"),
    LetterTemplate.Kind.RECOMMENDATION_LIST: ("en", "uz", "ru"),
    LetterTemplate.Kind.TRIP_ORDER: ("en", "uz", "ru"),
}


@dataclass(frozen=True)
class Letter:
    title: str
    html: str
    # Printed from the office's own template rather than the default.
    own: bool = False


def default_text(kind: str, language: str) -> tuple[str, str]:
    """The default (title, body) of a kind in a language, from ``templates/letters/<kind>.<language>.html``.

    The file's first line is the title; the rest is the body. ("", "") when there is no such file.
    """
    path = DEFAULTS_DIR / f"{kind}.{language}.html"
    if not path.is_file():
        return "", ""
    title, _newline, body = path.read_text(encoding="utf-8").partition("\n")
    return title.strip(), body


def office_text(kind: str, language: str) -> tuple[str, str] | None:
    """The office's own (title, body) for ``kind`` in ``language``, or None."""
    return LetterTemplate.objects.filter(kind=kind, language=language).values_list("title", "body").first()


def template_for(kind: str, language: str) -> tuple[str, str]:
    """The (title, body) the office uses: its own template, else the default."""
    return office_text(kind, language) or default_text(kind, language)


def _check_language(kind, language):
    if language not in LANGUAGES[kind]:
        raise ValueError(f"{kind} is not written in {language}")


def _fill(text: tuple[str, str], context: dict, *, own: bool) -> Letter:
    title, html = fill(*text, context)
    return Letter(title=title, html=html, own=own)


def render_letter(kind: str, *, language: str, context: dict) -> Letter:
    """Fill the office's template for ``kind`` in ``language`` with ``context`` (plain values only).

    Should the office's template fail on this context, the default is filled instead (and logged).
    """
    _check_language(kind, language)
    with translation.override(language):
        own = office_text(kind, language)
        if own is not None:
            try:
                return _fill(own, context, own=True)
            except Exception:
                logger.exception("The office's %s template in %s failed; the default is used", kind, language)
        return _fill(default_text(kind, language), context, own=False)


def letter_pdf(kind: str, *, language: str, context: dict) -> bytes:
    """The letter as a PDF under the department's letterhead, signed by its signatory."""
    from .letter_pdf import FontMissing, draw_letter

    letter = render_letter(kind, language=language, context=context)
    with translation.override(language):
        if letter.own:
            try:
                return draw_letter(letter)
            except FontMissing:
                raise
            except Exception:
                logger.exception("The office's %s template in %s did not print; the default is used", kind, language)
                letter = _fill(default_text(kind, language), context, own=False)
        return draw_letter(letter)


def check_template(kind: str, language: str, *, title: str, body: str) -> None:
    """Raise ``ValidationError`` ({"title": ..., "body": ...}) unless the text prints with sample values.

    Run by the admin before a template is saved: a tag the engine refuses, a syntax error, an error
    when filled or drawn is shown next to its field.
    """
    from .letter_pdf import FontMissing, draw_letter

    errors = {}
    for field, text in (("title", title), ("body", body)):
        try:
            parse(text)
        except ValidationError as error:
            errors[field] = error
    if errors:
        raise ValidationError(errors)
    with translation.override(language):
        try:
            draw_letter(_fill((title, body), sample_context(kind, language), own=True))
        except FontMissing:
            raise
        except ValidationError as error:  # too long once filled
            raise ValidationError({"body": error.messages}) from error
        except Exception as error:
            raise ValidationError(
                {
                    "body": _("The letter cannot be printed with sample values: %(error)s")
                    % {"error": str(error) or _("the HTML is not one the PDF can draw (a table in a table?)")}
                }
            ) from error


def preview_pdf(kind: str, language: str) -> bytes:
    """The letter the office would print now for ``kind`` in ``language``, filled with sample values."""
    return letter_pdf(kind, language=language, context=sample_context(kind, language))
