"""Mobility figures for the pages of the apps below mobility, which may not read mobility themselves.

A partner's or a programme's page loads these tags and asks for its figures, e.g.
``{% load mobility_figures %}{% partner_mobility_by_year institution as mobility %}``;
each tag is one query, built on ``Mobility.objects.per_academic_year()``.
"""

from django import template

from intl_office.dates import academic_year_label

from ..models import Direction, Mobility

register = template.Library()


@register.simple_tag
def partner_mobility_by_year(partner):
    """People exchanged with ``partner`` by academic year (newest first) and direction, with totals.

    A dict: ``directions`` (column labels), ``summary`` ((label, count) per direction), ``years``
    (``label``, ``counts`` in the order of ``directions``, ``total``), ``totals`` per direction and
    ``total``. Cancelled mobilities do not count.
    """
    rows = list(Mobility.objects.filter(partner=partner).per_academic_year())
    keys = [value for value, _label in Direction.choices]
    labels = [label for _value, label in Direction.choices]
    totals = [sum(row[key] for row in rows) for key in keys]
    return {
        "directions": labels,
        "summary": list(zip(labels, totals, strict=True)),
        "years": [
            {
                "label": academic_year_label(row["academic_year"]),
                "counts": [row[key] for key in keys],
                "total": row["total"],
            }
            for row in rows
        ],
        "totals": totals,
        "total": sum(totals),
    }


@register.simple_tag
def program_mobility_by_year(program):
    """Our people who went out and guests who came in under ``program``, per academic year, newest first.

    Rows: ``academic_year``, ``label``, ``outgoing``, ``incoming``, ``total`` and the widths of the
    small chart's bars in percent of the busiest year. Cancelled mobilities do not count.
    """
    rows = list(Mobility.objects.filter(program=program).per_academic_year())
    widest = max((row["total"] for row in rows), default=0)
    for row in rows:
        row["label"] = academic_year_label(row["academic_year"])
        row["outgoing_width"] = round(100 * row["outgoing"] / widest) if widest else 0
        row["incoming_width"] = round(100 * row["incoming"] / widest) if widest else 0
    return rows
