"""The statistics page shows each section once: its chart, the same figures as a table on demand, the site's colours."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from mobility.models import Direction
from mobility.templatetags.charts import PALETTE, TEXT_COLOUR
from tests.factories import AgreementFactory, InstitutionFactory, MobilityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

SECTIONS = ("by-year", "by-country", "by-program", "by-activity", "partners-by-country", "agreements-by-country")


class Sections(HTMLParser):
    """Per <section>, by its heading's id: how many charts, and how many tables outside and inside <details>."""

    def __init__(self):
        super().__init__()
        self.sections, self.current, self.details_depth = {}, None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.current = {"charts": 0, "tables": 0, "tables_in_details": 0, "summary": ""}
            self.sections[attrs.get("aria-labelledby")] = self.current
        elif self.current is None:
            return
        elif tag == "details":
            self.details_depth += 1
        elif tag == "svg" and attrs.get("role") == "img":
            self.current["charts"] += 1
        elif tag == "table":
            self.current["tables_in_details" if self.details_depth else "tables"] += 1
        elif tag == "summary":
            self.current["summary"] = None  # the next text is the summary's

    def handle_endtag(self, tag):
        if tag == "details":
            self.details_depth -= 1
        elif tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current is not None and self.current["summary"] is None and data.strip():
            self.current["summary"] = data.strip()


@pytest.fixture
def figures(db):
    partner = InstitutionFactory(country="TR")
    AgreementFactory(partner=partner)
    for direction in (Direction.OUTGOING, Direction.INCOMING):
        MobilityFactory(
            partner=partner,
            direction=direction,
            start_date=datetime.date(2025, 10, 1),
            end_date=datetime.date(2025, 12, 1),
        )


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_each_section_is_one_chart_with_its_table_on_demand(client, figures, language):
    prefix = "" if language == "en" else f"/{language}"
    parser = Sections()
    parser.feed(client.get(prefix + reverse("mobility:statistics")).content.decode())

    for section in SECTIONS:
        found = parser.sections[section]
        assert (found["charts"], found["tables"], found["tables_in_details"]) == (1, 0, 1), section
        assert found["summary"], section


def test_the_table_on_demand_is_named_the_same_in_every_section(client, figures):
    html = client.get(reverse("mobility:statistics")).content.decode()
    assert html.count("<summary>Show the figures as a table</summary>") == len(SECTIONS)


def test_charts_draw_in_the_sites_palette(client, figures):
    html = client.get(reverse("mobility:statistics")).content.decode()
    site_css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    mobility_css = (Path(settings.BASE_DIR) / "static" / "css" / "mobility.css").read_text()

    navy = re.search(r"--io-navy:\s*(#[0-9a-f]{6})", site_css)[1]
    text = re.search(r"--io-text:\s*(#[0-9a-f]{6})", site_css)[1]
    assert (PALETTE[0], TEXT_COLOUR) == (navy, text)
    # The stylesheet's series colours are the palette's, in order, so the page and a saved SVG agree.
    chart_colours = re.findall(r"--io-chart-\d:\s*(?:var\(--io-navy, )?(#[0-9a-f]{6})", mobility_css)
    assert tuple(chart_colours) == PALETTE
    assert 'class="bar series-0"' in html and f'fill="{PALETTE[1]}"' in html
    assert "#0d6efd" not in html and "#fd7e14" not in html  # Bootstrap's blue and orange are gone
