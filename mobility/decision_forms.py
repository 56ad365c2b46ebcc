"""A person's answer on something waiting for them: yes, or no with the reason the other side reads.

The head's endorsement, a trip step's holder and a learning agreement's coordinators answer with the same
form: two choices, and a comment that is optional for the yes and required for the no. A subclass names its
choices and its words; the checks are written once here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from intl_office.validators import NoControlCharacters


class DecisionForm(forms.Form):
    """Two choices, the second of which needs a reason. Subclasses set ``choices`` and the texts below."""

    decision_label = _("Your decision")
    choices: list[tuple[str, str]] = []
    comment_rows = 4
    comment_help = ""
    reason_missing = ""

    decision = forms.ChoiceField(widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        validators=[NoControlCharacters(multiline=True)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decision = self.fields["decision"]
        decision.label = self.decision_label
        decision.choices = self.choices
        comment = self.fields["comment"]
        comment.help_text = self.comment_help
        comment.widget.attrs["rows"] = self.comment_rows

    @property
    def needs_reason(self):
        """The choice that is a no: the one the other side must be told the reason for."""
        return self.choices[1][0]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.needs_reason and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", self.reason_missing)
        return cleaned
