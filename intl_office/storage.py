"""Storage for files only their owner and staff may read (student documents).

It has no base URL: nothing under it is reachable from a public media URL, so
files are served only through views that check who is asking.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()
