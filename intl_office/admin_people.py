"""Departments and their heads: who endorses a member of staff's application or approves their trip."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin_helpers import RecordHistory, person, translated
from .admin_input import CheckedInput
from .models import Department


@admin.register(Department)
class DepartmentAdmin(CheckedInput, RecordHistory, TranslationAdmin):
    list_display = ("name", "faculty", "head_name", "member_count")
    list_filter = (("faculty", admin.RelatedOnlyFieldListFilter),)
    search_fields = (*translated("name"), "head__first_name", "head__last_name")
    autocomplete_fields = ("faculty", "head")
    list_select_related = ("faculty", "head")
    fieldsets = (
        (None, {"fields": ("faculty", "name")}),
        (
            _("Head"),
            {
                "fields": ("head",),
                "description": _(
                    "The head endorses or declines what the department's staff apply for, and approves their "
                    "business trips where the approval chain has a head of department's step."
                ),
            },
        ),
        (_("History"), {"fields": ("audit_history",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("head"), ordering="head__last_name")
    def head_name(self, obj):
        return person(obj.head)

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count
