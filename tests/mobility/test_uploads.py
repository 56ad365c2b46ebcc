"""What students may upload: real PDFs, JPEGs and PNGs, within limits, re-encoded when images.

The files come from tests/files.py: real ones (a hand-written PDF, images drawn with Pillow) and the
hostile ones made from them here and there: renamed files, polyglots, decompression bombs.
"""

import warnings
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from mobility import uploads
from tests.files import image_bytes, jpeg_bytes, pdf_bytes, png_bytes, png_claiming_size, upload


def code_of(excinfo):
    return excinfo.value.code


# --- documents -----------------------------------------------------------------------------------


def test_a_real_pdf_is_accepted_as_it_is():
    content = pdf_bytes()
    checked = uploads.check_document(upload("Transcript.pdf", content, "application/pdf"))
    assert checked.kind == uploads.PDF
    assert checked.content == content
    assert checked.extension == ".pdf"
    assert checked.original_name == "Transcript.pdf"


@pytest.mark.parametrize("builder", [png_bytes, jpeg_bytes], ids=["png", "jpeg"])
def test_a_scan_as_image_is_accepted(builder):
    checked = uploads.check_document(upload("scan.bin", builder()))
    assert checked.kind in (uploads.PNG, uploads.JPEG)
    assert Image.open(BytesIO(checked.content)).size == (64, 48)


def test_oversize_file_is_rejected(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 1024
    content = pdf_bytes("x" * 2000)
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("big.pdf", content, "application/pdf"))
    assert code_of(excinfo) == "too_large"
    assert "1.0\xa0KB" in excinfo.value.messages[0]


def test_the_default_limit_is_five_megabytes(settings):
    del settings.APPLICATION_UPLOAD_MAX_BYTES  # absent until settings.py defines it
    assert uploads.max_upload_bytes() == 5 * 1024 * 1024


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(document.cookie)</script></html>",
        b"MZ\x90\x00\x03\x00\x00\x00 a Windows program",
        b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1)//;",
        b"PK\x03\x04 a zip archive or a docx",
    ],
    ids=["html", "exe", "gif-script-polyglot", "zip"],
)
def test_wrong_type_renamed_to_pdf_is_rejected(content):
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("transcript.pdf", content, "application/pdf"))
    assert code_of(excinfo) == "unsupported_type"


def test_a_pdf_header_on_something_else_is_rejected():
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("cv.pdf", b"%PDF-1.7\n<script>alert(1)</script>", "application/pdf"))
    assert code_of(excinfo) == "invalid_pdf"


def test_a_truncated_pdf_is_rejected():
    content = pdf_bytes()
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("cut.pdf", content[: len(content) // 2], "application/pdf"))
    assert code_of(excinfo) == "invalid_pdf"


def test_an_image_that_is_not_an_image_is_rejected():
    fake = b"\x89PNG\r\n\x1a\n" + b"this is not image data at all" * 20
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("scan.png", fake, "image/png"))
    assert code_of(excinfo) == "invalid_image"


def test_a_truncated_jpeg_is_rejected():
    content = jpeg_bytes(size=(400, 300), color="red")
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("scan.jpg", content[:200], "image/jpeg"))
    assert code_of(excinfo) == "invalid_image"


def test_an_empty_file_is_rejected():
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("empty.pdf", b"", "application/pdf"))
    assert code_of(excinfo) == "empty"


# --- images: bombs, polyglots, metadata ----------------------------------------------------------


def test_decompression_bomb_png_is_rejected_before_decoding():
    bomb = png_claiming_size(100_000, 100_000)
    assert len(bomb) < 100
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_photo(upload("photo.png", bomb, "image/png"))
    assert code_of(excinfo) == "too_many_pixels"


def test_a_huge_image_that_compresses_tiny_is_rejected():
    # 400 megapixels of one colour: a few kilobytes as a PNG, far past Pillow's own error limit.
    bomb = png_bytes(size=(20_000, 20_000), mode="1", color=0)
    assert len(bomb) < uploads.max_upload_bytes()
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_document(upload("scan.png", bomb, "image/png"))
    assert code_of(excinfo) == "too_many_pixels"


def test_the_explicit_pixel_limit_holds_below_the_point_where_pillow_only_warns():
    # 48 megapixels: under Pillow's default warning threshold, over the portal's own limit.
    big = png_bytes(size=(8_000, 6_000), mode="1", color=1)
    assert uploads.MAX_IMAGE_PIXELS < 8_000 * 6_000 < Image.MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValidationError) as excinfo:
            uploads.check_document(upload("scan.png", big, "image/png"))
    assert code_of(excinfo) == "too_many_pixels"


def test_pillows_bomb_warning_is_an_error_not_a_warning(monkeypatch):
    # Should Pillow's own limit ever be lower than ours, its warning must still stop the upload.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_photo(upload("photo.png", png_bytes(size=(12, 12)), "image/png"))
    assert code_of(excinfo) == "too_many_pixels"


def test_script_appended_to_an_image_does_not_survive():
    polyglot = png_bytes() + b"<script>alert(document.cookie)</script>"
    checked = uploads.check_photo(upload("photo.png", polyglot, "image/png"))
    assert b"<script>" not in checked.content
    assert checked.content.endswith(b"IEND\xaeB`\x82")


def test_a_gif_is_not_a_photo():
    gif = image_bytes("GIF", mode="P", color=1)
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_photo(upload("photo.png", gif, "image/png"))
    assert code_of(excinfo) == "unsupported_type"


def test_a_pdf_is_not_a_photo():
    with pytest.raises(ValidationError) as excinfo:
        uploads.check_photo(upload("photo.jpg", pdf_bytes(), "image/jpeg"))
    assert code_of(excinfo) == "unsupported_type"


def test_jpeg_metadata_is_stripped_and_orientation_applied():
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise
    content = jpeg_bytes(size=(60, 40), exif=exif.tobytes())
    checked = uploads.check_photo(upload("me.jpg", content, "image/jpeg"))
    result = Image.open(BytesIO(checked.content))
    assert result.format == "JPEG"
    assert not result.getexif()
    assert result.size == (40, 60)


@pytest.mark.parametrize("mode", ["RGBA", "P", "L", "CMYK"])
def test_images_of_any_common_mode_are_reencoded(mode):
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    content = image_bytes(fmt, mode=mode, color=1 if mode == "P" else None)
    checked = uploads.check_document(upload(f"scan.{fmt.lower()}", content))
    assert Image.open(BytesIO(checked.content)).format == fmt


# --- names ---------------------------------------------------------------------------------------


def test_stored_names_are_generated_and_tell_nothing():
    checked = uploads.check_document(upload("Aziza Karimova passport.pdf", pdf_bytes(), "application/pdf"))
    first, second = checked.storage_name(), checked.storage_name()
    assert first != second
    assert first.endswith(".pdf")
    assert len(first) == 32 + len(".pdf")
    assert "Aziza" not in first


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\aziza\\Desktop\\cv.pdf", "cv.pdf"),
        ('evil"\r\nSet-Cookie: x.pdf', "evilSet-Cookie: x.pdf"),
        ("Диплом.pdf", "Диплом.pdf"),
    ],
)
def test_original_names_lose_paths_and_control_characters(given, kept):
    assert uploads.clean_original_name(given) == kept


def test_a_very_long_original_name_keeps_its_extension():
    name = uploads.clean_original_name("a" * 400 + ".pdf")
    assert len(name) == 255
    assert name.endswith(".pdf")


def test_downloads_carry_the_real_extension():
    assert uploads.download_name("documents/ab12.pdf", original_name="cv.html") == "cv.pdf"
    assert uploads.download_name("photos/ab12.jpg", stem="photo") == "photo.jpg"
    assert uploads.download_name("documents/ab12.png") == "document.png"
