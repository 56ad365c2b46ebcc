"""Files in S3-compatible object storage: private ones unreadable but through the portal, public ones by anyone.

Against a real S3 API (moto's server, tests/s3.py); the local folders stay the default.
"""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from intl_office.storage import private_storage
from tests.files import pdf_bytes, png_bytes
from tests.settings_probe import run_python

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def grantees(buckets, bucket, key):
    grants = buckets.client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return {grant["Grantee"].get("URI") or grant["Grantee"].get("ID") for grant in grants}


def test_a_private_file_is_stored_in_the_private_bucket_with_the_private_acl(object_storage):
    name = private_storage.save("documents/transcript.pdf", ContentFile(pdf_bytes()))

    assert object_storage.keys(object_storage.private) == [name]
    assert object_storage.keys(object_storage.public) == []
    assert object_storage.read(object_storage.private, name) == pdf_bytes()
    assert ALL_USERS not in grantees(object_storage, object_storage.private, name)


def test_an_anonymous_get_of_a_private_objects_address_is_refused(object_storage):
    name = private_storage.save("documents/transcript.pdf", ContentFile(pdf_bytes()))

    status, body = object_storage.anonymous_get(object_storage.object_url(object_storage.private, name))

    assert status == 403
    assert b"%PDF" not in body


def test_private_storage_makes_no_url_for_a_file_in_the_bucket(object_storage):
    name = private_storage.save("photos/me.png", ContentFile(png_bytes()))
    with pytest.raises(ValueError, match="Private files have no URL"):
        private_storage.url(name)


def test_a_logo_is_read_by_anyone_at_its_url_in_the_public_bucket(object_storage):
    name = default_storage.save("logos/gazi.png", ContentFile(png_bytes()))
    url = default_storage.url(name)

    assert url == f"{object_storage.endpoint}/{object_storage.public}/{name}"
    assert object_storage.anonymous_get(url) == (200, png_bytes())
    assert object_storage.keys(object_storage.private) == []
    head = object_storage.client.head_object(Bucket=object_storage.public, Key=name)
    assert head["ContentType"] == "image/png"
    assert head["CacheControl"] == "public, max-age=86400"


def test_a_second_file_of_the_same_name_is_kept_beside_the_first(object_storage):
    # As on disk: another partner's "logo.png" must not replace this one's, nor a document another's.
    for storage, bucket in ((default_storage, object_storage.public), (private_storage, object_storage.private)):
        first = storage.save("logos/logo.png", ContentFile(png_bytes(color="red")))
        second = storage.save("logos/logo.png", ContentFile(png_bytes(color="blue")))
        assert first != second
        assert object_storage.read(bucket, first) == png_bytes(color="red")
        assert object_storage.read(bucket, second) == png_bytes(color="blue")


def test_a_file_gone_from_the_bucket_is_reported_as_missing(object_storage):
    name = private_storage.save("documents/transcript.pdf", ContentFile(pdf_bytes()))
    object_storage.client.delete_object(Bucket=object_storage.private, Key=name)
    assert not private_storage.exists(name)
    with pytest.raises(FileNotFoundError):
        private_storage.open(name)


# --- settings, as a fresh interpreter sees them ----------------------------------------------------

PRINT_STORAGES = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
from intl_office.storage import private_storage
default_storage._setup(), private_storage._setup()  # build both storages, as their first use does
print(json.dumps({
    "public": type(default_storage._wrapped).__name__,
    "private": type(private_storage._wrapped).__name__,
    "private_acl": getattr(private_storage._wrapped, "default_acl", "-"),
    "public_acl": getattr(default_storage._wrapped, "default_acl", "-"),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "boto3": "boto3" in sys.modules,
}))
"""


def storages_with(**environment):
    result = run_python(PRINT_STORAGES, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


S3 = {
    "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "S3_PUBLIC_BUCKET": "portal-public",
    "S3_PRIVATE_BUCKET": "portal-private",
}


@pytest.mark.slow
def test_with_nothing_set_files_stay_in_local_folders_and_boto3_is_never_loaded():
    assert storages_with() == {
        "public": "FileSystemStorage",
        "private": "PrivateFileSystemStorage",
        "private_acl": "-",
        "public_acl": "-",
        "img_src": ["'self'", "data:"],
        "boto3": False,
    }


@pytest.mark.slow
def test_the_s3_variables_put_public_and_private_files_in_their_buckets():
    values = storages_with(**S3)
    del values["boto3"]  # loaded, of course
    assert values == {
        "public": "PublicS3Storage",
        "private": "PrivateS3Storage",
        "private_acl": "private",
        "public_acl": "public-read",
        "img_src": ["'self'", "data:", "http://127.0.0.1:9000/portal-public/"],
    }


@pytest.mark.slow
def test_buckets_whose_acls_are_off_get_no_acl_and_a_cdn_address_is_the_one_images_load_from():
    values = storages_with(**S3, S3_ACLS="False", S3_PUBLIC_URL="https://media.intl.example.org")
    assert (values["private_acl"], values["public_acl"]) == (None, None)
    assert values["img_src"][-1] == "https://media.intl.example.org/"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"S3_PUBLIC_BUCKET": "portal-public"}, "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET go together"),
        ({"S3_PRIVATE_BUCKET": "portal-private"}, "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET go together"),
        ({**S3, "S3_PRIVATE_BUCKET": "portal-public"}, "S3_PRIVATE_BUCKET must not be S3_PUBLIC_BUCKET"),
        ({**S3, "S3_ENDPOINT_URL": "minio.campus:9000"}, "S3_ENDPOINT_URL must be a web address"),
    ],
    ids=["public-only", "private-only", "one-bucket", "endpoint-without-scheme"],
)
def test_half_configured_object_storage_refuses_to_start_and_says_why(environment, message):
    result = run_python(PRINT_STORAGES, **environment)
    assert result.returncode != 0
    assert message in result.stderr
