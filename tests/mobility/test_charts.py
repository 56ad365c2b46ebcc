"""Server-drawn SVG bar charts: well-formed, accessible and to scale."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

SVG = "{http://www.w3.org/2000/svg}"


def render(source, **context):
    return Template("{% load i18n charts %}" + source).render(Context(context))


def parse(markup):
    return ET.fromstring(markup.strip())


def bars(svg, key=None):
    return [
        rect
        for rect in svg.iter(f"{SVG}rect")
        if "bar" in rect.get("class", "") and key in (None, rect.get("data-key"))
    ]


def test_horizontal_chart_is_well_formed_accessible_svg():
    rows = [{"label": "Türkiye", "value": 12}, {"label": "China", "value": 3}]

    svg = parse(render('{% bar_chart rows "value" "Mobility" title="Mobility by country" %}', rows=rows))

    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-mobility-by-country-title chart-mobility-by-country-desc"
    assert svg.find(f"{SVG}title").text == "Mobility by country"
    assert svg.find(f"{SVG}desc").text == "Türkiye: Mobility 12; China: Mobility 3"
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert "Türkiye" in texts and "China" in texts and "12" in texts and "3" in texts


def test_horizontal_bars_are_proportional_to_the_values():
    rows = [{"label": "A", "value": 10}, {"label": "B", "value": 5}, {"label": "C", "value": 2}]

    svg = parse(render('{% bar_chart rows "value" "Count" title="T" %}', rows=rows))

    widths = [float(rect.get("width")) for rect in bars(svg)]
    assert [int(rect.get("data-value")) for rect in bars(svg)] == [10, 5, 2]
    assert widths[1] == pytest.approx(widths[0] / 2)
    assert widths[2] == pytest.approx(widths[0] / 5)
    assert widths[0] <= float(svg.get("viewBox").split()[2])


def test_stacked_series_add_up_to_the_row_total():
    rows = [{"label": "A", "out": 6, "in": 2}, {"label": "B", "out": 1, "in": 3}]

    svg = parse(render('{% bar_chart rows "out" "Outgoing" "in" "Incoming" title="T" %}', rows=rows))

    out_a, out_b = (float(rect.get("width")) for rect in bars(svg, "out"))
    in_a, in_b = (float(rect.get("width")) for rect in bars(svg, "in"))
    assert (out_a + in_a) / (out_b + in_b) == pytest.approx(8 / 4)
    assert out_a / in_a == pytest.approx(3)
    # The second segment starts where the first ends.
    first_in = bars(svg, "in")[0]
    assert float(first_in.get("x")) == pytest.approx(float(bars(svg, "out")[0].get("x")) + out_a)
    legend = [text.text for text in svg.iter(f"{SVG}text")]
    assert "Outgoing" in legend and "Incoming" in legend


def test_vertical_bars_are_proportional_and_stand_on_one_baseline():
    rows = [{"label": "2023/24", "out": 8, "in": 4}, {"label": "2024/25", "out": 2, "in": 1}]

    svg = parse(
        render('{% bar_chart rows "out" "Outgoing" "in" "Incoming" title="T" orientation="vertical" %}', rows=rows)
    )

    heights = {int(rect.get("data-value")): float(rect.get("height")) for rect in bars(svg)}
    assert heights[4] == pytest.approx(heights[8] / 2)
    assert heights[1] == pytest.approx(heights[8] / 8)
    bottoms = {round(float(rect.get("y")) + float(rect.get("height")), 1) for rect in bars(svg)}
    assert len(bottoms) == 1


def test_labels_and_titles_are_escaped_and_the_svg_stays_well_formed():
    rows = [{"label": '<script>alert("x")</script> & Co', "value": 1}]

    markup = render('{% bar_chart rows "value" "Count" title=title %}', rows=rows, title="Tom & Jerry's <chart>")
    svg = parse(markup)

    assert "<script>" not in markup
    assert svg.find(f"{SVG}title").text == "Tom & Jerry's <chart>"
    assert '<script>alert("x")</script> & Co' in [text.text for text in svg.iter(f"{SVG}text")]


def test_a_title_from_translate_as_is_escaped_once():
    markup = render('{% translate "R&D" as t %}{% bar_chart rows "value" "Count" title=t %}', rows=[])

    assert parse(markup).find(f"{SVG}title").text == "R&D"


def test_coordinates_keep_a_decimal_dot_in_russian():
    rows = [{"label": "A", "value": 3}, {"label": "B", "value": 7}]

    with translation.override("ru"):
        svg = parse(render('{% bar_chart rows "value" "Count" title="T" %}', rows=rows))

    drawn = bars(svg)
    assert len(drawn) == 2
    for rect in drawn:
        # A decimal comma ("12,5") would neither match nor parse.
        assert re.fullmatch(r"\d+(\.\d+)?", rect.get("x")), rect.get("x")
        assert re.fullmatch(r"\d+(\.\d+)?", rect.get("width")), rect.get("width")
    first, second = (float(rect.get("width")) for rect in drawn)
    assert first / second == pytest.approx(3 / 7, rel=1e-3)


def test_zero_values_draw_no_bar_and_do_not_divide_by_zero():
    rows = [{"label": "A", "value": 0}, {"label": "B", "value": 0}]

    svg = parse(render('{% bar_chart rows "value" "Count" title="T" orientation="vertical" %}', rows=rows))

    assert bars(svg) == []


def test_no_rows_draws_a_note_instead_of_bars():
    svg = parse(render('{% bar_chart rows "value" "Count" title="Empty" %}', rows=[]))

    assert bars(svg) == []
    assert "No figures yet." in [text.text for text in svg.iter(f"{SVG}text")]


def test_rows_may_be_objects_and_the_id_may_be_given():
    class Row:
        def __init__(self, label, value):
            self.label, self.value = label, value

    svg = parse(render('{% bar_chart rows "value" "Count" title="T" chart_id="c1" %}', rows=[Row("A", 2)]))

    assert svg.get("id") == "c1"
    assert [rect.get("data-value") for rect in bars(svg)] == ["2"]


def test_series_must_come_in_pairs_of_key_and_label():
    with pytest.raises(TemplateSyntaxError):
        render('{% bar_chart rows "value" title="T" %}', rows=[])


def test_the_other_countries_row_is_drawn_faded():
    rows = [
        {"label": "Türkiye", "value": 5, "is_other": False},
        {"label": "Other countries (7)", "value": 9, "is_other": True},
    ]

    svg = parse(render('{% bar_chart rows "value" "Count" title="T" %}', rows=rows))

    assert [rect.get("fill-opacity") for rect in bars(svg)] == [None, "0.45"]
