"""Fixtures the partner tests share: a partner university agreements are imported for."""

import pytest

from tests.factories import InstitutionFactory


@pytest.fixture
def knu(db):
    return InstitutionFactory(name="Kyungpook National University", country="KR")
