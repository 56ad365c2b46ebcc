"""The offer on an application's admin page: its state, the "offer" list filter, record a decline, extend.

Both steps are pages of their own with a reason (``ServiceStep``) that call ``mobility.services``
(``offer_decline``, ``offer_extend``); the generic workflow buttons never offer "declined", so a
place is declined only through the service that cancels the mobility and moves the waiting list up.
"""

import datetime

from django import forms
from django.contrib import admin
from django.urls import path
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url
from intl_office.dates import today

from .. import services
from ..models import Application
from .application_steps import ReasonForm, ServiceErrors, ServiceStep, reason_field

Status = Application.Status


class OfferFilter(admin.SimpleListFilter):
    """Accepted applications by the student's answer: waiting, place taken, declined (or expired)."""

    title = _("offer")
    parameter_name = "offer"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for an answer")),
            ("taken", _("Place taken")),
            ("declined", _("Declined or expired")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.offers_waiting()
        if self.value() == "taken":
            return queryset.places_taken()
        if self.value() == "declined":
            return queryset.filter(status=Status.DECLINED)
        return queryset


class DeclineOfferForm(ReasonForm):
    reason = reason_field(_("Kept in the history and sent to the student with the e-mail that tells them."))


class ExtendOfferForm(ServiceErrors, forms.Form):
    until = forms.DateField(
        label=_("New deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The student may answer until the end of this day."),
    )
    reason = reason_field(_("Kept in the history and sent to the student with the new deadline."))


class ApplicationOfferAdmin(ServiceStep):
    """Mixin of ``ApplicationAdmin`` (before the workflow and selection mixins): the offer's state and steps."""

    def get_urls(self):
        steps = [
            path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(getattr(self, f"{name.replace('-', '_')}_view")),
                name=f"{self.opts.app_label}_{self.opts.model_name}_{name.replace('-', '_')}",
            )
            for name in ("decline-offer", "extend-offer")
        ]
        return [*steps, *super().get_urls()]

    def _workflow(self, request, application):
        context = super()._workflow(request, application)
        context["offer"] = self.offer_state(application) if application.offer_deadline else None
        return context

    def selection_steps(self, request, application):
        steps = super().selection_steps(request, application)
        if self._may_answer(request.user, application):
            steps += [
                (admin_url(self.opts, "decline_offer", application.pk), gettext("Record the student's decline")),
                (admin_url(self.opts, "extend_offer", application.pk), gettext("Extend the offer's deadline")),
            ]
        return steps

    def _may_answer(self, user, application):
        return application.offer_pending and not application.is_archived and services.may_answer_for_student(user)

    @admin.display(description=_("offer"))
    def offer_state(self, obj):
        if obj is None or obj.offer_deadline is None:
            return "—"
        deadline = date_format(obj.offer_deadline)
        if obj.offer_pending:
            late = obj.offer_deadline < today()
            text = _("No answer; the deadline was %(date)s") if late else _("Waiting for the answer until %(date)s")
            return text % {"date": deadline}
        answered = date_format(localtime(obj.offer_answered_at)) if obj.offer_answered_at else "—"
        if obj.place_taken:
            return _("Place taken on %(date)s") % {"date": answered}
        if obj.status == Status.DECLINED:
            return _("Declined on %(date)s (deadline %(deadline)s)") % {"date": answered, "deadline": deadline}
        return "—"

    def decline_offer_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=self._may_answer,
            form=lambda application, data: DeclineOfferForm(data),
            run=lambda application, form: services.offer_decline(
                application=application, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            title=_("Record the student's decline"),
            intro=_(
                "For a student who declined in person or by letter. The mobility is cancelled, the student is told "
                "by e-mail and the place is offered at once to the best-ranked application on the waiting list."
            ),
            submit=_("Record the decline"),
            done=gettext("The decline is recorded; the waiting list has moved up if anyone was on it."),
        )

    def extend_offer_view(self, request, object_id):
        def form(application, data):
            initial = {"until": max(application.offer_deadline, today()) + datetime.timedelta(days=3)}
            return ExtendOfferForm(data, initial=initial)

        return self.service_step(
            request,
            object_id,
            allowed=self._may_answer,
            form=form,
            run=lambda application, bound: services.offer_extend(
                application=application,
                actor=request.user,
                until=bound.cleaned_data["until"],
                reason=bound.cleaned_data["reason"],
            ),
            title=_("Extend the offer's deadline"),
            intro=_("The student gets more days to take or decline the place, and an e-mail with the new deadline."),
            submit=_("Extend the deadline"),
            done=gettext("The deadline is extended; the student is told by e-mail."),
        )
