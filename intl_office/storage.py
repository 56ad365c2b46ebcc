"""Storage for files only their owner and staff may read (student documents).

It has no URL at all: nothing under it is reachable from a public media URL, so
files are served only through views that check who is asking. Django's own
FileSystemStorage falls back to MEDIA_URL when given no base URL; this one refuses.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view that checks permissions.")


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = PrivateFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


private_storage = PrivateStorage()


def get_private_storage():
    """The storage for model fields: a callable, so migrations record no machine's folder."""
    return private_storage
