"""Draws a rendered letter on A4 under the department's letterhead (fpdf2, DejaVu Sans)."""

import logging
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import TextStyle
from fpdf.html import HTML2FPDF

from .dates import today
from .models import HomeInstitution

FONT_DIR = Path(getattr(settings, "PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONT = "DejaVu"
LOGO_HEIGHT = 18  # mm, beside the name

logger = logging.getLogger(__name__)


class FontMissing(RuntimeError):
    """The DejaVu fonts are not installed (apt-get install fonts-dejavu-core)."""


# A letter's headings in black, its paragraphs a little apart (fpdf2's defaults: dark red, touching).
BLACK = (0, 0, 0)
TAG_STYLES = {
    "p": TextStyle(t_margin=0, b_margin=2.5),
    "h1": TextStyle(font_size_pt=16, color=BLACK, t_margin=5, b_margin=2),
    "h2": TextStyle(font_size_pt=14, color=BLACK, t_margin=4, b_margin=2),
    "h3": TextStyle(font_size_pt=12, color=BLACK, t_margin=4, b_margin=1.5),
    "h4": TextStyle(font_size_pt=11, color=BLACK, t_margin=3, b_margin=1),
    "blockquote": TextStyle(color=(60, 60, 60), t_margin=3, l_margin=8, b_margin=3),
}


class LetterHTML(HTML2FPDF):
    def handle_starttag(self, tag, attrs):
        # fpdf2's table takes for its plain cells the font last set: bold after a paragraph that began in bold.
        if tag == "table":
            self._end_paragraph()
            self.pdf.set_font(style="")
        super().handle_starttag(tag, attrs)


class LetterPDF(FPDF):
    HTML2FPDF_CLASS = LetterHTML

    def footer(self):
        # On every page, after auto page breaks too; in the language active while the letter is drawn.
        self.set_y(-15)
        self.set_font(FONT, "", 7)
        self.cell(0, 5, _("Page %(page)s") % {"page": self.page_no()}, align="C")


def new_pdf() -> FPDF:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        raise FontMissing(f"{regular} and {bold} are needed to print letters (fonts-dejavu-core).")
    pdf = LetterPDF(format="A4")
    pdf.add_font(FONT, "", str(regular))
    pdf.add_font(FONT, "B", str(bold))
    # Where the oblique faces are missing (some installs of fonts-dejavu-core lack them), italics print
    # upright rather than fail.
    italic, bold_italic = FONT_DIR / "DejaVuSans-Oblique.ttf", FONT_DIR / "DejaVuSans-BoldOblique.ttf"
    pdf.add_font(FONT, "I", str(italic if italic.exists() else regular))
    pdf.add_font(FONT, "BI", str(bold_italic if bold_italic.exists() else bold))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 18, 20)
    return pdf


def _logo(pdf: FPDF, home: HomeInstitution) -> bool:
    """The logo at the letterhead's left; a file that is missing or not an image leaves the letterhead without it."""
    if not home.logo:
        return False
    try:
        with home.logo.open("rb") as file:
            pdf.image(BytesIO(file.read()), x=pdf.l_margin, y=pdf.t_margin, h=LOGO_HEIGHT)
    except Exception:
        logger.warning("The home institution's logo %s could not be drawn on a letter", home.logo.name, exc_info=True)
        return False
    return True


def _letterhead(pdf: FPDF, home: HomeInstitution) -> None:
    margin = pdf.l_margin
    with_logo = _logo(pdf, home)
    if with_logo:
        # The name and contacts beside the logo, centred in what is left of the line.
        pdf.set_left_margin(margin + LOGO_HEIGHT + 4)
        pdf.set_xy(pdf.l_margin, pdf.t_margin)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 6, home.name or "", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    if home.department_name:
        pdf.multi_cell(0, 5, home.department_name, align="C", new_x="LMARGIN", new_y="NEXT")
    contacts = " · ".join(part for part in (home.address, home.phone, home.email, home.website) if part)
    if contacts:
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(0, 4, contacts, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_left_margin(margin)
    pdf.set_xy(margin, max(pdf.get_y(), pdf.t_margin + LOGO_HEIGHT) if with_logo else pdf.get_y())
    pdf.ln(2)
    pdf.set_draw_color(120, 120, 120)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(6)


def _signature(pdf: FPDF, home: HomeInstitution) -> None:
    if not (home.signatory_name or home.signatory_position):
        return
    pdf.ln(10)
    pdf.set_font(FONT, "", 11)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pdf.cell(width, 6, home.signatory_position or "")
    pdf.cell(width, 6, home.signatory_name or "", align="R", new_x="LMARGIN", new_y="NEXT")


def draw_letter(letter) -> bytes:
    """``letter`` (``intl_office.letters.Letter``) as PDF bytes, in the active language."""
    from django.utils import formats

    home = HomeInstitution.load()
    pdf = new_pdf()
    pdf.set_title(letter.title)
    pdf.set_creator(home.name or "")
    pdf.add_page()
    _letterhead(pdf, home)
    pdf.set_font(FONT, "", 9)
    pdf.cell(0, 5, formats.date_format(today(), "DATE_FORMAT"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, letter.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", 11)
    pdf.write_html(letter.html, font_family=FONT, tag_styles=TAG_STYLES, table_line_separators=True)
    _signature(pdf, home)
    return bytes(pdf.output())
