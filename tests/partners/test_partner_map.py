"""The world map of partners on /partners/: a shaded, linked country per partner country, drawn from bundled shapes."""

import html as html_lib
import importlib.util
import json
import re

import pytest
from django.conf import settings
from django.test import override_settings

from intl_office.demo.partners import PARTNERS
from intl_office.models import HomeInstitution
from partners.models import Institution
from partners.world_map import SHAPES, shade_bounds, shapes
from tests.factories import InstitutionFactory
from tests.partners.pages import page_text

LIST_URL = "/partners/"
SCRIPT = settings.BASE_DIR / "scripts" / "world_map.py"


def the_map(response):
    """The map's section of the directory page."""
    found = re.search(r'<section class="partner-map.*?</section>', page_text(response), re.S)
    assert found, "the page has no map"
    return found.group(0)


def map_links(section):
    """{country code: (css class, title)} of every country the map links."""
    links = re.findall(
        r'<a href="/(?:\w\w/)?partners/\?country=(\w\w)" class="([^"]+)"[^>]*><title>([^<]*)</title>', section
    )
    return {code: (css, html_lib.unescape(title)) for code, css, title in links}


def partners_in(**countries):
    for code, total in countries.items():
        InstitutionFactory.create_batch(total, country=code)


# The map on the page


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_each_partner_country_is_a_shaded_link_to_the_filtered_directory(client):
    partners_in(CN=2, TR=1)
    section = the_map(client.get(LIST_URL))
    links = map_links(section)
    assert set(links) == {"CN", "TR"}
    assert links["CN"][1] == "China: 2 institutions"
    assert links["TR"][1] == "Türkiye: 1 institution"
    # The number is the one the filtered list's heading gives.
    assert "2 institutions\n" in page_text(client.get(LIST_URL, {"country": "CN"}))
    # Each link draws its country's own shape.
    china = re.search(r'country=CN"[^>]*>.*?</a>', section, re.S).group(0)
    assert f'<path d="{shapes()["paths"]["CN"]}"/>' in china


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_countries_without_a_public_partner_are_plain_and_not_links(client):
    partners_in(CN=1)
    InstitutionFactory(country="DE", is_active=False)
    section = the_map(client.get(LIST_URL))
    assert set(map_links(section)) == {"CN"}
    assert f'<path class="map-land" d="{shapes()["paths"]["DE"]}"/>' in section
    assert f'<path class="map-land" d="{shapes()["paths"]["US"]}"/>' in section
    assert 'class="map-land" d="{}"'.format(shapes()["paths"]["CN"]) not in section


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_shading_follows_the_number_of_partners(client):
    partners_in(TR=1, KZ=3, RU=6, CN=25)
    section = the_map(client.get(LIST_URL))
    shades = {code: css for code, (css, _title) in map_links(section).items()}
    # Shades start at 1, 2, 5 and 10 partners for a largest count of 25.
    assert shades == {"TR": "map-shade-1", "KZ": "map-shade-2", "RU": "map-shade-3", "CN": "map-shade-4"}
    legend = re.findall(r'map-swatch (map-shade-\d)"></span>([^<]+)<', section)
    assert legend == [("map-shade-1", "1"), ("map-shade-2", "2–4"), ("map-shade-3", "5–9"), ("map-shade-4", "10–25")]


@pytest.mark.parametrize(
    ("largest", "bounds"),
    [(1, [1]), (3, [1, 2, 3]), (4, [1, 2, 3, 4]), (10, [1, 3, 5]), (25, [1, 2, 5, 10]), (1000, [1, 5, 30, 100])],
)
def test_shades_are_round_numbers_growing_with_the_largest_count(largest, bounds):
    assert shade_bounds(largest) == bounds


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_a_single_shade_is_the_darkest_so_that_it_stands_out(client):
    partners_in(CN=1, TR=1)
    shades = {css for css, _title in map_links(the_map(client.get(LIST_URL))).values()}
    assert shades == {"map-shade-4"}


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_the_filtered_country_is_marked_on_the_map(client):
    partners_in(CN=1, TR=1)
    section = the_map(client.get(LIST_URL, {"country": "CN"}))
    assert 'href="/partners/?country=CN" class="map-shade-4 is-selected"' in section
    assert re.search(r'country=CN"[^>]*aria-current="true"', section)
    assert not re.search(r'country=TR"[^>]*aria-current', section)


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_no_map_while_there_are_no_partners(client):
    assert 'class="partner-map' not in page_text(client.get(LIST_URL))


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
@pytest.mark.parametrize(
    ("prefix", "title", "english"),
    [("/uz", "Xitoy: ", "China"), ("/ru", "Китай: ", "China"), ("", "China: ", "Xitoy")],
)
def test_the_maps_titles_are_in_the_pages_language(client, prefix, title, english):
    partners_in(CN=3)
    section = the_map(client.get(f"{prefix}{LIST_URL}"))
    ((_css, label),) = map_links(section).values()
    assert label.startswith(title)
    assert english not in section


# Odd data and hostile input


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_a_country_code_the_shapes_do_not_know_is_left_off_the_map(client):
    partners_in(CN=1)
    odd = InstitutionFactory(country="TR")
    Institution.objects.filter(pk=odd.pk).update(country="ZZ")  # written past the field's choices
    response = client.get(LIST_URL)
    assert set(map_links(the_map(response))) == {"CN"}


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
@pytest.mark.parametrize(
    "country", ['"><script>alert(1)</script>', "\x00", "C\x00X", "٣", "9" * 400, "cn", "ZZ", "CN' OR 1=1 --"]
)
def test_hostile_or_odd_filters_leave_the_map_whole_and_inert(client, country):
    partners_in(CN=1, TR=2)
    section = the_map(client.get(LIST_URL, {"country": country}))
    assert set(map_links(section)) == {"CN", "TR"}
    assert "is-selected" not in section
    assert "<script" not in section


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
def test_the_map_stays_in_one_svg_whatever_the_language_formats_numbers_like(client):
    """Russian writes 1 000 and 4,5: the viewBox and the dots' coordinates must not."""
    partners_in(SG=1)  # Singapore is drawn as a dot
    section = the_map(client.get(f"/ru{LIST_URL}"))
    width, height = shapes()["width"], shapes()["height"]
    assert f'viewBox="0 0 {width} {height}"' in section
    x, y = shapes()["points"]["SG"]
    assert f'<circle cx="{x}" cy="{y}" r="5"/>' in section


# Cost


@pytest.mark.django_db
@pytest.mark.usefixtures("home_institution")
@pytest.mark.parametrize("countries", [3, 40])
def test_the_map_costs_no_query_of_its_own(client, django_assert_num_queries, countries):
    codes = [code for code in shapes()["paths"] if code != "UZ"][:countries]
    for code in codes:
        InstitutionFactory(country=code)
    # 1 country counts (the select, the chart and the map), 2 count for the paginator, 3 the page
    # of partners, 4 their cooperation areas (prefetch), 5 the home institution (base.html),
    # 6 the cooperation areas of the select, 7 the lead's partner figures.
    with django_assert_num_queries(7):
        response = client.get(LIST_URL)
    assert len(map_links(the_map(response))) == countries


@pytest.mark.django_db
@override_settings(PUBLIC_FRAGMENT_CACHE=True)
def test_the_map_is_drawn_once_until_a_partner_changes(client, monkeypatch, django_capture_on_commit_callbacks):
    """Other filters and pages share the cached map; a committed change draws it afresh.

    Writes run their on-commit hooks as a real commit would: an uncommitted change bypasses the cache.
    """
    from partners import views

    with django_capture_on_commit_callbacks(execute=True):
        HomeInstitution.load()
        partners_in(CN=1)
    calls = []
    real = views.partner_map
    monkeypatch.setattr(views, "partner_map", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    first = the_map(client.get(LIST_URL, {"kind": "university"}))
    assert the_map(client.get(LIST_URL, {"page": "1"})) == first
    assert len(calls) == 1

    with django_capture_on_commit_callbacks(execute=True):
        partners_in(TR=1)
    assert set(map_links(the_map(client.get(LIST_URL, {"page": "1"})))) == {"CN", "TR"}
    assert len(calls) == 2


# The bundled shapes


def test_the_shapes_file_is_small_and_credits_its_source():
    assert SHAPES.stat().st_size < 150_000
    assert "Natural Earth" in shapes()["source"]
    licence = (SHAPES.parent / "LICENSE.txt").read_text()
    assert "public domain" in licence and "world-atlas" in licence


def test_every_demo_partner_country_has_a_shape_inside_the_map():
    data = shapes()
    path = re.compile(r"^M\d+ \d+l[-0-9 lmz]+z$")
    for spec in PARTNERS:
        if spec.country != "UZ":
            assert data["paths"].get(spec.country), spec.country
    for code, d in data["paths"].items():
        assert not d or path.match(d), code
        x, y = (int(n) for n in re.match(r"M(-?\d+) (-?\d+)", d).groups()) if d else (0, 0)
        assert 0 <= x <= data["width"] and 0 <= y <= data["height"], code
    assert set(data["points"]) <= set(data["paths"])
    assert "SG" in data["points"] and "MT" in data["points"]  # too small to click: drawn as dots


def _script():
    spec = importlib.util.spec_from_file_location("world_map_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_splits_a_country_across_the_antimeridian_and_keeps_shared_borders():
    """Two squares side by side (one across 180°), as TopoJSON: what the script makes of them."""
    topology = {
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        # 0: the shared border; 1: the rest of Fiji's square, across 180 degrees; 2: the rest of Tonga's.
        "arcs": [
            [[170, 0], [0, -10]],
            [[170, -10], [20, 0], [0, 10], [-20, 0]],
            [[170, 0], [-10, 0], [0, -10], [10, 0]],
        ],
        "objects": {
            "countries": {
                "geometries": [
                    {"type": "Polygon", "id": "242", "arcs": [[0, 1]]},  # Fiji
                    {"type": "MultiPolygon", "id": "776", "arcs": [[[2, ~0]]]},  # Tonga
                    {"type": "Polygon", "arcs": [[0, 1]]},  # no ISO code: left out
                ]
            }
        },
    }
    data = _script().world_map(topology)
    assert set(data["paths"]) == {"FJ", "TO"}
    # Fiji in two pieces, one at each edge of the map; Tonga in one.
    assert data["paths"]["FJ"].count("z") == 2 and data["paths"]["TO"].count("z") == 1
    # The border they share is the same two points in both.
    assert len(absolute_points(data["paths"]["FJ"]) & absolute_points(data["paths"]["TO"])) == 2
    assert json.loads(json.dumps(data)) == data


def absolute_points(path):
    """The points of a path made of "M x y", "m dx dy", "l dx dy ..." and "z"."""
    points, start, x, y = set(), (0, 0), 0, 0
    for command, numbers in re.findall(r"([Mmlz])([^Mmlz]*)", path):
        values = [int(n) for n in re.findall(r"-?\d+", numbers)]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        if command == "M":
            (x, y), pairs = pairs[0], pairs[1:]
            start = (x, y)
        elif command == "m":
            x, y = start[0] + pairs[0][0], start[1] + pairs[0][1]
            start, pairs = (x, y), pairs[1:]
        for dx, dy in pairs:
            x, y = x + dx, y + dy
            points.add((x, y))
        points.add((x, y))
    return points
