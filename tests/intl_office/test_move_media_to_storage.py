"""``manage.py move_media_to_storage``: the files of a portal that ran on local folders, copied into the buckets."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse

from intl_office.storage import PrivateFileSystemStorage, private_storage
from tests.factories import AgreementFactory, ApplicationDocumentFactory, InstitutionFactory, VisitPhotoFactory
from tests.files import pdf_bytes, png_bytes
from tests.s3 import use_object_storage

pytestmark = pytest.mark.django_db


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """A portal's uploads so far, in MEDIA_ROOT and PRIVATE_MEDIA_ROOT, and one record whose file is lost."""
    # Folders of this test's own: the command copies every waiting import it finds there.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    partner = InstitutionFactory(name="Gazi University")
    partner.logo.save("gazi.png", ContentFile(png_bytes()))
    photo = VisitPhotoFactory()
    document = ApplicationDocumentFactory()
    application = document.application
    application.photo.save("me.png", ContentFile(png_bytes(color="green")))
    agreement = AgreementFactory(title="Exchange with Gazi University")
    agreement.document.save("scan.pdf", ContentFile(pdf_bytes("signed")))
    # Uploaded before partners.0004 and never moved out of public media.
    legacy = AgreementFactory(document=default_storage.save("agreements/old.pdf", ContentFile(pdf_bytes("old"))))
    lost = AgreementFactory(document="agreements/lost.pdf")
    waiting_import = private_storage.save("imports/0123abcd", ContentFile(b"name,country\nGazi University,TR\n"))
    return {
        "public": sorted([partner.logo.name, photo.image.name]),
        "private": sorted(
            [document.file.name, application.photo.name, agreement.document.name, legacy.document.name, waiting_import]
        ),
        "lost": lost.document.name,
        "agreement": agreement,
    }


def etag(buckets, key):
    return buckets.client.head_object(Bucket=buckets.private, Key=key)["ETag"]


def move(*args):
    call_command("move_media_to_storage", *args)


def test_every_recorded_file_is_copied_into_its_bucket_under_its_name(files_on_disk, s3_buckets, settings, capsys):
    use_object_storage(s3_buckets, settings)

    move()

    out, err = capsys.readouterr()
    assert "Public media: 2 copied, 0 already there, 0 missing." in out
    assert "Private files: 5 copied, 0 already there, 1 missing." in out
    assert f"Missing from PRIVATE_MEDIA_ROOT: {files_on_disk['lost']}" in err
    assert s3_buckets.keys(s3_buckets.public) == files_on_disk["public"]
    assert s3_buckets.keys(s3_buckets.private) == files_on_disk["private"]
    agreement = files_on_disk["agreement"]
    assert s3_buckets.read(s3_buckets.private, agreement.document.name) == pdf_bytes("signed")
    # Nothing is removed from the disk: the folders are the way back until the buckets are trusted.
    assert PrivateFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT).exists(agreement.document.name)
    assert FileSystemStorage(location=settings.MEDIA_ROOT).exists(files_on_disk["public"][0])


def test_a_second_run_copies_nothing(files_on_disk, s3_buckets, settings, capsys):
    use_object_storage(s3_buckets, settings)
    move()
    capsys.readouterr()
    stored = {key: etag(s3_buckets, key) for key in files_on_disk["private"]}

    move()

    out, _ = capsys.readouterr()
    assert "Public media: 0 copied, 2 already there, 0 missing." in out
    assert "Private files: 0 copied, 5 already there, 1 missing." in out
    assert s3_buckets.keys(s3_buckets.private) == files_on_disk["private"]
    assert {key: etag(s3_buckets, key) for key in stored} == stored


def test_a_dry_run_reports_and_copies_nothing(files_on_disk, s3_buckets, settings, capsys):
    use_object_storage(s3_buckets, settings)

    move("--dry-run")

    out, _ = capsys.readouterr()
    assert "Public media: 2 would be copied, 0 already there, 0 missing." in out
    assert "Private files: 5 would be copied, 0 already there, 1 missing." in out
    assert s3_buckets.keys(s3_buckets.public) == s3_buckets.keys(s3_buckets.private) == []


def test_after_the_move_the_records_open_their_files_from_the_bucket(files_on_disk, s3_buckets, settings, staff_client):
    use_object_storage(s3_buckets, settings)
    move()
    agreement = files_on_disk["agreement"]

    response = staff_client.get(reverse("partners:agreement-document", args=[agreement.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("signed")


def test_without_object_storage_configured_the_command_refuses_and_copies_nothing(files_on_disk):
    with pytest.raises(CommandError, match="set S3_PUBLIC_BUCKET, S3_PRIVATE_BUCKET"):
        move()


def test_a_bucket_that_is_not_there_is_a_clear_error_not_a_traceback(files_on_disk, s3_buckets, settings):
    s3_buckets.private = "no-such-bucket"
    use_object_storage(s3_buckets, settings)
    with pytest.raises(CommandError, match="The object store refused or could not be reached"):
        move()
