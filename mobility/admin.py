"""Admin for mobility records, student applications and delegation visits.

Applications are reviewed here: staff and faculty coordinators read them with their documents,
score them and move them along the workflow with buttons and bulk actions that call
``mobility.services``; nobody types a status in. What a user sees is
``Application.objects.visible_to(user)``: a faculty coordinator only their own faculty's.
Mobility records and visits are imported and exported as CSV or XLSX (``mobility.resources``).
"""

from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg, Count, F, FloatField, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from import_export.admin import ExportMixin
from import_export.forms import SelectableFieldsExportForm
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from intl_office.admin_helpers import (
    DANGER,
    INFO,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    CompactTextareas,
    OfficeImportExport,
    ReadOnlyInline,
    RecordHistory,
    admin_url,
    choice_badge,
    period,
    person,
    translated,
)
from intl_office.dates import today
from intl_office.models import Faculty
from intl_office.roles import is_faculty_coordinator
from partners.models import Institution

from . import services
from .models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationReview,
    HostPreference,
    Mobility,
    Visit,
    VisitMember,
    VisitPhoto,
)
from .resources import FORMATS, ApplicationResource, MobilityResource, VisitResource

Status = Application.Status

MOBILITY_TONES = {
    Mobility.Status.PLANNED: INFO,
    Mobility.Status.CONFIRMED: SUCCESS,
    Mobility.Status.COMPLETED: MUTED,
    Mobility.Status.CANCELLED: DANGER,
}

APPLICATION_TONES = {
    Application.Status.DRAFT: MUTED,
    Application.Status.SUBMITTED: INFO,
    Application.Status.UNDER_REVIEW: WARNING,
    Application.Status.SHORTLISTED: INFO,
    Application.Status.ACCEPTED: SUCCESS,
    Application.Status.WAITLISTED: WARNING,
    Application.Status.REJECTED: DANGER,
    Application.Status.WITHDRAWN: MUTED,
}


class MobilityImportExport(OfficeImportExport):
    """The import and export partners have (preview, all or nothing), with formulae kept out of CSV cells."""

    import_formats = FORMATS
    export_formats = FORMATS


@admin.register(Mobility)
class MobilityAdmin(MobilityImportExport, RecordHistory, AdminExtraMedia, CompactTextareas, admin.ModelAdmin):
    list_display = ("participant_name", "direction", "activity", "partner", "dates", "status_badge")
    list_filter = (
        "status",
        "direction",
        "participant_kind",
        "activity",
        "program",
        ("faculty", admin.RelatedOnlyFieldListFilter),
        ("partner__country", CountryFilter),
    )
    search_fields = ("participant_name", "participant_email", *translated("partner__name"), "partner__short_name")
    autocomplete_fields = ("faculty", "partner", "program", "project", "agreement", "call", "application")
    list_select_related = ("partner",)
    date_hierarchy = "start_date"
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (
            _("Participant"),
            {"fields": ("direction", "participant_kind", "participant_name", "participant_email", "faculty")},
        ),
        (_("Activity"), {"fields": ("activity", "partner", ("start_date", "end_date"), "status")}),
        (
            _("Funding and framework"),
            {
                "fields": ("program", "project", "agreement", "call", "application"),
                "description": _("What made the mobility possible; fill in what applies."),
            },
        ),
        (_("Office"), {"fields": ("notes", "created_at", "updated_at")}),
        (_("History"), {"fields": ("audit_history",)}),
    )
    resource_classes = [MobilityResource]

    def get_queryset(self, request):
        # A mobility's name includes its partner, autocomplete results included.
        return super().get_queryset(request).select_related("partner")

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("faculty", "program", "agreement")

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        return choice_badge(obj.status, Mobility.Status, MOBILITY_TONES)


class HostPreferenceInline(admin.TabularInline):
    model = HostPreference
    extra = 0
    fields = ("rank", "institution")
    autocomplete_fields = ("institution",)
    ordering = ("rank",)


class ApplicationDocumentInline(ReadOnlyInline):
    """What the student uploaded, each file behind the staff download view that checks who asks.

    Documents live in private storage with no public URL; the link never names the stored file.
    """

    model = ApplicationDocument
    fields = ("document_type", "download", "uploaded_at")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document_type")

    @admin.display(description=_("file"))
    def download(self, obj):
        url = reverse("mobility:staff-application-document", kwargs={"pk": obj.application_id, "doc_pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, obj.original_name or gettext("Download"))


class ApplicationEventInline(ReadOnlyInline):
    model = ApplicationEvent
    fields = ("created_at", "from_status", "to_status", "by", "note")
    readonly_fields = fields

    @admin.display(description=_("by"))
    def by(self, obj):
        return person(obj.actor)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ApplicationReviewInline(ReadOnlyInline):
    """Everybody's reviews, read-only; a reviewer's own is in ``YourReviewInline``, where they can change it."""

    model = ApplicationReview
    fields = ("by", "score", "comment", "created_at")
    readonly_fields = fields
    verbose_name_plural = _("reviews")

    @admin.display(description=_("reviewer"))
    def by(self, obj):
        return person(obj.reviewer)

    def get_queryset(self, request):
        reviews = super().get_queryset(request).select_related("reviewer")
        if can_review(request.user):
            reviews = reviews.exclude(reviewer=request.user)
        return reviews


def can_review(user):
    return user.has_perm("mobility.add_applicationreview") and user.has_perm("mobility.change_applicationreview")


class ReviewForm(forms.ModelForm):
    score = forms.IntegerField(
        label=_("Score"),
        min_value=0,
        max_value=ApplicationReview.MAX_SCORE,
        help_text=_("From 0 to 10."),
        widget=forms.NumberInput(attrs={"class": "vIntegerField"}),
    )

    class Meta:
        model = ApplicationReview
        fields = ("score", "comment")
        widgets = {"comment": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})}


class YourReviewFormSet(BaseInlineFormSet):
    """Saves the reviewer's one review through ``services.application_review`` (a second one updates the first)."""

    reviewer = None  # set by YourReviewInline.get_formset for the request's user

    def save(self, commit=True):
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        for form in self.forms:
            if not form.has_changed():
                continue
            is_new = form.instance.pk is None
            review = services.application_review(
                application=self.instance,
                reviewer=self.reviewer,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data.get("comment") or "",
            )
            if is_new:
                self.new_objects.append(review)
            else:
                self.changed_objects.append((review, form.changed_data))
        return [*self.new_objects, *(review for review, _fields in self.changed_objects)]


class YourReviewInline(admin.StackedInline):
    """The current reviewer's score and comment: one review each, which they may correct."""

    model = ApplicationReview
    form = ReviewForm
    formset = YourReviewFormSet
    fields = ("score", "comment")
    max_num = 1
    can_delete = False
    verbose_name = _("your review")
    verbose_name_plural = _("your review")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(reviewer=request.user)

    def get_extra(self, request, obj=None, **kwargs):
        if obj is None:
            return 0
        return 0 if ApplicationReview.objects.filter(application=obj, reviewer=request.user).exists() else 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)  # a new class for each request
        formset.reviewer = request.user
        return formset


# What staff may move an application to; submitting is the student's own act.
STAFF_TARGETS = (
    Status.UNDER_REVIEW,
    Status.SHORTLISTED,
    Status.ACCEPTED,
    Status.WAITLISTED,
    Status.REJECTED,
    Status.WITHDRAWN,
)

# The workflow buttons: what each does, in the office's words, and how it looks.
TRANSITION_BUTTONS = {
    Status.UNDER_REVIEW: (_("Start the review"), "default"),
    Status.SHORTLISTED: (_("Shortlist"), "default"),
    Status.ACCEPTED: (_("Accept"), "default"),
    Status.WAITLISTED: (_("Put on the waiting list"), "secondary"),
    Status.REJECTED: (_("Reject"), "danger"),
    Status.WITHDRAWN: (_("Withdraw at the student's request"), "secondary"),
}

# Names listed in a bulk action's message before "and N more".
NAMES_SHOWN = 8


def status_changed_message(to_status):
    """The entry in Django's History of the record (the status history itself is ApplicationEvent)."""
    return gettext("Status changed to “%(status)s”.") % {"status": Status(to_status).label}


class TransitionForm(forms.Form):
    """One press of a workflow button: the new status, a note for the history and, to accept, the host."""

    to_status = forms.ChoiceField(
        label=_("new status"), choices=[(status.value, status.label) for status in STAFF_TARGETS]
    )
    note = forms.CharField(
        label=_("note for the history"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text=_("Kept in the status history for the office; the student does not see it."),
    )
    host = forms.TypedChoiceField(
        label=_("host of the mobility"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("When accepting: which of the student's choices the mobility goes to."),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.preferences = list(application.preferences.select_related("institution").order_by("rank"))
        self.fields["host"].choices = [
            (preference.institution_id, f"{preference.rank}. {preference.institution}")
            for preference in self.preferences
        ]

    def clean_host(self):
        chosen = self.cleaned_data["host"]
        return next((p.institution for p in self.preferences if p.institution_id == chosen), None)


class HostFilter(admin.SimpleListFilter):
    """Applications naming an institution among their host preferences, whatever its rank."""

    title = _("host preference")
    parameter_name = "host"

    def lookups(self, request, model_admin):
        chosen = HostPreference.objects.filter(application__in=Application.objects.visible_to(request.user))
        hosts = Institution.objects.filter(pk__in=chosen.values("institution")).order_by("name")
        return [(str(host.pk), str(host)) for host in hosts]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(preferences__institution_id=int(value))
        return queryset


class ColumnExportForm(SelectableFieldsExportForm):
    """The export's field choices named by their column headers ("GPA"), not by attribute names ("Gpa (GPA)")."""

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        return capfirst(str(field.column_name)) if field else super()._get_field_label(resource, field_name)


@admin.register(Application)
class ApplicationAdmin(ExportMixin, RecordHistory, AdminExtraMedia, admin.ModelAdmin):
    """Where applications are reviewed: read, score, and move along the workflow; export a call's list.

    The rows are ``Application.objects.visible_to(user)``: a faculty coordinator sees, opens, moves
    and exports only their own faculty's applications; any other reads as a missing record. The
    status is never a form field: buttons on the page and bulk actions call ``mobility.services``.
    """

    list_display = ("applicant", "call_title", "first_choice", "gpa", "score", "status_badge", "submitted")
    list_filter = (
        "status",
        ("call", admin.RelatedOnlyFieldListFilter),
        ("faculty", admin.RelatedOnlyFieldListFilter),
        HostFilter,
        "level",
    )
    search_fields = (
        "first_name",
        "last_name",
        "student__username",
        "student__email",
        *translated("call__title"),
    )
    autocomplete_fields = ("call", "student", "faculty")
    list_select_related = ("call", "student", "faculty")
    date_hierarchy = "submitted_at"
    readonly_fields = (
        "photo_state",
        "status_badge",
        "review_summary",
        "mobility_link",
        "language",
        "submitted_at",
        "decided_at",
        "created_at",
        "updated_at",
    )
    inlines = (
        HostPreferenceInline,
        ApplicationDocumentInline,
        ApplicationReviewInline,
        YourReviewInline,
        ApplicationEventInline,
    )
    fieldsets = (
        (
            _("Applicant"),
            {
                "fields": (
                    "call",
                    "student",
                    ("first_name", "last_name"),
                    "date_of_birth",
                    "nationality",
                    "phone",
                    "photo_state",
                )
            },
        ),
        (
            _("Studies and language"),
            {
                "fields": (
                    "faculty",
                    ("level", "year_of_study"),
                    "gpa",
                    ("language_certificate", "language_score"),
                )
            },
        ),
        (_("Motivation"), {"fields": ("motivation_letter",)}),
        (
            _("Decision"),
            {
                "fields": (
                    "status_badge",
                    "review_summary",
                    "mobility_link",
                    "submitted_at",
                    "decided_at",
                    "language",
                    "created_at",
                    "updated_at",
                ),
                "description": _("The status changes only with the workflow buttons at the top of the page."),
            },
        ),
        (_("History"), {"fields": ("audit_history",)}),
    )
    actions = ["start_review", "shortlist", "waitlist", "reject", "accept"]
    resource_classes = [ApplicationResource]
    export_formats = FORMATS
    export_form_class = ColumnExportForm

    def get_queryset(self, request):
        reviews = ApplicationReview.objects.filter(application=OuterRef("pk")).order_by().values("application")
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            # An application's name is made from its student and call, autocomplete results included.
            .select_related("student", "call", "faculty")
            .annotate(
                average_score=Subquery(reviews.annotate(value=Avg("score")).values("value"), output_field=FloatField()),
                review_count=Coalesce(
                    Subquery(reviews.annotate(value=Count("pk")).values("value"), output_field=IntegerField()), 0
                ),
            )
            .prefetch_related(
                Prefetch("preferences", queryset=HostPreference.objects.select_related("institution").order_by("rank"))
            )
        )

    def get_list_display(self, request):
        # A column that holds one value for every row (one call, one faculty) only takes room from the others.
        columns = list(super().get_list_display(request))
        if "call__id__exact" in request.GET:
            columns.remove("call_title")
        return columns

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # An application belongs to its student and call for good; moving it would dodge the call's rules.
        return (*fields, "call", "student") if obj is not None else fields

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is None or obj.status == Status.DRAFT or not can_review(request.user):
            inlines.remove(YourReviewInline)
        return inlines

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "faculty" and is_faculty_coordinator(request.user):
            # A coordinator cannot hand an application over to another faculty.
            kwargs["queryset"] = Faculty.objects.filter(pk=request.user.faculty_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- the workflow ---------------------------------------------------------------------------

    def get_urls(self):
        transition = path(
            "<path:object_id>/transition/",
            self.admin_site.admin_view(self.transition_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_transition",
        )
        return [transition, *super().get_urls()]

    def _change_url(self, request, application):
        url = admin_url(self.opts, "change", application.pk)
        return add_preserved_filters({"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}, url)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        application = self.get_object(request, unquote(object_id)) if object_id else None
        if application is not None:
            extra_context["workflow"] = self._workflow(request, application)
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow(self, request, application):
        """What the workflow box at the top of an application's page shows."""
        can_move = self.has_change_permission(request, application)
        targets = [status for status in STAFF_TARGETS if application.can_move_to(status)] if can_move else []
        accepted = Application.objects.filter(call_id=application.call_id, status=Status.ACCEPTED).count()
        action = admin_url(self.opts, "transition", application.pk)
        return {
            "status": self.status_badge(application),
            "buttons": [(status.value, *TRANSITION_BUTTONS[status]) for status in targets],
            "form": TransitionForm(application=application) if targets else None,
            "can_accept": Status.ACCEPTED in targets,
            "final": not Application.TRANSITIONS[Status(application.status)],
            "action": add_preserved_filters(
                {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}, action
            ),
            "accepted": accepted,
            "places": application.call.places,
            "mobility_link": self.mobility_link(application),
            "review_summary": self.review_summary(application),
        }

    def transition_view(self, request, object_id):
        """A workflow button: moves one application through the services; a refusal changes nothing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        application = self.get_object(request, unquote(object_id))
        if application is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        form = TransitionForm(request.POST, application=application)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(self._change_url(request, application))
        to_status = Status(form.cleaned_data["to_status"])
        try:
            services.application_transition(
                application=application,
                to_status=to_status,
                actor=request.user,
                note=form.cleaned_data["note"],
                host=form.cleaned_data["host"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            self.log_change(request, application, status_changed_message(to_status))
            messages.success(
                request,
                gettext("The application is now “%(status)s”; the student is told by e-mail.")
                % {"status": to_status.label},
            )
        return redirect(self._change_url(request, application))

    # --- bulk actions ---------------------------------------------------------------------------

    def _move_each(self, request, queryset, to_status):
        """Move each selected application through the services; report how many moved and why the others did not."""
        if to_status == Status.ACCEPTED:
            # Places go to the best average score first, then to the earliest submission.
            queryset = queryset.order_by(
                F("average_score").desc(nulls_last=True), F("submitted_at").asc(nulls_last=True), "pk"
            )
        base_url = request.build_absolute_uri("/")
        label = Status(to_status).label
        moved = 0
        refused = defaultdict(list)
        for application in queryset:
            try:
                services.application_transition(
                    application=application, to_status=to_status, actor=request.user, base_url=base_url
                )
            except ValidationError as error:
                refused[" ".join(error.messages)].append(application.full_name)
            else:
                moved += 1
                self.log_change(request, application, status_changed_message(to_status))
        if moved:
            self.message_user(
                request,
                ngettext(
                    "%(count)d application moved to “%(status)s”.",
                    "%(count)d applications moved to “%(status)s”.",
                    moved,
                )
                % {"count": moved, "status": label},
                messages.SUCCESS,
            )
        for reason, names in refused.items():
            shown = ", ".join(names[:NAMES_SHOWN])
            if len(names) > NAMES_SHOWN:
                shown = gettext("%(names)s and %(count)d more") % {"names": shown, "count": len(names) - NAMES_SHOWN}
            self.message_user(
                request,
                ngettext(
                    "%(count)d application not moved (%(names)s): %(reason)s",
                    "%(count)d applications not moved (%(names)s): %(reason)s",
                    len(names),
                )
                % {"count": len(names), "names": shown, "reason": reason},
                messages.WARNING if moved else messages.ERROR,
            )

    @admin.action(description=_("Start the review of the selected applications"), permissions=["change"])
    def start_review(self, request, queryset):
        self._move_each(request, queryset, Status.UNDER_REVIEW)

    @admin.action(description=_("Shortlist the selected applications"), permissions=["change"])
    def shortlist(self, request, queryset):
        self._move_each(request, queryset, Status.SHORTLISTED)

    @admin.action(description=_("Put the selected applications on the waiting list"), permissions=["change"])
    def waitlist(self, request, queryset):
        self._move_each(request, queryset, Status.WAITLISTED)

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        self._move_each(request, queryset, Status.REJECTED)

    @admin.action(
        description=_("Accept the selected applications (best average score first, up to the call's places)"),
        permissions=["change"],
    )
    def accept(self, request, queryset):
        self._move_each(request, queryset, Status.ACCEPTED)

    # --- export ---------------------------------------------------------------------------------

    def has_export_permission(self, request):
        # What a user may read they may take away as a spreadsheet: a coordinator, their faculty's rows.
        return self.has_view_or_change_permission(request)

    def get_export_filename(self, request, queryset, file_format):
        slugs = list(queryset.order_by().values_list("call__slug", flat=True).distinct()[:2])
        name = f"applications-{slugs[0]}" if len(slugs) == 1 else "applications"
        return f"{name}-{today().isoformat()}.{file_format.get_extension()}"

    # --- columns and read-only fields -----------------------------------------------------------

    @admin.display(description=_("applicant"), ordering="last_name")
    def applicant(self, obj):
        # The faculty under the name: one column less in a list that has to fit beside two sidebars.
        if obj.faculty_id is None:
            return obj.full_name
        return format_html('{}<br><small class="io-faculty">{}</small>', obj.full_name, obj.faculty)

    @admin.display(description=_("call"), ordering="call")
    def call_title(self, obj):
        # Not the foreign key itself: the admin keeps those on one line, and call titles are long.
        return str(obj.call)

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted(self, obj):
        if obj.submitted_at is None:
            return "—"
        return format_html('<span class="io-nowrap">{}</span>', date_format(localtime(obj.submitted_at)))

    @admin.display(description=_("first choice"))
    def first_choice(self, obj):
        first = next(iter(obj.preferences.all()), None)  # prefetched in rank order
        return str(first.institution) if first else "—"

    @admin.display(description=_("average score"), ordering="average_score")
    def score(self, obj):
        average = getattr(obj, "average_score", None)
        if average is None:
            return "—"
        reviews = ngettext("%(count)d review", "%(count)d reviews", obj.review_count) % {"count": obj.review_count}
        return format_html(
            '<span class="io-nowrap">{} <small>({})</small></span>',
            number_format(average, 1),
            reviews,
        )

    @admin.display(description=_("average score"))
    def review_summary(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        if not hasattr(obj, "review_count"):
            summary = obj.reviews.aggregate(average=Avg("score"), count=Count("pk"))
            obj.average_score, obj.review_count = summary["average"], summary["count"]
        if obj.average_score is None:
            return _("No reviews yet")
        return self.score(obj)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        if obj is None or obj.pk is None:
            return choice_badge(Status.DRAFT, Application.Status, APPLICATION_TONES)
        return choice_badge(obj.status, Application.Status, APPLICATION_TONES)

    @admin.display(description=_("mobility"))
    def mobility_link(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        mobility = Mobility.objects.filter(application=obj).first()
        if mobility is None:
            return _("Made when the application is accepted.")
        url = reverse("admin:mobility_mobility_change", args=[mobility.pk])
        return format_html('<a href="{}">{}</a>', url, mobility)

    @admin.display(description=_("photo"))
    def photo_state(self, obj):
        if obj is None or not obj.photo:
            return _("No photo uploaded")
        # Private storage has no URL: the photo is served by the staff view, which checks who asks.
        url = reverse("mobility:staff-application-photo", kwargs={"pk": obj.pk})
        return format_html(
            '<a href="{}"><img class="io-thumb io-photo" src="{}" alt="{}"></a> <a href="{}">{}</a>',
            url,
            url,
            gettext("Photo of %(name)s") % {"name": obj.full_name},
            url,
            obj.photo.name.rsplit("/", 1)[-1],
        )


class VisitMemberInline(TranslationStackedInline):
    """One block per person with a line per language: name and position as the guest list gives them.

    A table with a column for each language of name and position runs off the screen.
    """

    model = VisitMember
    extra = 1
    fields = (("side", "is_head", "order"), *zip(translated("full_name"), translated("position"), strict=True))


class VisitPhotoInline(TranslationStackedInline):
    model = VisitPhoto
    extra = 1
    fields = (("preview", "image", "order"), *translated("caption"))
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.image:
            return "—"
        return format_html('<img class="io-thumb" src="{}" alt="">', obj.image.url)


@admin.register(Visit)
class VisitAdmin(MobilityImportExport, AdminExtraMedia, CompactTextareas, TranslationAdmin):
    list_display = ("title", "direction", "partner", "dates", "member_count", "is_public")
    list_filter = ("direction", "is_public", ("partner__country", CountryFilter))
    search_fields = (*translated("title", "purpose", "partner__name"), "partner__short_name", "city")
    autocomplete_fields = ("partner", "agreements_signed")
    list_select_related = ("partner",)
    date_hierarchy = "start_date"
    inlines = (VisitMemberInline, VisitPhotoInline)
    fieldsets = (
        (_("Visit"), {"fields": ("title", "direction", "partner", ("start_date", "end_date"), "city")}),
        (_("Purpose and results"), {"fields": ("purpose", "topics", "outcomes", "agreements_signed")}),
        (_("Story for the site"), {"fields": ("summary", "story")}),
        (
            _("Publishing"),
            {
                "fields": ("is_public", "slug"),
                "description": _(
                    "The slug is the visit's web address; left empty, it is made from the date and partner."
                ),
            },
        ),
    )

    resource_classes = [VisitResource]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return period(obj.start_date, obj.end_date)

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count
