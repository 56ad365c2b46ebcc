"""``STORAGES`` for S3-compatible object storage, built from the ``S3_*`` settings.

settings.py calls it when the buckets are named, and the tests call it to switch a test to a
local S3 server with exactly the production mapping. Nothing here imports boto3: the backends
(``intl_office.object_storage``) are imported when a storage is first used, so a portal on local
folders never loads it.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCAL_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so that no web server serves it.
    "private": {"BACKEND": "intl_office.storage.PrivateFileSystemStorage"},
}


def object_storages(
    *,
    public_bucket,
    private_bucket,
    endpoint_url="",
    access_key_id="",
    secret_access_key="",
    region="",
    public_url="",
    acls=True,
):
    """The ``default`` (public media) and ``private`` storages in two buckets, and the public files' address.

    Two buckets rather than two prefixes of one: the private bucket's own policy, which grants
    nobody anonymous reads, guards the students' documents even if the public bucket's policy
    is written too wide. The address (``public_url``, else the public bucket at the endpoint,
    else on AWS) is where pages link logos and photos, and what the Content-Security-Policy
    lets images load from.
    """
    if not (public_bucket and private_bucket):
        raise ImproperlyConfigured(
            "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET go together: set both to keep files in object "
            "storage, or neither to keep them in MEDIA_ROOT and PRIVATE_MEDIA_ROOT."
        )
    if public_bucket == private_bucket:
        raise ImproperlyConfigured(
            "S3_PRIVATE_BUCKET must not be S3_PUBLIC_BUCKET: students' documents need a bucket that "
            "nobody may read anonymously."
        )
    for name, address in (("S3_ENDPOINT_URL", endpoint_url), ("S3_PUBLIC_URL", public_url)):
        if address and (urlsplit(address).scheme not in ("http", "https") or not urlsplit(address).netloc):
            raise ImproperlyConfigured(f"{name} must be a web address like https://s3.example.org, not {address!r}.")
    endpoint_url = endpoint_url.rstrip("/")
    if public_url:
        base = public_url.rstrip("/")
    elif endpoint_url:
        base = f"{endpoint_url}/{public_bucket}"  # path-style, what MinIO and Ceph answer without DNS set-up
    else:
        base = f"https://{public_bucket}.s3.amazonaws.com"  # AWS routes this name to the bucket's region
    address = urlsplit(base)
    connection = {
        "endpoint_url": endpoint_url or None,
        "access_key": access_key_id or None,  # unset: boto3's own chain (AWS_* variables, an instance role)
        "secret_key": secret_access_key or None,
        "region_name": region or None,
    }
    storages = {
        "default": {
            "BACKEND": "intl_office.object_storage.PublicS3Storage",
            "OPTIONS": {
                **connection,
                "bucket_name": public_bucket,
                # Links are written without asking boto3 (a list of a hundred logos costs nothing).
                "url_protocol": f"{address.scheme}:",
                "custom_domain": address.netloc + address.path,
                "default_acl": "public-read" if acls else None,
            },
        },
        "private": {
            "BACKEND": "intl_office.object_storage.PrivateS3Storage",
            "OPTIONS": {**connection, "bucket_name": private_bucket, "default_acl": "private" if acls else None},
        },
    }
    return storages, f"{base}/"
