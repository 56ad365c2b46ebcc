"""Pieces every app's admin shares.

Status badges, translated search, compact widgets and read-only inlines; a record's history from the
audit log (``RecordHistory``); import and export with a preview, all rows or none (``OfficeImportExport``,
whose resources build on ``intl_office.resources``).
"""

import datetime

from auditlog.mixins import AuditlogHistoryAdminMixin
from auditlog.models import LogEntry
from auditlog.render import get_field_verbose_name
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.tmp_storages import MediaStorage
from modeltranslation.utils import get_translation_fields

from .admin_input import CheckedExport
from .pagination import parse_int
from .resources import FORMATS
from .storage import private_storage

# The tones a badge can take; admin-extra.css gives each a colour that reads in light and dark mode.
SUCCESS = "success"
INFO = "info"
WARNING = "warning"
DANGER = "danger"
MUTED = "muted"


def badge(label, tone):
    """A coloured label for a status; the text carries the meaning, the colour only helps the eye."""
    return format_html('<span class="io-badge io-badge--{}">{}</span>', tone, label)


def choice_badge(value, choices, tones):
    """Badge for a value of a ``TextChoices`` class, coloured by the ``tones`` mapping."""
    return badge(choices(value).label, tones.get(value, MUTED))


def period(start, end):
    """A stay or visit as "2024-09-01 – 2025-01-31" in one narrow column; one date when there is no end.

    Each date keeps to one line: the column may wrap between the dates, never inside one.
    """
    if end is None or end == start:
        return format_html('<span class="io-nowrap">{}</span>', start.isoformat())
    return format_html(
        '<span class="io-nowrap">{}</span> – <span class="io-nowrap">{}</span>', start.isoformat(), end.isoformat()
    )


def translated(*fields):
    """Every language column of translated fields, so a search finds a name in any language.

    A plain ``name`` in ``search_fields`` would be rewritten by modeltranslation to the
    column of the language the staff member happens to browse in.
    """
    return get_translation_fields(*fields)


class AdminExtraMedia:
    """Mixed into admins whose pages show badges, renewal chains, thumbnails or wide autocompletes."""

    class Media:
        css = {"all": ["admin-extra/admin-extra.css"]}


class CompactTextareas:
    """Four-line text boxes: with three languages per field, Django's ten-line default makes endless forms.

    The boxes can still be dragged taller for a long story.
    """

    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 4})}}


class ReadOnlyInline(admin.TabularInline):
    """Rows another part of the portal writes (a workflow, a reminder job); the admin shows them as they are."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def person(user):
    """A user as staff call them: their full name, else their username."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def admin_url(opts, view, *args):
    """The URL of one of a model admin's views: ``admin_url(self.opts, "change", pk)``."""
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


# --- history from the audit log ------------------------------------------------------------------

# Audit log entries shown on a record's page; the rest are one click away on its audit log page.
HISTORY_SHOWN = 5
# Bookkeeping columns every save changes: listing them in each entry would hide what staff changed.
HISTORY_HIDDEN_FIELDS = {"created_at", "updated_at"}


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def history_value(field, value):
    """A logged value as staff read it: a choice's label ("Under review", not "under_review"); a dash for none.

    The audit log keeps values as text, so a choice is looked up by the text of its code.
    """
    if value in (None, "", "None"):
        return "—"
    labels = {str(code): label for code, label in getattr(field, "flatchoices", ())}
    return labels.get(str(value), value)


def history_changes(entry):
    """One line per field an audit log entry changed: "Status: Submitted → Under review"."""
    lines = []
    changes = entry.changes_dict
    model = entry.content_type.model_class()
    languages = [code for code, _name in settings.LANGUAGES]
    for name, change in changes.items():
        if name in HISTORY_HIDDEN_FIELDS:
            continue
        if any(f"{name}_{language}" in changes for language in languages):
            continue  # modeltranslation's copy of a language column listed on its own ("City [en]")
        field = _model_field(model, name) if model is not None else None
        if isinstance(field, models.ForeignObjectRel):
            continue  # django-auditlog's create entry names the other side of relations ("Agreements: … None")
        label = get_field_verbose_name(entry, name)
        if isinstance(change, dict) and change.get("type") == "m2m":
            added = change.get("operation") == "add"
            verb = pgettext("audit log", "added") if added else pgettext("audit log", "removed")
            lines.append(format_html("{}: {} {}", label, verb, ", ".join(map(str, change.get("objects", [])))))
        else:
            old, new = (list(change) + [None, None])[:2]
            lines.append(format_html("{}: {} → {}", label, history_value(field, old), history_value(field, new)))
    return lines


def history_author(entry):
    if entry.actor:
        return person(entry.actor)
    return entry.actor_email or gettext("system")


class RecordHistory(AuditlogHistoryAdminMixin):
    """Who changed a record, when and what, from django-auditlog: the latest entries on its page, all on another.

    The audit log holds every change, made in the admin, by an import, a service or the shell;
    Django's own History button lists only what was done through the admin forms. A record's
    fieldsets show ``audit_history``; its change form template includes
    ``admin/includes/_record_tools.html`` for the link to the audit log page.
    """

    auditlog_history_per_page = 25
    auditlog_history_template = "admin/auditlog.html"

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "audit_history")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            extra_context["auditlog_url"] = admin_url(self.opts, "auditlog", unquote(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def auditlog_history_view(self, request, object_id, extra_context=None):
        # ``get_object`` answers None for a missing record and, where ``get_queryset`` narrows the rows
        # (a coordinator's applications), for one outside it: the admin's usual redirect with a message
        # follows, as for the change page, and nothing tells the two apart. django-auditlog's own view
        # would look up the history of None and fail.
        if self.get_object(request, unquote(object_id)) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        response = super().auditlog_history_view(request, object_id, extra_context)
        for entry in response.context_data["log_entries"]:  # the page's entries, as the template will show them
            entry.author = history_author(entry)
            quiet = entry.action in (LogEntry.Action.DELETE, LogEntry.Action.ACCESS)
            entry.change_lines = [] if quiet else history_changes(entry)
        return response

    @admin.display(description=_("latest changes"))
    def audit_history(self, obj):
        if obj is None or obj.pk is None:
            return _("The history starts when the record is first saved.")
        entries = list(
            LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[: HISTORY_SHOWN + 1]
        )
        if not entries:
            return _("No changes recorded yet.")
        rows = []
        for entry in entries[:HISTORY_SHOWN]:
            when = formats.date_format(timezone.localtime(entry.timestamp), "DATETIME_FORMAT")
            if entry.action == LogEntry.Action.UPDATE:
                changes = format_html_join("", "<li>{}</li>", ((line,) for line in history_changes(entry)))
                changes = format_html('<ul class="io-history__changes">{}</ul>', changes)
            else:
                changes = ""
            rows.append((when, history_author(entry), capfirst(entry.get_action_display()), changes))
        table = format_html(
            '<table class="io-history"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("when"),
            _("who"),
            _("action"),
            _("changes"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )
        link_text = _("Every change in the audit log") if len(entries) > HISTORY_SHOWN else _("Open the audit log")
        return format_html('{}<p><a href="{}">{}</a></p>', table, admin_url(self.opts, "auditlog", obj.pk), link_text)


# --- import and export ---------------------------------------------------------------------------

# Uploaded import files wait for their confirmation here, in private storage, for a day at most.
IMPORTS_FOLDER = "imports"
STALE_IMPORT_AGE = datetime.timedelta(days=1)


class PrivateImportStorage(MediaStorage):
    """An uploaded file waits for the confirmation of its import in private storage.

    Shared by every host behind the load balancer (the confirmation may reach another one
    than the preview did) and served by none: django-import-export's default, the local
    temporary folder, is neither.
    """

    def _configure_storage(self):
        self._storage = private_storage


def remove_stale_imports(older_than=STALE_IMPORT_AGE):
    """Delete the files of previews nobody confirmed; a confirmed import deletes its own file."""
    try:
        _folders, names = private_storage.listdir(IMPORTS_FOLDER)
    except FileNotFoundError:
        return
    limit = timezone.now() - older_than
    for name in names:
        path = f"{IMPORTS_FOLDER}/{name}"
        try:
            if private_storage.get_modified_time(path) < limit:
                private_storage.delete(path)
        except FileNotFoundError:
            pass  # removed meanwhile by the confirmation, or by another host


class OfficeImportExport(CheckedExport, ImportExportMixin):
    """Import and export in CSV and XLSX with a preview first; all rows or none are written.

    Importing creates and changes records, so it needs both rights; exporting needs the
    right to view. (django-import-export allows both to every staff member by default.)
    The first of ``resource_classes`` lists its ``COLUMNS`` on the import page.
    """

    import_formats = FORMATS
    export_formats = FORMATS
    tmp_storage_class = PrivateImportStorage
    import_template_name = "admin/import.html"

    def get_tmp_storage_class_kwargs(self):
        return {"MEDIA_FOLDER": IMPORTS_FOLDER}

    def write_to_tmp_storage(self, import_file, input_format):
        remove_stale_imports()
        return super().write_to_tmp_storage(import_file, input_format)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_context_data(self, **kwargs):
        return {"import_columns": self.resource_classes[0].COLUMNS}

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        # import-export indexes its formats with this hidden field as it comes: "1e9" or 10**30 would raise.
        if parse_int(request.POST.get("format"), minimum=0, maximum=len(self.get_import_formats()) - 1) is None:
            return HttpResponseBadRequest(gettext("This import form is damaged: upload the file again."))
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:
            # The Confirm button pressed twice, or a preview left open for too long.
            messages.error(request, _("This import was already confirmed, or its file is gone: upload the file again."))
            return redirect(admin_url(self.opts, "import"))

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the preview and the confirmation; the transaction was rolled back.
            failed = len(result.invalid_rows) + len(result.row_errors()) + len(result.base_errors)
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    "Nothing was imported: %(count)d rows failed when the import was confirmed. "
                    "Upload the file again to see why.",
                    failed,
                )
                % {"count": failed},
            )
            return redirect(admin_url(self.opts, "import"))
        return super().process_result(result, request)
