"""Files the tests upload or import, built in memory: a real PDF, real images, CSV and XLSX sheets.

Also the hostile ones the upload checks must refuse (a PDF with a script, an image whose header lies
about its size).
The demo draws its own documents in ``intl_office/demo/applications.py``; these are for tests only.
"""

import csv
import io
import struct
import zlib

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter

from intl_office.exports import FORMATS

# The admin import form's "format" choice for each file kind: its index in the formats every import offers.
CSV_FORMAT, XLSX_FORMAT = (str(FORMATS.index(fmt)) for fmt in FORMATS)

# The columns of a partner list, the sheet most import tests use.
PARTNER_COLUMNS = ("name", "country", "website")


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"


def pdf_bytes(text="Transcript of records", *, catalog_extra=b"", pages=True, extra_objects=()):
    """A valid one-page PDF with a classic cross-reference table; ``extra_objects`` are numbered from 5 on.

    ``catalog_extra`` and ``extra_objects`` build the hostile variants the PDF check must refuse.
    """
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    kids = b"[3 0 R] /Count 1" if pages else b"[] /Count 0"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids " + kids + b" >>",
        PAGE if pages else b"<< /Producer (nothing here) >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *extra_objects,
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_with_javascript():
    return pdf_bytes(catalog_extra=b"/OpenAction 5 0 R ", extra_objects=[b"<< /S /JavaScript /JS (app.alert(1)) >>"])


def tiny_pdf_with_javascript():
    """The kind of file of about a hundred bytes that passed the old byte search: no page, a script."""
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF\n"
    )


def pdf_with_javascript_in_an_object_stream(action=b"<< /S /JavaScript /JS (app.alert(1)) >>"):
    """A PDF 1.5 whose opening ``action`` sits inside a compressed object stream: not in the raw bytes at all."""
    header = b"4 0 "
    packed = zlib.compress(header + action)
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        5: b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (len(header), len(packed))
        + packed
        + b"\nendstream",
    }
    for number, body in plain.items():
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    offsets[6] = out.tell()
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for number in range(1, 7):
        if number == 4:
            rows.append(b"\x02" + (5).to_bytes(4, "big") + (0).to_bytes(2, "big"))
        else:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = b"".join(rows)
    out.write(
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[6])
    return out.getvalue()


def image_bytes(fmt="PNG", size=(64, 48), mode="RGB", color="navy", **save_options):
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save_options)
    return out.getvalue()


def png_bytes(**kwargs):
    return image_bytes("PNG", **kwargs)


def jpeg_bytes(**kwargs):
    return image_bytes("JPEG", **kwargs)


def png_claiming_size(width, height):
    """A 1x1 PNG whose header says ``width`` x ``height``: tiny on disk, a bomb once decoded."""
    data = bytearray(png_bytes(size=(1, 1)))
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    chunk = bytes(data[ihdr : ihdr + 4 + 13])
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return bytes(data)


def csv_text(rows, headers=PARTNER_COLUMNS):
    """``rows`` (dicts) as CSV text under ``headers``; keys outside the headers are left out."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def xlsx_bytes(rows, headers=PARTNER_COLUMNS):
    """``rows`` (dicts) as a one-sheet workbook under ``headers``; a missing key is an empty cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    """A file as a form receives it; text is sent as UTF-8."""
    if isinstance(content, str):
        content = content.encode()
    return SimpleUploadedFile(name, content, content_type=content_type)


def encrypted_pdf(user_password, *, content=None):
    """``content`` (a clean one-page PDF by default) encrypted with RC4: ``""`` opens without a password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(content or pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="office-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def deeply_nested_pdf(depth):
    """A one-page PDF whose catalogue holds arrays nested ``depth`` deep: a parser that recurses may never return."""
    return pdf_bytes(catalog_extra=b"/Deep " + b"[" * depth + b"]" * depth + b" ")


def pdf_with_many_objects(count):
    """A one-page PDF whose catalogue points at ``count`` small objects: each costs the parser a little."""
    references = b" ".join(b"%d 0 R" % (5 + number) for number in range(count))
    return pdf_bytes(
        catalog_extra=b"/Filler [" + references + b"] ",
        extra_objects=[b"<< /N %d >>" % number for number in range(count)],
    )
