"""Filtering, searching and sorting the public partner directory and its open data."""

import functools

import django_filters
from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country
from django_filters.fields import ChoiceField

from intl_office.i18n import localized
from intl_office.page_cache import cached_fragment
from intl_office.transliteration import countries_named, like_forms, places_named, spellings
from intl_office.widgets import FastSelect

from .models import CooperationArea, Institution

# Search words beyond this many are ignored: each word adds an OR over the name columns.
MAX_SEARCH_TERMS = 8
MAX_SEARCH_LENGTH = 200


def _in_every_language(field):
    return [f"{field}_{code}" for code, _label in settings.LANGUAGES]


SEARCH_FIELDS = [*_in_every_language("name"), "short_name", *_in_every_language("city")]


def partner_city_names():
    """Every public partner's city, in every language: what a searched word may name (``places_named``)."""
    rows = Institution.objects.public().order_by().values_list(*_in_every_language("city")).distinct()
    return sorted({name for row in rows for name in row if name})


def areas_with_public_partners(request=None):
    """Cooperation areas worth offering in the filter: those of at least one public partner."""
    return CooperationArea.objects.with_public_partners().order_by(localized("name"), "pk")


def area_choices():
    """``[(slug, name), ...]`` of ``areas_with_public_partners``: the area select's options."""
    return [(area.slug, str(area)) for area in areas_with_public_partners()]


def country_counts(queryset):
    """``[(Country, number of partners), ...]`` sorted by the country's name in the current language."""
    rows = queryset.order_by().values_list("country").annotate(total=Count("pk"))
    counts = [(Country(code), total) for code, total in rows if code]
    return sorted(counts, key=lambda pair: str(pair[0].name).casefold())


def directory_country_counts():
    """``country_counts`` of the public partners, shared by every page of the directory until a record changes."""
    return cached_fragment("partner-country-counts", lambda: country_counts(Institution.objects.public()))


def country_choices(counts):
    """``[(code, "Name (number)"), ...]`` of ``country_counts``: the country select's options."""
    return [(country.code, f"{country.name} ({total})") for country, total in counts]


class LenientChoiceField(ChoiceField):
    """A choice that falls back to the default instead of an error: unknown sort keys are ignored."""

    def clean(self, value):
        value = self.to_python(value)
        return value if self.valid_value(value) else ""


class SortFilter(django_filters.ChoiceFilter):
    """Chosen in the form; applied by ``InstitutionFilterSet.filter_queryset`` after all the filters."""

    field_class = LenientChoiceField

    def filter(self, qs, value):
        return qs


class InstitutionFilterSet(django_filters.FilterSet):
    """The partner directory's filters; the page and the open data files share it.

    Give it ``Institution.objects.public().with_agreement_in_force()`` (the filter on
    agreements reads that annotation).
    """

    SORT_NAME, SORT_COUNTRY, SORT_NEWEST = "name", "country", "newest"
    SORT_CHOICES = [
        (SORT_NAME, _("Name")),
        (SORT_COUNTRY, _("Country")),
        (SORT_NEWEST, _("Newest partners first")),
    ]
    IN_FORCE_YES, IN_FORCE_NO = "yes", "no"

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=MAX_SEARCH_LENGTH,
        help_text=_("Name, short name, city or country, in any language."),
    )
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=_("All countries"), widget=FastSelect)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Institution.Kind.choices, empty_label=_("All kinds"), widget=FastSelect
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Cooperation area"),
        field_name="cooperation_areas",
        to_field_name="slug",
        queryset=areas_with_public_partners,
        empty_label=_("All areas"),
        widget=FastSelect,
    )
    in_force = django_filters.ChoiceFilter(
        label=_("Agreement in force"),
        choices=[(IN_FORCE_YES, _("Yes")), (IN_FORCE_NO, _("No"))],
        empty_label=_("Any"),
        method="filter_in_force",
        widget=FastSelect,
    )
    sort = SortFilter(label=_("Sort by"), choices=SORT_CHOICES, empty_label=None, widget=FastSelect)

    class Meta:
        model = Institution
        fields = ["q", "country", "kind", "area", "in_force", "sort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query gives the country select its choices and the page its "partners by country";
        # every page of the directory shares it until a record changes.
        self.country_counts = directory_country_counts()
        # Each country's name is a translation looked up per country: the labelled options are shared too.
        self.filters["country"].extra["choices"] = cached_fragment(
            "partner-country-choices", lambda: country_choices(self.country_counts)
        )
        # The options the area select draws are shared too, read only when it is drawn (the open data
        # never draws it; the field's own choices would query the areas on every render); a chosen
        # area is still looked up in the field's queryset.
        area = self.form.fields["area"]
        # Read once however often the select looks at them (``use_required_attribute`` does too).
        area.widget.choices = CallableChoiceIterator(
            functools.cache(lambda: [("", area.empty_label), *cached_fragment("partner-area-choices", area_choices)])
        )
        for name, field in self.form.fields.items():
            css = "form-control" if name == "q" else "form-select"
            field.widget.attrs.setdefault("class", css)
        self.form.fields["q"].widget.input_type = "search"
        self.form.fields["q"].widget.attrs["aria-describedby"] = "id_q-help"

    def filter_search(self, queryset, name, value):
        """Every word must appear in a name, the short name, the city or the country's name.

        In any language and script: the word's spellings (``o'quv``, ``ўқув``) in the names and cities,
        and the countries and cities it names (Xitoy, Китай, China; Toshkent, Ташкент, Tashkent).
        """
        for term in value.split()[:MAX_SEARCH_TERMS]:
            condition = Q()
            for spelling in like_forms(spellings(term)):
                for field in SEARCH_FIELDS:
                    condition |= Q(**{f"{field}__icontains": spelling})
            codes = self._countries_named(term)
            if codes:
                condition |= Q(country__in=codes)
            cities = places_named(term, cached_fragment("partner-city-names", partner_city_names))
            if cities:
                for field in _in_every_language("city"):
                    condition |= Q(**{f"{field}__in": cities})
            queryset = queryset.filter(condition)
        return queryset

    def _countries_named(self, term):
        named = set(countries_named(term))
        term = term.casefold()
        return sorted(
            country.code
            for country, _total in self.country_counts
            if country.code in named or term in str(country.name).casefold() or term == country.code.casefold()
        )

    def filter_in_force(self, queryset, name, value):
        return queryset.filter(has_agreement_in_force=value == self.IN_FORCE_YES)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*self.ordering(self.form.cleaned_data.get("sort")))

    def ordering(self, key):
        if key == self.SORT_NEWEST:
            return ["-created_at", "-pk"]
        if key == self.SORT_COUNTRY:
            # Countries by their name in the visitor's language, not by ISO code.
            rank = Case(
                *[When(country=country.code, then=Value(i)) for i, (country, _n) in enumerate(self.country_counts)],
                default=Value(len(self.country_counts)),
                output_field=IntegerField(),
            )
            return [rank, localized("name"), "pk"]
        return [localized("name"), "pk"]

    @property
    def is_filtered(self):
        """Whether the visitor narrowed the list (sorting alone does not count)."""
        return any(self.data.get(name) for name in self.filters if name != "sort")
