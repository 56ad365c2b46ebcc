"""What an application's admin page shows below its form: hosts, documents, reviews, your review, history."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import ReadOnlyInline, person
from intl_office.admin_input import CheckedAutocomplete

from .. import services
from ..models import Application, ApplicationDocument, ApplicationEvent, ApplicationReview, HostPreference


class HostPreferenceInline(CheckedAutocomplete, admin.TabularInline):
    """The student's ranked hosts; read-only once submitted (a correction is its own step)."""

    model = HostPreference
    extra = 0
    fields = ("rank", "institution")
    autocomplete_fields = ("institution",)
    ordering = ("rank",)

    def has_add_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_delete_permission(request, obj)


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
    fields = ("created_at", "kind", "from_status", "to_status", "by", "note", "changed_values")
    readonly_fields = fields

    @admin.display(description=_("old → new"))
    def changed_values(self, obj):
        if not obj.changes:
            return "—"
        labels = {field.name: field.verbose_name for field in Application._meta.fields}
        return format_html_join(
            mark_safe("<br>"),
            "{}: {} → {}",
            (
                (labels.get(name, gettext("host choices") if name == "hosts" else name), old or "—", new or "—")
                for name, (old, new) in obj.changes.items()
            ),
        )

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
        if services.may_review(request.user):
            reviews = reviews.exclude(reviewer=request.user)
        return reviews


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
