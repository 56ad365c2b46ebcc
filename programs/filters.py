"""Filters visitors apply to the public lists of programmes and calls.

Unknown values (a typo in a shared link, a kind that was renamed) are dropped by
the form's validation and the list simply stays unfiltered on that field; the
form shows why. Nothing a visitor types into the query string can raise.
"""

import django_filters
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from .models import Call, GrantProgram


def localized(field):
    """A translated field in the visitor's language, falling back to English, as a sort key.

    modeltranslation turns ``order_by("name")`` into ``name_uz`` without the
    fallback, which would sort every record not yet translated first.
    """
    translated = NullIf(F(f"{field}_{get_language()}"), Value(""), output_field=CharField())
    return Lower(Coalesce(translated, F(f"{field}_en"), output_field=CharField()))


def active_programs(request=None):
    """Programmes offered in the call filter, sorted by the label the select shows (short name or name)."""
    label = Lower(Coalesce(NullIf(F("short_name"), Value("")), localized("name"), output_field=CharField()))
    return GrantProgram.objects.filter(is_active=True).order_by(label, "pk")


class CallStatus:
    """Where a call stands on a day; the values appear in URLs (?status=open)."""

    OPEN = "open"
    UPCOMING = "upcoming"
    CLOSED = "closed"

    choices = [
        (OPEN, _("Open")),
        (UPCOMING, _("Upcoming")),
        (CLOSED, _("Closed")),
    ]


class GrantProgramFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=GrantProgram.Kind.choices, empty_label=_("All kinds"))

    class Meta:
        model = GrantProgram
        fields = ["kind"]


class CallFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CallStatus.choices, method="filter_status", empty_label=_("Any status")
    )
    program = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=active_programs,
        to_field_name="slug",
        empty_label=_("All programmes"),
    )
    target_group = django_filters.ChoiceFilter(
        label=_("Who can apply"), choices=Call.TargetGroup.choices, empty_label=_("Everyone")
    )

    class Meta:
        model = Call
        fields = ["status", "program", "target_group"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "form-select")

    def filter_status(self, queryset, name, value):
        # The same date rules as Call.objects.open()/upcoming()/closed().
        by_status = {
            CallStatus.OPEN: queryset.open,
            CallStatus.UPCOMING: queryset.upcoming,
            CallStatus.CLOSED: queryset.closed,
        }
        return by_status[value]()
