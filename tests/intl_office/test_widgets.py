"""``FastSelect`` writes exactly the bytes Django's ``Select`` renders through its templates."""

import datetime

import pytest
from django import forms
from django.utils.safestring import mark_safe

from intl_office.widgets import FastSelect
from mobility.filters import VisitFilterSet
from mobility.models import Visit
from partners.filters import InstitutionFilterSet
from partners.models import Institution
from programs.filters import CallFilterSet, GrantProgramFilterSet
from programs.models import Call, GrantProgram
from tests.factories import CallFactory, CooperationAreaFactory, GrantProgramFactory, InstitutionFactory, VisitFactory

CHOICES = [
    ("", "All countries"),
    ("KR", "South Korea (12)"),
    ("x\"<y>&'z", 'Tom & Jerry\'s <b>"school"</b>'),
    (7, "a number"),
    ("safe", mark_safe("<em>already safe</em>")),
]
GROUPED = [("", "Any"), ("Asia", [("KR", "Korea"), ("JP", "Japan")]), ("Europe", [("DE", "Germany <de>")])]


@pytest.mark.parametrize("choices", [CHOICES, GROUPED, []], ids=["flat", "grouped", "empty"])
@pytest.mark.parametrize("value", [None, "", "KR", "x\"<y>&'z", 7, "DE", "not offered"])
@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"class": "form-select", "aria-describedby": "id_q-help"},
        {"required": True, "disabled": False, "data-x": '"<>'},
    ],
    ids=["no-attrs", "classes", "booleans"],
)
def test_fast_select_renders_what_select_renders(choices, value, attrs):
    expected = forms.Select(attrs=attrs, choices=choices).render("country", value, attrs={"id": "id_country"})
    actual = FastSelect(attrs=attrs, choices=choices).render("country", value, attrs={"id": "id_country"})

    assert actual == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["", "?country=KR&area=water&kind=university&in_force=yes&sort=country", "?country=ZZ"]
)
def test_the_directory_filters_render_as_with_django_selects(query, rf):
    area = CooperationAreaFactory(name="Water <engineering>", slug="water")
    InstitutionFactory(name="Seoul National University", country="KR").cooperation_areas.add(area)
    InstitutionFactory(name="University of Andorra", country="AD")
    data = rf.get("/partners/" + query).GET

    assert_renders_as_with_django_selects(lambda: InstitutionFilterSet(data, queryset=Institution.objects.public()))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?status=open&program=erasmus&target_group=master", "?program=<nope>"])
def test_the_programme_and_call_filters_render_as_with_django_selects(query, rf):
    erasmus = GrantProgramFactory(name="Erasmus+ <KA171>", slug="erasmus", kind=GrantProgram.Kind.MOBILITY)
    CallFactory(program=erasmus, title="Erasmus+ 2027")
    data = rf.get("/calls/" + query).GET

    assert_renders_as_with_django_selects(lambda: CallFilterSet(data, queryset=Call.objects.all()))
    assert_renders_as_with_django_selects(lambda: GrantProgramFilterSet(data, queryset=GrantProgram.objects.all()))


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?year=2024&direction=incoming&country=CN", "?year=１９９９"])
def test_the_visit_filters_render_as_with_django_selects(query, rf):
    VisitFactory(
        partner=InstitutionFactory(country="CN"),
        start_date=datetime.date(2024, 12, 10),
        end_date=datetime.date(2024, 12, 12),
    )
    data = rf.get("/visits/" + query).GET

    assert_renders_as_with_django_selects(lambda: VisitFilterSet(data, queryset=Visit.objects.public()))


def assert_renders_as_with_django_selects(make_filterset):
    """The filter form renders the same bytes with its FastSelects as with Django's own Select widgets."""
    fast = make_filterset().form
    plain = make_filterset().form
    for field in plain.fields.values():
        if isinstance(field.widget, FastSelect):
            field.widget = forms.Select(attrs=field.widget.attrs, choices=field.widget.choices)

    assert [str(field) for field in fast if isinstance(field.field.widget, FastSelect)]
    assert [str(field) for field in fast] == [str(field) for field in plain]
