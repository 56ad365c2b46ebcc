"""Storage for files only their owner and staff may read (student documents, signed agreements).

It has no URL at all: nothing under it is reachable from a public media URL, so
files are served only through views that check who is asking. Django's own
FileSystemStorage falls back to MEDIA_URL when given no base URL; this one refuses.
"""

import mimetypes

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
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


def private_file_response(field_file, *, filename):
    """A stored private file as a download that no browser renders or guesses the type of.

    404 when the field is empty or the file is gone from storage. The caller has checked who asks.
    """
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser render it anyway, it gets no script, no forms, no same-origin access.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    patch_cache_control(response, private=True, no_store=True)
    return response


def move_to_private(names, *, public=None):
    """Move the named files from public media (``default_storage``) into private storage, keeping their names.

    Safe to run again: a file already in private storage is left alone, and its public copy removed
    only when it is the same file; a name in neither place is reported as missing. Returns the
    names moved, already there and missing.
    """
    public = default_storage if public is None else public
    moved, already, missing = [], [], []
    for name in names:
        if not name:
            continue
        if private_storage.exists(name):
            already.append(name)
            if public.exists(name) and not _same_content(public, name):
                continue
        elif public.exists(name):
            with public.open(name, "rb") as source:
                saved = private_storage.save(name, File(source, name=name))
            if saved != name:
                raise RuntimeError(f"Private storage renamed {name} to {saved}")
            moved.append(name)
        else:
            missing.append(name)
            continue
        if public.exists(name):
            public.delete(name)
    return moved, already, missing


def _same_content(public, name):
    with public.open(name, "rb") as one, private_storage.open(name, "rb") as other:
        return one.read() == other.read()
