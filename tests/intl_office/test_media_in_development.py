"""In development (DEBUG, `make run`) Django serves public media itself: a strange name is a 404, never a 500."""

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404

from intl_office.urls import serve_media


@pytest.mark.parametrize("name", ["x" * 1000, "missing.png", "a\x00b"])
def test_a_name_the_file_system_refuses_or_lacks_is_not_found(rf, tmp_path, name):
    with pytest.raises(Http404):
        serve_media(rf.get("/media/"), name, document_root=tmp_path)


def test_a_path_out_of_the_folder_is_refused_as_suspicious(rf, tmp_path):
    # Django answers SuspiciousOperation with 400.
    with pytest.raises(SuspiciousFileOperation):
        serve_media(rf.get("/media/"), "../../etc/passwd", document_root=tmp_path)


def test_a_public_file_is_served(rf, tmp_path):
    (tmp_path / "logo.txt").write_text("a logo")

    response = serve_media(rf.get("/media/logo.txt"), "logo.txt", document_root=tmp_path)

    assert response.status_code == 200 and b"".join(response.streaming_content) == b"a logo"
