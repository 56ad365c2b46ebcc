"""The annual report as an XLSX workbook: one sheet per table.

Every cell goes through ``intl_office.exports.safe_cell``: partners' names and titles come from
files and forms, and a name such as "=HYPERLINK(...)" must open as text, not run as a formula.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from intl_office.exports import safe_cell

from .annual import AnnualReport

SHEET_NAME_LENGTH = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
DATE_FORMAT = "yyyy-mm-dd"


def sheet_name(text, taken):
    """A valid, unique sheet name: Excel refuses names over 31 characters, with []:*?/\\ or repeated."""
    base = str(text).translate(SHEET_NAME_FORBIDDEN).strip()[:SHEET_NAME_LENGTH] or "Sheet"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" {number}"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


def report_workbook(report: AnnualReport, *, generated_at: datetime.datetime):
    """The report as an openpyxl workbook: one sheet per table, a title row, bold headers and totals."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    title_font, bold = Font(bold=True, size=13), Font(bold=True)
    start, end = report.period.bounds
    heading = _("%(report)s: %(period)s (%(start)s – %(end)s). Generated on %(generated)s.") % {
        "report": _("Annual report"),
        "period": report.period.title,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "generated": timezone.localtime(generated_at).strftime("%Y-%m-%d %H:%M"),
    }
    taken = set()
    for table in report.tables:
        sheet = workbook.create_sheet(sheet_name(table.sheet or table.title, taken))
        sheet.append([safe_cell(table.title)])
        sheet["A1"].font = title_font
        sheet.append([safe_cell(heading)])
        sheet.append([])
        sheet.append([safe_cell(column.label) for column in table.columns])
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = bold
        for row in table.body:
            sheet.append([_cell_value(cell.value) for cell in row])
        if table.footer:
            sheet.append([_cell_value(cell.value) for cell in table.footer])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = DATE_FORMAT
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    return workbook


def _cell_value(value):
    """What a cell holds: numbers and dates as themselves, lazy translations and the rest as inert text."""
    if value is None:
        return ""
    return safe_cell(value)
