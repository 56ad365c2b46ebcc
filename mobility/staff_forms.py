"""The staff application form: the student form's drafts, hosts, documents and checks, with the staff's own fields.

No date of birth, study, GPA or photo: a member of staff tells their position, department, degree,
years of service, language certificate and publications; the call's required documents (a CV among
them) are asked for as on the student form.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_office.models import Department

from .decision_forms import DecisionForm
from .forms import ApplicationForm
from .models import StaffApplication
from .models.staff_applications import MAX_YEARS_OF_SERVICE
from .services import STAFF_DRAFT_FIELDS, STAFF_FIELDS, STAFF_PART_REQUIRED, STAFF_REQUIRED, staff_part_of


class StaffApplicationForm(ApplicationForm):
    """Everything a staff call asks of a member of staff; ``staff_initial`` fills a new one from their profile."""

    required_for_submission = (*STAFF_REQUIRED, *STAFF_PART_REQUIRED)
    asks_photo = False

    class Meta(ApplicationForm.Meta):
        fields = STAFF_DRAFT_FIELDS
        help_texts = {
            **ApplicationForm.Meta.help_texts,
            "motivation_letter": _("Why this programme, what you will do there and what your department gains."),
        }

    def __init__(self, *args, staff_initial=None, **kwargs):
        self.staff_initial = staff_initial or {}
        super().__init__(*args, **kwargs)

    def add_own_fields(self):
        part = staff_part_of(self.instance) if self.instance.pk else None
        own = forms.fields_for_model(StaffApplication, fields=STAFF_FIELDS)
        for name, field in own.items():
            field.required = False
            if part is not None and part.pk is not None:
                value = getattr(part, f"{name}_id" if name == "department" else name)
            else:
                value = self.staff_initial.get(name)
                value = getattr(value, "pk", value)
            field.initial = value
            self.fields[name] = field
        departments = Department.objects.select_related("faculty").order_by("name")
        self.fields["department"].queryset = departments
        self.fields["department"].label = pgettext_lazy("of a member of staff", "Department")
        self.fields["department"].empty_label = _("Choose your department")
        self.fields["department"].help_text = _("Its head is asked to endorse your application.")
        self.fields["years_of_service"].validators += [MaxValueValidator(MAX_YEARS_OF_SERVICE)]
        self.fields["years_of_service"].widget.attrs.update(min=0, max=MAX_YEARS_OF_SERVICE)
        self.fields["publications"].widget.attrs["rows"] = 5

    def draft_data(self):
        data = super().draft_data()
        data["staff"] = {name: self.cleaned_data.get(name) for name in STAFF_FIELDS}
        return data

    def _helper(self):
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        fieldset_class = "application-fieldset border-bottom pb-3 mb-4"
        helper.layout = Layout(
            Fieldset(
                _("Personal data"),
                Row(Column("first_name", css_class="col-md-6"), Column("last_name", css_class="col-md-6")),
                Row(Column("phone", css_class="col-md-6")),
                css_class=fieldset_class,
            ),
            Fieldset(
                _("Work"),
                Row(Column("position", css_class="col-md-6"), Column("department", css_class="col-md-6")),
                Row(
                    Column("academic_degree", css_class="col-md-8"),
                    Column("years_of_service", css_class="col-md-4"),
                ),
                "publications",
                css_class=fieldset_class,
            ),
            Fieldset(
                _("Language"),
                Row(
                    Column("language_certificate", css_class="col-md-6"),
                    Column("language_score", css_class="col-md-6"),
                ),
                css_class=fieldset_class,
            ),
            Fieldset(_("Motivation"), "motivation_letter", css_class=fieldset_class),
            Fieldset(_("Host institutions, in order of preference"), *self.host_fields, css_class=fieldset_class),
            Fieldset(_("Documents"), *self.document_types, css_class="application-fieldset mb-2"),
        )
        return helper


def application_form_class(call):
    """The form a call is applied to with: the staff form for a staff call, else the student form."""
    return StaffApplicationForm if call.for_staff else ApplicationForm


class EndorsementForm(DecisionForm):
    """The head's answer: endorse, or decline with the reason the applicant will read."""

    ENDORSE, DECLINE = "endorse", "decline"

    choices = [(ENDORSE, _("Endorse the application")), (DECLINE, _("Decline the application"))]
    comment_help = _("Required when you decline: the applicant reads it.")
    reason_missing = _("Say why you decline; the applicant is told.")
