"""Text fields refuse control characters: invisible on the page, they break exports and fool readers."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from .exports import CONTROL_CHARACTERS

LINE_BREAKS_AND_TABS = re.compile("[\t\n\r]")


@deconstructible
class NoControlCharacters:
    """Refuses control characters in a text; a ``multiline`` text keeps its tabs and line breaks.

    Pasted from a PDF or a terminal, such a character does not show on the page but makes an
    XLSX export fail (the format cannot hold one).
    """

    message = _(
        "Remove the invisible control character %(character)s from this text "
        "(it often comes with text copied from another program)."
    )
    code = "control_character"

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        text = str(value)
        found = CONTROL_CHARACTERS.search(text) or (not self.multiline and LINE_BREAKS_AND_TABS.search(text))
        if found:
            raise ValidationError(self.message, code=self.code, params={"character": f"U+{ord(found.group()):04X}"})

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and self.multiline == other.multiline


def refuse_control_characters(app_config):
    """Give every text field of an app's models the ``NoControlCharacters`` check; called from its ``ready()``.

    Added at start-up rather than in each field's ``validators``: it reaches every text field,
    the language copies modeltranslation makes and fields added later, and it stays out of the
    migrations (validators are part of a field's definition there, so each would be an
    AlterField). The check runs wherever ``full_clean`` does: the admin's and the site's model
    forms (the error shows next to the field) and imports (the error names the column).
    Fields with choices are left out: only a listed value gets past them anyway.
    """
    for model in app_config.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                check = NoControlCharacters(multiline=isinstance(field, models.TextField))
                if check not in field.validators:
                    # A new list: modeltranslation's language fields share the original field's.
                    field.validators = [*field.validators, check]
