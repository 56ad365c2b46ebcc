"""People say who they are: a student or a member of staff, and for staff the department they work in.

The sign-up form (allauth, ``ACCOUNT_SIGNUP_FORM_CLASS``) asks it once; the profile page
(``/my/profile/``) lets the person change it with their name, position and academic degree. A staff
call takes members of staff only and a student call students only; the head of the department a
member of staff names endorses (or declines) what they apply for, which is how a false claim is caught.
"""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Department, User

EMPLOYEE = User.Affiliation.EMPLOYEE


class DepartmentChoice(forms.ModelChoiceField):
    def label_from_instance(self, department):
        if department.faculty_id:
            return f"{department.name} ({department.faculty.name})"
        return department.name


def department_field():
    return DepartmentChoice(
        queryset=Department.objects.select_related("faculty").order_by("faculty__name", "name"),
        required=False,
        label=pgettext_lazy("of a faculty", "Department"),
        empty_label=_("Choose your department"),
        help_text=_("For staff: its head endorses your applications and business trips."),
    )


def affiliation_field():
    return forms.ChoiceField(
        label=_("At the institution"),
        choices=[
            (User.Affiliation.STUDENT, _("I study here")),
            (EMPLOYEE, _("I work here")),
        ],
        widget=forms.RadioSelect,
        initial=User.Affiliation.STUDENT,
        # Left unanswered (an older form, a script), a person is taken for a student, the model's default.
        required=False,
    )


def check_department(form, cleaned):
    """A member of staff names their department (when the office has listed any); a student names none."""
    if "affiliation" in cleaned and not cleaned["affiliation"]:
        cleaned["affiliation"] = User.Affiliation.STUDENT
    if cleaned.get("affiliation") == EMPLOYEE:
        if cleaned.get("department") is None and "department" not in form.errors and Department.objects.exists():
            form.add_error("department", _("Choose the department you work in."))
    elif "affiliation" in cleaned:
        cleaned["department"] = None
    return cleaned


class SignupDetailsForm(forms.Form):
    """What allauth's sign-up form asks on top of the e-mail address and password."""

    affiliation = affiliation_field()
    department = department_field()

    def clean(self):
        return check_department(self, super().clean())

    def signup(self, request, user):
        user.affiliation = self.cleaned_data["affiliation"]
        user.department = self.cleaned_data.get("department")
        # The language of the sign-up page is the one the person reads: the portal's e-mails follow it.
        user.language = language_code(translation.get_language())
        user.save(update_fields=["affiliation", "department", "language"])


NATIVE_LANGUAGE_NAMES = [("en", "English"), ("uz", "O‘zbekcha"), ("ru", "Русский")]


class ProfileForm(forms.ModelForm):
    """The person's own profile: name, affiliation, department, position and academic degree."""

    affiliation = affiliation_field()
    department = department_field()

    class Meta:
        model = User
        fields = ("first_name", "last_name", "affiliation", "department", "position", "academic_degree", "language")
        help_texts = {"position": _("For staff: for example, associate professor of the department.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        for name, autocomplete in (("first_name", "given-name"), ("last_name", "family-name")):
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
        # Each language named in itself, as the language switcher names them; the page's own by default.
        self.fields["language"].required = True
        self.fields["language"].choices = NATIVE_LANGUAGE_NAMES
        if not self.instance.language:
            self.initial["language"] = language_code(translation.get_language())

    def clean(self):
        return check_department(self, super().clean())


def language_code(language) -> str:
    """One of the portal's languages for ``language`` ("ru-ru" is "ru"); the default when it is none of them."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").split("-")[0].lower()
    return language if language in codes else settings.LANGUAGE_CODE


def language_of(user, *, fallback=None) -> str:
    """The language the portal writes to ``user`` in: theirs, else ``fallback``, else the default."""
    own = getattr(user, "language", "") or ""
    if own:
        return language_code(own)
    return language_code(fallback) if fallback else settings.LANGUAGE_CODE
