"""The office's letter templates: list by kind and language, start from the default, see the variables, preview.

A template is checked before it is saved (``intl_office.letters.check_template``): a refused tag, a
syntax error or a letter that does not print with sample values is shown next to its field, and
nothing is saved. "Preview PDF" prints the letter the office would print now, with sample values.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .admin_helpers import RecordHistory
from .admin_input import CheckedInput
from .letter_records import VARIABLES, LetterTemplate
from .letters import LANGUAGES, check_template, default_text, preview_pdf

LANGUAGE_NAMES = {"en": "English", "uz": "O‘zbekcha", "ru": "Русский"}


def preview_url(kind, language):
    return reverse("admin:intl_office_lettertemplate_preview", args=[kind, language])


def letter_preview_links():
    """For the home institution's page: the letterhead and signature as they print, on a sample letter."""
    kind = LetterTemplate.Kind.TRIP_ORDER
    links = format_html_join(
        " · ",
        '<a href="{}" target="_blank" rel="noopener">{}</a>',
        ((preview_url(kind, code), LANGUAGE_NAMES[code]) for code in LANGUAGES[kind]),
    )
    return format_html("{} {}", gettext("Preview a letter (save first):"), links)


def start_links():
    """For the add page: one "start from the default" link per kind and language it is written in."""
    add = reverse("admin:intl_office_lettertemplate_add")
    return [
        {
            "label": label,
            "languages": [
                {"name": LANGUAGE_NAMES[code], "url": f"{add}?kind={kind}&language={code}"} for code in LANGUAGES[kind]
            ],
        }
        for kind, label in LetterTemplate.Kind.choices
    ]


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ("kind", "language", "title", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "cols": 100, "spellcheck": "false"})}

    def clean(self):
        cleaned = super().clean()
        kind, language = cleaned.get("kind"), cleaned.get("language")
        if kind and language and language not in LANGUAGES[kind]:
            self.add_error(
                "language",
                gettext("This document is written in %(languages)s only.")
                % {"languages": ", ".join(LANGUAGE_NAMES[code] for code in LANGUAGES[kind])},
            )
            return cleaned
        if kind and language and ("title" in cleaned or "body" in cleaned):
            try:
                check_template(kind, language, title=cleaned.get("title", ""), body=cleaned.get("body", ""))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    if field not in self.errors:
                        self.add_error(field, messages)
        return cleaned


@admin.register(LetterTemplate)
class LetterTemplateAdmin(CheckedInput, RecordHistory, admin.ModelAdmin):
    form = LetterTemplateForm
    list_display = ("kind", "language", "title", "updated_at")
    list_display_links = ("kind", "title")
    list_filter = ("kind", "language")
    search_fields = ("title", "body")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("kind", "language")}),
        (
            _("Text"),
            {
                "fields": ("title", "body"),
                "description": _(
                    "The title is printed as plain text; the text is simple HTML (paragraphs, "
                    "bold, lists, tables). Values go in as {{ name }}; the tags if, for, with, now and firstof "
                    "and Django's filters (date, default, upper...) may be used. The letterhead, the date and "
                    "the signatory come from the home institution."
                ),
            },
        ),
        (_("History"), {"fields": ("updated_at", "audit_history")}),
    )

    def get_urls(self):
        preview = path(
            "preview/<str:kind>/<str:language>/",
            self.admin_site.admin_view(self.preview_view),
            name="intl_office_lettertemplate_preview",
        )
        return [preview, *super().get_urls()]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        kind, language = initial.get("kind"), initial.get("language")
        if kind in LANGUAGES and language in LANGUAGES[kind]:
            initial["title"], initial["body"] = default_text(kind, language)
        return initial

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        # A new template's kind and language: from the "start from the default" link, or from the form posted.
        asked = request.POST if request.method == "POST" else request.GET
        kind = obj.kind if obj is not None else asked.get("kind")
        language = obj.language if obj is not None else asked.get("language")
        if kind in LANGUAGES:
            extra_context["letter_variables"] = VARIABLES[kind]
            if language in LANGUAGES[kind]:
                extra_context["letter_preview_url"] = preview_url(kind, language)
        elif object_id is None:
            extra_context["letter_start_links"] = start_links()
        return super().changeform_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, kind, language):
        """The letter as the office would print it now, filled with sample values; inline in the browser."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if kind not in LANGUAGES or language not in LANGUAGES[kind]:
            raise Http404
        response = HttpResponse(preview_pdf(kind, language), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{slugify(f"{kind} {language} preview")}.pdf"'
        return response
