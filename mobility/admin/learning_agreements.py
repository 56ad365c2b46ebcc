"""Learning agreements in the admin: read every version, and answer for the faculty.

The rows are ``LearningAgreement.objects.visible_to(user)``: a faculty coordinator sees and
answers only their own faculty's agreements; any other reads as a missing record. Nothing here
edits an agreement: the student writes it, and the answer box posts to ``answer_view``, which
calls ``mobility.services.learning_agreement_decide``. Versions, approvals and history are
never deleted.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import (
    DANGER,
    MUTED,
    SUCCESS,
    WARNING,
    AdminExtraMedia,
    ReadOnlyInline,
    admin_url,
    choice_badge,
)
from intl_office.admin_input import CheckedInput

from .. import services
from ..learning_agreement_emails import host_link_url
from ..learning_agreement_forms import AnswerForm
from ..models import LearningAgreement, LearningAgreementApproval, LearningAgreementEvent, LearningAgreementVersion

State = LearningAgreementVersion.State
Party = LearningAgreementApproval.Party

STATE_TONES = {State.DRAFT: MUTED, State.SUBMITTED: WARNING, State.APPROVED: SUCCESS, State.RETURNED: DANGER}


class WaitingFilter(admin.SimpleListFilter):
    """Agreements whose submitted version waits for one party's answer."""

    title = _("waiting for")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return Party.choices

    def queryset(self, request, queryset):
        if self.value() in Party.values:
            return queryset.waiting_for(self.value())
        return queryset


class LearningAgreementEventInline(ReadOnlyInline):
    model = LearningAgreementEvent
    fields = ("created_at", "version", "from_state", "to_state", "actor_name", "note")
    readonly_fields = fields
    verbose_name = _("step")
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("version")


@admin.register(LearningAgreement)
class LearningAgreementAdmin(CheckedInput, AdminExtraMedia, admin.ModelAdmin):
    """Where the faculty answers learning agreements; the office reads them and copies the host's link."""

    list_display = ("student", "host", "faculty", "latest_state", "answers")
    list_filter = (WaitingFilter, ("mobility__faculty", admin.RelatedOnlyFieldListFilter))
    search_fields = ("mobility__participant_name", "mobility__partner__name")
    fields = ("mobility",)
    readonly_fields = ("mobility",)
    inlines = [LearningAgreementEventInline]
    change_form_template = "admin/mobility/learningagreement/change_form.html"
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).with_versions()

    def has_add_permission(self, request):
        return False  # the student starts it

    def has_change_permission(self, request, obj=None):
        return False  # nothing is typed in; the answer box calls the services

    def has_delete_permission(self, request, obj=None):
        return False  # every version and approval stays readable

    @admin.display(description=_("student"), ordering="mobility__participant_name")
    def student(self, obj):
        return obj.mobility.participant_name

    @admin.display(description=_("host"), ordering="mobility__partner__name")
    def host(self, obj):
        return obj.mobility.partner.name

    @admin.display(description=_("faculty"))
    def faculty(self, obj):
        return obj.mobility.faculty or "—"

    @admin.display(description=_("latest version"))
    def latest_state(self, obj):
        version = obj.latest_version
        if version is None:
            return "—"
        return format_html("{} {}", version.number, choice_badge(version.state, State, STATE_TONES))

    @admin.display(description=_("answers"))
    def answers(self, obj):
        version = obj.latest_version
        if version is None:
            return "—"
        given = [
            f"{approval.get_party_display()}: {approval.get_decision_display()}" for approval in version.approvals.all()
        ]
        return "; ".join(given) or "—"

    # --- the answer box --------------------------------------------------------------------------

    def get_urls(self):
        answer = path(
            "<path:object_id>/answer/",
            self.admin_site.admin_view(self.answer_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_answer",
        )
        return [answer, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        agreement = self.get_object(request, unquote(object_id)) if object_id else None
        if agreement is not None:
            extra_context["learning_agreement"] = self._box(request, agreement)
        return super().change_view(request, object_id, form_url, extra_context)

    def _box(self, request, agreement):
        latest = agreement.latest_version
        waiting = latest is not None and latest.is_submitted and latest.faculty_answer is None
        may_answer = waiting and services.may_answer_for_faculty(request.user, agreement)
        host_waiting = latest is not None and latest.is_submitted and latest.host_answer is None
        versions = [
            (
                version,
                reverse("mobility:staff-learning-agreement-pdf", kwargs={"pk": agreement.pk, "number": version.number})
                if version.is_approved
                else "",
            )
            for version in agreement.versions.all()
            if not version.is_draft
        ]
        return {
            "latest": latest,
            "versions": versions,
            "form": AnswerForm() if may_answer else None,
            "action": admin_url(self.opts, "answer", agreement.pk),
            # The link answers for the host: only the office, which may send it on, sees it.
            "host_link": host_link_url(latest)
            if host_waiting and request.user.has_perm("mobility.change_learningagreement")
            else "",
        }

    def answer_view(self, request, object_id):
        """The faculty's answer on the submitted version; refused for another faculty's coordinator."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        agreement = self.get_object(request, unquote(object_id))
        if agreement is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not services.may_answer_for_faculty(request.user, agreement):
            raise PermissionDenied
        change_url = admin_url(self.opts, "change", agreement.pk)
        form = AnswerForm(request.POST)
        latest = agreement.latest_version
        if not form.is_valid() or latest is None:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(change_url)
        try:
            services.learning_agreement_decide(
                version=latest,
                party=Party.FACULTY,
                decision=form.cleaned_data["decision"],
                actor=request.user,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, gettext("Your answer has been recorded; the student is told by e-mail."))
        return redirect(change_url)
