"""Filters visitors apply to the public lists of programmes and calls.

Unknown values (a typo in a shared link, a kind that was renamed) are dropped by
the form's validation and the list simply stays unfiltered on that field; the
form shows why. Nothing a visitor types into the query string can raise.
"""

import functools

import django_filters
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from intl_office.i18n import localized
from intl_office.page_cache import cached_fragment
from intl_office.widgets import FastSelect

from .eligibility import StudyLevel
from .models import Call, GrantProgram


def active_programs(request=None):
    """Programmes offered in the call filter, sorted by the label the select shows (short name or name)."""
    label = Lower(Coalesce(NullIf(F("short_name"), Value("")), localized("name"), output_field=CharField()))
    return GrantProgram.objects.public().order_by(label, "pk")


def program_choices():
    """``[(slug, label), ...]`` of ``active_programs``: the programme select's options."""
    return [(program.slug, str(program)) for program in active_programs()]


class GrantProgramFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=GrantProgram.Kind.choices, empty_label=_("All kinds"), widget=FastSelect
    )

    class Meta:
        model = GrantProgram
        fields = ["kind"]


class CallFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Call.Status.choices,
        method="filter_status",
        empty_label=_("Any status"),
        widget=FastSelect,
    )
    program = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=active_programs,
        to_field_name="slug",
        empty_label=_("All programmes"),
        widget=FastSelect,
    )
    # Named as before the call said levels and years, so that shared links keep working.
    target_group = django_filters.ChoiceFilter(
        label=_("Who can apply"),
        choices=[
            (StudyLevel.BACHELOR, _("Bachelor students")),
            (StudyLevel.MASTER, _("Master students")),
            (StudyLevel.DOCTORATE, _("Doctoral students")),
            (Call.Audience.STUDENTS, _("All students")),
            (Call.Audience.STAFF, _("Academic and administrative staff")),
        ],
        method="filter_target_group",
        empty_label=_("Everyone"),
        widget=FastSelect,
    )

    class Meta:
        model = Call
        fields = ["status", "program", "target_group"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "form-select")
        # The programme select's options are shared by every request until the content changes (the
        # field's own choices would query the programmes on every render); a chosen programme is still
        # looked up in the field's queryset.
        program = self.form.fields["program"]
        # Read once however often the select looks at them (``use_required_attribute`` does too).
        program.widget.choices = CallableChoiceIterator(
            functools.cache(
                lambda: [("", program.empty_label), *cached_fragment("call-program-choices", program_choices)]
            )
        )

    def filter_target_group(self, queryset, name, value):
        return queryset.open_to(value)

    def filter_status(self, queryset, name, value):
        # The values appear in URLs (?status=open); the date rules are the queryset's.
        by_status = {
            Call.Status.OPEN: queryset.open,
            Call.Status.UPCOMING: queryset.upcoming,
            Call.Status.CLOSED: queryset.closed,
        }
        return by_status[value]()
