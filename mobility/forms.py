"""The student's application form: one page for personal data, study, language, hosts and documents."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.models import Faculty

from . import uploads
from .models import Application
from .services import DRAFT_FIELDS, MAX_HOST_PREFERENCES, REQUIRED_FOR_SUBMISSION

MIN_BIRTH_YEAR = 1900

HOST_LABELS = {1: _("First choice"), 2: _("Second choice"), 3: _("Third choice")}


class ApplicationForm(forms.ModelForm):
    """Everything a call asks of a student.

    ``call`` decides the host choices (its hosts only) and the document fields (one per
    required document). With ``submitting=True`` the form also demands what submission needs,
    each missing item flagged at its own field. Files are checked here, all of them, before
    the view lets the services store anything.
    """

    SAVE = "save"
    SUBMIT = "submit"
    # What submission needs on the application's own fields, and whether a photo is asked for.
    required_for_submission = REQUIRED_FOR_SUBMISSION
    asks_photo = True

    class Meta:
        model = Application
        fields = DRAFT_FIELDS
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "date_of_birth": forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "year_of_study": forms.NumberInput(attrs={"min": 1, "max": 7}),
            "gpa": forms.NumberInput(attrs={"min": 0, "max": 5, "step": "0.01"}),
            "motivation_letter": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "gpa": _("Your grade point average on a scale from 0 to 5."),
            "language_score": _("As on the certificate, for example 6.5 or B2."),
            "motivation_letter": _("Why this exchange, why these hosts, and what you will bring back."),
            "phone": _("With the country code, for example +998 90 123 45 67."),
        }

    def __init__(self, *args, call, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.submitting = submitting
        self.checked_documents = {}
        self.checked_photo = None

        if "faculty" in self.fields:  # the student form; a staff form asks for its department instead
            self.fields["faculty"].queryset = Faculty.objects.order_by("name")
            self.fields["faculty"].empty_label = _("Choose your faculty")
            # The table's check constraints, repeated here so that the message sits by its field.
            self.fields["year_of_study"].validators += [MinValueValidator(1), MaxValueValidator(7)]
            self.fields["gpa"].validators += [MinValueValidator(0), MaxValueValidator(5)]

        existing = self.instance.pk is not None
        self.uploaded = (
            {document.document_type_id: document for document in self.instance.documents.all()} if existing else {}
        )
        preferences = list(self.instance.preferences.all()) if existing else []

        self.hosts = {host.pk: host for host in call.hosts.order_by("name")}
        choices = [("", _("No choice"))] + [(pk, _host_label(host)) for pk, host in self.hosts.items()]
        self.host_fields = []
        for rank in range(1, min(MAX_HOST_PREFERENCES, len(self.hosts)) + 1):
            name = f"host_{rank}"
            self.fields[name] = forms.TypedChoiceField(
                label=HOST_LABELS[rank],
                choices=choices,
                coerce=int,
                required=False,
                empty_value=None,
                initial=preferences[rank - 1].institution_id if rank <= len(preferences) else None,
            )
            self.host_fields.append(name)

        self.document_types = {}
        for document_type in call.required_documents.all():
            name = f"document_{document_type.pk}"
            self.fields[name] = forms.FileField(
                label=document_type.name,
                required=False,
                widget=forms.FileInput(attrs={"accept": uploads.DOCUMENT_ACCEPT}),
                help_text=self._file_help(
                    document_type.description, self.uploaded.get(document_type.pk), _("PDF, JPEG or PNG")
                ),
            )
            self.document_types[name] = document_type

        if self.asks_photo:
            self.fields["photo"] = forms.FileField(
                label=_("Photo"),
                required=False,
                widget=forms.FileInput(attrs={"accept": uploads.PHOTO_ACCEPT}),
                help_text=self._photo_help(),
            )
        self.add_own_fields()

        # What submission needs is marked from the first view on (an asterisk and the ``required``
        # attribute, which the form's ``novalidate`` keeps from blocking a draft); it is demanded only
        # on submission, by ``full_clean`` below and by the checks of files and hosts in ``clean``.
        self.marked_required = list(self.required_for_submission) + self.host_fields[:1]
        self.marked_required += [name for name, kind in self.document_types.items() if kind.pk not in self.uploaded]
        if self.asks_photo and not self.instance.photo:
            self.marked_required.append("photo")
        for name in self.marked_required:
            self.fields[name].required = True

        self.helper = self._helper()

    def add_own_fields(self):
        """Fields a kind of applicant adds to what every call asks (none for a student)."""

    def full_clean(self):
        """Validate with only what this action demands required; the marks stay for the page."""
        demanded = set(self.required_for_submission) if self.submitting else set()
        for name in self.marked_required:
            self.fields[name].required = name in demanded
        try:
            super().full_clean()
        finally:
            for name in self.marked_required:
                self.fields[name].required = True

    def error_summary(self):
        """Every error of a failed save, as ``(field id or "", label, message)``, for the list atop the form."""
        summary = []
        order = {name: position for position, name in enumerate(["__all__", *self.fields])}
        for name, errors in sorted(self.errors.items(), key=lambda item: order.get(item[0], len(order))):
            field = self[name] if name in self.fields else None
            for message in errors:
                if field is None:
                    summary.append(("", "", message))
                else:
                    summary.append((field.id_for_label, field.label, message))
        return summary

    # --- checks ----------------------------------------------------------------------------

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and not (born.year >= MIN_BIRTH_YEAR and born < today()):
            raise ValidationError(_("Enter your real date of birth."), code="invalid")
        return born

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            self.checked_photo = uploads.check_photo(upload)
        elif self.submitting and not self.instance.photo:
            raise ValidationError(_("Upload your photo."), code="required")
        return upload

    def clean(self):
        cleaned = super().clean()
        for name, document_type in self.document_types.items():
            upload = cleaned.get(name)
            if upload:
                try:
                    self.checked_documents[document_type] = uploads.check_document(upload)
                except ValidationError as error:
                    self.add_error(name, error)
            elif self.submitting and document_type.pk not in self.uploaded:
                self.add_error(name, ValidationError(_("This call requires this document."), code="required"))

        chosen = [(name, cleaned.get(name)) for name in self.host_fields]
        seen = set()
        for name, pk in chosen:
            if pk is None:
                continue
            if pk not in self.hosts:
                self.add_error(name, _("Choose one of the call's host institutions."))
            elif pk in seen:
                self.add_error(name, _("You chose this host already; each choice must be a different one."))
            seen.add(pk)
        if self.submitting and self.host_fields and not any(pk for _name, pk in chosen):
            self.add_error(self.host_fields[0], _("Choose at least one host institution."))
        if self.submitting and not self.host_fields:
            raise ValidationError(_("This call has no host institutions yet; it cannot be applied to."))

        # Who may apply: the call's audience, levels and years, each refusal at its own field.
        # A form made before its application has a student (a check of the fields alone) holds nothing against them.
        affiliation = self.instance.student.affiliation if self.instance.student_id else None
        refusals = self.call.eligibility_refusal(
            level=cleaned.get("level"), year=cleaned.get("year_of_study"), affiliation=affiliation
        )
        for name, message in refusals.items():
            self.add_error(None if name == "audience" else name, ValidationError(message, code="not_eligible"))

        if self.submitting and cleaned.get("language_certificate") and not cleaned.get("language_score"):
            self.add_error("language_score", _("Give the score of your certificate."))
        return cleaned

    def draft_data(self):
        """Keyword arguments for ``services.application_save_draft`` from a valid form."""
        return {
            "fields": {name: self.cleaned_data.get(name) for name in self._meta.fields},
            "hosts": [self.hosts[pk] for pk in (self.cleaned_data.get(name) for name in self.host_fields) if pk],
            "documents": dict(self.checked_documents),
            "photo": self.checked_photo,
        }

    # --- presentation ----------------------------------------------------------------------

    def _file_help(self, description, document, kinds):
        limit = uploads.max_upload_bytes() // (1024 * 1024)
        rules = _("%(kinds)s, up to %(limit)s MB.") % {"kinds": kinds, "limit": limit}
        if document is None:
            return format_html("{}{}", f"{description} " if description else "", rules)
        return format_html(
            '{}{} <span class="d-block text-success-emphasis">{}</span>',
            f"{description} " if description else "",
            rules,
            _("Uploaded: %(name)s, %(date)s. Choose a file only to replace it.")
            % {
                "name": document.original_name or _("file"),
                "date": date_format(timezone.localdate(document.uploaded_at)),
            },
        )

    def _photo_help(self):
        limit = uploads.max_upload_bytes() // (1024 * 1024)
        rules = _("A recent passport-style photo: JPEG or PNG, up to %(limit)s MB.") % {"limit": limit}
        if not self.instance.photo:
            return rules
        return format_html(
            '{} <span class="d-block text-success-emphasis">{}</span>',
            rules,
            _("A photo is uploaded. Choose a file only to replace it."),
        )

    def _helper(self):
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        fieldset_class = "application-fieldset border-bottom pb-3 mb-4"
        helper.layout = Layout(
            Fieldset(
                _("Personal data"),
                Row(Column("first_name", css_class="col-md-6"), Column("last_name", css_class="col-md-6")),
                Row(Column("date_of_birth", css_class="col-md-6"), Column("nationality", css_class="col-md-6")),
                Row(Column("phone", css_class="col-md-6")),
                css_class=fieldset_class,
            ),
            Fieldset(
                _("Study"),
                "faculty",
                Row(
                    Column("level", css_class="col-md-4"),
                    Column("year_of_study", css_class="col-md-4"),
                    Column("gpa", css_class="col-md-4"),
                ),
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
            Fieldset(
                _("Host institutions, in order of preference"),
                *self.host_fields,
                css_class=fieldset_class,
            ),
            Fieldset(_("Documents"), *self.document_types, "photo", css_class="application-fieldset mb-2"),
        )
        return helper


def _host_label(host):
    where = ", ".join(part for part in (host.city, host.country.name if host.country else "") if part)
    return f"{host.name} ({where})" if where else host.name
