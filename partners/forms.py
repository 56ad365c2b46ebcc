"""Forms staff fill in beyond a model's own admin form: the successor of a renewed agreement."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from .models import Agreement


class RenewalForm(forms.Form):
    """The three facts of the successor that differ from the agreement it renews."""

    signed_on = forms.DateField(
        label=_("Signed on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day the agreement in its updated form was signed."),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day it is valid; empty for an agreement without end date."),
    )
    reference_number = forms.CharField(
        label=_("Reference number"),
        max_length=Agreement._meta.get_field("reference_number").max_length,
        required=False,
        help_text=_("The registration number of the new agreement, if any."),
    )

    def add_service_errors(self, error):
        """Put a service's ValidationError by the fields it names; the rest above the form."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for field, field_messages in by_field.items():
            self.add_error(field if field in self.fields else None, field_messages)
