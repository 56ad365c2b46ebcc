"""The forms of the office's steps on one application that need a reason: correct, reopen, archive."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url
from intl_office.models import Faculty
from intl_office.roles import is_faculty_coordinator
from intl_office.validators import NoControlCharacters

from .. import services
from ..models import Application
from ..services.selection import REASON_MAX_LENGTH


def reason_field(help_text):
    return forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=help_text,
        validators=[NoControlCharacters(multiline=True)],
    )


STEP_TEMPLATE = "admin/mobility/application/step.html"


class ServiceStep:
    """A page of its own in a model admin for one service call with a form: correct, reopen, close early...

    ``allowed(user, obj)`` guards it, ``form(obj, data)`` builds the form, ``run(obj, form)`` calls the
    service; a ``ValidationError`` it raises is shown on the form, success goes back to the change page
    with ``done`` as the message and in the admin's history.
    """

    def service_step(self, request, object_id, *, allowed, form, run, title, intro, submit, done):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not allowed(request.user, obj):
            raise PermissionDenied
        bound = form(obj, request.POST if request.method == "POST" else None)
        if request.method == "POST" and bound.is_valid():
            try:
                run(obj, bound)
            except ValidationError as error:
                bound.add_service_errors(error)
            else:
                self.log_change(request, obj, done)
                messages.success(request, done)
                return redirect(admin_url(self.opts, "change", obj.pk))
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(obj),
            "intro": intro,
            "submit": submit,
            "opts": self.opts,
            "original": obj,
            "form": bound,
            "change_url": admin_url(self.opts, "change", obj.pk),
            "has_view_permission": self.has_view_permission(request, obj),
            "media": self.media + bound.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, STEP_TEMPLATE, context)


class ServiceErrors:
    def add_service_errors(self, error):
        """Put a service's ValidationError by the fields it names; the rest above the form."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for field, field_messages in by_field.items():
            self.add_error(field if field in self.fields else None, field_messages)


class ReasonForm(ServiceErrors, forms.Form):
    reason = reason_field(_("Kept in the history."))


class ReopenForm(ReasonForm):
    reason = reason_field(_("Kept in the history. The student is told by e-mail that the decision is reopened."))


class ArchiveForm(ReasonForm):
    reason = reason_field(_("Kept in the history. The application leaves the default lists; nothing is deleted."))


class CorrectionForm(ServiceErrors, forms.ModelForm):
    """The student's data and ranked hosts as they are now; what the office changes is recorded, old and new."""

    reason = reason_field(_("Why the office corrects the student's data; kept in the history with each change."))

    class Meta:
        model = Application
        fields = services.CORRECTABLE_FIELDS
        widgets = {
            "motivation_letter": forms.Textarea(attrs={"rows": 6, "class": "vLargeTextField"}),
            "date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        application = self.instance
        hosts = application.call.hosts.order_by("name")
        current = [p.institution for p in application.preferences.select_related("institution").order_by("rank")]
        for rank in range(1, services.MAX_HOST_PREFERENCES + 1):
            self.fields[f"host_{rank}"] = forms.ModelChoiceField(
                label=_("Host choice %(rank)d") % {"rank": rank},
                queryset=hosts,
                required=rank == 1,
                initial=current[rank - 1].pk if len(current) >= rank else None,
            )
        # The table's check constraints, by their fields rather than above the form.
        self.fields["gpa"].validators += [MinValueValidator(0), MaxValueValidator(5)]
        self.fields["year_of_study"].validators += [MinValueValidator(1), MaxValueValidator(7)]
        if is_faculty_coordinator(user):
            # A coordinator cannot hand the application to another faculty: it would leave their sight.
            self.fields["faculty"].queryset = Faculty.objects.filter(pk=user.faculty_id)
            self.fields["faculty"].required = True
        self.order_fields([*services.CORRECTABLE_FIELDS, *self.host_names, "reason"])

    @property
    def host_names(self):
        return [f"host_{rank}" for rank in range(1, services.MAX_HOST_PREFERENCES + 1)]

    def _post_clean(self):
        # The service validates the row (and records the change); the form must not touch the instance.
        pass

    def corrections(self):
        """``(fields, hosts)`` for ``services.application_correct``."""
        fields = {name: self.cleaned_data[name] for name in services.CORRECTABLE_FIELDS}
        hosts = [self.cleaned_data[name] for name in self.host_names if self.cleaned_data.get(name)]
        return fields, hosts

    def add_service_errors(self, error):
        if hasattr(error, "error_dict") and "hosts" in error.error_dict:
            self.add_error("host_1", error.error_dict.pop("hosts"))
            if not error.error_dict:
                return
        super().add_service_errors(error)
