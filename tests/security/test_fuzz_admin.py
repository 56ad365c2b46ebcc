"""The admin's changelists, autocomplete and forms answer hostile parameters with a page or a 4xx, never a 500."""

import logging

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import override_settings
from django.urls import reverse

from intl_office.models import HomeInstitution
from tests.security.hostile import HUGE, Prober, build_world

pytestmark = pytest.mark.django_db

NO_NUL_GUARD = [name for name in settings.MIDDLEWARE if name != "intl_office.middleware.RejectNulBytesMiddleware"]


@pytest.fixture(autouse=True)
def _quiet_logs():
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _hostile_params(model_admin):
    """One junk value per parameter this changelist reads, and the ones Django's changelist always reads."""
    params = [
        "o=999", "o=-0.x.1", "o=²", "q=%00", "q=" + "x" * 10_000, "p=²", "p=" + HUGE, "p=-1", "e=1", "all=1",
        "nonsense__lookup=1", "pk__in=1,²", "id__gt=" + HUGE, "_to_field=password", "_popup=1", "%ff=%ff",
    ]  # fmt: skip
    if model_admin.date_hierarchy:
        field = model_admin.date_hierarchy
        params += [f"{field}__year={year}" for year in ("99999999999", HUGE, "9999", "0", "²", "")]
        params += [f"{field}__year=2024&{field}__month={month}" for month in ("13", "99999999999")]
        params += [f"{field}__year=2024&{field}__month=2&{field}__day={day}" for day in ("30", "²")]
    for name in model_admin.list_filter:
        name = name[0] if isinstance(name, tuple) else name
        parameter = getattr(name, "parameter_name", None) or (name if isinstance(name, str) else None)
        if parameter:
            params += [f"{parameter}={value}" for value in ("²", HUGE, "%00")]
            params += [f"{parameter}__exact=²", f"{parameter}__year=99999999999", f"{parameter}__in=1,²"]
    return params


@pytest.mark.slow
def test_every_changelist_survives_each_hostile_parameter(client, staff, student):
    build_world(student)
    client.force_login(staff)
    prober = Prober(client)
    for model, model_admin in admin.site._registry.items():
        if model is HomeInstitution:
            continue
        for param in _hostile_params(model_admin):
            prober.send("get", f"{_changelist(model)}?{param}")

    assert not prober.failures, prober.report()


@pytest.mark.parametrize("year", ["99999999999", "9999", HUGE])
def test_a_year_datetime_cannot_hold_shows_the_changelist_error_page(client, staff, year):
    client.force_login(staff)

    response = client.get(reverse("admin:programs_project_changelist") + f"?start_date__year={year}")

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_audit_log_year_filter_takes_a_huge_year(client, staff):
    client.force_login(staff)

    response = client.get(reverse("admin:auditlog_logentry_changelist") + "?timestamp__year=99999999999")

    assert response.status_code == 302


def test_autocomplete_with_a_nul_byte_answers_its_results(client, staff):
    client.force_login(staff)
    query = "term=%00&app_label=mobility&model_name=application&field_name=call"

    response = client.get(reverse("admin:autocomplete") + "?" + query)

    assert response.status_code == 200
    assert "results" in response.json()


@override_settings(MIDDLEWARE=NO_NUL_GUARD)
def test_without_the_nul_guard_the_admin_search_still_answers(client, staff, student):
    """The middleware is the second line: the searches themselves drop a NUL (PostgreSQL refuses one)."""
    build_world(student)
    client.force_login(staff)
    query = "term=a%00&app_label=mobility&model_name=application&field_name=call"

    autocomplete = client.get(reverse("admin:autocomplete") + "?" + query)
    changelist = client.get(reverse("admin:partners_institution_changelist") + "?q=Middle%00")

    assert autocomplete.status_code == 200
    assert changelist.status_code == 200
    assert "Middle East Technical University" in changelist.text


@pytest.mark.parametrize("value", ["²", HUGE, "1e9", "%00"])
def test_add_form_with_a_junk_initial_autocomplete_value_opens(client, staff, value):
    client.force_login(staff)

    response = client.get(reverse("admin:mobility_application_add") + f"?call={value}&faculty={value}")

    assert response.status_code in (200, 400)


def test_host_preference_filter_ignores_a_superscript_digit(client, staff):
    client.force_login(staff)

    response = client.get(reverse("admin:mobility_application_changelist") + "?host=²")

    assert response.status_code == 200


@pytest.mark.parametrize("fmt", ["1e9", HUGE, "-1", "²"])
def test_import_confirmation_with_a_damaged_format_answers_400(client, staff, fmt):
    client.force_login(staff)

    response = client.post(
        reverse("admin:partners_institution_process_import"),
        {"format": fmt, "import_file_name": "x.csv", "original_file_name": "x.csv", "resource": "0"},
    )

    assert response.status_code == 400


def test_export_with_an_impossible_filter_returns_to_the_list(client, staff):
    client.force_login(staff)

    response = client.get(reverse("admin:partners_agreement_export") + "?signed_on__year=-1")

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
