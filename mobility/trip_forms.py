"""Forms of a business trip: the traveller's request, a holder's decision, the rector's order, the trip report."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from intl_office.uploads import check_pdf, looks_like_pdf, read_upload
from intl_office.validators import NoControlCharacters
from partners.models import Institution
from programs.models import GrantProgram

from .decision_forms import DecisionForm
from .models import Funding, TripRequest
from .services.trips import DRAFT_FIELDS

PDF_ACCEPT = ".pdf,application/pdf"
DATE_INPUT = {"type": "date"}


def checked_pdf(upload):
    """``upload`` if it is a PDF that passes ``intl_office.uploads``; a ``ValidationError`` otherwise."""
    content = read_upload(upload)
    if not looks_like_pdf(content):
        raise ValidationError(_("The file must be a PDF. Its content is not, whatever its name says."), code="not_pdf")
    check_pdf(content)
    return upload


class TripRequestForm(forms.ModelForm):
    """The traveller's request: the host from the directory or typed by name with its country."""

    SAVE, SUBMIT = "save", "submit"

    invitation_upload = forms.FileField(
        label=_("Invitation letter"),
        required=False,
        help_text=_("A PDF from the host institution."),
        widget=forms.FileInput(attrs={"accept": PDF_ACCEPT}),
    )

    class Meta:
        model = TripRequest
        fields = DRAFT_FIELDS
        widgets = {
            "start_date": forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"institution_name": _("Institution not in the directory")}
        help_texts = {
            "institution": _("Choose the host from the partners' directory."),
            "institution_name": _("Only when the host is not in the directory: its name, and choose its country."),
            "description": _("What you will do there, whom you will meet, what the university gains."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.public().order_by("name")
        # Chosen from the directory, the host brings its country; typed by name, the country is asked for in clean().
        self.fields["country"].required = False
        self.fields["program"].queryset = GrantProgram.objects.order_by("name")
        self.fields["program"].help_text = _("Only when a grant programme pays.")
        for name in ("city", "institution_name", "description"):
            self.fields[name].validators.append(NoControlCharacters(multiline=name == "description"))

    def clean_invitation_upload(self):
        upload = self.cleaned_data.get("invitation_upload")
        return checked_pdf(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        institution, name = cleaned.get("institution"), cleaned.get("institution_name")
        if institution is None:
            if not name:
                self.add_error("institution_name", _("Choose the host from the directory or type its name."))
            if not cleaned.get("country"):
                self.add_error("country", _("Choose the country of the host institution."))
        else:
            cleaned["country"] = institution.country
            cleaned["institution_name"] = ""
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The return cannot be before the departure."))
        if cleaned.get("funding") == Funding.GRANT and not cleaned.get("program"):
            self.add_error("program", _("Choose the grant programme that pays."))
        return cleaned

    def _post_clean(self):
        # The instance is saved by the service; the model's own checks run there (full_clean).
        pass

    def values(self):
        return {name: self.cleaned_data.get(name) for name in DRAFT_FIELDS}


class TripDecisionForm(DecisionForm):
    """A step holder's answer on a trip: approve, or refuse with the reason the traveller receives."""

    APPROVE, REFUSE = "approve", "refuse"

    choices = [(APPROVE, _("Approve")), (REFUSE, _("Refuse"))]
    comment_help = _("Required when you refuse: the traveller receives it.")
    reason_missing = _("Give the reason for the refusal.")


class RectorOrderForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=60, validators=[NoControlCharacters()])
    date = forms.DateField(label=_("Order date"), widget=forms.DateInput(attrs=DATE_INPUT))
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[NoControlCharacters(multiline=True)],
    )


class MultiplePdfInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePdfInput(attrs={"accept": PDF_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [checked_pdf(super(MultiplePdfField, self).clean(upload, initial)) for upload in uploads]


class TripReportForm(forms.Form):
    done = forms.CharField(
        label=_("What was done"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[NoControlCharacters(multiline=True)],
    )
    agreements = forms.CharField(
        label=_("Agreements reached"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[NoControlCharacters(multiline=True)],
    )
    contacts = forms.CharField(
        label=_("Contacts met"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[NoControlCharacters(multiline=True)],
        help_text=_("Names, positions and institutions of the people you met."),
    )
    files = MultiplePdfField(
        label=_("Files"), required=False, help_text=_("PDFs: certificates, the programme, minutes; up to five.")
    )
