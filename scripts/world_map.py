"""Write the partner map's country shapes from Natural Earth, as the world-atlas package ships them.

The partner directory draws its world map on the server, as inline SVG, from a file committed in
the repository (no tiles, no CDN, no JavaScript). This script makes that file once from the npm
package world-atlas 2 (Natural Earth 1:50m countries as TopoJSON, public domain):

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    .venv/bin/python scripts/world_map.py /tmp/package/countries-50m.json

It projects every country in the Natural Earth projection, simplifies the borders (shared borders
once, so neighbours still meet), rounds them to whole units of the map's viewBox and writes
partners/world_map/countries.json: ISO 3166-1 alpha-2 code -> SVG path, plus a point for each
country too small to see or click, where the map draws a dot instead. Antarctica is left out.
ISO numeric codes become alpha-2 through django-countries; the few features without a code
(Kosovo, Northern Cyprus, Somaliland...) are left out. Run it again only to change the map's look.
"""

import json
import math
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "partners" / "world_map" / "countries.json"
SOURCE = "world-atlas 2.0.2, countries-50m.json: Natural Earth 1:50m Admin 0 countries (public domain)"

# The map is WIDTH units wide; its height follows from the projection and the land drawn.
WIDTH = 1000
MARGIN = 4
# Douglas-Peucker tolerance in degrees: about half a unit of the map, invisible at any screen width.
DEGREES = 0.15
# A country whose shape fits in a square this small gets a dot to click.
SMALL = 6
LEFT_OUT = {"AQ"}


def natural_earth(lon, lat):
    """The Natural Earth projection (Šavrič, Jenny, Patterson, 2011), as d3-geo's geoNaturalEarth1Raw."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topology):
    """Every arc as a list of (lon, lat), undoing TopoJSON's quantisation and delta encoding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def unwrap(points):
    """Longitudes made continuous: a border crossing the antimeridian goes on past 180 instead of jumping back."""
    result = []
    for lon, lat in points:
        if result:
            previous = result[-1][0]
            lon += 360 * round((previous - lon) / 360)
        result.append((lon, lat))
    return result


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends (arcs meet there)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return list(geometry["arcs"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip(ring, keep_left, limit):
    """Sutherland-Hodgman against one meridian: the part of the ring west (or east) of it."""
    inside = (lambda lon: lon <= limit) if keep_left else (lambda lon: lon >= limit)
    result = []
    for (lon1, lat1), (lon2, lat2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if inside(lon1) != inside(lon2):
            result.append((limit, lat1 + (lat2 - lat1) * (limit - lon1) / (lon2 - lon1)))
        if inside(lon2):
            result.append((lon2, lat2))
    return result


def split_at_antimeridian(ring):
    """The ring as pieces within -180..180: Russia's and Fiji's islands across the 180th meridian."""
    ring = unwrap(ring)
    lons = [lon for lon, _lat in ring]
    if min(lons) >= -180 and max(lons) <= 180:
        return [ring]
    pieces = []
    for shift in (-360, 0, 360):
        shifted = [(lon + shift, lat) for lon, lat in ring]
        piece = clip(clip(shifted, keep_left=True, limit=180), keep_left=False, limit=-180)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def path_of(rings):
    """An SVG path with relative moves: "M12 34l1-2 3 0z"; rings too small to draw are dropped."""
    parts, last = [], None
    for ring in rings:
        rounded = []
        for x, y in ring:
            point = (round(x), round(y))
            if not rounded or point != rounded[-1]:
                rounded.append(point)
        if len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(set(rounded)) < 3:
            continue
        (x0, y0), rest = rounded[0], rounded[1:]
        move = f"M{x0} {y0}" if last is None else f"m{_pair(x0 - last[0], y0 - last[1])}"
        steps, (px, py) = [], rounded[0]
        for x, y in rest:
            steps.append(_pair(x - px, y - py))
            px, py = x, y
        parts.append(move + "l" + _join(steps) + "z")
        last = rounded[0]  # "z" returns to the ring's first point
    return "".join(parts)


def _pair(dx, dy):
    return f"{dx}{dy}" if dy < 0 else f"{dx} {dy}"


def _join(pairs):
    text = ""
    for pair in pairs:
        text += pair if not text or pair.startswith("-") else f" {pair}"
    return text


def world_map(topology):
    from django_countries import countries as django_countries

    # Simplified once per arc, so that neighbours' shared borders stay shared.
    arcs = [simplify(unwrap(arc), DEGREES) for arc in decode_arcs(topology)]
    features = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = django_countries.alpha2(geometry.get("id") or 0)
        if code and code not in LEFT_OUT:
            rings = [piece for ring in rings_of(geometry) for piece in split_at_antimeridian(ring_points(ring, arcs))]
            features.setdefault(code, []).extend(rings)

    projected = {code: [[natural_earth(*p) for p in ring] for ring in rings] for code, rings in features.items()}
    left, top, right, bottom = bounds([(x, -y) for rings in projected.values() for ring in rings for x, y in ring])
    scale = (WIDTH - 2 * MARGIN) / (right - left)
    height = round((bottom - top) * scale + 2 * MARGIN)

    paths, points = {}, {}
    for code, rings in sorted(projected.items()):
        # North up: SVG's y grows downwards.
        screen = [[((x - left) * scale + MARGIN, (-y - top) * scale + MARGIN) for x, y in ring] for ring in rings]
        paths[code] = path_of(screen)
        whole = [bounds(ring) for ring in screen]
        x0, y0, x1, y1 = bounds([corner for box in whole for corner in (box[:2], box[2:])])
        if not paths[code] or (x1 - x0 < SMALL and y1 - y0 < SMALL):
            # An archipelago spread wide gets its dot on its largest island.
            x0, y0, x1, y1 = max(whole, key=lambda box: (box[2] - box[0]) * (box[3] - box[1]))
            points[code] = [round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1)]
    return {"source": SOURCE, "width": WIDTH, "height": height, "paths": paths, "points": points}


def bounds(points):
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def setup_django():
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True)
        django.setup()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    setup_django()
    topology = json.loads(Path(sys.argv[1]).read_text())
    data = world_map(topology)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"{OUTPUT}: {len(data['paths'])} countries, {OUTPUT.stat().st_size // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
