import pytest


@pytest.fixture
def staff_client(client, staff):
    """The test client signed in as ``staff``, a superuser."""
    client.force_login(staff)
    return client
