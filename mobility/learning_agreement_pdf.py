"""The printable learning agreement: an approved version with its courses, totals and both approvals.

Drawn with fpdf2 in DejaVu Sans (Debian's fonts-dejavu-core), which holds Cyrillic and Uzbek
Latin (oʻ, gʻ). fpdf2 draws every string as text and reads no markup in it (``markdown`` is
never turned on), so whatever a student typed in a course title stays inert on the page.
"""

from pathlib import Path

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

FONT_DIR = Path(getattr(settings, "PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONT = "DejaVu"


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (apt-get install fonts-dejavu-core)."""


def _pdf() -> FPDF:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        raise FontMissing(f"{regular} and {bold} are needed to print learning agreements (fonts-dejavu-core).")
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.add_font(FONT, "", str(regular))
    pdf.add_font(FONT, "B", str(bold))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(15, 15, 15)
    return pdf


def _date(value):
    return formats.date_format(timezone.localtime(value) if hasattr(value, "tzinfo") else value, "DATE_FORMAT")


def _credits(value):
    return "" if value is None else formats.number_format(value, decimal_pos=1)


def learning_agreement_pdf(*, version, home) -> bytes:
    """The PDF of ``version`` (approved, with rows and approvals read here), under ``home``'s name."""
    agreement = version.agreement
    mobility = agreement.mobility
    rows = list(version.rows.order_by("position", "pk"))
    approvals = list(version.approvals.order_by("decided_at", "pk"))
    pdf = _pdf()
    title = _("Learning agreement")
    pdf.set_title(f"{title}: {mobility.participant_name}")
    pdf.set_creator(home.name or "")
    pdf.add_page()

    pdf.set_font(FONT, "", 9)
    pdf.cell(0, 5, home.name or "", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 10, f"{title}, " + _("version %(number)s") % {"number": version.number}, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    facts = [
        (_("Student"), mobility.participant_name),
        (_("Faculty"), str(mobility.faculty or "—")),
        (_("Host"), mobility.partner.name),
        (_("Period"), f"{_date(mobility.start_date)} – {_date(mobility.end_date)}"),
    ]
    if version.approved_at:
        facts.append((_("Approved"), _date(version.approved_at)))
    for label, value in facts:
        pdf.set_font(FONT, "B", 10)
        pdf.cell(35, 6, label)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    totals = version.totals() if rows else {"host": 0, "home": 0}
    heading = FontFace(emphasis="BOLD", fill_color=(235, 238, 242))
    with pdf.table(
        col_widths=(22, 72, 24, 16, 22, 72, 20),
        text_align=("LEFT", "LEFT", "LEFT", "RIGHT", "LEFT", "LEFT", "RIGHT"),
        headings_style=heading,
        line_height=5.5,
    ) as table:
        table.row(
            [
                _("Code"),
                _("Course at the host"),
                _("Semester"),
                _("ECTS"),
                _("Home code"),
                _("Home course it replaces"),
                _("Home credits"),
            ]
        )
        for row in rows:
            table.row(
                [
                    row.host_code,
                    row.host_title,
                    str(row.get_semester_display()),
                    _credits(row.host_credits),
                    row.home_code,
                    row.home_title,
                    _credits(row.home_credits),
                ]
            )
        total = table.row()
        total.cell(_("Total"), colspan=3, style=FontFace(emphasis="BOLD"))
        total.cell(_credits(totals["host"]), style=FontFace(emphasis="BOLD"))
        total.cell("", colspan=2)
        total.cell(_credits(totals["home"]), style=FontFace(emphasis="BOLD"))
    pdf.ln(6)

    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 8, _("Approvals"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    with pdf.table(col_widths=(45, 30, 70, 40, 63), headings_style=heading, line_height=5.5) as table:
        table.row([_("Party"), _("Decision"), _("Name"), _("Date"), _("Comment")])
        for approval in approvals:
            name = approval.approver_name
            if approval.approver_position:
                name = f"{name}, {approval.approver_position}"
            table.row(
                [
                    str(approval.get_party_display()),
                    str(approval.get_decision_display()),
                    name,
                    _date(approval.decided_at),
                    approval.comment,
                ]
            )
    return bytes(pdf.output())
