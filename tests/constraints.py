"""Assertions the model tests share: a row refused by validation and by the database alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def days(n):
    return datetime.timedelta(days=n)


def assert_refused(obj, *, message):
    """The row is refused twice: by full_clean() (forms, admin) and by the database itself."""
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert any(message in text for text in excinfo.value.messages), excinfo.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def assert_accepted(obj):
    """full_clean() passes, the row is saved, and read back from the database it holds what was set."""
    obj.full_clean()
    obj.save()
    assert stored_values(type(obj).objects.get(pk=obj.pk)) == stored_values(obj)


def stored_values(obj):
    """The row's own columns (files by name), as the database gives them back."""
    values = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        values[field.attname] = getattr(value, "name", value) if hasattr(value, "field") else value
    return values
