"""The agreement admin with what only mobility knows: how many people went last year against the places.

Partners sit below mobility and know nothing of it, so ``partners.admin.AgreementAdmin`` has no
such column; this subclass adds the column and the dormant filter, and takes the registration
over. The admin's URLs stay those of ``partners.Agreement``.
"""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import WARNING, badge
from partners.admin import AgreementAdmin as PartnersAgreementAdmin
from partners.admin import AgreementStatusFilter
from partners.models import Agreement

from ..models import agreements_dormant, agreements_with_last_year_mobility


class DormantFilter(admin.SimpleListFilter):
    """Agreements in force whose partner sent or received fewer people last academic year than the quota."""

    title = _("use of the places")
    parameter_name = "dormant"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Dormant: fewer people than places last academic year")),
            ("no", _("In force, places used")),
        ]

    def queryset(self, request, queryset):
        # ``is_dormant`` is annotated by AgreementAdmin.get_queryset from ``agreements_dormant()``.
        if self.value() == "yes":
            return queryset.filter(is_dormant=True)
        if self.value() == "no":
            return queryset.in_force().filter(is_dormant=False)
        return queryset


def _after(items, anchor, *new):
    """``items`` with ``new`` inserted right after ``anchor``."""
    position = list(items).index(anchor) + 1
    return (*items[:position], *new, *items[position:])


class AgreementAdmin(PartnersAgreementAdmin):
    list_display = (*PartnersAgreementAdmin.list_display, "places_used")
    list_filter = _after(PartnersAgreementAdmin.list_filter, AgreementStatusFilter, DormantFilter)

    def get_queryset(self, request):
        # An Exists over the same functions, not a filter on this queryset: the changelist needs
        # every agreement, dormant or not, with the flag.
        dormant = agreements_dormant().filter(pk=OuterRef("pk"))
        return agreements_with_last_year_mobility(super().get_queryset(request)).annotate(is_dormant=Exists(dormant))

    @admin.display(description=_("last year / places"), ordering="last_year_mobility")
    def places_used(self, obj):
        """Last academic year's mobility with the partner against the yearly places, flagged when dormant."""
        status = getattr(obj, "computed_status", None) or obj.status
        if status not in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRING_SOON):
            return "—"
        used = format_html('<span class="io-nowrap">{} / {}</span>', obj.last_year_mobility, obj.yearly_quota)
        if obj.is_dormant:
            return format_html("{} {}", used, badge(_("Dormant"), WARNING))
        return used


admin.site.unregister(Agreement)
admin.site.register(Agreement, AgreementAdmin)
