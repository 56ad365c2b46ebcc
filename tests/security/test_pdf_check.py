"""The core PDF check every kept PDF passes: parsed, at least one page, nothing a viewer would run."""

import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from intl_office.uploads import check_pdf
from mobility import uploads as student_uploads
from tests.files import (
    pdf_bytes,
    pdf_with_javascript,
    pdf_with_javascript_in_an_object_stream,
    tiny_pdf_with_javascript,
)


def refusal(content):
    with pytest.raises(ValidationError) as excinfo:
        check_pdf(content)
    return excinfo.value.code


def test_a_real_one_page_pdf_passes():
    check_pdf(pdf_bytes())


def test_the_tiny_pageless_file_with_a_script_that_passed_before_is_refused():
    content = tiny_pdf_with_javascript()
    assert len(content) < 120
    assert refusal(content) == "pdf_active_content"


def test_a_pdf_without_any_page_is_refused():
    assert refusal(pdf_bytes(pages=False)) == "invalid_pdf"


@pytest.mark.parametrize(
    "action",
    [
        b"<< /S /JavaScript /JS (app.alert(1)) >>",
        b"<< /S /Launch /F (cmd.exe) >>",
        b"<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream",
        b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>",
    ],
    ids=["javascript", "launch", "embedded-file", "escaped-names"],
)
def test_active_content_is_refused(action):
    content = pdf_bytes(catalog_extra=b"/OpenAction 5 0 R ", extra_objects=[action])
    assert refusal(content) == "pdf_active_content"


def test_attached_files_in_the_name_tree_are_refused():
    content = pdf_bytes(catalog_extra=b"/Names << /EmbeddedFiles 5 0 R >> ", extra_objects=[b"<< /Names [] >>"])
    assert refusal(content) == "pdf_active_content"


def test_a_script_hidden_in_a_compressed_object_stream_is_found():
    content = pdf_with_javascript_in_an_object_stream()
    assert b"JavaScript" not in content and b"/JS" not in content
    assert refusal(content) == "pdf_active_content"


def test_bytes_that_look_like_names_inside_image_data_are_not_mistaken_for_scripts():
    # Compressed pixels hold any bytes, "/JS " among them; only the objects' own names count.
    image = b"<< /Type /XObject /Subtype /Image /Length 12 >>\nstream\n\x00/JS /Launch\nendstream"
    check_pdf(pdf_bytes(extra_objects=[image]))


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n<script>alert(1)</script>",
        b"%PDF-1.4\ngarbage that is no object at all\n%%EOF\n",
        zlib.compress(b"%PDF-1.4") + b"%%EOF",
    ],
    ids=["no-eof", "no-objects", "not-a-header"],
)
def test_damaged_or_fake_pdfs_are_refused(content):
    assert refusal(content) == "invalid_pdf"


def test_student_documents_get_the_stricter_check_too():
    upload = SimpleUploadedFile("transcript.pdf", pdf_with_javascript(), content_type="application/pdf")
    with pytest.raises(ValidationError) as excinfo:
        student_uploads.check_document(upload)
    assert excinfo.value.code == "pdf_active_content"


def test_a_pdf_built_to_tire_the_parser_is_refused(monkeypatch):
    monkeypatch.setattr("intl_office.uploads._PDF_MAX_OBJECTS", 50)
    references = b" ".join(b"%d 0 R" % (5 + number) for number in range(60))
    content = pdf_bytes(
        catalog_extra=b"/Filler [" + references + b"] ",
        extra_objects=[b"<< /N %d >>" % number for number in range(60)],
    )
    assert refusal(content) == "invalid_pdf"
