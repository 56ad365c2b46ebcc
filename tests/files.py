"""Files the tests upload or import, built in memory: a real PDF, real images, CSV and XLSX sheets.

Also the hostile ones the upload checks must refuse (an image whose header lies about its size).
The demo draws its own documents in ``intl_office/demo/applications.py``; these are for tests only.
"""

import csv
import io
import struct
import zlib

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# The columns of a partner list, the sheet most import tests use.
PARTNER_COLUMNS = ("name", "country", "website")


def pdf_bytes(text="Transcript of records"):
    """A minimal but valid one-page PDF: header, four objects, cross-reference table, trailer."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
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
