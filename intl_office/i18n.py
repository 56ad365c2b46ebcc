"""Sorting translated records (django-modeltranslation columns) in the visitor's language."""

from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from modeltranslation.utils import get_language


def localized(field):
    """A translated field in the active language, falling back to English, as a case-insensitive sort key.

    modeltranslation turns ``order_by("name")`` into ``name_<lang>`` without the fallback,
    which would put every record not yet translated first. The last fallback is the original
    column: a record saved while another language was active has no English value.
    ``field`` may span relations: ``localized("partner__name")``.
    """
    translated = NullIf(F(f"{field}_{get_language()}"), Value(""), output_field=CharField())
    # Without output_field the mixed columns fail with "Expression contains mixed types".
    return Lower(Coalesce(translated, F(f"{field}_en"), F(field), output_field=CharField()))
