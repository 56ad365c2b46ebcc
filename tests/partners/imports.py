"""The rows the import tests feed the resources, and how they read a result.

The 1,000 universities are real ones (name, country, website) from the university-domains-list
project, copied into tests/fixtures/ (see the LICENSE file there); tests read only that copy.
"""

import csv
from pathlib import Path

import tablib

from tests.files import csv_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
UNIVERSITIES = FIXTURES / "world_universities_1000.csv"


def university_rows():
    with UNIVERSITIES.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def dataset(rows, headers=("name", "country", "website")):
    return tablib.Dataset().load(csv_text(rows, headers), format="csv")


def totals(result):
    return {kind: count for kind, count in result.totals.items() if count}


def row_errors(result):
    """{row number: {column: [messages]}} for the rows that failed validation."""
    return {row.number: row.error_dict for row in result.invalid_rows}


AGREEMENT_HEADERS = (
    "reference_number",
    "title",
    "kind",
    "partner",
    "partner_country",
    "signed_on",
    "valid_until",
    "student_places_out",
)


def agreement_row(**values):
    return {
        "reference_number": "KNU-2020-07",
        "title": "Student exchange agreement",
        "kind": "exchange",
        "partner": "Kyungpook National University",
        "partner_country": "South Korea",
        "signed_on": "2020-05-10",
        "valid_until": "2025-05-09",
        "student_places_out": "4",
        **values,
    }
