"""The forms of the learning agreement: the student's rows, and each coordinator's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intl_office.validators import NoControlCharacters

from .decision_forms import DecisionForm
from .models import LearningAgreementApproval, LearningAgreementRow
from .services.learning_agreements import MAX_ROWS, ROW_FIELDS

Decision = LearningAgreementApproval.Decision


class LearningAgreementRowForm(forms.ModelForm):
    """One course at the host and the home course it replaces; a row left empty is ignored."""

    class Meta:
        model = LearningAgreementRow
        fields = ROW_FIELDS
        widgets = {
            "host_credits": forms.NumberInput(attrs={"min": "0.5", "step": "0.5", "inputmode": "decimal"}),
            "home_credits": forms.NumberInput(attrs={"min": "0.5", "step": "0.5", "inputmode": "decimal"}),
        }
        labels = {
            "host_code": _("Code"),
            "host_title": _("Course at the host"),
            "host_credits": _("ECTS"),
            "home_code": _("Home code"),
            "home_title": _("Home course it replaces"),
            "home_credits": _("Home credits"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = "form-select form-select-sm" if name == "semester" else "form-control form-control-sm"
            if name != "DELETE":
                field.widget.attrs["class"] = css

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["class"] += " is-invalid"

    def clean(self):
        cleaned = super().clean()
        home = [cleaned.get("home_code"), cleaned.get("home_title"), cleaned.get("home_credits")]
        if any(home) and not cleaned.get("home_title"):
            self.add_error("home_title", _("Name the home course, or leave all three home fields empty."))
        return cleaned

    def row_data(self):
        return {name: self.cleaned_data.get(name) for name in ROW_FIELDS}


class BaseRowFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        if len(self._kept()) > MAX_ROWS:
            raise forms.ValidationError(
                _("A learning agreement has at most %(max)s courses."), params={"max": MAX_ROWS}, code="too_many"
            )

    def _kept(self):
        """The draft's rows not marked for removal, and the new rows filled in."""
        initial = self.initial_form_count()
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < initial or form.has_changed()) and not self._should_delete_form(form)
        ]

    def rows(self):
        """The rows to keep, in the order shown."""
        return [form.row_data() for form in self._kept()]


def row_formset(*, data=None, queryset=None, extra=2):
    formset_class = forms.modelformset_factory(
        LearningAgreementRow,
        form=LearningAgreementRowForm,
        formset=BaseRowFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS + 10,
    )
    return formset_class(
        data=data, queryset=queryset if queryset is not None else LearningAgreementRow.objects.none(), prefix="rows"
    )


class DraftCommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What changed in this version"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        validators=[NoControlCharacters(multiline=True)],
        help_text=_("Optional: a note for both coordinators, for example why a course was replaced."),
    )


class AnswerForm(DecisionForm):
    """A coordinator's answer on one version: approve, or send back with a comment."""

    decision_label = _("Your answer")
    choices = [(Decision.APPROVE, _("Approve this version")), (Decision.RETURN, _("Send it back to the student"))]
    comment_rows = 3
    comment_help = _("Required when you send it back: say what should change.")
    reason_missing = _("Say what should change when you send it back.")


class HostAnswerForm(AnswerForm):
    """The host's answer through the signed link: who answers, since they have no account."""

    name = forms.CharField(label=_("Your name"), max_length=200, validators=[NoControlCharacters()])
    position = forms.CharField(
        label=_("Your position"), max_length=200, required=False, validators=[NoControlCharacters()]
    )

    field_order = ["decision", "name", "position", "comment"]
