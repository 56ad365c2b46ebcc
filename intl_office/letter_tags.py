"""The only tags and filters a letter template may use (``intl_office.letter_engine``'s one library).

A letter is edited by office staff in the admin and filled with values people typed (names, a
purpose, a partner's name). Django's template language can do far more than a letter needs:
``debug`` prints every loaded module, ``include`` and ``extends`` read other templates, ``load``
brings in any library, ``url`` and ``csrf_token`` belong to pages, and ``safe`` would let a typed
value through as markup. Here a template has the values, ``if``, ``for``, ``with``, ``now``,
``firstof`` and comments, and every built-in filter but ``safe`` and ``safeseq`` (and the padding ones).
"""

from django.template import Library, defaultfilters, defaulttags

ALLOWED_TAGS = ("if", "for", "with", "now", "firstof", "comment")
# The words that open, continue or close those tags.
TAG_WORDS = frozenset(
    {*ALLOWED_TAGS, "elif", "else", "endif", "empty", "endfor", "endwith", "endcomment"},
)
REFUSED_FILTERS = frozenset({"safe", "safeseq"})
# Padding means nothing in HTML, and a width in the billions would fill the memory.
LEFT_OUT_FILTERS = frozenset({"ljust", "rjust", "center"})

register = Library()

for _name in ALLOWED_TAGS:
    register.tag(_name, defaulttags.register.tags[_name])

for _name, _function in defaultfilters.register.filters.items():
    if _name not in REFUSED_FILTERS | LEFT_OUT_FILTERS:
        register.filters[_name] = _function
