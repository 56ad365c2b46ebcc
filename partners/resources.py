"""Import and export of partner institutions and agreements (django-import-export), CSV and XLSX.

An import is all or nothing: a dry run shows every row as new, updated, skipped or invalid
(with the error by column) and writes nothing; the real import runs in one transaction that
is rolled back if any row fails. Rows are matched by a natural key, so importing the same
file again updates the rows it finds instead of adding them twice:

- institutions by name (in English) and country;
- agreements by reference number.
"""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.instance_loaders import ModelInstanceLoader

from intl_office.models import User

from .models import Agreement, Institution

# Existing rows are looked up this many keys per query.
LOOKUP_BATCH = 500


class XLSX(base_formats.XLSX):
    """XLSX whose exported cells never start with "=": a partner named "=HYPERLINK(...)" stays text in Excel."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(dataset, escape=True, **kwargs)


# The formats staff exchange with other offices and the ministry.
FORMATS = [base_formats.CSV, XLSX]


def country_code(text):
    """The ISO 3166 code for "DE", "DEU", "Germany" or a name in one of the site's languages; "" if unknown."""
    text = " ".join(str(text).split())
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    if len(text) == 3:
        code = countries.alpha2(text)
        if code:
            return code
    for language in dict.fromkeys(["en", translation.get_language() or "en", *dict(settings.LANGUAGES)]):
        code = countries.by_name(text, language=language)
        if code:
            return code
    return ""


class TextWidget(widgets.CharWidget):
    """Text without stray spaces; a number typed in a spreadsheet cell (a reference number, say) reads as text."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split())


class LongTextWidget(widgets.CharWidget):
    """Text of several lines (a scope): only the spaces around it go."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class RequiredTextWidget(TextWidget):
    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if not text:
            raise ValueError(gettext("This field is required."))
        return text


class WebsiteWidget(TextWidget):
    """A web address; "www.example.edu" typed without a scheme means https, as in the admin's forms."""

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        if text and "://" not in text:
            text = f"https://{text}"
        return text


class CountryWidget(widgets.Widget):
    """A country given by ISO code (DE, DEU) or by name (Germany); exported as the two-letter code."""

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            raise ValueError(
                gettext("Enter the country: its two-letter ISO code (DE) or its name in English (Germany).")
            )
        code = country_code(text)
        if not code:
            raise ValueError(
                gettext("Unknown country “%(value)s”: give its two-letter ISO code (DE) or its name in English.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


class ChoiceWidget(widgets.Widget):
    """One of a ``TextChoices``, by code ("university") or label in any of the site's languages ("University")."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None  # the field's default applies
        wanted = text.casefold()
        for choice in self.choices:
            if wanted == choice.value.casefold():
                return choice.value
            for language in dict(settings.LANGUAGES):
                with translation.override(language):
                    if wanted == str(choice.label).casefold():
                        return choice.value
        raise ValueError(
            gettext("Unknown value “%(value)s”; use one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(self.choices.values)}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class YesNoWidget(widgets.BooleanWidget):
    """1/0, true/false or yes/no, in any letter case; empty means the field's default."""

    def clean(self, value, row=None, **kwargs):
        text = str(value).strip().casefold() if value is not None else ""
        if text in ("", "none", "null"):
            return None
        if text in ("1", "1.0", "true", "yes", "y"):
            return True
        if text in ("0", "0.0", "false", "no", "n"):
            return False
        raise ValueError(gettext("Enter yes or no (1 or 0)."))


class DateWidget(widgets.DateWidget):
    """A date as 2024-05-31 or 31.05.2024, or a spreadsheet's date cell (read as a datetime: kept as the date)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.formats = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, str):
            value = value.strip()
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(gettext("Enter a date as YYYY-MM-DD, for example 2024-05-31.")) from None


class LookupWidget(widgets.ForeignKeyWidget):
    """A related row found by a column's value; a value that finds nothing is an error of its row, not a crash.

    ``not_found`` is the message, with ``%(value)s``; ``limit`` narrows the rows to look in.
    """

    def __init__(self, model, field, not_found, limit=None, **kwargs):
        self.not_found = not_found
        self.limit = limit or {}
        super().__init__(model, field, **kwargs)

    def get_queryset(self, value, row, *args, **kwargs):
        return self.model._default_manager.filter(**self.limit)

    def clean(self, value, row=None, **kwargs):
        text = TextWidget().clean(value)
        if not text:
            return None
        try:
            return super().clean(text, row, **kwargs)
        except (self.model.DoesNotExist, self.model.MultipleObjectsReturned):
            raise ValueError(self.not_found % {"value": text}) from None


class PartnerWidget(LookupWidget):
    """The partner of an agreement by its name (in English) and the ``partner_country`` column of the same row."""

    NOT_FOUND = _(
        "No institution “%(value)s” in the country of partner_country: import the institution first, "
        "or check the spelling and the country."
    )

    def __init__(self, **kwargs):
        super().__init__(Institution, "name_en", self.NOT_FOUND, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if not TextWidget().clean(value):
            raise ValueError(gettext("Enter the partner's name, as in the list of institutions."))
        return super().clean(value, row, **kwargs)

    def get_lookup_kwargs(self, value, row, **kwargs):
        code = country_code((row or {}).get("partner_country") or "")
        if not code:
            raise Institution.DoesNotExist
        return {"name_en": value, "country": code}

    def render(self, value, obj=None, **kwargs):
        return value.name_en if value is not None else ""


class NaturalKeyInstanceLoader(ModelInstanceLoader):
    """Finds the existing rows of a whole file by their natural key in a few queries, not one per row.

    A row whose key does not even clean (an unknown country, no name) counts as new: its
    error is then reported by column along with the row's other errors.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.key_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        keys = {key for key in map(self.key, dataset.dict if dataset else []) if key is not None}
        self.instances = {}
        first = self.key_fields[0].attribute
        values = sorted({key[0] for key in keys})
        for start in range(0, len(values), LOOKUP_BATCH):
            batch = values[start : start + LOOKUP_BATCH]
            for instance in self.get_queryset().filter(**{f"{first}__in": batch}):
                key = tuple(str(getattr(instance, field.attribute)) for field in self.key_fields)
                self.instances.setdefault(key, instance)

    def key(self, row):
        try:
            return tuple(str(field.clean(row)) for field in self.key_fields)
        except (ValueError, KeyError):
            return None

    def get_instance(self, row):
        key = self.key(row)
        return self.instances.get(key) if key is not None else None


def _comparable(value):
    return "" if value is None else value


class AllOrNothingResource(resources.ModelResource):
    """A resource whose imports write every row or none, and whose errors name the file's columns."""

    def import_data(self, dataset, rollback_on_validation_errors=True, **kwargs):
        # django-import-export keeps the valid rows of a file with invalid ones unless told otherwise.
        return super().import_data(dataset, rollback_on_validation_errors=rollback_on_validation_errors, **kwargs)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged rows are skipped; an empty cell equals a field never filled in (None in a language column)."""
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        return all(
            _comparable(field.get_value(instance)) == _comparable(field.get_value(original))
            for field in self.get_import_fields()
            if not field.readonly
        )

    def before_import(self, dataset, **kwargs):
        """Empty spreadsheet cells read as "" (not None, which the preview would print), trailing empty rows dropped."""
        rows = [tuple("" if value is None else value for value in row) for row in dataset]
        while rows and not any(str(value).strip() for value in rows[-1]):
            rows.pop()
        del dataset[:]
        for row in rows:
            dataset.append(row)

    @staticmethod
    def untranslated(attribute):
        """``name`` for ``name_en``: the field modeltranslation keeps behind the language columns."""
        base, _sep, language = attribute.rpartition("_")
        return base if base and language in dict(settings.LANGUAGES) else None

    def column_names(self):
        """Model attribute -> column of the file, the untranslated field behind ``name_en`` included."""
        names = {}
        for field in self.fields.values():
            if field.attribute:
                names[field.attribute] = field.column_name
                base = self.untranslated(field.attribute)
                if base:
                    names.setdefault(base, field.column_name)
        return names

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own checks (``full_clean``) for the columns that cleaned; every error named by its column."""
        errors = dict(import_validation_errors or {})
        # A column that already failed is not checked again through its untranslated field ("required" twice).
        exclude = set(errors) | {self.untranslated(attribute) for attribute in errors} - {None}
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            names = self.column_names()
            by_column = {}
            for attribute, messages in ValidationError(errors).message_dict.items():
                column = NON_FIELD_ERRORS if attribute == NON_FIELD_ERRORS else names.get(attribute, attribute)
                by_column.setdefault(column, []).extend(messages)
            raise ValidationError(by_column)


class InstitutionResource(AllOrNothingResource):
    """Partner institutions: one row per institution, matched on name (English) and country."""

    name = fields.Field(attribute="name_en", column_name="name", widget=RequiredTextWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    short_name = fields.Field(attribute="short_name", column_name="short_name", widget=TextWidget())
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(Institution.Kind),
        default=Institution.Kind.UNIVERSITY,
    )
    city = fields.Field(attribute="city_en", column_name="city", widget=TextWidget())
    website = fields.Field(attribute="website", column_name="website", widget=WebsiteWidget())
    is_active = fields.Field(attribute="is_active", column_name="is_active", widget=YesNoWidget(), default=True)

    # What each column holds, for the import page.
    COLUMNS = (
        ("name", _("the institution's name in English (required)")),
        ("country", _("two-letter ISO code (DE) or the name in English (Germany) (required)")),
        ("short_name", _("abbreviation, such as TU Berlin")),
        ("kind", _("university (the default), research, government, donor, international, company or other")),
        ("city", _("the city in English")),
        ("website", _("the address of the website; https:// is added when missing")),
        ("is_active", _("1 or 0: shown to visitors or not (1 when empty)")),
    )

    class Meta:
        model = Institution
        name = _("Institutions")
        fields = ("name", "country", "short_name", "kind", "city", "website", "is_active")
        import_order = fields
        export_order = fields
        import_id_fields = ("name", "country")
        instance_loader_class = NaturalKeyInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def get_queryset(self):
        return Institution.objects.order_by("name_en", "country")


class AgreementResource(AllOrNothingResource):
    """Agreements, matched on their reference number; the partner by name and country."""

    reference_number = fields.Field(
        attribute="reference_number", column_name="reference_number", widget=RequiredTextWidget()
    )
    title = fields.Field(attribute="title_en", column_name="title", widget=RequiredTextWidget())
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=ChoiceWidget(Agreement.Kind), default=Agreement.Kind.MOU
    )
    partner = fields.Field(attribute="partner", column_name="partner", widget=PartnerWidget())
    partner_country = fields.Field(
        attribute="partner__country", column_name="partner_country", widget=CountryWidget(), readonly=True
    )
    signed_on = fields.Field(attribute="signed_on", column_name="signed_on", widget=DateWidget())
    valid_until = fields.Field(attribute="valid_until", column_name="valid_until", widget=DateWidget())
    scope = fields.Field(attribute="scope_en", column_name="scope", widget=LongTextWidget())
    student_places_out = fields.Field(
        attribute="student_places_out", column_name="student_places_out", widget=widgets.IntegerWidget(), default=0
    )
    student_places_in = fields.Field(
        attribute="student_places_in", column_name="student_places_in", widget=widgets.IntegerWidget(), default=0
    )
    staff_places_out = fields.Field(
        attribute="staff_places_out", column_name="staff_places_out", widget=widgets.IntegerWidget(), default=0
    )
    staff_places_in = fields.Field(
        attribute="staff_places_in", column_name="staff_places_in", widget=widgets.IntegerWidget(), default=0
    )
    is_public = fields.Field(attribute="is_public", column_name="is_public", widget=YesNoWidget(), default=True)
    renews = fields.Field(
        attribute="renews",
        column_name="renews",
        widget=LookupWidget(
            Agreement,
            "reference_number",
            _(
                "No agreement has the reference number “%(value)s”; "
                "a renewed agreement must come before its renewal in the file."
            ),
        ),
    )
    responsible = fields.Field(
        attribute="responsible",
        column_name="responsible",
        widget=LookupWidget(
            User,
            "username",
            _("No staff member with the username “%(value)s”."),
            limit={"is_staff": True},
        ),
    )
    status = fields.Field(attribute="get_status_display", column_name="status", readonly=True)

    COLUMNS = (
        ("reference_number", _("the registration number; it tells a new agreement from one already listed (required)")),
        ("title", _("the title in English (required)")),
        ("kind", _("mou (the default), cooperation, exchange, dual_degree or intergovernmental")),
        ("partner", _("the partner's name in English, as in the list of institutions (required)")),
        ("partner_country", _("the partner's country: ISO code or name in English (required)")),
        ("signed_on", _("date of signature, YYYY-MM-DD; empty for a draft")),
        ("valid_until", _("last day of validity, YYYY-MM-DD; empty for no end date")),
        ("scope", _("what the agreement covers, in English")),
        ("student_places_out", _("places per year; 0 when empty, as the three columns after it")),
        ("is_public", _("1 or 0: shown on the partner's page or not (1 when empty)")),
        ("renews", _("reference number of the agreement this one renews")),
        ("responsible", _("username of the staff member who receives the expiry reminders")),
        ("status", _("exported only: draft, active, expiring soon or expired, from the dates")),
    )

    class Meta:
        model = Agreement
        name = _("Agreements")
        fields = (
            "reference_number",
            "title",
            "kind",
            "partner",
            "partner_country",
            "signed_on",
            "valid_until",
            "scope",
            "student_places_out",
            "student_places_in",
            "staff_places_out",
            "staff_places_in",
            "is_public",
            "renews",
            "responsible",
            "status",
        )
        import_order = fields
        export_order = fields
        import_id_fields = ("reference_number",)
        instance_loader_class = NaturalKeyInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def get_queryset(self):
        return Agreement.objects.select_related("partner", "renews", "responsible").order_by("reference_number", "pk")

    def filter_export(self, queryset, **kwargs):
        # Oldest first, so that a file imported back lists a renewed agreement before its renewal.
        return queryset.order_by(F("signed_on").asc(nulls_last=True), "pk")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # The partner's country is read with its name (PartnerWidget); a file without the column cannot match partners.
        if dataset.headers and "partner" in dataset.headers and "partner_country" not in dataset.headers:
            raise ValidationError(gettext("The file has a partner column but no partner_country column."))
