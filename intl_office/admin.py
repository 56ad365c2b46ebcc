"""Admin for the department itself: users, faculties, the home institution, staff, rankings, pages."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin_helpers import CompactTextareas, person, translated
from .admin_input import CheckedInput
from .admin_letters import letter_preview_links
from .models import Faculty, HomeInstitution, Page, Ranking, StaffMember, User
from .roles import is_faculty_coordinator

admin.site.site_header = _("International Office")
admin.site.site_title = _("International Office admin")
admin.site.index_title = _("Records of the department")


# What makes one account mightier than another; only a superuser sets these.
PRIVILEGE_FIELDS = ("is_superuser", "groups", "user_permissions")


def account_rights(user):
    """Every permission an account holds, through its groups or its own, as "app_label.codename".

    Read from the database rather than with ``user.get_all_permissions()``, which answers nothing for an
    inactive account: its rights come back the moment somebody ticks is_active again.
    """
    held = Permission.objects.filter(Q(user=user) | Q(group__user=user)).values_list(
        "content_type__app_label", "codename"
    )
    return {f"{app_label}.{codename}" for app_label, codename in held}


@admin.register(User)
class UserAdmin(CheckedInput, DjangoUserAdmin):
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
            _("At the institution"),
            {
                "fields": ("affiliation", "department", "position", "academic_degree", "language"),
                "description": _(
                    "What the person said at sign-up or on their profile: a staff call takes members of staff, "
                    "a student call students; the head of the department endorses a member of staff."
                ),
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
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "affiliation",
        "department",
        "faculty",
        "is_staff",
        "is_active",
    )
    list_filter = (
        "affiliation",
        ("department", admin.RelatedOnlyFieldListFilter),
        "is_staff",
        "is_superuser",
        "is_active",
        "groups",
        ("faculty", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("faculty", "department")
    autocomplete_fields = ("faculty", "department")

    # Rights come from a superuser only. Office staff (intl_office/roles.py) hold change_user to look after
    # accounts, but for them is_superuser, groups and user_permissions are read-only: a POST naming them
    # changes nothing. Nor may they open, change, delete or reset the password of an account that holds a
    # right they lack, a superuser's above all: signing in as it would be the same escalation by another door.
    # is_staff (and is_active) stay editable for them: every account they can reach holds only rights they
    # hold themselves, so ticking the box lets nobody do more than the editor could already.

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return (*fields, *PRIVILEGE_FIELDS)

    def get_queryset(self, request):
        # A coordinator serves one faculty: the rest of the university's people are none of their business.
        # The student autocomplete of other admins asks this queryset too, so it is narrowed the same way.
        users = super().get_queryset(request)
        if is_faculty_coordinator(request.user):
            return users.filter(faculty_id=request.user.faculty_id) if request.user.faculty_id else users.none()
        return users

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and not self._outranks(request.user, obj)

    def has_change_permission(self, request, obj=None):
        # Also guards the password page, /admin/intl_office/user/<id>/password/ (admin:auth_user_password_change).
        return super().has_change_permission(request, obj) and not self._outranks(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._outranks(request.user, obj)

    @staticmethod
    def _outranks(editor, account):
        """Whether ``account`` holds a right ``editor`` lacks; a superuser is outranked by nobody."""
        if account is None or editor.is_superuser:
            return False
        if account.is_superuser:
            return True
        return not account_rights(account) <= editor.get_all_permissions()


@admin.register(Faculty)
class FacultyAdmin(CheckedInput, TranslationAdmin):
    list_display = ("name", "slug", "dean_name", "user_count")
    search_fields = translated("name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("dean",)
    list_select_related = ("dean",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(user_count=Count("users"))

    @admin.display(description=_("dean"), ordering="dean__last_name")
    def dean_name(self, obj):
        return person(obj.dean)

    @admin.display(description=_("users"), ordering="user_count")
    def user_count(self, obj):
        return obj.user_count


@admin.register(HomeInstitution)
class HomeInstitutionAdmin(CheckedInput, CompactTextareas, TranslationAdmin):
    """The one row of the home institution: the index link opens it straight away."""

    fieldsets = (
        (_("University"), {"fields": ("name", "short_name", "logo", "website", "international_since")}),
        (_("Department"), {"fields": ("department_name", "about")}),
        (_("Contacts"), {"fields": ("address", "phone", "email", "working_hours")}),
        (_("Demo"), {"fields": ("demo_profile",)}),
        (
            _("Letters"),
            {
                "fields": ("signatory_name", "signatory_position", "letter_preview"),
                "description": _(
                    "Letters and documents are printed under a letterhead made of the name, logo, address, phone, "
                    "e-mail and website above, and signed by this person."
                ),
            },
        ),
    )
    readonly_fields = ("letter_preview",)

    @admin.display(description=_("preview"))
    def letter_preview(self, obj):
        return letter_preview_links()

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
class StaffMemberAdmin(CheckedInput, TranslationAdmin):
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
class RankingAdmin(CheckedInput, TranslationAdmin):
    list_display = ("name", "year", "result", "position", "order")
    list_editable = ("order",)
    list_filter = ("year", "name")
    search_fields = ("name", *translated("result"))
    fieldsets = (
        (None, {"fields": ("name", "year", "result", "position", "url")}),
        (_("On the site"), {"fields": ("order",)}),
    )


@admin.register(Page)
class PageAdmin(CheckedInput, TranslationAdmin):
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


def _register_checked(model):
    """Register ``model``'s admin from another package again, with the portal's checks on what a URL asks."""
    model_admin = type(admin.site.get_model_admin(model))
    admin.site.unregister(model)
    admin.site.register(model, type(model_admin.__name__, (CheckedInput, model_admin), {}))


# Their packages' admin modules are loaded before this one (INSTALLED_APPS order).
for _model in (Group, EmailAddress, LogEntry):
    _register_checked(_model)


# allauth's own admin for authenticators shows and edits their secrets. Here an administrator
# sees who has which second factor and can delete one whose phone is lost (its owner is then
# asked to set up a new one at the next visit to the admin), but never reads or sets a secret.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(CheckedInput, admin.ModelAdmin):
    list_display = ("user", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    search_fields = ("user__username", "user__email")
    fields = ("user", "type", "created_at", "last_used_at")
    readonly_fields = fields
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Background jobs: what waits, what failed and why, and "Run again" (intl_office/admin_jobs.py);
# imports written by a background job, each with its page (intl_office/admin_file_imports.py);
# departments and their heads (intl_office/admin_people.py). The letter templates are in admin_letters.py.
from . import admin_file_imports, admin_jobs, admin_people  # noqa: E402, F401
