"""The annual report counts approved business trips by country, purpose and funding, on the page and in the XLSX."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mobility.services import trip_decide
from tests.factories import GrantProgramFactory, InstitutionFactory
from tests.mobility.trips import approve_all, chain, people, steps_of, submitted
from tests.reports import report_xlsx

pytestmark = pytest.mark.django_db
QUERY = {"year": 2024, "period": "academic"}  # 1 September 2024 to 31 August 2025


@pytest.fixture
def trips(staff, home_institution):
    p = people(office=staff)
    chain(p)
    in_year = datetime.date(2024, 11, 4)
    kyiv = {"institution": None, "institution_name": "Kyiv Polytechnic Institute", "country": "UA"}
    approve_all(p, submitted(p, start=in_year))
    approve_all(p, submitted(p, start=in_year, purpose="teaching", funding="host"))
    approve_all(p, submitted(p, start=in_year, funding="grant", program=GrantProgramFactory(), **kyiv))
    approve_all(p, submitted(p, start=datetime.date(2023, 11, 4)))  # the year before
    trip_decide(step=steps_of(submitted(p, start=in_year))[0], actor=p.head, approve=False, comment="No")
    submitted(p, start=in_year, partner=InstitutionFactory(name="Tokyo Tech", country="JP"))  # still waiting
    return p


def test_the_page_counts_approved_trips_by_country_purpose_and_funding(client, staff, trips):
    client.force_login(staff)
    report = client.get(reverse("staff:report"), QUERY).context["report"]
    assert {row["label"]: row["count"] for row in report.trips_by_country.rows} == {"South Korea": 2, "Ukraine": 1}
    assert {row["label"]: row["count"] for row in report.trips_by_purpose.rows} == {"Conference": 2, "Teaching": 1}
    assert {row["label"]: row["count"] for row in report.trips_by_funding.rows} == {
        "University budget": 1,
        "Host institution": 1,
        "Grant programme": 1,
    }
    assert report.trips_by_country.totals == {"count": 3}


def test_the_xlsx_holds_the_same_counts(client, staff, trips):
    client.force_login(staff)
    workbook = load_workbook(io.BytesIO(report_xlsx(client, **QUERY).body))
    rows = {row[0]: row[1] for row in workbook["Trips by purpose"].iter_rows(min_row=5, values_only=True)}
    assert (rows["Conference"], rows["Teaching"], rows["Total"]) == (2, 1, 3)
    countries = {row[0]: row[1] for row in workbook["Trips by country"].iter_rows(min_row=5, values_only=True)}
    assert countries["Ukraine"] == 1
