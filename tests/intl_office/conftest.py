"""Fixtures the page cache's tests share."""

import pytest

from intl_office.models import HomeInstitution


@pytest.fixture
def committed(db, django_capture_on_commit_callbacks):
    """Run the block's writes' on-commit hooks, as a real commit would; the department's row is made so.

    The test's own transaction never commits, and an uncommitted change makes every fragment be computed
    afresh (a writer sees its own change): a fragment is only reused once the rows it shows are "committed".
    """
    with django_capture_on_commit_callbacks(execute=True):
        HomeInstitution.load()
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def pages_uncached(settings):
    """Every request renders, as one for a URL not in the page cache does; the fragments stay on."""
    settings.PUBLIC_PAGE_CACHE = False
    settings.PUBLIC_FRAGMENT_CACHE = True
