"""What every app's imports and exports share (django-import-export): cell widgets, all or nothing.

An import is all or nothing: a dry run shows every row as new, updated, skipped or invalid (with
the error by column) and writes nothing; the real import runs in one transaction that is rolled
back if any row fails. Rows are matched by a natural key (``import_id_fields``), so importing the
same file again updates the rows it finds instead of adding them twice.

The resources themselves, one per model, live in each app's ``resources.py``; the file formats,
whose cells never start a formula, in ``intl_office.exports``.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext
from django_countries import countries
from import_export import resources, widgets
from import_export.instance_loaders import ModelInstanceLoader

from .exports import FORMATS  # noqa: F401 (the formats every import and export offers, where apps look for them)

# Existing rows are looked up this many keys per query.
LOOKUP_BATCH = 500


# Uzbek spells oʻ and gʻ with the turned comma (U+02BB); a spreadsheet has an apostrophe or a quote.
UZBEK_TURNED_COMMA = re.compile("(?<=[OoGg])['`\u2018\u2019\u02bc]")


def country_code(text):
    """The ISO 3166 code for "DE", "DEU", "Germany" or a name in one of the site's languages; "" if unknown."""
    text = " ".join(str(text).split())
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    if len(text) == 3:
        code = countries.alpha2(text)
        if code:
            return code
    spellings = dict.fromkeys([text, UZBEK_TURNED_COMMA.sub("\u02bb", text)])
    for language in dict.fromkeys(["en", translation.get_language() or "en", *dict(settings.LANGUAGES)]):
        for spelling in spellings:
            code = countries.by_name(spelling, language=language)
            if code:
                return code
    return ""


# --- widgets: one column of a file ---------------------------------------------------------------


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


# --- resources: one model ------------------------------------------------------------------------


def _key_part(value):
    """One part of a natural key, comparable between a file's cell and a stored row."""
    if isinstance(value, models.Model):
        return (value._meta.label, value.pk)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return " ".join(str(value or "").split())


class NaturalKeyInstanceLoader(ModelInstanceLoader):
    """Finds the stored rows of a whole file by their natural key in a few queries, not one per row.

    The first key column narrows the search (``name_en__in``, ``start_date__in``); related rows in
    the key (a mobility's partner) compare by primary key, so two partners with one name in
    different countries stay apart. A row whose key does not clean (an unknown country, no name)
    counts as new: its error is then reported by column along with the row's other errors.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.key_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        first_values = set()
        for row in dataset.dict if dataset else []:
            cleaned = self._cleaned(row)
            if cleaned is not None:
                first_values.add(cleaned[0])
        self.instances = {}
        first = self.key_fields[0].attribute
        values = sorted(first_values, key=str)
        for start in range(0, len(values), LOOKUP_BATCH):
            batch = values[start : start + LOOKUP_BATCH]
            for instance in self.get_queryset().filter(**{f"{first}__in": batch}):
                key = tuple(_key_part(getattr(instance, field.attribute)) for field in self.key_fields)
                self.instances.setdefault(key, instance)

    def _cleaned(self, row):
        try:
            values = tuple(field.clean(row) for field in self.key_fields)
        except (ValueError, KeyError):
            return None
        return None if any(value in (None, "") for value in values) else values

    def get_instance(self, row):
        cleaned = self._cleaned(row)
        if cleaned is None:
            return None
        return self.instances.get(tuple(_key_part(value) for value in cleaned))


def _comparable(value):
    return "" if value is None else value


class AllOrNothingResource(resources.ModelResource):
    """A resource whose imports write every row or none, and whose errors name the file's columns.

    A subclass names its model, its columns (``Meta.fields``, in the order of the file) and
    ``import_id_fields``; the options below it inherits.
    """

    class Meta:
        instance_loader_class = NaturalKeyInstanceLoader
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

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
                shown = by_column.setdefault(column, [])
                # A translated field fails twice, as itself and as its language column (name, name_en): say it once.
                shown.extend(message for message in messages if message not in shown)
            raise ValidationError(by_column)
