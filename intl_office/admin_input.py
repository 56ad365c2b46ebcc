"""What the admin reads from a query string or form, checked before Django's admin trusts it.

Django's changelist turns most bad filters into its "?e=1" page, but not a date-hierarchy year that
``datetime`` cannot hold (``?start_date__year=99999999999``, or 9999, whose next year is 10000), nor an
out-of-range value that only fails once the query runs. The autocomplete widgets put whatever value a
URL or a rejected form carried straight into ``pk__in``. ``CheckedInput`` closes those holes for every
admin: the portal's own mix it in, and ``intl_office.admin`` registers the other packages' admins again
with it.
"""

import functools

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG, ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse

from .pagination import MAX_ROW_ID, parse_int

NUL = "\x00"


class CheckedChangeList(ChangeList):
    """A changelist whose impossible filters end on the "?e=1" page, as Django's other bad filters do."""

    def get_queryset(self, request, exclude_parameters=None):
        try:
            return super().get_queryset(request, exclude_parameters)
        except (ValueError, OverflowError) as error:
            # datetime() raises these for the date hierarchy's year, month or day; a list filter that
            # hands its value straight to filter() (auditlog's resource type) raises ValueError.
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        try:
            super().get_results(request)
        except (ValueError, OverflowError) as error:
            # A lookup the query string named with a value its column cannot hold (a year in the
            # billions, an id past 64 bits) only fails here, when the count runs.
            raise IncorrectLookupParameters(error) from error


@functools.cache
def checked_changelist(changelist):
    """``changelist`` (Django's or a package's subclass of it) with ``CheckedChangeList``'s checks."""
    if issubclass(changelist, CheckedChangeList):
        return changelist
    return type("Checked" + changelist.__name__, (CheckedChangeList, changelist), {})


def acceptable_keys(field, values):
    """The values in ``values`` that ``field`` (a primary or to-field key) can look up; the others name no row."""
    kept = []
    for value in values:
        if value in (None, ""):
            continue
        if isinstance(field, models.IntegerField):  # AutoField and the big and small ones too
            if parse_int(str(value), minimum=-MAX_ROW_ID, maximum=MAX_ROW_ID) is None:
                continue
        else:
            try:
                field.get_prep_value(value)
            except (TypeError, ValueError, ValidationError):
                continue
            if isinstance(value, str) and NUL in value:
                continue
        kept.append(value)
    return kept


class CheckedAutocompleteMixin:
    """Draws only the chosen values that can exist; Django's widget feeds any value into ``pk__in``."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        return super().optgroups(name, acceptable_keys(key, value), attr)


class CheckedAutocompleteSelect(CheckedAutocompleteMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class CheckedAutocomplete:
    """Mixed into admins and inlines with ``autocomplete_fields``: their widgets draw only keys that can exist."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class CheckedInput(CheckedAutocomplete):
    """Mixed into every ModelAdmin: filters, searches and autocomplete values that cannot be answered say so."""

    def get_changelist(self, request, **kwargs):
        return checked_changelist(super().get_changelist(request, **kwargs))

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses a NUL in any text it is sent; no record holds one, so it can only be junk.
        return super().get_search_results(request, queryset, search_term.replace(NUL, ""))


class CheckedExport:
    """For admins with an export button: the changelist's filters travel with it, so bad ones return to the list."""

    def export_action(self, request):
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            changelist = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            return redirect(f"{changelist}?{ERROR_FLAG}=1")
