"""Files in S3-compatible object storage (django-storages), when ``S3_PUBLIC_BUCKET`` and ``S3_PRIVATE_BUCKET`` are set.

Every host behind the load balancer reads and writes the same buckets, so a document uploaded
through one is downloaded through another. ``intl_office.storage_settings`` names these classes in
``STORAGES``; this module, and boto3 with it, is imported only then.
"""

from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from .storage import NO_URL

# A day in browsers' caches: a replaced logo is stored under a new name, so nobody waits for it.
PUBLIC_CACHE_CONTROL = "public, max-age=86400"


class PublicS3Storage(S3Storage):
    """Logos and photos, read by anyone at a plain address that never expires (cached pages hold it)."""

    querystring_auth = False
    # As on disk: a second "logo.png" gets a name of its own instead of replacing another partner's.
    file_overwrite = False
    object_parameters = {"CacheControl": PUBLIC_CACHE_CONTROL}


class PrivateS3Storage(S3Storage):
    """Student documents and photos, signed agreements and pending imports: no address, no anonymous read.

    Objects are written with the ``private`` canned ACL (or none, for buckets whose ACLs are
    switched off and whose policy alone decides), and ``url()`` refuses: the permission-checked
    views stream them (``intl_office.storage.private_file_response``).
    """

    file_overwrite = False
    default_acl = "private"
    ALLOWED_ACLS = (None, "private")

    def __init__(self, **options):
        super().__init__(**options)
        if self.default_acl not in self.ALLOWED_ACLS:
            raise ImproperlyConfigured(
                f"Private files are stored with the private ACL or none, not {self.default_acl!r}."
            )

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        parameters.pop("ACL", None)  # only default_acl above decides
        return parameters

    def url(self, name, *args, **kwargs):
        raise ValueError(NO_URL)
