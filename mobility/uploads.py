"""Checks for the files students upload with an application: documents (PDF, JPEG, PNG) and a photo.

A file's type is decided by its content, never by its name or the content type the browser
sends. Images are decoded with Pillow under an explicit pixel limit and written out again, so
metadata and anything appended to them (a script glued to a picture) do not survive. Nothing
here writes to storage: the form checks every file first, and the application services store
them only when all are good.
"""

import re
import uuid
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The size limit and the PDF check are the core's: agreements' signed documents pass the same ones.
from intl_office.uploads import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from intl_office.uploads import check_pdf, looks_like_pdf, read_upload
from intl_office.uploads import max_upload_bytes as max_upload_bytes

# Pillow itself only warns between its MAX_IMAGE_PIXELS and twice that (about 89 and 179
# megapixels); a scan or a photo never needs more than this, and decoding is bounded by it.
MAX_IMAGE_PIXELS = 40_000_000

PDF = "pdf"
JPEG = "jpeg"
PNG = "png"

EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
CONTENT_TYPES = {PDF: "application/pdf", JPEG: "image/jpeg", PNG: "image/png"}
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG"}

DOCUMENT_KINDS = (PDF, JPEG, PNG)
PHOTO_KINDS = (JPEG, PNG)

# What the file pickers offer; the server decides by content all the same.
DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
PHOTO_ACCEPT = ".jpg,.jpeg,.png,image/jpeg,image/png"

_ORIGINAL_NAME_MAX = 255
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f\"\\/]")


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check, ready to be stored under a generated name."""

    content: bytes
    kind: str
    original_name: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.kind]

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    def storage_name(self) -> str:
        """A fresh name that tells nothing of the student or the original file."""
        return f"{uuid.uuid4().hex}{self.extension}"


def check_document(upload) -> CheckedFile:
    """A required document: a PDF, or a JPEG or PNG scan."""
    return _check(upload, allowed=DOCUMENT_KINDS)


def check_photo(upload) -> CheckedFile:
    """The applicant's photo: a JPEG or PNG image."""
    return _check(upload, allowed=PHOTO_KINDS)


def download_name(stored_name: str, *, original_name: str = "", stem: str = "") -> str:
    """The name a download is offered under: the student's own name for it, with the real extension.

    The extension comes from what is stored (decided by content), so a PDF uploaded as
    ``cv.html`` downloads as ``cv.pdf`` and never opens as a web page.
    """
    extension = PurePath(stored_name).suffix.lower()
    stem = stem or (PurePath(original_name).stem if original_name else "")
    return f"{stem or 'document'}{extension}"


def clean_original_name(name: str) -> str:
    """The uploaded file's own name without any path, control characters or quotes."""
    name = PurePath(str(name or "").replace("\\", "/")).name
    name = _UNSAFE_NAME_CHARS.sub("", name).strip()
    if len(name) > _ORIGINAL_NAME_MAX:
        extension = PurePath(name).suffix[:16]
        name = name[: _ORIGINAL_NAME_MAX - len(extension)] + extension
    return name


def _check(upload, *, allowed) -> CheckedFile:
    content = read_upload(upload)

    kind = _sniff(content)
    if kind not in allowed:
        raise ValidationError(_unsupported_message(allowed), code="unsupported_type")

    original_name = clean_original_name(getattr(upload, "name", ""))
    if kind == PDF:
        check_pdf(content)
        return CheckedFile(content=content, kind=PDF, original_name=original_name)
    return CheckedFile(content=_reencode_image(content, kind), kind=kind, original_name=original_name)


def _sniff(content: bytes) -> str | None:
    """The file's type from its first bytes (its "magic number")."""
    if looks_like_pdf(content):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    return None


def _unsupported_message(allowed):
    if allowed == PHOTO_KINDS:
        return _("The photo must be a JPEG or PNG image. The file's content is neither, whatever its name says.")
    return _("The file must be a PDF, JPEG or PNG. Its content is none of these, whatever its name says.")


def _reencode_image(content: bytes, kind: str) -> bytes:
    """Decode the image fully and write it again: no metadata, no trailing bytes, no surprises.

    The size is checked against MAX_IMAGE_PIXELS from the header, before any pixel is decoded.
    Pillow's own DecompressionBombWarning is turned into an error as a second line of defence.
    """
    pillow_format = PILLOW_FORMATS[kind]
    too_big = ValidationError(
        _("The image is too large: at most %(limit)s megapixels are accepted."),
        code="too_many_pixels",
        params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
    )
    not_an_image = ValidationError(
        _("The file is not a readable image. Save it again as JPEG or PNG and upload it once more."),
        code="invalid_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(content), formats=[pillow_format]) as image:
                width, height = image.size
                if width < 1 or height < 1:
                    raise not_an_image
                if width * height > MAX_IMAGE_PIXELS:
                    raise too_big
                image.load()
                # The orientation lives in EXIF, which is dropped: apply it to the pixels first.
                upright = ImageOps.exif_transpose(image)
                return _encode(upright, pillow_format)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError):
        raise not_an_image from None


def _encode(image: Image.Image, pillow_format: str) -> bytes:
    out = BytesIO()
    if pillow_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=90)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1", "I", "I;16"):
            image = image.convert("RGBA")
        image.save(out, format="PNG")
    return out.getvalue()
