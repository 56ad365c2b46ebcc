"""A report table: plain rows under labelled columns, drawn on the page with a chart and written to the XLSX."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mobility.statistics import top_and_others

# Charts by country draw the biggest countries and sum the rest in one row, as the statistics page does.
CHART_COUNTRIES = 10


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = True
    #: Width in characters of the XLSX column.
    width: int = 12


@dataclass(frozen=True)
class Cell:
    value: object
    url: str = ""
    numeric: bool = False


@dataclass
class Table:
    """One table of the report: rows of plain values under labelled columns, with a totals row."""

    slug: str
    title: str
    columns: list[Column]
    rows: list[dict]
    totals: dict | None = None
    #: The sheet's name in the XLSX (at most 31 characters).
    sheet: str = ""
    #: What the page says when there are no rows.
    empty: str = field(default_factory=lambda: _("Nothing in this period."))
    #: The chart draws this many rows and sums the rest in one row (for tables by country).
    chart_top: int | None = None

    @property
    def chart_rows(self):
        keys = tuple(column.key for column in self.columns if column.numeric)
        return top_and_others(self.rows, self.chart_top, keys=keys)

    @property
    def body(self):
        """Rows as cells in column order; the first cell links to the record when the row has a ``url``."""
        return [
            [
                Cell(row.get(column.key, ""), row.get("url", "") if index == 0 else "", column.numeric)
                for index, column in enumerate(self.columns)
            ]
            for row in self.rows
        ]

    @property
    def footer(self):
        """The totals row in column order, blank under columns that have no total, or None."""
        if self.totals is None:
            return None
        first, *rest = self.columns
        return [Cell(_("Total")), *(Cell(self.totals.get(c.key, ""), numeric=c.numeric) for c in rest)]


def country_column():
    return Column("label", _("Country"), numeric=False, width=28)


def direction_columns():
    return [Column("outgoing", _("Outgoing")), Column("incoming", _("Incoming")), Column("total", _("Total"))]


def admin_url(obj):
    """The admin change page of ``obj``: rows of the report link to the record staff can edit."""
    if obj is None:
        return ""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
