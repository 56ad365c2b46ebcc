"""Helpers for tests that drive the Django admin: admin URLs, one row per registered model, and a form "browser"."""

from collections import defaultdict
from html.parser import HTMLParser

import factory
from django.contrib import admin
from django.urls import reverse

from intl_office.models import HomeInstitution
from tests import factories
from tests.mfa import enrolled


def registered_models():
    """Every model the admin site serves, so a newly registered one is tested without a new line here."""
    return sorted(admin.site._registry, key=lambda model: model._meta.label)


def model_id(model):
    """A model's test id in a parametrized test: "partners.Agreement"."""
    return model._meta.label


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _factory_for(model):
    for name in dir(factories):
        candidate = getattr(factories, name)
        if (
            isinstance(candidate, type)
            and issubclass(candidate, factory.django.DjangoModelFactory)
            and candidate._meta.model is model
        ):
            return candidate
    raise LookupError(f"No factory in tests/factories.py builds {model._meta.label}; add one.")


def _email_address(model, n):
    user = factories.UserFactory()
    return model.objects.create(user=user, email=user.email, verified=True, primary=True)


def _audit_log_entry(model, n):
    """Saving a registered model writes the entry, as it does when staff edit a record."""
    institution = factories.InstitutionFactory()
    return model.objects.get_for_object(institution).latest("timestamp")


# Models other packages register in the admin, which tests/factories.py has no reason to know.
THIRD_PARTY_BUILDERS = {
    "auth.Group": lambda model, n: model.objects.create(name=f"Group {n}"),
    "account.EmailAddress": _email_address,
    "auditlog.LogEntry": _audit_log_entry,
    "mfa.Authenticator": lambda model, n: enrolled(factories.UserFactory()).authenticator_set.get(type="totp"),
}


# The audit trail is evidence: staff read it in the admin but can never add or change an entry.
# Nor read or set anyone's second factor: an administrator may only delete a lost one. Background
# jobs are the workers' to change; staff only run a failed one again (an action). An import written by
# a job is a record of what happened, read by whoever confirmed it. Learning agreements are written by the student
# and answered through the services; their admin only reads. So are nominations: the office's buttons call the services.
# Recommendation lists are made from a call's shortlist and decided by the rector's order, both services.
# Business trips are requested by the traveller and decided through the chain; the rector's order is a button.
READ_ONLY_MODELS = {
    "auditlog.LogEntry",
    "mfa.Authenticator",
    "intl_office.Job",
    "intl_office.FileImport",
    "mobility.LearningAgreement",
    "mobility.Nomination",
    "mobility.RecommendationList",
    "mobility.TripRequest",
}


def make_rows(model, count):
    """``count`` new rows of ``model``, built the way the other tests build them."""
    if model is HomeInstitution:
        raise ValueError("The home institution is a single row; use HomeInstitution.load().")
    if model._meta.label in THIRD_PARTY_BUILDERS:
        start = model.objects.count()
        return [THIRD_PARTY_BUILDERS[model._meta.label](model, start + i) for i in range(count)]
    return _factory_for(model).create_batch(count)


def make_row(model):
    if model is HomeInstitution:
        home = HomeInstitution.load()
        home.name = "National University of Example"
        home.save()
        return home
    return make_rows(model, 1)[0]


class _FormReader(HTMLParser):
    """Collects what a browser would submit from one form: the values it was rendered with."""

    def __init__(self, is_the_form):
        super().__init__(convert_charrefs=True)
        self.is_the_form = is_the_form
        self.inside = False
        self.found = False
        self.select = None
        self.textarea = None
        self.text = []
        self.data = defaultdict(list)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.found and self.is_the_form(attrs):
            self.inside = self.found = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name].append(attrs.get("value") or ("on" if kind == "checkbox" else ""))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline Django writes right after <textarea>.
            self.data[self.textarea].append("".join(self.text).removeprefix("\r\n").removeprefix("\n"))
            self.textarea = None
        elif tag == "form":
            self.inside = False


def form_data(response, model):
    """The POST data of an admin add or change page as it was rendered, ready to edit and submit."""
    return form_fields(response.content.decode(), form_id=f"{model._meta.model_name}_form")


def form_fields(html, *, form_id=None, action_ends_with=None):
    """What a browser would submit from the first form of ``html`` with that id or an action ending so."""

    def is_the_form(attrs):
        if form_id is not None:
            return attrs.get("id") == form_id
        return (attrs.get("action") or "").endswith(action_ends_with)

    reader = _FormReader(is_the_form)
    reader.feed(html)
    assert reader.found, f"no form {form_id or action_ends_with!r} on the page"
    return {name: values if len(values) > 1 else values[0] for name, values in reader.data.items()}


def form_errors(response):
    """Every error of an admin form page, to show in an assertion message."""
    context = response.context
    if context is None or "adminform" not in context:
        return f"status {response.status_code}"
    errors = {"form": context["adminform"].form.errors}
    for inline in context.get("inline_admin_formsets", []):
        errors[inline.formset.prefix] = [inline.formset.non_form_errors(), *inline.formset.errors]
    return errors
