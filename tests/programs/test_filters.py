"""The filters of the public programme and call lists."""

import datetime

import pytest

from intl_office.dates import today
from programs.filters import CallFilterSet, GrantProgramFilterSet
from programs.models import Call, GrantProgram
from tests.factories import CallFactory, GrantProgramFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def calls():
    on = today()
    return {
        "open": CallFactory(title="Open", opens_on=on - 5 * DAY, deadline=on + 5 * DAY),
        "closes_today": CallFactory(title="Closes today", opens_on=on - 5 * DAY, deadline=on),
        "opens_today": CallFactory(title="Opens today", opens_on=on, deadline=on + 9 * DAY),
        "upcoming": CallFactory(title="Upcoming", opens_on=on + DAY, deadline=on + 9 * DAY),
        "closed": CallFactory(title="Closed", opens_on=on - 9 * DAY, deadline=on - DAY),
    }


def titles(filterset):
    return sorted(call.title for call in filterset.qs)


def published_calls():
    return Call.objects.published()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Closes today", "Open", "Opens today"]),
        ("upcoming", ["Upcoming"]),
        ("closed", ["Closed"]),
    ],
)
def test_call_status_filter_follows_the_call_dates(calls, status, expected):
    filterset = CallFilterSet({"status": status}, queryset=published_calls())

    assert filterset.is_valid()
    assert titles(filterset) == expected


def test_call_status_filter_agrees_with_the_call_querysets(calls):
    for status, method in [("open", "open"), ("upcoming", "upcoming"), ("closed", "closed")]:
        filtered = {c.pk for c in CallFilterSet({"status": status}, queryset=published_calls()).qs}
        assert filtered == {c.pk for c in getattr(Call.objects, method)()}


def test_unknown_status_is_reported_and_ignored(calls):
    filterset = CallFilterSet({"status": "archived"}, queryset=published_calls())

    assert not filterset.is_valid()
    assert "status" in filterset.errors
    assert len(titles(filterset)) == len(calls)


def test_programme_filter_takes_the_programme_slug():
    erasmus = GrantProgramFactory(name="Erasmus+")
    koica = GrantProgramFactory(name="KOICA")
    CallFactory(title="Erasmus+ call", program=erasmus)
    CallFactory(title="KOICA call", program=koica)

    filterset = CallFilterSet({"program": erasmus.slug}, queryset=published_calls())

    assert titles(filterset) == ["Erasmus+ call"]


def test_programme_filter_does_not_offer_inactive_programmes():
    retired = GrantProgramFactory(name="Retired", is_active=False)
    CallFactory(title="Old call", program=retired)
    CallFactory(title="Other call")

    filterset = CallFilterSet({"program": retired.slug}, queryset=published_calls())

    assert "program" in filterset.errors
    assert retired not in filterset.form.fields["program"].queryset
    assert titles(filterset) == ["Old call", "Other call"]


def test_status_and_programme_filters_combine():
    on = today()
    program = GrantProgramFactory()
    CallFactory(title="Open here", program=program, opens_on=on - DAY, deadline=on + DAY)
    CallFactory(title="Closed here", program=program, opens_on=on - 9 * DAY, deadline=on - DAY)
    CallFactory(title="Open elsewhere", opens_on=on - DAY, deadline=on + DAY)

    filterset = CallFilterSet({"program": program.slug, "status": "open"}, queryset=published_calls())

    assert titles(filterset) == ["Open here"]


def test_target_group_filter():
    CallFactory(title="For staff", audience=Call.Audience.STAFF)
    CallFactory(title="For master students", for_bachelor=False, for_doctorate=False)
    CallFactory(title="For every student")

    def found(group):
        return sorted(titles(CallFilterSet({"target_group": group}, queryset=published_calls())))

    assert found("staff") == ["For staff"]
    assert found("master") == ["For every student", "For master students"]
    assert found("bachelor") == ["For every student"]
    assert found("students") == ["For every student", "For master students"]


def test_empty_values_leave_the_list_unfiltered(calls):
    filterset = CallFilterSet({"status": "", "program": "", "target_group": ""}, queryset=published_calls())

    assert filterset.is_valid()
    assert len(titles(filterset)) == len(calls)


def test_call_filter_controls_are_bootstrap_selects():
    form = CallFilterSet({}, queryset=published_calls()).form

    assert all(field.widget.attrs["class"] == "form-select" for field in form.fields.values())


def test_programme_kind_filter():
    GrantProgramFactory(name="ITEC", kind=GrantProgram.Kind.TRAINING)
    GrantProgramFactory(name="Fulbright", kind=GrantProgram.Kind.SCHOLARSHIP)

    filterset = GrantProgramFilterSet({"kind": "training"}, queryset=GrantProgram.objects.all())

    assert [p.name for p in filterset.qs] == ["ITEC"]


def test_unknown_programme_kind_is_ignored():
    GrantProgramFactory(name="ITEC", kind=GrantProgram.Kind.TRAINING)
    GrantProgramFactory(name="Fulbright", kind=GrantProgram.Kind.SCHOLARSHIP)

    filterset = GrantProgramFilterSet({"kind": "astrology"}, queryset=GrantProgram.objects.all())

    assert not filterset.is_valid()
    assert sorted(p.name for p in filterset.qs) == ["Fulbright", "ITEC"]
