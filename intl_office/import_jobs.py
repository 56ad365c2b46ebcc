"""Imports past ``IMPORT_BACKGROUND_ROWS`` rows: confirmed in the admin, written by a background job.

``file_import_enqueue`` records the confirmation (a ``FileImport``) and its job in one transaction;
``run_file_import`` imports the waiting file all or nothing, as the admin does in the request for a
short file, records the outcome with the rows that failed, and e-mails the person who confirmed it
in the language they used. It locks the ``FileImport`` row and imports only while it is waiting,
setting the outcome in the transaction of the rows it writes: run twice (its worker died after the
import, or "Run again" in the admin), it imports once.
"""

import datetime

from auditlog.context import set_actor
from django.apps import apps
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from import_export.results import RowResult
from import_export.signals import post_import

from .exports import FORMATS
from .file_cleanup import STORAGE_RETRY, StorageUnavailable, is_storage_failure
from .jobs import job
from .mail import absolute_reverse, send_message
from .models import FileImport
from .resources import AllOrNothingResource
from .storage import private_storage

# Uploaded import files wait for their confirmation here, in private storage: a preview nobody
# confirmed for a day at most, a confirmed import until its job has run.
IMPORTS_FOLDER = "imports"
STALE_IMPORT_AGE = datetime.timedelta(days=1)

# Rows listed one by one in the e-mail and on the status page; the rest are counted.
ERRORS_SHOWN = 100


def remove_stale_imports(older_than=STALE_IMPORT_AGE) -> int:
    """Delete the files of previews nobody confirmed for ``older_than``; returns how many.

    The file of a confirmed import still waiting for its job is kept, however old.
    """
    try:
        _folders, names = private_storage.listdir(IMPORTS_FOLDER)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - older_than
    waiting = set(FileImport.objects.filter(status=FileImport.Status.PENDING).values_list("file", flat=True))
    removed = 0
    for name in names:
        path = f"{IMPORTS_FOLDER}/{name}"
        if path in waiting:
            continue
        try:
            if private_storage.get_modified_time(path) < limit:
                private_storage.delete(path)
                removed += 1
        except FileNotFoundError:
            pass  # removed meanwhile by the confirmation, or by another host
    return removed


def input_format_named(title):
    """The import format whose title is ``title`` ("csv", "xlsx"); ValueError for any other."""
    for file_format in FORMATS:
        if file_format().get_title() == title:
            return file_format
    raise ValueError(f"Unknown import format {title!r}")


def file_import_enqueue(*, user, model, resource_class, upload_name, original_name, input_format, rows, language):
    """Record the confirmed import of the waiting file ``upload_name`` and enqueue its job; returns the record.

    The same waiting file confirmed twice (the button pressed again) is one import: its record is returned.
    """
    with transaction.atomic():
        file_import, created = FileImport.objects.get_or_create(
            upload_name=upload_name,
            defaults={
                "user": user,
                "model": model._meta.label,
                "resource_path": f"{resource_class.__module__}.{resource_class.__qualname__}",
                "original_name": original_name[:255],
                "file": f"{IMPORTS_FOLDER}/{upload_name}",
                "input_format": input_format,
                "rows": rows,
                "language": language,
            },
        )
        if created:
            result = run_file_import.enqueue(file_import_id=file_import.pk)
            FileImport.objects.filter(pk=file_import.pk).update(job_id=result.id)
            file_import.job_id = result.id
    return file_import


def _describe_import(job_row):
    imports = list(job_row.imports.all())  # prefetched by the admin
    return str(imports[0]) if imports else ""


@job(label=_("Import a file"), retry=STORAGE_RETRY, describe=_describe_import)
def run_file_import(file_import_id: int) -> str:
    with transaction.atomic():
        file_import = FileImport.objects.select_for_update().filter(pk=file_import_id).first()
        if file_import is None:
            return "gone"
        if file_import.is_finished:
            return "already finished"
        result = _import(file_import)
        file_import.finished_at = timezone.now()
        file_import.totals = {kind: count for kind, count in result.totals.items() if count}
        file_import.errors = row_errors(result)
        failed = result.has_errors() or result.has_validation_errors()
        file_import.status = FileImport.Status.FAILED if failed else FileImport.Status.DONE
        # The rows are in the database now, or nowhere: the file is not needed (file_cleanup deletes it).
        file_import.file = ""
        file_import.save()
        if not failed:
            _log(file_import, result)
            post_import.send(sender=None, model=apps.get_model(file_import.model))
        _email(file_import)
    return file_import.status


def _import(file_import):
    resource_class = import_string(file_import.resource_path)
    if not issubclass(resource_class, AllOrNothingResource):
        raise TypeError(f"{file_import.resource_path} is not an import of the portal")
    input_format = input_format_named(file_import.input_format)(encoding="utf-8-sig")
    try:
        with file_import.file.open("rb") as file:
            data = file.read()
    except Exception as error:
        if is_storage_failure(error):
            raise StorageUnavailable(f"{type(error).__name__}: {error}") from error
        raise
    dataset = input_format.create_dataset(data)
    with set_actor(file_import.user), translation.override(file_import.language):
        return resource_class().import_data(
            dataset,
            dry_run=False,
            raise_errors=False,
            use_transactions=True,
            file_name=file_import.original_name,
            user=file_import.user,
            retain_instance_in_row_result=True,
        )


def row_errors(result):
    """What failed, row by row: ``[{"row": 3, "messages": ["country: Unknown country …"]}]``.

    ``row`` is None for an error of the whole file.
    """
    errors = [{"row": None, "messages": [str(error.error)]} for error in result.base_errors]
    for row in result.invalid_rows:
        messages = []
        for column, texts in row.error_dict.items():
            prefix = "" if column == "__all__" else f"{column}: "
            messages.extend(f"{prefix}{text}" for text in texts)
        errors.append({"row": row.number, "messages": messages})
    errors.extend(
        {"row": number, "messages": [str(error.error) for error in row_errors]}
        for number, row_errors in result.row_errors()
    )
    return sorted(errors, key=lambda error: (error["row"] is not None, error["row"] or 0))


LOG_FLAGS = {
    RowResult.IMPORT_TYPE_NEW: ADDITION,
    RowResult.IMPORT_TYPE_UPDATE: CHANGE,
    RowResult.IMPORT_TYPE_DELETE: DELETION,
}


def _log(file_import, result):
    """The admin's history of each record written, as django-import-export writes it for an import in the request."""
    if file_import.user_id is None:
        return
    rows = {}
    for row in result:
        if row.import_type in LOG_FLAGS and row.instance is not None:
            rows.setdefault(row.import_type, []).append(row.instance)
    for import_type, instances in rows.items():
        LogEntry.objects.log_actions(
            file_import.user_id,
            instances,
            LOG_FLAGS[import_type],
            change_message=f"{import_type} through import_export",
            single_object=len(instances) == 1,
        )


def _email(file_import):
    user = file_import.user
    if user is None or not user.email:
        return
    model = apps.get_model(file_import.model)
    with translation.override(file_import.language):
        records = str(model._meta.verbose_name_plural)
    send_message(
        to=[user.email],
        subject_template="intl_office/email/import_finished_subject.txt",
        body_template="intl_office/email/import_finished_body.txt",
        context={
            "name": user.get_full_name() or user.get_username(),
            "file_import": file_import,
            "records": records,
            "errors": file_import.errors[:ERRORS_SHOWN],
            "errors_left": max(len(file_import.errors) - ERRORS_SHOWN, 0),
            "url": absolute_reverse(
                "admin:intl_office_fileimport_change", args=[file_import.pk], language=file_import.language
            ),
        },
        language=file_import.language,
    )
