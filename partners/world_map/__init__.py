"""The partner directory's world map: countries shaded by their number of partners, drawn as inline SVG.

The shapes are Natural Earth's countries, converted once by ``scripts/world_map.py`` into
``countries.json`` beside this file (ISO alpha-2 code -> SVG path in the map's viewBox, and a dot
for countries too small to see); LICENSE.txt says where they come from. Nothing is fetched at run
time and the page needs no script: each country with partners is an SVG link to the directory
filtered by that country.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django_countries.fields import Country

SHAPES = Path(__file__).resolve().parent / "countries.json"
# Shades of the site's navy, lightest first (partners.css fills .map-shade-1 to .map-shade-4).
SHADES = 4


@functools.cache
def shapes():
    """The committed shapes: {"width", "height", "paths": {code: d}, "points": {code: [x, y]}}."""
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def shade_bounds(largest, shades=SHADES):
    """The smallest count of each shade: every count its own shade up to ``shades``, else round
    numbers spaced evenly on a log scale (1, 2, 5, 10 for a largest count of 25)."""
    if largest <= shades:
        return list(range(1, largest + 1))
    bounds = [1]
    for step in range(1, shades):
        target = largest ** (step / shades)
        bound = max(n for n in _round_numbers(largest) if n <= target)
        if bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def _round_numbers(largest):
    scale = 1
    while scale <= largest:
        yield from (scale, 2 * scale, 3 * scale, 5 * scale)
        scale *= 10


@dataclass(frozen=True)
class MapCountry:
    country: Country
    path: str
    point: tuple[float, float] | None = None
    total: int = 0
    shade: int = 0  # 0: no partner, plain and not a link
    is_selected: bool = False


def partner_map(counts, *, selected=""):
    """What the map template draws, from ``[(Country, number of partners), ...]`` (``country_counts``).

    Countries without partners come first, so that the shaded ones and their outlines are drawn
    on top; a partner's country the shapes do not know (a code added to ISO 3166 later) is not drawn.
    """
    data = shapes()
    totals = {country.code: total for country, total in counts if total > 0}
    bounds = shade_bounds(max(totals.values(), default=0))
    # With fewer shades than SHADES, use the darker ones: a single shade must stand out.
    offset = SHADES - len(bounds)
    plain = [MapCountry(country=Country(code), path=path) for code, path in data["paths"].items() if code not in totals]
    # In the order of ``counts`` (by name in the reader's language), which is the order of the tab key.
    shaded = [
        MapCountry(
            country=country,
            path=data["paths"][country.code],
            point=tuple(data["points"][country.code]) if country.code in data["points"] else None,
            total=totals[country.code],
            shade=offset + sum(1 for bound in bounds if totals[country.code] >= bound),
            is_selected=country.code == selected,
        )
        for country, _total in counts
        if country.code in totals and country.code in data["paths"]
    ]
    # The selected country last, so that its outline is not hidden under a neighbour's.
    shaded.sort(key=lambda row: row.is_selected)
    highest = [*bounds[1:], None]
    legend = [
        {"shade": offset + i + 1, "low": low, "high": (high - 1 if high else max(totals.values()))}
        for i, (low, high) in enumerate(zip(bounds, highest, strict=True))
    ]
    return {
        "width": data["width"],
        "height": data["height"],
        "plain": plain,
        "shaded": shaded,
        "legend": legend,
    }
