"""Small text helpers shared by the apps."""

from django.utils.text import slugify


def unique_slug(instance, value, *, field="slug", max_length=200):
    """A slug for ``value`` that no other row of ``instance``'s model uses.

    Non-Latin names (Russian, Chinese) slugify to nothing, so the model's name
    falls back in; a counter suffix keeps two "Tashkent State University" apart.
    """
    base = (slugify(value, allow_unicode=False) or instance._meta.model_name)[: max_length - 8]
    base = base.strip("-") or instance._meta.model_name
    candidate, n = base, 2
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    while others.filter(**{field: candidate}).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate
