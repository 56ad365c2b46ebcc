"""Bar charts drawn on the server as inline SVG: no JavaScript, no chart library, no internet.

    {% load charts %}
    {% bar_chart rows "outgoing" _("Outgoing") "incoming" _("Incoming") title=_("By country") %}

``rows`` are dicts (or objects) with a label and one number per series; the
positional arguments after ``rows`` name the series as pairs of key and label.
Horizontal charts stack the series in one bar per row (long labels fit above
the bar); vertical charts put the series side by side in one group per row.
Geometry is computed here and formatted as plain strings, so the SVG never
picks up a locale's decimal comma.
"""

from dataclasses import dataclass

from django import template
from django.utils.text import slugify
from django.utils.translation import gettext as _

register = template.Library()

# The site's own colours (static/css/site.css): its navy, then a gold dark enough for a bar on white
# (3.2:1, and 3.4:1 beside the navy), then four more for charts with many series. Each is at least
# 3:1 on white, as WCAG asks of the parts of a graphic (1.4.11). mobility.css repeats them as the
# ``--io-chart-N`` variables, which colour the bars on the page (``series-N``); these attributes are
# what an SVG shows on its own.
PALETTE = ("#0b3d6e", "#b08a1e", "#2e7d5b", "#7a4ea3", "#b03a6f", "#0f7d86")
TEXT_COLOUR = "#1c2530"  # --io-text
MUTED_COLOUR = "#5c6670"  # 5.9:1 on white, for the small value labels
FONT_SIZE = 13
SMALL_FONT_SIZE = 12  # the vertical chart is scaled down a little on the page: 11 read as 10 px

# Horizontal chart: label line, then the bar, per row. Narrow enough that its text stays
# legible on a 375 px phone, where the SVG is scaled to the column.
H_WIDTH = 360
H_VALUE_ROOM = 40
H_LABEL_HEIGHT = 18
H_BAR_HEIGHT = 16
H_ROW_GAP = 10

# Vertical chart: groups of bars over a label.
V_PLOT_HEIGHT = 180
V_BAR_WIDTH = 16
V_BAR_GAP = 2
V_GROUP_GAP = 22
V_MIN_WIDTH = 320
V_VALUE_ROOM = 16
V_LABEL_ROOM = 24

LEGEND_HEIGHT = 26
MARGIN = 4


@dataclass
class Series:
    key: str
    label: str
    colour: str
    index: int = 0


def fmt(number):
    """A coordinate as SVG wants it: a dot for decimals, no trailing zeros."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def plain(value):
    """Text to be escaped once by the template, even where Django would trust it.

    Template literals and ``{% translate %}`` output arrive marked safe but unescaped
    ("R&D"); a bare & is tolerated in HTML but breaks the SVG as XML. ``str.__str__``
    returns a plain ``str`` without the mark (``str()`` would keep a SafeString).
    """
    return str.__str__(str(value))


def value_of(row, key):
    value = row[key] if isinstance(row, dict) else getattr(row, key)
    return value or 0


def parse_series(args):
    if not args or len(args) % 2:
        raise template.TemplateSyntaxError("bar_chart needs series as pairs of key and label after the rows.")
    pairs = zip(args[::2], args[1::2], strict=True)
    return [
        Series(plain(key), plain(label), PALETTE[i % len(PALETTE)], i % len(PALETTE))
        for i, (key, label) in enumerate(pairs)
    ]


def legend_items(series, y):
    """Legend swatches in one line at the top, laid out from the label lengths."""
    items, x = [], MARGIN
    for s in series:
        items.append({"x": fmt(x), "y": fmt(y), "text_x": fmt(x + 16), "text_y": fmt(y + 10), "series": s})
        # An average glyph is about 0.6 em wide; enough room for labels in the three languages.
        x += 16 + len(s.label) * FONT_SIZE * 0.6 + 18
    return items


def is_other(row, other_key):
    if not other_key:
        return False
    return bool(row.get(other_key) if isinstance(row, dict) else getattr(row, other_key, False))


def horizontal_layout(rows, series, label_key, other_key=None):
    top = LEGEND_HEIGHT if len(series) > 1 else 0
    plot_width = H_WIDTH - 2 * MARGIN - H_VALUE_ROOM
    totals = [sum(value_of(row, s.key) for s in series) for row in rows]
    largest = max(totals, default=0)
    scale = plot_width / largest if largest else 0
    bars, texts = [], []
    row_height = H_LABEL_HEIGHT + H_BAR_HEIGHT + H_ROW_GAP
    for index, (row, total) in enumerate(zip(rows, totals, strict=True)):
        y = top + index * row_height
        label = plain(value_of(row, label_key))
        texts.append({"x": fmt(MARGIN), "y": fmt(y + FONT_SIZE), "anchor": "start", "text": label, "muted": False})
        bar_y = y + H_LABEL_HEIGHT
        x = MARGIN
        for s in series:
            value = value_of(row, s.key)
            width = value * scale
            if value:
                bars.append(
                    {
                        "x": fmt(x),
                        "y": fmt(bar_y),
                        "width": fmt(width),
                        "height": fmt(H_BAR_HEIGHT),
                        "fill": s.colour,
                        "series": s.index,
                        "faded": is_other(row, other_key),
                        "value": value,
                        "key": s.key,
                        "tooltip": f"{label}, {s.label}: {value}",
                    }
                )
            x += width
        texts.append(
            {
                "x": fmt(x + 6),
                "y": fmt(bar_y + H_BAR_HEIGHT - 3),
                "anchor": "start",
                "text": str(total),
                "muted": False,
            }
        )
    height = top + len(rows) * row_height
    return H_WIDTH, height, bars, texts


def vertical_layout(rows, series, label_key, other_key=None):
    top = (LEGEND_HEIGHT if len(series) > 1 else 0) + V_VALUE_ROOM
    group_width = len(series) * V_BAR_WIDTH + (len(series) - 1) * V_BAR_GAP
    natural_width = 2 * MARGIN + len(rows) * (group_width + V_GROUP_GAP)
    width = max(natural_width, V_MIN_WIDTH)
    # Centre the groups when the chart is wider than they need.
    left = MARGIN + (width - natural_width) / 2 + V_GROUP_GAP / 2
    largest = max((value_of(row, s.key) for row in rows for s in series), default=0)
    scale = V_PLOT_HEIGHT / largest if largest else 0
    baseline = top + V_PLOT_HEIGHT
    bars, texts = [], []
    for index, row in enumerate(rows):
        group_x = left + index * (group_width + V_GROUP_GAP)
        label = plain(value_of(row, label_key))
        for position, s in enumerate(series):
            value = value_of(row, s.key)
            height = value * scale
            x = group_x + position * (V_BAR_WIDTH + V_BAR_GAP)
            if value:
                bars.append(
                    {
                        "x": fmt(x),
                        "y": fmt(baseline - height),
                        "width": fmt(V_BAR_WIDTH),
                        "height": fmt(height),
                        "fill": s.colour,
                        "series": s.index,
                        "faded": is_other(row, other_key),
                        "value": value,
                        "key": s.key,
                        "tooltip": f"{label}, {s.label}: {value}",
                    }
                )
            texts.append(
                {
                    "x": fmt(x + V_BAR_WIDTH / 2),
                    "y": fmt(baseline - height - 4),
                    "anchor": "middle",
                    "text": str(value),
                    "muted": True,
                    "small": True,
                }
            )
        texts.append(
            {
                "x": fmt(group_x + group_width / 2),
                "y": fmt(baseline + 16),
                "anchor": "middle",
                "text": label,
                "muted": False,
                "small": True,
            }
        )
    height = baseline + V_LABEL_ROOM
    axis = {"x1": fmt(MARGIN), "x2": fmt(width - MARGIN), "y": fmt(baseline)}
    return width, height, bars, texts, axis


@register.inclusion_tag("mobility/includes/_bar_chart.svg")
def bar_chart(
    rows, *series_args, title, label_key="label", orientation="horizontal", chart_id=None, other_key="is_other"
):
    """An accessible SVG bar chart of ``rows``; the page shows the same figures in a table.

    Rows whose ``other_key`` is true (the "other countries" sum) are drawn faded, so that a
    sum of many small countries does not read as one big partner.
    """
    rows = list(rows or [])
    series = parse_series(series_args)
    chart_id = chart_id or f"chart-{slugify(title) or 'figures'}"
    axis = None
    if orientation == "vertical":
        width, height, bars, texts, axis = vertical_layout(rows, series, label_key, other_key)
    else:
        width, height, bars, texts = horizontal_layout(rows, series, label_key, other_key)
    legend = legend_items(series, 4) if len(series) > 1 and rows else []
    if not rows:
        height = 40
        texts = [{"x": fmt(MARGIN), "y": fmt(24), "anchor": "start", "text": _("No figures yet."), "muted": True}]
    summary = "; ".join(
        f"{value_of(row, label_key)}: " + ", ".join(f"{s.label} {value_of(row, s.key)}" for s in series) for row in rows
    )
    return {
        "chart_id": chart_id,
        "title": plain(title),
        "summary": summary or _("No figures yet."),
        "width": fmt(width),
        "height": fmt(height),
        "bars": bars,
        "texts": texts,
        "legend": legend,
        "axis": axis,
        "font_size": FONT_SIZE,
        "small_font_size": SMALL_FONT_SIZE,
        "text_colour": TEXT_COLOUR,
        "muted_colour": MUTED_COLOUR,
    }
