"""The reason a call closed early, on its public page in every language: as written, then as staff translate it."""

import pytest
from django.utils import translation

from mobility import services
from programs.models import Call

pytestmark = pytest.mark.django_db

REASON = "The partner confirmed the places early; every eligible student has applied."
UZBEK = "Hamkor oʻrinlarni erta tasdiqladi; barcha munosib talabalar ariza topshirdi."


def call_page(client, call, language):
    prefix = "" if language == "en" else f"/{language}"
    return client.get(f"{prefix}/calls/{call.slug}/").content.decode()


def test_the_reason_written_in_the_uzbek_admin_shows_in_every_language(client, call, staff):
    with translation.override("uz"):
        services.call_close_early(call=call, actor=staff, reason=REASON)
    stored = Call.objects.get(pk=call.pk)
    assert (stored.closed_early_reason_en, stored.closed_early_reason_uz, stored.closed_early_reason_ru) == (
        REASON,
        REASON,
        REASON,
    )
    for language in ("en", "uz", "ru"):
        assert REASON in call_page(client, call, language)


def test_a_translated_reason_shows_on_its_languages_page_only(client, call, staff, office_client):
    services.call_close_early(call=call, actor=staff, reason=REASON)
    form = office_client.get(f"/admin/programs/call/{call.pk}/change/").content.decode()
    assert 'name="closed_early_reason_uz"' in form
    Call.objects.filter(pk=call.pk).update(closed_early_reason_uz=UZBEK)
    assert UZBEK in call_page(client, call, "uz")
    assert REASON not in call_page(client, call, "uz")
    assert REASON in call_page(client, call, "ru")
    assert REASON in call_page(client, call, "en")
