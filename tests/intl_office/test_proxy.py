"""The client's address and scheme come only from a proxy named in TRUSTED_PROXIES."""

import pytest
from auditlog.models import LogEntry

from intl_office.proxy import client_address
from tests.factories import InstitutionFactory


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1", "192.168.0.0/16"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def test_client_address_reads_x_forwarded_for_from_the_right_past_our_proxies(behind_proxy):
    assert client_address("10.0.0.1", "203.0.113.5") == "203.0.113.5"
    # The client wrote the left entry itself; the proxies appended what they saw.
    assert client_address("10.0.0.1", "1.1.1.1, 203.0.113.5, 192.168.4.4") == "203.0.113.5"
    assert client_address("10.0.0.1", "") == "10.0.0.1"
    assert client_address("10.0.0.1", "garbage") == "10.0.0.1"
    assert client_address("198.51.100.1", "203.0.113.5") == "198.51.100.1"  # not our proxy


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored_by_the_audit_log(client, staff, settings):
    settings.TRUSTED_PROXIES = []
    client.force_login(staff)
    institution = InstitutionFactory()
    client.post(
        f"/admin/partners/institution/{institution.pk}/delete/",
        {"post": "yes"},
        HTTP_X_FORWARDED_FOR="6.6.6.6",
        REMOTE_ADDR="198.51.100.20",
    )
    entry = LogEntry.objects.get(action=LogEntry.Action.DELETE)
    assert entry.remote_addr == "198.51.100.20"


def test_behind_a_named_proxy_the_audit_log_records_the_client(client, staff, behind_proxy):
    client.force_login(staff)
    institution = InstitutionFactory()
    client.post(
        f"/admin/partners/institution/{institution.pk}/delete/",
        {"post": "yes"},
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
        HTTP_X_FORWARDED_PROTO="https",
        REMOTE_ADDR="10.0.0.1",
        secure=True,
    )
    entry = LogEntry.objects.get(action=LogEntry.Action.DELETE)
    assert entry.remote_addr == "203.0.113.9"


def test_x_forwarded_proto_from_anyone_else_does_not_make_a_request_secure(client, db, behind_proxy):
    behind_proxy.SECURE_SSL_REDIRECT = True
    from_proxy = client.get("/partners/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="10.0.0.1")
    assert from_proxy.status_code == 200
    spoofed = client.get("/partners/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="198.51.100.20")
    assert spoofed.status_code == 301
    assert spoofed["Location"].startswith("https://")
