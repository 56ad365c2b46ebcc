"""Cells that cannot attack the person who opens an export: one rule for every CSV and XLSX the portal writes.

Every CSV and XLSX the portal writes passes each cell through ``safe_cell``: the admin's
exports (``FORMATS``, django-import-export), the open data CSV and the annual report.
Names typed by students and partners reach staff's spreadsheets, where a cell starting
with ``=``, ``+``, ``-`` or ``@`` (or with a tab or a line break before one) is read as a
formula: ``=HYPERLINK("http://evil","Click")`` becomes a live link, ``=WEBSERVICE(...)``
sends the sheet's data away. Such a text gets a leading apostrophe, the sign spreadsheets
themselves use for "this is text", so it shows as typed and never runs. Numbers and
dates stay typed cells: a negative number is a number, not a quoted text.

Control characters (other than tab and line breaks) are dropped: XLSX cannot hold them
(openpyxl refuses the whole file) and no one typed them on purpose. The models refuse
them at input too (``intl_office.validators``), so only older rows still hold any.

The apostrophe comes off again on import (``original_cell``): a file exported, edited
and imported back gives the texts that were exported, even one that itself starts with
an apostrophe before a formula sign (it gets a second one on the way out).
"""

import datetime
import decimal
import re

from import_export.formats import base_formats

# What makes a spreadsheet read a cell as a formula (OWASP's list). A line feed is here because
# XLSX keeps a carriage return as one: an exported "\r=1" reads back as "\n=1".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
TEXT_MARK = "'"

# A plain number ("-5", "+1.5", "-2,5" in Russian) is read as that number and nothing else:
# it stays as it is, so a negative quantity rendered as text by the CSV writer is still a number.
PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")

# Unicode's control characters (C0, DEL, C1), tab and line breaks excepted.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Cells a spreadsheet keeps typed (bool is an int, datetime a date).
TYPED = (int, float, decimal.Decimal, datetime.date, datetime.time)


def _starts_a_formula(text):
    # Apostrophes already in front count as part of the text: "'=1" gets a second one, so the way back is exact.
    bare = text.lstrip(TEXT_MARK)
    return bare.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(bare)


def safe_cell(value):
    """``value`` as a spreadsheet cell that shows what it says and never runs.

    None, numbers, booleans and dates come back as they are (typed cells); anything else
    as text without control characters, with an apostrophe in front if it would start a formula.
    """
    if value is None or isinstance(value, TYPED):
        return value
    text = CONTROL_CHARACTERS.sub("", str(value))
    return TEXT_MARK + text if _starts_a_formula(text) else text


def original_cell(value):
    """The value a cell written by ``safe_cell`` stood for: the apostrophe it added comes off."""
    if isinstance(value, str) and value.startswith(TEXT_MARK) and _starts_a_formula(value[1:]):
        return value[1:]
    return value


def _safe_dataset(dataset):
    """A copy of a tablib dataset with every header and cell through ``safe_cell``."""
    safe = dataset.__class__(headers=[safe_cell(header) for header in dataset.headers or []] or None)
    safe.title = dataset.title
    for row in dataset:
        safe.append([safe_cell(cell) for cell in row])
    return safe


def _original_dataset(dataset):
    rows = [[original_cell(cell) for cell in row] for row in dataset]
    if dataset.headers:
        dataset.headers = [original_cell(header) for header in dataset.headers]
    del dataset[:]
    for row in rows:
        dataset.append(row)
    return dataset


class CSV(base_formats.CSV):
    """CSV whose cells never start a formula in a spreadsheet; read back as they were before."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_safe_dataset(dataset), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _original_dataset(super().create_dataset(in_stream, **kwargs))


class XLSX(base_formats.XLSX):
    """XLSX whose text cells are never formulas and hold no control characters; read back as they were before."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_safe_dataset(dataset), **kwargs)

    def create_dataset(self, in_stream):
        return _original_dataset(super().create_dataset(in_stream))


# The formats staff exchange with other offices and the ministry.
FORMATS = [CSV, XLSX]
