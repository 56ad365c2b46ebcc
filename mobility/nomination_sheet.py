"""The nomination sheet the host receives: what it needs to admit the person, and nothing more.

The same facts as a letter in PDF (``intl_office.letters``, the nomination sheet's template, which
the office may edit in the admin: under the letterhead, signed, Cyrillic and Uzbek names print) and
as an XLSX (openpyxl) the host's office can copy from. No grades, motivation, date of birth or
phone: the host decides on the nomination, the office already selected. Every text is inert: the
letter escapes every value, and every XLSX cell goes through ``intl_office.exports.safe_cell``, so a
name starting with ``=`` stays text. Rendered in the language active when called (the e-mail to the
host: English).
"""

from io import BytesIO

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from intl_office.exports import safe_cell
from intl_office.letters import LANGUAGES, letter_pdf
from intl_office.models import LetterTemplate

SHEET = LetterTemplate.Kind.NOMINATION_SHEET


def sheet_rows(*, mobility, home, reference="") -> list[tuple[str, str]]:
    """The sheet's (label, value) pairs for ``mobility``, under ``home``'s name."""
    application = mobility.application
    level = ""
    if application is not None and application.level:
        level = str(application.get_level_display())
        if application.year_of_study:
            level = _("%(level)s, year %(year)s") % {"level": level, "year": application.year_of_study}
    call = mobility.call or (application.call if application is not None else None)
    program = mobility.program or (call.program if call is not None else None)
    email = application.student.email if application is not None else mobility.participant_email
    rows = [
        (pgettext("a person's", "Full name"), mobility.participant_name),
        (_("E-mail"), email or ""),
        (_("Participant"), str(mobility.get_participant_kind_display())),
        (_("Level of study"), level),
        (_("Faculty"), str(mobility.faculty or "")),
        (_("Activity"), str(mobility.get_activity_display())),
        (_("Period"), f"{_date(mobility.start_date)} – {_date(mobility.end_date)}"),
        (_("Host"), mobility.partner.name),
        (_("Programme"), str(program or "")),
        (_("Call"), str(call or "")),
        (_("Reference number"), reference or (application.reference if application is not None else "")),
        (_("Home institution"), home.name or ""),
        (_("International office"), home.department_name or ""),
        (_("E-mail of the office"), home.email or ""),
    ]
    return rows


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def sheet_context(*, mobility, home) -> dict:
    """The nomination sheet letter's values (``intl_office.letter_records.VARIABLES``): plain strings only."""
    application = mobility.application
    return {
        "name": mobility.participant_name,
        "partner": mobility.partner.name,
        "reference": application.reference if application is not None else "",
        "rows": [{"label": str(label), "value": value} for label, value in sheet_rows(mobility=mobility, home=home)],
    }


def nomination_pdf(*, mobility, home) -> bytes:
    """The sheet as a letter, in the active language (English when it is not one the sheet is written in)."""
    language = translation.get_language()
    language = language if language in LANGUAGES[SHEET] else "en"
    return letter_pdf(SHEET, language=language, context=sheet_context(mobility=mobility, home=home))


def nomination_xlsx(*, mobility, home) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = safe_cell(_("Nomination"))[:31]
    sheet.append([safe_cell(_("Field")), safe_cell(_("Value"))])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for label, value in sheet_rows(mobility=mobility, home=home):
        sheet.append([safe_cell(label), safe_cell(value)])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
