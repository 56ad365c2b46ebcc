"""Reading, checking and filling a letter template, and keeping its HTML to what a letter holds.

``check_template`` is what the admin runs on a template before it is saved: it refuses any tag but
those of ``intl_office.letter_tags`` with a message naming the tag, a syntax error with its line, and
a template that fails when filled with sample values. ``fill`` renders the title as plain text (it is
drawn as text, so ``&`` stays ``&``) and the body as HTML with every value escaped, and ``clean_html``
keeps only the tags and attributes fpdf2 draws in DejaVu: no image (fpdf2 would fetch its address),
no link, no ``<title>``, no ``<pre>`` or ``<code>`` (Courier has no Cyrillic), no font face.
"""

import html
import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import Lexer, TokenType
from django.utils.translation import gettext as _

from .letter_tags import ALLOWED_TAGS, REFUSED_FILTERS, TAG_WORDS


class LetterEngine(Engine):
    # Django's engine always adds its default tags (load, include, debug, url...); this one adds none.
    default_builtins = []


ENGINE = LetterEngine(
    autoescape=True, debug=False, libraries={}, builtins=["intl_office.letter_tags"], loaders=[], app_dirs=False
)

FILTER = re.compile(r"\|\s*(\w+)")
MAX_TITLE, MAX_BODY = 1_000, 200_000  # characters, once filled

# Tag -> attributes kept. Everything else is dropped, its text kept (escaped).
ALLOWED_HTML = {
    "p": {"align"},
    "br": set(),
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "s": set(),
    "sup": set(),
    "sub": set(),
    "center": set(),
    "blockquote": set(),
    "h1": {"align"},
    "h2": {"align"},
    "h3": {"align"},
    "h4": {"align"},
    "ul": set(),
    "ol": {"start"},
    "li": set(),
    "dl": set(),
    "dt": set(),
    "dd": set(),
    "hr": set(),
    "font": {"color", "size"},
    "table": {"width", "border", "align"},
    "thead": set(),
    "tbody": set(),
    "tr": set(),
    "th": {"width", "align", "colspan", "rowspan"},
    "td": {"width", "align", "colspan", "rowspan"},
}
VOID = {"br", "hr"}
SAFE_ATTRIBUTE = re.compile(r"^[\w #%.,-]{0,40}$")


def parse(text: str):
    """``text`` as a template of the letter engine; raises ``ValidationError`` with a message for staff."""
    for token in Lexer(text).tokenize():
        if token.token_type == TokenType.BLOCK:
            word = token.contents.split()[0] if token.contents.split() else ""
            if word not in TAG_WORDS:
                raise ValidationError(
                    _(
                        "Line %(line)s: the tag “%(tag)s” cannot be used in a letter. "
                        "Use values ({{ name }}), filters and the tags %(allowed)s."
                    ),
                    params={"line": token.lineno, "tag": word, "allowed": ", ".join(ALLOWED_TAGS)},
                    code="tag",
                )
        if token.token_type in (TokenType.BLOCK, TokenType.VAR):
            for name in FILTER.findall(token.contents):
                if name in REFUSED_FILTERS:
                    raise ValidationError(
                        _("Line %(line)s: the filter “%(filter)s” cannot be used in a letter: values print as text."),
                        params={"line": token.lineno, "filter": name},
                        code="filter",
                    )
    try:
        return ENGINE.from_string(text)
    except TemplateSyntaxError as error:
        raise ValidationError(
            _("The template has an error: %(error)s"), params={"error": str(error)}, code="syntax"
        ) from error


def fill(title: str, body: str, context: dict) -> tuple[str, str]:
    """(title as plain text on one line, body as clean HTML) of a template filled with ``context``."""
    plain = parse(title).render(Context(context, autoescape=False))
    marked_up = parse(body).render(Context(context, autoescape=True))
    if len(plain) > MAX_TITLE or len(marked_up) > MAX_BODY:
        # A loop within a loop over a long list: pages nobody would read, and minutes of drawing.
        raise ValidationError(_("The letter comes out too long to print."), code="too_long")
    return " ".join(plain.split()), clean_html(marked_up)


class _Cleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_HTML:
            return
        kept = "".join(
            f' {name}="{html.escape(value)}"'
            for name, value in attrs
            if name in ALLOWED_HTML[tag] and value is not None and SAFE_ATTRIBUTE.match(value)
        )
        self.out.append(f"<{tag}{kept}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in ALLOWED_HTML or tag in VOID or tag not in self.open:
            return
        # Close what was left open inside it, so fpdf2 sees balanced tags.
        while self.open:
            inner = self.open.pop()
            self.out.append(f"</{inner}>")
            if inner == tag:
                break

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def result(self):
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean_html(marked_up: str) -> str:
    """``marked_up`` with only the tags and attributes of ``ALLOWED_HTML``; text stays, escaped."""
    cleaner = _Cleaner()
    cleaner.feed(marked_up)
    return cleaner.result()
