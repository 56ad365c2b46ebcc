"""The size limits every upload shares (``intl_office.uploads``): read within the limit, never past it."""

import io

import pytest
from django.core.exceptions import ValidationError

from intl_office import uploads
from intl_office.uploads import looks_like_pdf, max_request_bytes, max_upload_bytes, read_upload
from tests.files import pdf_bytes, upload


class MisreportedUpload(io.BytesIO):
    """A file object that claims to be smaller than it is."""

    size = 10


def refused(file, **kwargs):
    with pytest.raises(ValidationError) as excinfo:
        read_upload(file, **kwargs)
    return excinfo.value


def test_the_default_limits_are_five_megabytes_a_file_and_room_for_eight_files_a_request(settings):
    del settings.APPLICATION_UPLOAD_MAX_BYTES
    del settings.UPLOAD_REQUEST_MAX_BYTES

    assert max_upload_bytes() == 5 * 1024 * 1024 == uploads.DEFAULT_MAX_BYTES
    assert max_request_bytes() == 8 * 5 * 1024 * 1024 + 1024 * 1024


def test_the_limits_follow_the_settings(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 1000
    settings.UPLOAD_REQUEST_MAX_BYTES = None
    assert max_upload_bytes() == 1000
    assert max_request_bytes() == 8 * 1000 + 1024 * 1024

    settings.UPLOAD_REQUEST_MAX_BYTES = 4321
    assert max_request_bytes() == 4321


def test_a_file_at_the_limit_is_read_whole_and_left_at_its_start(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 100
    file = upload("a.txt", b"x" * 100)
    file.read(7)

    assert read_upload(file) == b"x" * 100
    assert file.read() == b"x" * 100


def test_a_file_one_byte_over_the_limit_is_refused_with_both_sizes(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 2048
    assert refused(upload("a.txt", b"x" * 2049)).code == "too_large"

    error = refused(upload("a.txt", b"x" * 3072))
    assert error.messages == ["The file is 3.0\xa0KB; the largest accepted is 2.0\xa0KB."]


def test_an_explicit_limit_wins_over_the_setting(settings):
    settings.APPLICATION_UPLOAD_MAX_BYTES = 10
    assert read_upload(upload("a.txt", b"x" * 50), limit=50) == b"x" * 50
    assert refused(upload("a.txt", b"x" * 51), limit=50).code == "too_large"


def test_a_file_that_misreports_its_size_is_caught_by_what_is_read():
    file = MisreportedUpload(b"y" * 3000)
    error = refused(file, limit=2048)

    assert error.code == "too_large"
    assert error.messages == ["The file is larger than 2.0\xa0KB."]
    assert file.tell() == 0


class CountingUpload(io.BytesIO):
    """A large file object that counts what is read from it and claims no size."""

    def __init__(self, content):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_no_more_than_one_byte_past_the_limit_is_ever_read():
    file = CountingUpload(b"w" * 1_000_000)

    assert refused(file, limit=2048).code == "too_large"
    assert file.bytes_read == 2049


def test_a_file_without_a_size_is_read_within_the_limit():
    file = io.BytesIO(b"z" * 20)
    assert read_upload(file, limit=20) == b"z" * 20
    assert refused(io.BytesIO(b"z" * 21), limit=20).code == "too_large"


def test_an_empty_file_is_refused():
    error = refused(upload("empty.pdf", b""))

    assert error.code == "empty"
    assert error.messages == ["The file is empty."]


def test_only_content_starting_with_the_pdf_marker_looks_like_a_pdf():
    assert looks_like_pdf(pdf_bytes())
    assert looks_like_pdf(b"%PDF-")
    assert not looks_like_pdf(b"%PDF")
    assert not looks_like_pdf(b" %PDF-1.4")
    assert not looks_like_pdf(b"")
