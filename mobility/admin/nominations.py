"""Nominations in the admin: nominate from the mobility list or page, read rounds, record the host's answer.

Only Office staff nominate and record answers (``services.may_nominate``); every button and
action calls ``mobility.services.nominate`` or ``nomination_answer``. The nominations list is
``Nomination.objects.visible_to(user)``: a faculty coordinator reads only their own faculty's.
Rounds, letters and history are never edited or deleted here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import AdminExtraMedia, ReadOnlyInline, admin_url, period
from intl_office.admin_input import CheckedInput
from intl_office.uploads import validate_pdf
from intl_office.validators import NoControlCharacters

from .. import services
from ..models import Nomination, NominationEvent, NominationRound, NominationState, mobilities_to_nominate

State = NominationState
NOT_NOMINATED = "none"
STEP_TEMPLATE = "admin/mobility/application/step.html"  # the office's steps share one page


class NominationFilter(admin.SimpleListFilter):
    """Mobilities by where their nomination stands; "not nominated" lists places taken still to send."""

    title = _("nomination")
    parameter_name = "nomination"

    def lookups(self, request, model_admin):
        return [(NOT_NOMINATED, _("Not nominated")), *State.choices]

    def queryset(self, request, queryset):
        if self.value() == NOT_NOMINATED:
            return mobilities_to_nominate(queryset)
        if self.value() in State.values:
            return queryset.filter(nomination__state=self.value())
        return queryset


# --- forms --------------------------------------------------------------------------------------


class SendForm(forms.Form):
    contact = forms.ModelChoiceField(
        label=_("Host contact"),
        queryset=None,
        required=False,
        help_text=_("Left empty: the host's main contact, unless you type an address below."),
    )
    email = forms.EmailField(label=_("Or another address"), required=False, max_length=254)

    def __init__(self, mobility, data=None):
        super().__init__(data)
        self.fields["contact"].queryset = mobility.partner.contacts.exclude(email="").order_by(
            "-is_primary", "full_name"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") and cleaned.get("email"):
            raise ValidationError(_("Choose a contact or type an address, not both."))
        return cleaned


class StaffAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("The host's answer"), choices=[(s.value, s.label) for s in services.nominations.ANSWERS]
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        validators=[NoControlCharacters(multiline=True)],
        help_text=_("Required when the host asks for something or refuses."),
    )
    letter = forms.FileField(label=_("The host's letter (PDF)"), required=False, validators=[validate_pdf])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") and cleaned["answer"] != State.ACCEPTED and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what is needed, or why, in a comment."))
        return cleaned


# --- the mobility admin's part --------------------------------------------------------------------


def _report(request, outcomes):
    sent = [outcome for outcome in outcomes if outcome.round is not None]
    if sent:
        messages.success(
            request,
            gettext("Nominated to the host: %(names)s.")
            % {"names": ", ".join(o.mobility.participant_name for o in sent)},
        )
    for outcome in outcomes:
        if outcome.error:
            messages.error(request, f"{outcome.mobility.participant_name}: {outcome.error}")


class MobilityNominations:
    """Mixed into ``MobilityAdmin``: the nomination filter, action, button and summary."""

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), NominationFilter)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return (*fieldsets, (_("Nomination"), {"fields": ("nomination_summary",)}))

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "nomination_summary")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if services.may_nominate(request.user):
            action = MobilityNominations.nominate_selected
            actions["nominate_selected"] = (action, "nominate_selected", action.short_description)
        return actions

    @admin.action(description=_("Nominate to the host (main contact)"))
    def nominate_selected(self, request, queryset):
        if not services.may_nominate(request.user):
            raise PermissionDenied
        _report(request, services.nominate(mobilities=list(queryset.select_related("partner")), actor=request.user))

    @admin.display(description=_("nomination"))
    def nomination_summary(self, obj):
        nomination = Nomination.objects.filter(mobility=obj).first()
        if nomination is None:
            return gettext("Not nominated")
        link = reverse("admin:mobility_nomination_change", args=[nomination.pk])
        return format_html('<a href="{}">{}</a>', link, nomination.get_state_display())

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        mobility = self.get_object(request, unquote(object_id)) if object_id else None
        if (
            mobility is not None
            and services.may_nominate(request.user)
            and mobilities_to_nominate().filter(pk=mobility.pk).exists()
        ):
            extra_context["nominate_url"] = admin_url(self.opts, "nominate", mobility.pk)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        nominate = path(
            "<path:object_id>/nominate/",
            self.admin_site.admin_view(self.nominate_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_nominate",
        )
        return [nominate, *super().get_urls()]

    def nominate_view(self, request, object_id):
        mobility = self.get_object(request, unquote(object_id))
        if mobility is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not services.may_nominate(request.user):
            raise PermissionDenied
        return _send_step(self, request, mobility, admin_url(self.opts, "change", mobility.pk))


def _send_step(model_admin, request, mobility, back_url):
    form = SendForm(mobility, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            outcomes = services.nominate(
                mobilities=[mobility],
                actor=request.user,
                contact=form.cleaned_data["contact"],
                email=form.cleaned_data["email"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            if outcomes[0].round is not None:
                _report(request, outcomes)
                return redirect(back_url)
            form.add_error(None, outcomes[0].error)
    return _step(
        model_admin,
        request,
        mobility,
        form,
        title=gettext("Nominate to the host"),
        intro=gettext(
            "The host's contact gets an e-mail in English with the nomination sheet (PDF, XLSX) and a link to answer."
        ),
        submit=gettext("Send the nomination"),
        back_url=back_url,
    )


def _step(model_admin, request, obj, form, *, title, intro, submit, back_url):
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": str(obj),
        "intro": intro,
        "submit": submit,
        "opts": model_admin.opts,
        "original": obj,
        "form": form,
        "change_url": back_url,
        "media": model_admin.media + form.media,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, STEP_TEMPLATE, context)


# --- the nominations list -------------------------------------------------------------------------


class NominationRoundInline(ReadOnlyInline):
    model = NominationRound
    fields = (
        "number",
        "state",
        "email",
        "sent_at",
        "sent_by",
        "answered_at",
        "answered_by_name",
        "comment",
        "letter_link",
    )
    readonly_fields = fields
    verbose_name = _("round")
    verbose_name_plural = _("rounds")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("sent_by")

    @admin.display(description=_("the host's letter"))
    def letter_link(self, obj):
        if not obj.letter:
            return "—"
        url = reverse("mobility:staff-nomination-letter", kwargs={"pk": obj.nomination_id, "number": obj.number})
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))


class NominationEventInline(ReadOnlyInline):
    model = NominationEvent
    fields = ("created_at", "round", "from_state", "to_state", "actor_name", "note")
    readonly_fields = fields
    verbose_name = _("step")
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("round")


@admin.register(Nomination)
class NominationAdmin(CheckedInput, AdminExtraMedia, admin.ModelAdmin):
    list_display = ("student", "host", "faculty", "dates", "state", "last_sent")
    list_filter = ("state", ("mobility__faculty", admin.RelatedOnlyFieldListFilter))
    search_fields = ("mobility__participant_name", "mobility__partner__name")
    fields = ("mobility", "state", "created_at")
    readonly_fields = fields
    inlines = [NominationRoundInline, NominationEventInline]
    change_form_template = "admin/mobility/nomination/change_form.html"
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user).with_rounds()

    def has_add_permission(self, request):
        return False  # nominated from the mobility

    def has_change_permission(self, request, obj=None):
        return False  # the buttons call the services

    def has_delete_permission(self, request, obj=None):
        return False  # rounds, answers and history stay readable

    @admin.display(description=_("student"), ordering="mobility__participant_name")
    def student(self, obj):
        return obj.mobility.participant_name

    @admin.display(description=_("host"), ordering="mobility__partner__name")
    def host(self, obj):
        return obj.mobility.partner.name

    @admin.display(description=_("faculty"))
    def faculty(self, obj):
        return obj.mobility.faculty or "—"

    @admin.display(description=_("dates"))
    def dates(self, obj):
        return period(obj.mobility.start_date, obj.mobility.end_date)

    @admin.display(description=_("last sent"))
    def last_sent(self, obj):
        latest = obj.latest_round
        return format_html_join("", "{} ({})", [(latest.sent_at.date(), latest.email)]) if latest else "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        nomination = self.get_object(request, unquote(object_id)) if object_id else None
        if nomination is not None and services.may_nominate(request.user):
            if nomination.waiting:
                extra_context["answer_url"] = admin_url(self.opts, "answer", nomination.pk)
            if nomination.may_send_again:
                extra_context["send_url"] = admin_url(self.opts, "send", nomination.pk)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/answer/", self.admin_site.admin_view(self.answer_view), name=f"{name}_answer"),
            path("<path:object_id>/send/", self.admin_site.admin_view(self.send_view), name=f"{name}_send"),
            *super().get_urls(),
        ]

    def _allowed(self, request, object_id):
        nomination = self.get_object(request, unquote(object_id))
        if nomination is not None and not services.may_nominate(request.user):
            raise PermissionDenied
        return nomination

    def send_view(self, request, object_id):
        """Send again after the host asked for more information: a new round with a new link."""
        nomination = self._allowed(request, object_id)
        if nomination is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return _send_step(self, request, nomination.mobility, admin_url(self.opts, "change", nomination.pk))

    def answer_view(self, request, object_id):
        """Record the answer the host gave by letter or e-mail, on the round that waits."""
        nomination = self._allowed(request, object_id)
        if nomination is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        back_url = admin_url(self.opts, "change", nomination.pk)
        if not nomination.waiting:
            messages.error(request, gettext("This nomination has already been answered."))
            return redirect(back_url)
        posted = request.method == "POST"
        form = StaffAnswerForm(request.POST if posted else None, request.FILES if posted else None)
        if posted and form.is_valid():
            try:
                services.nomination_answer(
                    round_=nomination.latest_round,
                    state=form.cleaned_data["answer"],
                    actor=request.user,
                    comment=form.cleaned_data["comment"],
                    letter=form.cleaned_data["letter"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request, gettext("The host's answer has been recorded; the student is told by e-mail.")
                )
                return redirect(back_url)
        return _step(
            self,
            request,
            nomination,
            form,
            title=gettext("Record the host's answer"),
            intro=gettext("For an answer the host gave by letter or e-mail rather than through its link."),
            submit=gettext("Record the answer"),
            back_url=back_url,
        )
