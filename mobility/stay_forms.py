"""Forms of the stay: a confirmed day (the host's or the office's), a transcript, the recognised courses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intl_office.validators import NoControlCharacters

from .services.stays import MAX_RECOGNITION_ROWS, RECOGNITION_FIELDS

CREDIT_INPUT = {"min": "0", "step": "0.5", "inputmode": "decimal"}


class TranscriptForm(forms.Form):
    transcript = forms.FileField(label=_("Transcript of records"), help_text=_("A PDF from the host, as issued."))


class ConfirmDayForm(forms.Form):
    """The real day of an arrival or a departure, as the office confirms it."""

    on = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))


class HostConfirmForm(ConfirmDayForm):
    """The host confirms through the signed link: who answers, since they have no account."""

    name = forms.CharField(label=_("Your name"), max_length=200, validators=[NoControlCharacters()])
    position = forms.CharField(
        label=_("Your position"), max_length=200, required=False, validators=[NoControlCharacters()]
    )

    def __init__(self, *args, departure=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].label = _("Day of departure") if departure else _("Day of arrival")
        if departure:
            self.fields["transcript"] = forms.FileField(
                label=_("Transcript of records"),
                required=False,
                help_text=_("Optional: a PDF. You can also send it to the office later."),
            )


class RecognitionRowForm(forms.Form):
    """One course: what was earned at the host and what the home faculty recognises for it."""

    agreement_row = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    host_code = forms.CharField(label=_("Code"), max_length=40, required=False, validators=[NoControlCharacters()])
    host_title = forms.CharField(
        label=_("Course at the host"), max_length=200, required=False, validators=[NoControlCharacters()]
    )
    credits_earned = forms.DecimalField(
        label=_("Credits earned"),
        required=False,
        min_value=0,
        max_value=999,
        decimal_places=1,
        widget=forms.NumberInput(attrs=CREDIT_INPUT),
    )
    grade = forms.CharField(label=_("Grade"), max_length=20, required=False, validators=[NoControlCharacters()])
    home_code = forms.CharField(label=_("Home code"), max_length=40, required=False, validators=[NoControlCharacters()])
    home_title = forms.CharField(
        label=_("Home course"), max_length=200, required=False, validators=[NoControlCharacters()]
    )
    credits_recognised = forms.DecimalField(
        label=_("Credits recognised"),
        required=False,
        min_value=0,
        max_value=999,
        decimal_places=1,
        widget=forms.NumberInput(attrs=CREDIT_INPUT),
    )

    def clean(self):
        cleaned = super().clean()
        filled = any(cleaned.get(name) not in (None, "") for name in RECOGNITION_FIELDS)
        if filled:
            for name in ("host_title", "credits_earned", "credits_recognised"):
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, _("This field is required."))
        return cleaned

    def row_data(self):
        if not any(self.cleaned_data.get(name) not in (None, "") for name in RECOGNITION_FIELDS):
            return None
        data = {name: self.cleaned_data.get(name) for name in RECOGNITION_FIELDS}
        return {"agreement_row": self.cleaned_data.get("agreement_row"), **data}


class BaseRecognitionFormSet(forms.BaseFormSet):
    def rows(self):
        return [row for row in (form.row_data() for form in self.forms) if row is not None]


RecognitionFormSet = forms.formset_factory(
    RecognitionRowForm,
    formset=BaseRecognitionFormSet,
    extra=2,
    max_num=MAX_RECOGNITION_ROWS,
    absolute_max=MAX_RECOGNITION_ROWS,
    validate_max=True,
)
