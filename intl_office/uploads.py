"""Checks every kept upload shares: a size read within limits, and a PDF that is a real, inert document.

A student's application documents (``mobility.uploads``) and the office's signed agreements
(``partners.models.Agreement.document``) both go through ``check_pdf``. Looking for a few byte
strings is not enough: a 116-byte file with a header, ``%%EOF`` and a JavaScript action passed
that once. So the PDF is parsed with pypdf, must have at least one page, and is refused when
anything a viewer would run or open is reachable in it (scripts, launch actions, attached files),
whether written plainly, with escaped names (``/J#53``) or inside a compressed object stream.
"""

import logging
import re
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# pypdf warns at length about every irregular file, and hostile uploads are irregular on purpose:
# the refusal is what the office needs to hear about, not the parser's complaints.
logging.getLogger("pypdf").setLevel(logging.ERROR)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# A request may carry an application form's files at once: the demo's open call asks for five
# documents and a photo. Room for eight at the per-file limit, and a megabyte for the text fields.
FILES_PER_REQUEST = 8
FORM_MARGIN_BYTES = 1024 * 1024

PDF_CONTENT_TYPE = "application/pdf"

# Names that make a viewer run something, open another program or unpack a file.
ACTIVE_PDF_NAMES = frozenset({"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"})

_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
# The PDF specification puts the end-of-file marker within the last 1024 bytes.
_PDF_TAIL_BYTES = 1024
# Stream bodies are skipped by the plain scan: compressed image data holds "/JS" by chance.
_PDF_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
_PDF_NAME = re.compile(rb"/([^\x00\t\n\f\r /<>\[\](){}%]+)")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# A thousand-page book has a few tens of thousands of objects; past this the file is built to
# tire the parser (each object costs about 0.1 ms to read).
_PDF_MAX_OBJECTS = 50_000


def max_upload_bytes() -> int:
    """The largest file anyone may upload (``APPLICATION_UPLOAD_MAX_BYTES``)."""
    return getattr(settings, "APPLICATION_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_request_bytes() -> int:
    """The largest request body accepted (``UPLOAD_REQUEST_MAX_BYTES``, else room for a full application form)."""
    configured = getattr(settings, "UPLOAD_REQUEST_MAX_BYTES", None)
    return configured or FILES_PER_REQUEST * max_upload_bytes() + FORM_MARGIN_BYTES


def read_upload(upload, *, limit=None) -> bytes:
    """The upload's whole content, refused when it is empty or larger than ``limit``."""
    limit = max_upload_bytes() if limit is None else limit
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    # Read one byte past the limit: a file object whose size was misreported is caught too.
    content = upload.read(limit + 1)
    upload.seek(0)
    if len(content) > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s."), code="too_large", params={"limit": filesizeformat(limit)}
        )
    if not content:
        raise ValidationError(_("The file is empty."), code="empty")
    return content


def looks_like_pdf(content: bytes) -> bool:
    """Whether the first bytes say PDF; ``check_pdf`` decides whether it really is one."""
    return content.startswith(b"%PDF-")


def check_pdf(content: bytes) -> None:
    """Refuse a PDF that is damaged, has no page, or holds scripts, launch actions or attached files."""
    damaged = ValidationError(
        _("The PDF file is damaged or incomplete. Save it again from the original and upload it once more."),
        code="invalid_pdf",
    )
    if not _PDF_HEADER.match(content) or b"%%EOF" not in content[-_PDF_TAIL_BYTES:]:
        raise damaged
    if _has_active_name(_PDF_STREAM.sub(b"", content)):
        raise _active_content()
    try:
        reader = PdfReader(BytesIO(content), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("The PDF is protected by a password. Upload a copy that opens without one."), code="encrypted_pdf"
            )
        pages = len(reader.pages)
        active = _reaches_active_content(reader)
    except ValidationError:
        raise
    except Exception:
        # pypdf raises many kinds of errors on a malformed file; to the uploader they all mean one thing.
        raise damaged from None
    if active:
        raise _active_content()
    if pages < 1:
        raise damaged


def validate_pdf(value) -> None:
    """Model field validator: a newly chosen file must be a PDF that passes ``check_pdf``.

    A file already stored passed when it was uploaded; it is not read again on every save.
    """
    if not value or getattr(value, "_committed", False):
        return
    content = read_upload(value)
    if not looks_like_pdf(content):
        raise ValidationError(
            _("The file must be a PDF. Its content is not, whatever its name says."), code="unsupported_type"
        )
    check_pdf(content)


def _active_content():
    return ValidationError(
        _(
            "The PDF contains scripts, attached files or commands that open other programs, which are not "
            "accepted. Print it to a new PDF (or scan the paper) and upload that."
        ),
        code="pdf_active_content",
    )


def _has_active_name(content: bytes) -> bool:
    for match in _PDF_NAME.finditer(content):
        name = _PDF_NAME_ESCAPE.sub(lambda escape: bytes([int(escape.group(1), 16)]), match.group(1))
        if name.decode("latin-1") in ACTIVE_PDF_NAMES:
            return True
    return False


def _reaches_active_content(reader: PdfReader) -> bool:
    """Whether any object reachable from the trailer names an active feature, as a key or a value."""
    seen = set()
    stack = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > _PDF_MAX_OBJECTS:
                raise ValueError("too many objects")
            item = item.get_object()
        if isinstance(item, NameObject):
            if item[1:] in ACTIVE_PDF_NAMES:
                return True
        elif isinstance(item, DictionaryObject):
            # The dictionary's own items, unresolved: references are followed once each through ``seen``.
            for name, value in dict.items(item):
                if str(name)[1:] in ACTIVE_PDF_NAMES:
                    return True
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))
    return False
