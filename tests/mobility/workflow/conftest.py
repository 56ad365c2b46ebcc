"""The call, hosts and document types the application workflow tests share."""

import datetime

import pytest

from intl_office.dates import today
from tests.factories import CallFactory, DocumentTypeFactory, InstitutionFactory
from tests.mobility.workflow.helpers import DAY


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
        InstitutionFactory(name="Kyungpook National University", country="KR", city="Daegu"),
        InstitutionFactory(name="University of Latvia", country="LV", city="Riga"),
    ]


@pytest.fixture
def transcript():
    return DocumentTypeFactory(name="Transcript of records", slug="transcript")


@pytest.fixture
def passport():
    return DocumentTypeFactory(name="Passport copy", slug="passport")


@pytest.fixture
def call(hosts, transcript, passport):
    call = CallFactory(
        title="Erasmus+ semester exchange 2025/26",
        places=2,
        opens_on=today() - 10 * DAY,
        deadline=today() + 10 * DAY,
        mobility_start=datetime.date(2026, 2, 1),
        mobility_end=datetime.date(2026, 6, 30),
        hosts=hosts,
    )
    call.required_documents.set([transcript, passport])
    return call
