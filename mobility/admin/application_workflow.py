"""The application workflow in the admin: the buttons on an application's page and the bulk actions.

Both only call ``mobility.services``, which decide what may move where, count the places and
give them best score first; here is what the office sees and presses, and what it is told.
Accepting and rejecting in bulk cannot be undone (both are final, and the students hear of it
by e-mail at once), so those two actions first show the applications they would decide about,
as Django's bulk delete does, and act only on a second POST carrying ``confirm=yes``.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url
from intl_office.dates import today
from intl_office.validators import NoControlCharacters

from .. import services
from ..models import Application

Status = Application.Status

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

CONFIRMATION_TEMPLATE = "admin/mobility/application/bulk_decision_confirmation.html"


def bulk_decision_texts(to_status, count):
    """The confirmation page's question and what follows the answer, for a bulk accept or reject."""
    if to_status == Status.ACCEPTED:
        question = ngettext("Accept %(count)d application?", "Accept %(count)d applications?", count)
        consequence = gettext(
            "The places of each call go to the best average score first. Each accepted student gets a mobility "
            "and is told by e-mail; an acceptance cannot be undone. Applications that cannot be accepted are "
            "left as they are and named afterwards."
        )
    else:
        question = ngettext("Reject %(count)d application?", "Reject %(count)d applications?", count)
        consequence = gettext(
            "Each student is told by e-mail; a rejection cannot be undone. Applications that cannot be "
            "rejected from their present status are left as they are and named afterwards."
        )
    return question % {"count": count}, consequence


def status_changed_message(to_status):
    """The entry in Django's History of the record (the status history itself is ApplicationEvent)."""
    return gettext("Status changed to “%(status)s”.") % {"status": Status(to_status).label}


class TransitionForm(forms.Form):
    """One press of a workflow button: the new status, a note for the history and, to accept, the host."""

    to_status = forms.ChoiceField(
        label=_("new status"), choices=[(status.value, status.label) for status in services.STAFF_TARGETS]
    )
    note = forms.CharField(
        label=_("note for the history"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text=_("Kept in the status history for the office; the student does not see it."),
        # The service writes the history entry without full_clean, so the form checks it.
        validators=[NoControlCharacters(multiline=True)],
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


class ApplicationWorkflowAdmin:
    """The workflow of ``ApplicationAdmin``: a transition URL and view, the workflow box and the bulk actions.

    Expects the admin's ``status_badge``, ``mobility_link`` and ``review_summary`` columns.
    """

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
        targets = services.application_staff_targets(application) if can_move else []
        action = admin_url(self.opts, "transition", application.pk)
        return {
            "status": self.status_badge(application),
            "buttons": [(status.value, *TRANSITION_BUTTONS[status]) for status in targets],
            "form": TransitionForm(application=application) if targets else None,
            "can_accept": Status.ACCEPTED in targets,
            "final": application.is_final,
            "action": add_preserved_filters(
                {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}, action
            ),
            "accepted": services.call_places_taken(application.call),
            "places": application.call.places,
            "mobility_link": self.mobility_link(application),
            "review_summary": self.review_summary(application),
            "steps": self.selection_steps(request, application),
            "decisions_open": application.call.decisions_allowed_on(today()),
            "deadline": application.call.deadline,
            "closed_early": application.call.is_closed_early,
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
        outcome = services.application_transition_each(applications=queryset, to_status=to_status, actor=request.user)
        for application in outcome.moved:
            self.log_change(request, application, status_changed_message(to_status))
        label = Status(to_status).label
        moved = len(outcome.moved)
        refused = {reason: [application.full_name for application in held] for reason, held in outcome.refused.items()}
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

    def _decide_after_confirmation(self, request, queryset, to_status, action):
        """Move the applications once the office has seen them and said yes; until then, show them."""
        if request.POST.get("confirm") == "yes":
            self._move_each(request, queryset, to_status)
            return None
        applications = list(queryset)
        question, consequence = bulk_decision_texts(to_status, len(applications))
        context = {
            **self.admin_site.each_context(request),
            "title": question,
            "consequence": consequence,
            "opts": self.opts,
            "applications": applications,
            "count": len(applications),
            "action": action,
            "confirm_label": TRANSITION_BUTTONS[to_status][0],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, CONFIRMATION_TEMPLATE, context)

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        return self._decide_after_confirmation(request, queryset, Status.REJECTED, "reject")

    @admin.action(
        description=_("Accept the selected applications (best average score first, up to the call's places)"),
        permissions=["change"],
    )
    def accept(self, request, queryset):
        return self._decide_after_confirmation(request, queryset, Status.ACCEPTED, "accept")
