"""The annual report: every table of one period, in the order the page and the XLSX show them."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from mobility.statistics import (
    credits_recognised_by_academic_year,
    mobility_by_country,
    mobility_by_program,
    mobility_totals,
    sum_rows,
)

from .agreements import agreements_in_force, agreements_signed, count_by_country, count_by_kind, partners_added
from .mobility import (
    credits_recognised_table,
    mobility_by_direction_table,
    mobility_by_participant_table,
    visits_between,
    visits_by_direction_table,
)
from .periods import Period
from .tables import CHART_COUNTRIES, Column, Table, admin_url, country_column, direction_columns
from .trips import trip_tables


@dataclass
class AnnualReport:
    period: Period
    on: datetime.date
    counted_on: datetime.date
    partners_added: Table
    partners_added_by_country: Table
    agreements_signed: Table
    agreements_signed_by_country: Table
    agreements_signed_by_kind: Table
    agreements_in_force_by_country: Table
    agreements_in_force_by_kind: Table
    mobility_by_direction: Table
    mobility_by_participant: Table
    mobility_by_program: Table
    mobility_by_country: Table
    credits_recognised: Table
    visits_by_direction: Table
    visits: Table
    trips_by_country: Table
    trips_by_purpose: Table
    trips_by_funding: Table

    @property
    def tables(self) -> list[Table]:
        """Every table in the order of the page, for the XLSX export."""
        return [
            self.partners_added,
            self.partners_added_by_country,
            self.agreements_signed,
            self.agreements_signed_by_country,
            self.agreements_signed_by_kind,
            self.agreements_in_force_by_country,
            self.agreements_in_force_by_kind,
            self.mobility_by_direction,
            self.mobility_by_participant,
            self.mobility_by_program,
            self.mobility_by_country,
            self.credits_recognised,
            self.visits_by_direction,
            self.visits,
            self.trips_by_country,
            self.trips_by_purpose,
            self.trips_by_funding,
        ]


def annual_report(period: Period, *, on: datetime.date) -> AnnualReport:
    """Every table of the report for ``period``, as known on the day ``on``.

    Eleven queries whatever the number of rows: partners added, agreements signed, agreements
    in force (by country and by kind), mobility totals, by programme (and the programmes' names),
    by country, credits recognised, visits, business trips.
    """
    start, end = period.bounds
    counted_on = period.counted_on(on)
    partners = partners_added(start, end)
    signed = agreements_signed(start, end)
    in_force_by_country, in_force_by_kind = agreements_in_force(counted_on)
    totals = mobility_totals(between=(start, end))
    programs = mobility_by_program(between=(start, end))
    countries = mobility_by_country(top=None, between=(start, end))
    visits = visits_between(start, end)
    trips_by_country, trips_by_purpose, trips_by_funding = trip_tables(start, end)
    return AnnualReport(
        period=period,
        on=on,
        counted_on=counted_on,
        partners_added=partners,
        partners_added_by_country=count_by_country(
            partners.rows,
            slug="partners-added-by-country",
            title=_("Partners added by country"),
            count_label=_("Partners"),
            sheet=_("Partners by country"),
        ),
        agreements_signed=signed,
        agreements_signed_by_country=count_by_country(
            signed.rows,
            slug="agreements-signed-by-country",
            title=_("Agreements signed by country"),
            count_label=_("Agreements"),
            sheet=_("Signed by country"),
        ),
        agreements_signed_by_kind=count_by_kind(signed.rows),
        agreements_in_force_by_country=in_force_by_country,
        agreements_in_force_by_kind=in_force_by_kind,
        mobility_by_direction=mobility_by_direction_table(totals),
        mobility_by_participant=mobility_by_participant_table(totals),
        mobility_by_program=Table(
            slug="mobility-by-programme",
            title=_("Mobility by programme"),
            sheet=_("Mobility by programme"),
            columns=[Column("label", _("Programme"), numeric=False, width=36), *direction_columns()],
            rows=[{**row, "url": admin_url(row["program"])} for row in programs],
            totals=sum_rows(programs, ("outgoing", "incoming", "total")),
            empty=_("No mobility in this period."),
        ),
        mobility_by_country=Table(
            slug="mobility-by-country",
            title=_("Mobility by partner country"),
            sheet=_("Mobility by country"),
            columns=[country_column(), *direction_columns()],
            chart_top=CHART_COUNTRIES,
            rows=countries,
            totals=sum_rows(countries, ("outgoing", "incoming", "total")),
            empty=_("No mobility in this period."),
        ),
        credits_recognised=credits_recognised_table(credits_recognised_by_academic_year(between=(start, end))),
        visits_by_direction=visits_by_direction_table(visits.rows),
        visits=visits,
        trips_by_country=trips_by_country,
        trips_by_purpose=trips_by_purpose,
        trips_by_funding=trips_by_funding,
    )
