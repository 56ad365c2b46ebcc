"""The PDF check on files built to get past it: locked, nested without end, huge, or oddly made.

Complements test_pdf_check.py (scripts, launch actions, attached files): here the structure itself
is hostile, and the answer must come quickly, as a form error in the uploader's language, never a 500.
"""

import os
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from intl_office import uploads
from intl_office.uploads import check_pdf, validate_pdf
from mobility import uploads as student_uploads
from tests.files import (
    deeply_nested_pdf,
    encrypted_pdf,
    pdf_bytes,
    pdf_with_javascript,
    pdf_with_javascript_in_an_object_stream,
    pdf_with_many_objects,
    tiny_pdf_with_javascript,
    upload,
)


def refusal(content):
    with pytest.raises(ValidationError) as excinfo:
        check_pdf(content)
    return excinfo.value


DAMAGED = "The PDF file is damaged or incomplete. Save it again from the original and upload it once more."
ACTIVE = (
    "The PDF contains scripts, attached files or commands that open other programs, which are not accepted. "
    "Print it to a new PDF (or scan the paper) and upload that."
)


def test_each_refusal_says_what_to_do_in_full():
    assert refusal(pdf_bytes(pages=False)).messages == [DAMAGED]
    assert refusal(tiny_pdf_with_javascript()).messages == [ACTIVE]
    assert refusal(pdf_with_javascript_in_an_object_stream()).messages == [ACTIVE]


def test_a_pdf_locked_with_a_password_is_refused_with_its_own_message():
    error = refusal(encrypted_pdf("secret"))

    assert error.code == "encrypted_pdf"
    assert error.messages == ["The PDF is protected by a password. Upload a copy that opens without one."]


def test_a_pdf_encrypted_without_an_opening_password_is_read_and_accepted():
    # Many scanners write such files: anyone may open them, only editing is restricted.
    check_pdf(encrypted_pdf(""))


def test_a_script_inside_a_pdf_that_opens_without_a_password_is_still_found():
    assert refusal(encrypted_pdf("", content=pdf_with_javascript())).code == "pdf_active_content"


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_arrays_nested_without_end_are_refused_quickly(depth):
    started = time.monotonic()

    assert refusal(deeply_nested_pdf(depth)).code == "invalid_pdf"
    assert time.monotonic() - started < 5


def test_a_few_levels_of_nesting_are_an_ordinary_pdf():
    check_pdf(deeply_nested_pdf(5))


def test_the_object_bound_refuses_past_the_limit_and_accepts_up_to_it(monkeypatch):
    monkeypatch.setattr(uploads, "_PDF_MAX_OBJECTS", 64)
    # Four objects make the page (catalogue, page tree, page, contents); the filler adds the rest.
    check_pdf(pdf_with_many_objects(60))
    assert refusal(pdf_with_many_objects(61)).code == "invalid_pdf"


def test_the_default_bound_is_fifty_thousand_objects():
    assert uploads._PDF_MAX_OBJECTS == 50_000


def test_megabytes_of_noise_behind_a_pdf_header_are_refused_quickly():
    content = b"%PDF-1.4\n" + os.urandom(4 * 1024 * 1024) + b"\n%%EOF\n"
    started = time.monotonic()

    assert refusal(content).code == "invalid_pdf"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n" + pdf_bytes()[9:].replace(b"%%EOF", b"%%EO"), b"%PDF-3.0\n" + pdf_bytes()[9:], b" " + pdf_bytes()],
    ids=["no-end-marker", "unknown-version", "header-not-first"],
)
def test_a_header_or_end_marker_out_of_place_is_damage(content):
    assert refusal(content).code == "invalid_pdf"


def test_the_end_marker_must_be_in_the_last_kilobyte():
    content = pdf_bytes()
    assert refusal(content + b"%" + b" " * 1100 + b"\n").code == "invalid_pdf"
    check_pdf(content + b"%" + b" " * 1000 + b"\n")


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 1000
    big = upload("big.pdf", pdf_bytes() + b"%" * 2000, "application/pdf")

    with pytest.raises(ValidationError) as excinfo:
        student_uploads.check_document(big)

    assert excinfo.value.code == "too_large"


@pytest.mark.parametrize(
    ("language", "damaged", "locked", "active"),
    [
        ("uz", "PDF fayl shikastlangan", "PDF parol bilan himoyalangan", "PDF ichida skriptlar"),
        ("ru", "PDF-файл повреждён", "PDF защищён паролем", "PDF содержит сценарии"),
    ],
)
def test_the_refusals_read_in_the_uploaders_language(language, damaged, locked, active):
    with translation.override(language):
        assert refusal(pdf_bytes(pages=False)).messages[0].startswith(damaged)
        assert refusal(encrypted_pdf("secret")).messages[0].startswith(locked)
        assert refusal(tiny_pdf_with_javascript()).messages[0].startswith(active)


def test_the_model_validator_checks_a_new_file_and_leaves_a_stored_one_alone():
    fresh = upload("agreement.pdf", pdf_with_javascript(), "application/pdf")
    with pytest.raises(ValidationError) as excinfo:
        validate_pdf(fresh)
    assert excinfo.value.code == "pdf_active_content"

    stored = upload("agreement.pdf", pdf_with_javascript(), "application/pdf")
    stored._committed = True
    validate_pdf(stored)
    validate_pdf(None)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file must be a PDF. Its content is not, whatever its name says."),
        ("ru", ""),
    ],
)
def test_the_model_validator_refuses_a_file_that_only_calls_itself_pdf(language, message):
    with pytest.raises(ValidationError) as excinfo:
        validate_pdf(upload("agreement.pdf", b"<html>not a pdf</html>", "application/pdf"))
    with translation.override(language):
        shown = excinfo.value.messages

    assert excinfo.value.code == "unsupported_type"
    assert shown == [
        message or "Файл должен быть в формате PDF. Его содержимое — не PDF, что бы ни говорило имя файла."
    ]


@pytest.mark.parametrize(
    "action",
    [b"<< /S /Launch /F (cmd.exe) >>", b"<< /JS (app.alert(1)) >>", b"<< /Type /EmbeddedFile /Length 0 >>"],
    ids=["launch-as-a-value", "script-as-a-key-only", "attached-file-as-a-type"],
)
def test_active_content_packed_out_of_sight_is_found_by_name_or_by_key(action):
    content = pdf_with_javascript_in_an_object_stream(action)
    assert b"Launch" not in content and b"/JS" not in content and b"EmbeddedFile" not in content

    assert refusal(content).code == "pdf_active_content"


def test_an_escaped_script_name_in_an_object_nothing_points_to_is_refused_too():
    # The plain scan reads every object, referenced or not, and decodes "#xx" escapes as a viewer would.
    assert refusal(pdf_bytes(extra_objects=[b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"])).code == (
        "pdf_active_content"
    )
    assert refusal(pdf_bytes(extra_objects=[b"<< /#4C#61unch 1 >>"])).code == "pdf_active_content"


def test_harmless_escaped_names_are_not_mistaken_for_active_ones():
    check_pdf(pdf_bytes(extra_objects=[b"<< /Ja#76a (coffee) /J#54 1 /#4Aunch 2 >>"]))


def test_a_pdf_referring_to_an_object_twice_is_walked_past_the_repeat():
    action = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    content = pdf_with_javascript_in_an_object_stream(action)
    # Point the catalogue at the page tree twice more: the second visit is skipped, the walk goes on.
    # The walk takes the catalogue's last entry first: the repeat comes before the action.
    content = content.replace(b"/OpenAction 4 0 R", b"/OpenAction 4 0 R /Twice [2 0 R 2 0 R]")

    assert refusal(content).code == "pdf_active_content"


@pytest.mark.parametrize("damage", ["offsets-50-bytes-off", "startxref-wrong"])
def test_a_pdf_with_a_wrong_cross_reference_table_is_read_leniently_and_accepted(damage):
    # Office programs and scanners write offsets that are off; viewers and pypdf's lenient mode rebuild the table.
    content = pdf_bytes()
    if damage == "offsets-50-bytes-off":
        content = content.replace(b"%PDF-1.4\n", b"%PDF-1.4\n" + b"%" * 49 + b"\n", 1)
    else:
        content = content[: content.rindex(b"startxref")] + b"startxref\n12\n%%EOF\n"

    check_pdf(content)
