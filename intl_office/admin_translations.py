"""Which languages a record still lacks, for staff: a column and a filter on the admin's lists.

A translated field (django-modeltranslation) is missing in a language when it has English text and
nothing in that language: visitors reading that language then see the English fallback. Fields empty in
English too are not missing anything. The same test, as a ``Q``, is what the dashboard counts.
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .admin_helpers import SUCCESS, WARNING, badge

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE]
DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translated_fields(model) -> list[str]:
    try:
        return sorted(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def _empty(field, language) -> Q:
    return Q(**{f"{field}_{language}__isnull": True}) | Q(**{f"{field}_{language}": ""})


def missing_in(model, language) -> Q:
    """Rows with at least one field written in English and not in ``language``."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        condition |= ~_empty(field, DEFAULT) & _empty(field, language)
    return condition


def missing_in_any(model) -> Q:
    condition = Q(pk__in=[])
    for language in OTHER_LANGUAGES:
        condition |= missing_in(model, language)
    return condition


def missing_languages(obj) -> list[str]:
    """The languages ``obj`` lacks, in the order of ``LANGUAGES``: read from the row, no query."""
    missing = []
    for language in OTHER_LANGUAGES:
        for field in translated_fields(type(obj)):
            if getattr(obj, f"{field}_{DEFAULT}", None) and not getattr(obj, f"{field}_{language}", None):
                missing.append(language)
                break
    return missing


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        names = dict(settings.LANGUAGES)
        choices = [
            (language, _("%(language)s missing") % {"language": names[language]}) for language in OTHER_LANGUAGES
        ]
        return [("any", _("Some language missing")), *choices, ("none", _("Complete"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(missing_in_any(queryset.model))
        if value == "none":
            return queryset.exclude(missing_in_any(queryset.model))
        if value in OTHER_LANGUAGES:
            return queryset.filter(missing_in(queryset.model, value))
        return queryset


class TranslationStatus:
    """Mixin for a ``TranslationAdmin``: a "Translations" column and a filter by missing language."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return badge(_("complete"), SUCCESS)
        names = dict(settings.LANGUAGES)
        labels = [_("%(language)s missing") % {"language": names[code]} for code in missing]
        return format_html_join(" ", "{}", ((badge(label, WARNING),) for label in labels))
