"""The student's form for one checklist item: the file, checked by content before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.checklists import MAX_DAYS_BEFORE
from .uploads import DOCUMENT_ACCEPT, check_document


class ChecklistUploadForm(forms.Form):
    """A file for an item that asks for one; an item that does not is marked done with no field."""

    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, prefix=f"item-{item.pk}", **kwargs)
        self.item = item
        if not item.requires_file:
            del self.fields["file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            raise forms.ValidationError(_("Choose the file to upload."), code="required")
        return check_document(upload)

    @property
    def checked_file(self):
        return self.cleaned_data.get("file") if self.item.requires_file else None


class ChecklistAnswerForm(forms.Form):
    """The office's answer on one item: a comment, which a send-back needs."""

    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ChecklistAddForm(forms.Form):
    """An item the office adds to one mobility's checklist only."""

    title = forms.CharField(label=_("Title"), max_length=200)
    instructions = forms.CharField(
        label=_("Instructions"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    requires_file = forms.BooleanField(label=_("The student uploads a file"), required=False)
    due_days_before = forms.IntegerField(
        label=_("Due days before departure"), min_value=0, max_value=MAX_DAYS_BEFORE, initial=14
    )
