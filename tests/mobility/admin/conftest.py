"""The call and host universities the tests of the mobility admin share."""

import datetime

import pytest

from intl_office.dates import today
from tests.factories import CallFactory, GrantProgramFactory, InstitutionFactory


@pytest.fixture
def hosts():
    return [
        InstitutionFactory(name="Gazi University", country="TR"),
        InstitutionFactory(name="Kyungpook National University", country="KR"),
    ]


@pytest.fixture
def call(hosts):
    # Past its deadline: the office decides only then (or after closing a call early).
    return CallFactory(
        title="Erasmus+ semester exchange 2026/27",
        opens_on=today() - datetime.timedelta(days=40),
        deadline=today() - datetime.timedelta(days=1),
        slug="erasmus-2026",
        places=2,
        program=GrantProgramFactory(name="Erasmus+ credit mobility"),
        mobility_start=datetime.date(2027, 2, 1),
        mobility_end=datetime.date(2027, 6, 30),
        hosts=hosts,
    )
