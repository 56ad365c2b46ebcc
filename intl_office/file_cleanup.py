"""Files leave storage with the rows that named them: a deleted record's, or the one a new upload replaced.

Every model with a file field (logos, photos, students' documents, signed agreements, import and
report files) is watched by signals, against the house habit of explicit services, because files
change on paths no service sees: the admin's delete and its "clear" box, a queryset's ``delete()``,
the cascade from a partner or a student's account. The old file is deleted by a background job
(``delete_file``) written in the same transaction as the change: a rolled-back change leaves no job
and keeps its file, a committed one cannot forget it, and the file goes only once the change is
committed (a worker sees no job before). A storage that fails (the bucket unreachable) is tried again
later; a file some row still names (two records sharing a demo picture) is kept.

The periodic side (abandoned import files, old report files) is ``manage.py clean_up_files``.
"""

import functools
import logging

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_delete
from django.utils.translation import gettext_lazy as _

from .jobs import RetryPolicy, job

logger = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The storage refused or could not be reached (a folder's OSError, an S3 client's error)."""


def is_storage_failure(error: BaseException) -> bool:
    """An error another attempt may not meet: a storage unreachable or refusing, not a file that is gone."""
    if isinstance(error, FileNotFoundError):
        return False
    # botocore is imported only when object storage is configured: its errors are known by their module.
    return isinstance(error, OSError) or type(error).__module__.split(".")[0] in ("botocore", "boto3", "s3transfer")


# A storage that fails is tried again after 1, 3, 9, 27 and 81 minutes, then hours apart: ten attempts.
STORAGE_RETRY = RetryPolicy(retry_on=(StorageUnavailable,), attempts=10)


def _describe_deletion(job_row):
    kwargs = job_row.args_kwargs.get("kwargs", {})
    return kwargs.get("name", "")


@job(label=_("Delete a file no record needs"), retry=STORAGE_RETRY, describe=_describe_deletion)
def delete_file(model: str, field: str, name: str) -> str:
    """Delete ``name`` from the storage of ``model``'s ``field`` unless a row of it names the file again."""
    model_class = apps.get_model(model)
    if model_class._base_manager.filter(**{field: name}).exists():
        return "still used"
    storage = model_class._meta.get_field(field).storage
    try:
        storage.delete(name)  # a file already gone is no error, so running twice is harmless
    except Exception as error:
        if is_storage_failure(error):
            raise StorageUnavailable(f"{type(error).__name__}: {error}") from error
        raise
    return "deleted"


def delete_file_later(instance_or_model, field_name: str, name: str) -> None:
    """Enqueue the deletion of ``name`` in the current transaction: it happens only if the transaction commits."""
    if not name:
        return
    label = instance_or_model._meta.label
    # One INSERT: no savepoint of its own inside the caller's transaction (a delete of many rows).
    with transaction.atomic(savepoint=False):
        delete_file.enqueue(model=label, field=field_name, name=name)


# --- the signals ----------------------------------------------------------------------------------

ORIGINAL = "_file_cleanup_names"


@functools.cache
def _file_fields(model):
    # Read once per model: post_init runs for every row loaded, the open-data export's thousands included.
    return tuple(field for field in model._meta.concrete_fields if isinstance(field, models.FileField))


def _names(instance):
    """The stored name of each file field loaded on ``instance`` (a deferred one is not read: that would query)."""
    loaded = instance.__dict__
    names = {}
    for field in _file_fields(type(instance)):
        if field.attname in loaded:
            value = loaded[field.attname]
            names[field.name] = getattr(value, "name", value) or ""
    return names


def remember_names(sender, instance, **kwargs):
    instance.__dict__[ORIGINAL] = _names(instance)


def delete_replaced(sender, instance, created, raw=False, **kwargs):
    current = _names(instance)
    if not created and not raw:
        for field, old in instance.__dict__.get(ORIGINAL, {}).items():
            if old and field in current and current[field] != old:
                delete_file_later(instance, field, old)
    instance.__dict__[ORIGINAL] = current


def capture_before_delete(sender, instance, **kwargs):
    # Read here, while the row exists: a field left deferred by ``only()`` can still be loaded.
    names = {}
    for field in _file_fields(type(instance)):
        names[field.name] = getattr(instance, field.name).name or ""
    instance.__dict__[ORIGINAL] = names


def delete_with_row(sender, instance, **kwargs):
    for field, name in instance.__dict__.get(ORIGINAL, {}).items():
        delete_file_later(instance, field, name)


def watch_file_fields():
    """Connect the receivers to every model that has a file field (per model, so others keep fast deletes)."""
    for model in apps.get_models():
        if not _file_fields(model):
            continue
        uid = f"file_cleanup:{model._meta.label_lower}"
        post_init.connect(remember_names, sender=model, dispatch_uid=uid)
        post_save.connect(delete_replaced, sender=model, dispatch_uid=uid)
        pre_delete.connect(capture_before_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(delete_with_row, sender=model, dispatch_uid=uid)
