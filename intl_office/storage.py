"""Storage for files only their owner and staff may read (student documents, signed agreements).

Private files live in the storage ``STORAGES["private"]`` names: a folder outside MEDIA_ROOT
(``PRIVATE_MEDIA_ROOT``, the embedded default) or, when object storage is configured, a bucket of
its own that nobody reads anonymously (``intl_office.object_storage``). Either way the storage has
no URL at all: nothing under it is reachable from a public address, so files are served only
through views that check who is asking. Django's own FileSystemStorage falls back to MEDIA_URL
when given no base URL; this one refuses.
"""

import mimetypes
from typing import NamedTuple

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.functional import LazyObject, cached_property, empty

PRIVATE_STORAGE_ALIAS = "private"
NO_URL = "Private files have no URL; serve them through a view that checks permissions."


class PrivateFileSystemStorage(FileSystemStorage):
    """Private files in a folder on this host: ``PRIVATE_MEDIA_ROOT`` unless given a location."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(NO_URL)


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    # Tests switch STORAGES (to object storage and back); the next use builds the storage anew.
    if setting == "STORAGES":
        private_storage._wrapped = empty


def get_private_storage():
    """The storage for model fields: a callable, so migrations record no machine's folder or bucket."""
    return private_storage


def private_file_response(field_file, *, filename):
    """A stored private file as a download that no browser renders or guesses the type of.

    The bytes pass through the portal from whichever storage holds them, a folder or a bucket,
    so the headers below go with every download and no address of the file leaves the portal.
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


class Copied(NamedTuple):
    """What a copy between storages did, name by name."""

    copied: list
    already: list
    missing: list


def copy_files(names, *, target, sources, dry_run=False):
    """Copy each named file into ``target`` from the first of ``sources`` that holds it, keeping its name.

    Safe to run again: a name ``target`` already holds is left alone (reported as already there),
    and a name no source holds is reported as missing. With ``dry_run`` nothing is written; the
    names that would be copied are reported as copied.
    """
    copied, already, missing = [], [], []
    for name in dict.fromkeys(name for name in names if name):
        if target.exists(name):
            already.append(name)
            continue
        source = next((storage for storage in sources if storage.exists(name)), None)
        if source is None:
            missing.append(name)
            continue
        if not dry_run:
            with source.open(name, "rb") as content:
                saved = target.save(name, File(content, name=name))
            if saved != name:
                raise RuntimeError(f"{target.__class__.__name__} renamed {name} to {saved}")
        copied.append(name)
    return Copied(copied, already, missing)


def move_to_private(names, *, public=None):
    """Move the named files from public media (``default_storage``) into private storage, keeping their names.

    Safe to run again: a file already in private storage is left alone, and its public copy removed
    only when it is the same file; a name in neither place is reported as missing. Returns the
    names moved, already there and missing.
    """
    public = default_storage if public is None else public
    result = copy_files(names, target=private_storage, sources=[public])
    for name in result.copied:
        public.delete(name)
    for name in result.already:
        if public.exists(name) and _same_content(public, private_storage, name):
            public.delete(name)
    return result


def _same_content(one, other, name):
    with one.open(name, "rb") as first, other.open(name, "rb") as second:
        return first.read() == second.read()
