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
    obj.full_clean()
    obj.save()
