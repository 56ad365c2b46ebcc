"""Idempotent writes: the machinery that lets ``seed_demo`` run twice and change nothing the second time.

Every row is found by its natural key (slug, name and country, reference number, e-mail address, ...). A row
that does not exist is created; one that exists is saved only when a value differs, so timestamps such as
``updated_at`` stay put on a second run. Many-to-many links are replaced only when the set differs.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models
from django_countries.fields import Country

from .content import T


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def as_date(value):
    """An ISO date as the demo tables write it (``"2024-02-05"``), or a date left as it is."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def spread(values):
    """``{"name": T(en, uz, ru)}`` -> ``{"name": en, "name_en": en, "name_uz": uz, "name_ru": ru}``."""
    flat = {}
    for key, value in values.items():
        if isinstance(value, T):
            flat[key] = value.en
            flat.update({f"{key}_en": value.en, f"{key}_uz": value.uz, f"{key}_ru": value.ru})
        else:
            flat[key] = value
    return flat


@dataclass
class Result:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)  # many-to-many sets replaced, by "Model.field"
    totals: dict = field(default_factory=dict)

    @property
    def changes(self):
        return sum(sum(counter.values()) for counter in (self.created, self.updated, self.deleted, self.links))


class Syncer:
    """Writes rows by natural key and remembers what it wrote, counting every change in ``result``."""

    def __init__(self):
        self.result = Result()
        self._rows = {}
        self._links = {}
        self._kept = defaultdict(set)

    def sync(self, model, lookup, values):
        """Create the row ``lookup`` finds, or update it when one of ``values`` differs."""
        values = spread(values)
        fields = tuple(sorted(lookup))
        rows = self._rows_by(model, fields)
        key = tuple(self._comparable(lookup[name]) for name in fields)
        obj = rows.get(key)
        if obj is None:
            obj = model(**lookup, **values)
            self._clean(obj)
            obj.save()
            rows[key] = obj
            self.result.created[model.__name__] += 1
        else:
            changed = False
            for name, value in values.items():
                if self._current(obj, name) != self._comparable(value):
                    setattr(obj, name, value)
                    changed = True
            if changed:
                self._clean(obj)
                obj.save()
                self.result.updated[model.__name__] += 1
        self._kept[model].add(obj.pk)
        return obj

    @staticmethod
    def _clean(obj):
        # Field validation and the models' clean() still run; unique and check constraints are left to the
        # database, which enforces them anyway, to save a query per constraint and row on the first run.
        obj.full_clean(validate_unique=False, validate_constraints=False)

    def _rows_by(self, model, fields):
        """Every row of ``model`` by the values of ``fields``: one query per model and key instead of one per row."""
        if (model, fields) not in self._rows:
            self._rows[model, fields] = {
                tuple(self._current(obj, name) for name in fields): obj for obj in model._default_manager.all()
            }
        return self._rows[model, fields]

    def sync_m2m(self, obj, name, targets):
        model_field = type(obj)._meta.get_field(name)
        if model_field not in self._links:
            through = model_field.remote_field.through
            pairs = through.objects.values_list(
                f"{model_field.m2m_field_name()}_id", f"{model_field.m2m_reverse_field_name()}_id"
            )
            self._links[model_field] = links = defaultdict(set)
            for source, target in pairs:
                links[source].add(target)
        wanted = {target.pk for target in targets}
        if self._links[model_field][obj.pk] != wanted:
            getattr(obj, name).set(targets)
            self._links[model_field][obj.pk] = wanted
            self.result.links[f"{type(obj).__name__}.{name}"] += 1

    def delete_stale(self, queryset):
        """Delete the rows of ``queryset`` (children of demo records) that this run did not write."""
        stale = queryset.exclude(pk__in=self._kept[queryset.model])
        count = stale.count()
        if count:
            stale.delete()
            self.result.deleted[queryset.model.__name__] += count

    @staticmethod
    def _current(obj, name):
        if name == "pk":
            return obj.pk
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            return getattr(obj, model_field.attname)
        value = getattr(obj, name)
        return value.code if isinstance(value, Country) else value

    @staticmethod
    def _comparable(value):
        return value.pk if isinstance(value, models.Model) else value
