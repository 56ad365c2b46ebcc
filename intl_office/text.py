"""Small text helpers shared by the apps."""

from django.utils.text import slugify


def unique_slug(instance, *values, field="slug", max_length=200):
    """A slug that no other row of ``instance``'s model uses, from the first of ``values`` that is free.

    Pass the preferred source first ("KOICA") and a longer one after it
    ("Korea International Cooperation Agency"): two partners both known as "KTU"
    get "ktu" and "kaunas-university-of-technology" rather than "ktu-2". Non-Latin
    names (Russian, Chinese) slugify to nothing, so the model's name falls back in;
    when every candidate is taken, a counter suffix keeps them apart.
    """
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    bases = []
    for value in values:
        base = slugify(value or "", allow_unicode=False)[: max_length - 8].strip("-")
        if base and base not in bases:
            bases.append(base)
    bases = bases or [instance._meta.model_name]
    for base in bases:
        if not others.filter(**{field: base}).exists():
            return base
    candidate, n = f"{bases[0]}-2", 3
    while others.filter(**{field: candidate}).exists():
        candidate, n = f"{bases[0]}-{n}", n + 1
    return candidate
