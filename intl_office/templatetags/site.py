"""Helpers every public template may use: ``{% load site %}``.

Filters
    ``paragraphs``   plain text -> escaped ``<h3>`` ("# " lines), ``<p>`` paragraphs (blank lines),
                     ``<ul>`` ("- " lines) and ``<ol>`` ("1. " lines) lists
    ``initials``     "Jizzakh Polytechnic Institute" -> "JPI" (for avatars and the fallback emblem)
    ``tel_href``     "+(99891) 209 07 66" -> "+998912090766" (for ``tel:`` links)

Tags
    ``{% main_navigation as items %}``   the main menu, each item knowing whether it is current
    ``{% language_versions as versions %}``  this page in every language (switcher, hreflang)
    ``{% canonical_url %}``              the absolute URL of this page without tracking noise
    ``{% absolute_uri url %}``           ``url`` made absolute on this site, or left as it is when it already is
    ``{% reuse_block "title" %}``        renders a block a second time (for og:title)
    ``{% og_locale %}``                  the Open Graph locale of the active language
    ``{% public_fragment "name" var ... %}...{% endpublic_fragment %}``  the enclosed HTML cached on
                                         the content generation, the office's today, the language and
                                         the values of ``var ...`` (``intl_office.page_cache``)
    ``{% fallback_lang record "field" %}``  `` lang="en"`` when the field shows its English fallback
                                         (an attribute of the element that shows it, for screen readers)
    ``{% field_text record "field" %}``  the field's value, escaped, in ``<span lang="en">`` when it
                                         falls back (for a field inline with other text)
"""

import functools
import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ..i18n import fallback_language
from ..page_cache import cached_fragment
from ..pagination import page_number
from ..plain_text import plain_text_html

register = template.Library()

# How each language names itself in the switcher; Django's own names differ ("oʻzbek tili").
LANGUAGE_SELF_NAMES = {"en": "English", "uz": "O‘zbekcha", "ru": "Русский"}
OG_LOCALES = {"en": "en_GB", "uz": "uz_UZ", "ru": "ru_RU"}


# --- filters -----------------------------------------------------------------------------------


@register.filter(is_safe=True)
def paragraphs(text, heading_level=3):
    """Plain text typed in the admin as headings, paragraphs and lists, all escaped (``intl_office.plain_text``).

    ``{{ page.body|paragraphs:3 }}``: the text's "# " lines become ``<h3>``, under a section's ``<h2>``.
    """
    return plain_text_html(text, heading_level)


@register.filter
def initials(name, limit=3):
    """The capitalised words' first letters: "Jizzakh Polytechnic Institute" -> "JPI".

    Lower-case words ("of", "and") are skipped. A one-word name no longer than ``limit`` is
    kept whole, as acronyms are ("JizPI", "KOICA"); a longer one gives its first letter.
    """
    limit = int(limit)
    words = [w for w in re.split(r"[\s\-–—,.()«»\"']+", str(name or "")) if w]
    if len(words) == 1 and len(words[0]) <= limit:
        return words[0]
    letters = [w[0] for w in words if w[0].isupper()] or [w[0].upper() for w in words[:1]]
    return "".join(letters[:limit])


@register.filter
def tel_href(phone):
    """A phone number as typed, reduced to what a ``tel:`` link wants: digits and a leading +."""
    phone = str(phone or "").strip()
    digits = re.sub(r"\D", "", phone)
    return f"+{digits}" if phone.startswith("+") else digits


# --- navigation and languages ------------------------------------------------------------------


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    #: "page" on the item's own page, "true" anywhere else in its section, "" elsewhere.
    current: str


# (URL name, label, view names that belong to the section).
MAIN_NAVIGATION = [
    ("home", _("Home"), ("home",)),
    ("partners:institution-list", _("Partners"), ("partners:",)),
    ("programs:program-list", _("Programmes"), ("programs:program-", "programs:project-")),
    ("programs:call-list", _("Calls"), ("programs:call-",)),
    ("programs:joint-programme-list", _("Joint programmes"), ("programs:joint-programme-",)),
    ("mobility:visit-list", _("Visits"), ("mobility:visit-",)),
    ("mobility:statistics", _("Statistics"), ("mobility:statistics",)),
    ("about", _("About"), ("about",)),
]


def _section_matches(view_name, prefixes):
    return any(view_name == p or (p.endswith((":", "-")) and view_name.startswith(p)) for p in prefixes)


_NAVIGATION_URLS = {}


def _navigation_urls():
    """The main menu's URLs, reversed once per language, script prefix and URLconf (every page draws them twice)."""
    key = (translation.get_language(), get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    urls = _NAVIGATION_URLS.get(key)
    if urls is None:
        urls = _NAVIGATION_URLS[key] = [reverse(url_name) for url_name, _label, _section in MAIN_NAVIGATION]
    return urls


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    items = []
    for (_url_name, label, section), url in zip(MAIN_NAVIGATION, _navigation_urls(), strict=True):
        if request is not None and request.path == url:
            current = "page"
        elif view_name and _section_matches(view_name, section):
            current = "true"
        else:
            current = ""
        items.append(NavItem(label=label, url=url, current=current))
    return items


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str  # path of this page in that language
    absolute_url: str
    is_current: bool


@functools.lru_cache(maxsize=4096)
def _translated_paths(path, current, script_prefix, urlconf):
    """``path`` in every language; the arguments besides it are what ``translate_url``'s answer depends on."""
    return [translate_url(path, code) for code, _name in settings.LANGUAGES]


def forget_translated_paths():
    """Forget the menu's URLs and the translated paths, as ``clear_url_caches`` does Django's (tests)."""
    _NAVIGATION_URLS.clear()
    _translated_paths.cache_clear()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every configured language, for the switcher and ``hreflang`` links.

    ``translate_url`` only resolves a path in the active language, which is the page's own
    language here; on a page that does not resolve (a 404) every version is the path itself.
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    versions = []
    # Remembered for the paths of real pages; a hostile path that long is translated afresh, not kept.
    translate = _translated_paths if len(request.path) <= 200 else _translated_paths.__wrapped__
    translated = translate(request.path, current, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    for (code, _name), url in zip(settings.LANGUAGES, translated, strict=True):
        versions.append(
            LanguageVersion(
                code=code,
                name=LANGUAGE_SELF_NAMES.get(code, translation.get_language_info(code)["name_local"]),
                url=url,
                absolute_url=request.build_absolute_uri(url),
                is_current=code == current,
            )
        )
    return versions


@register.simple_tag(takes_context=True)
def language_neutral_path(context):
    """The current path and query in the default language, for set_language's ``next``.

    set_language runs in the default language and can only translate a URL it can resolve
    there: "/about/" works, "/uz/about/" does not (Django resolves language prefixes only in
    the active language), so the switcher sends the unprefixed version.
    """
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of this page; keeps only a page number above 1 from the query."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page = page_number(request.GET.get("page"))
    if page is not None and page > 1:
        url += f"?page={page}"
    return url


@register.simple_tag(takes_context=True)
def absolute_uri(context, url):
    """``url`` as an absolute address, for Open Graph images.

    A logo in local media has a path on this site ("/media/logos/..."); one in object storage
    already has the bucket's or the CDN's full address, which stays as it is.
    """
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag
def og_locale(code=None):
    return OG_LOCALES.get(code or translation.get_language() or settings.LANGUAGE_CODE, "en_GB")


@register.simple_tag(takes_context=True)
def reuse_block(context, name):
    """Render block ``name`` (as the page defined it) once more, stripped of outer whitespace.

    Django renders each block once; the title and description are needed again in the
    Open Graph tags without asking every page to repeat them.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context is not None else None
    if block is None:
        return ""
    return mark_safe(block.render(context).strip())


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        html = cached_fragment(self.name.resolve(context), lambda: str(self.nodelist.render(context)), vary=vary)
        return mark_safe(html)


@register.tag
def public_fragment(parser, token):
    """Cache the enclosed HTML until the content or the office's date changes (see the module docstring).

    What it encloses may use only committed records, the language and the values it varies on:
    never the user, the request's query string or a CSRF token.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("public_fragment needs a name")
    nodelist = parser.parse(("endpublic_fragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return PublicFragmentNode(nodelist, parser.compile_filter(bits[1]), vary)


# --- English fallback text for screen readers --------------------------------------------------


@register.simple_tag
def fallback_lang(record, field):
    """`` lang="en"`` when ``record.field`` shows its English fallback on this page, else nothing.

    An attribute for the element that shows the field: ``<p class="lead"{% fallback_lang call "summary" %}>``.
    """
    language = fallback_language(record, field)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def field_text(record, field):
    """``record.field`` escaped, wrapped in ``<span lang="en">`` when it shows its English fallback.

    For a field shown inline with other text: ``{% field_text visit.partner "name" %}``.
    """
    value = getattr(record, field, "") if record is not None else ""
    language = fallback_language(record, field)
    return format_html('<span lang="{}">{}</span>', language, value) if language else conditional_escape(value)
