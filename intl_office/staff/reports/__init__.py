"""The staff annual report: what changed in an academic or calendar year, as tables for the page and the XLSX.

Mobility figures come from the public statistics page's functions (``mobility/statistics.py``),
given the period's first and last day (``between``) since a report may also cover a calendar
year. For an academic year they give exactly what the statistics page shows (a test compares them).

Every table is a ``Table`` of plain rows: the page draws it with a chart, the XLSX export
writes it as one sheet, so the two can never disagree.

The package holds one module per concern: ``periods`` (which days a report covers), ``tables``
(the ``Table`` the page and the XLSX share), ``agreements`` and ``mobility`` (the tables by subject),
``annual`` (the report put together) and ``workbook`` (the XLSX). The names the staff views and the
tests use are importable from the package itself.
"""

from .annual import AnnualReport, annual_report
from .periods import ACADEMIC, CALENDAR, FIRST_YEAR, PERIOD_CHOICES, Period, default_period
from .tables import Table
from .workbook import report_workbook, sheet_name

__all__ = [
    "ACADEMIC",
    "CALENDAR",
    "FIRST_YEAR",
    "PERIOD_CHOICES",
    "AnnualReport",
    "Period",
    "Table",
    "annual_report",
    "default_period",
    "report_workbook",
    "sheet_name",
]
