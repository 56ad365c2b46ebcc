"""Admin for the department itself: users, faculties, the home institution, staff, rankings, pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin_helpers import CompactTextareas, translated
from .models import Faculty, HomeInstitution, Page, Ranking, StaffMember, User

admin.site.site_header = _("International Office")
admin.site.site_title = _("International Office admin")
admin.site.index_title = _("Records of the department")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Faculty"),
            {
                "fields": ("faculty",),
                "description": _("Faculty coordinators review the applications of this faculty only."),
            },
        ),
        (
            _("Permissions"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "classes": ("collapse",),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined"), "classes": ("collapse",)}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Personal info"), {"fields": ("first_name", "last_name", "email", "faculty")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "faculty", "is_staff", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", ("faculty", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("faculty",)
    autocomplete_fields = ("faculty",)


@admin.register(Faculty)
class FacultyAdmin(TranslationAdmin):
    list_display = ("name", "slug", "user_count")
    search_fields = translated("name")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(user_count=Count("users"))

    @admin.display(description=_("users"), ordering="user_count")
    def user_count(self, obj):
        return obj.user_count


@admin.register(HomeInstitution)
class HomeInstitutionAdmin(CompactTextareas, TranslationAdmin):
    """The one row of the home institution: the index link opens it straight away."""

    fieldsets = (
        (_("University"), {"fields": ("name", "short_name", "logo", "website", "international_since")}),
        (_("Department"), {"fields": ("department_name", "about")}),
        (_("Contacts"), {"fields": ("address", "phone", "email", "working_hours")}),
    )

    def has_add_permission(self, request):
        # load() makes the row on the first page any visitor opens, so adding is never needed.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _change_url(self):
        return reverse("admin:intl_office_homeinstitution_change", args=[HomeInstitution.load().pk])

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect(self._change_url())

    def add_view(self, request, form_url="", extra_context=None):
        # A bookmarked add page leads to the one row instead of a 403.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect(self._change_url())


@admin.register(StaffMember)
class StaffMemberAdmin(TranslationAdmin):
    list_display = ("full_name", "position", "email", "phone", "order", "is_public")
    list_editable = ("order", "is_public")
    list_filter = ("is_public",)
    search_fields = (*translated("full_name", "position"), "email", "phone")
    autocomplete_fields = ("user",)
    fieldsets = (
        (_("Person"), {"fields": ("full_name", "position", "photo", "user")}),
        (_("Contacts"), {"fields": ("phone", "email")}),
        (_("Reception"), {"fields": ("working_hours", "reception_days")}),
        (_("On the site"), {"fields": ("order", "is_public")}),
    )


@admin.register(Ranking)
class RankingAdmin(TranslationAdmin):
    list_display = ("name", "year", "result", "position", "order")
    list_editable = ("order",)
    list_filter = ("year", "name")
    search_fields = ("name", *translated("result"))
    fieldsets = (
        (None, {"fields": ("name", "year", "result", "position", "url")}),
        (_("On the site"), {"fields": ("order",)}),
    )


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ("title", "slug", "is_published", "order", "updated_at")
    list_editable = ("is_published", "order")
    list_filter = ("is_published",)
    search_fields = (*translated("title", "body"), "slug")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "body")}),
        (_("Publishing"), {"fields": ("is_published", "order", "updated_at")}),
    )
