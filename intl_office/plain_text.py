"""Plain text typed in the admin, shown as structured HTML: headings, paragraphs and lists.

Offices type their pages ("Tasks and functions") as plain text. Readers skim them by headings
and lists, so a few marks typed at the start of a line give the structure, as in an e-mail:

    # Tasks of the department        -> a heading (one level below the page's section title)
    - Develops the strategy ...      -> an item of a bulleted list ("•", "–", "—" and "*" too)
    1. Prepares drafts ...           -> an item of a numbered list ("1)" too)
    Any other line                   -> a paragraph; a single line break stays a <br>

Blank lines separate paragraphs; items of one list separated only by blank lines stay in one
list, as offices often type them. Everything is escaped: the text can hold no markup of its own.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BULLET = re.compile(r"^(?:[-–—•*])\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(?P<text>.+)$")
HEADING = re.compile(r"^#{1,3}\s+(?P<text>.+?)\s*#*$")


def plain_text_html(text, heading_level: int = 3) -> SafeString:
    """``text`` as escaped HTML blocks; headings are ``<h{heading_level}>`` (2 to 6)."""
    if not text:
        return mark_safe("")
    try:
        level = min(max(int(heading_level), 2), 6)
    except (TypeError, ValueError):
        level = 3
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def flush_paragraph():
        if paragraph:
            blocks.append("<p>" + "<br>".join(escape(line) for line in paragraph) + "</p>")
            paragraph.clear()

    def flush_list():
        nonlocal list_tag
        if items:
            blocks.append(f"<{list_tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush_paragraph()
            continue
        heading = HEADING.match(line)
        item = BULLET.match(line) or NUMBERED.match(line)
        if heading:
            flush_paragraph()
            flush_list()
            blocks.append(f"<h{level}>{escape(heading['text'])}</h{level}>")
        elif item:
            flush_paragraph()
            tag = "ul" if BULLET.match(line) else "ol"
            if list_tag and tag != list_tag:
                flush_list()
            list_tag = tag
            items.append(item["text"])
        else:
            flush_list()
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return mark_safe("\n".join(blocks))
