"""Pieces every app's admin shares.

Status badges, translated search, compact widgets and read-only inlines; a record's history from the
audit log (``RecordHistory``); import and export live in ``intl_office.admin_imports``.
"""

from auditlog.mixins import AuditlogHistoryAdminMixin
from auditlog.models import LogEntry
from auditlog.render import get_field_verbose_name
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminFileWidget, AdminTextareaWidget
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_translation_fields


class PrivateFileWidget(AdminFileWidget):
    """The admin's file input for a field in private storage: the current file links to ``download_url(file)``.

    Django's own widget links to ``file.url``, which private storage refuses to give; the download
    URL is a view that checks the staff member's permission.
    """

    def __init__(self, *, download_url, attrs=None):
        self.download_url = download_url
        super().__init__(attrs)

    def is_initial(self, value):
        # The parent asks for value.url, which raises for a private file.
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            # The admin's template shows the value and links to its ``url``: give it the view's.
            context["widget"]["value"] = _StoredFileLink(value.name, self.download_url(value))
        return context


class _StoredFileLink(str):
    """A stored file's name whose ``url`` is the view that serves it."""

    def __new__(cls, name, url):
        link = super().__new__(cls, name)
        link.url = url
        return link


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
