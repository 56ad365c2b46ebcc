"""The test database of a mutation run (``make mutation``): migrated once, copied for every mutant.

mutmut runs pytest once per mutant, and each run would migrate a fresh test database (15-20 s,
most of a mutant's time). ``scripts/mutation.py`` migrates one SQLite file per module before
mutmut starts and names it in ``MUTATION_TEST_DB``; every pytest run then works on a copy of
that file of its own (two mutants tested at once never share one, and a test that empties the
tables never empties the next mutant's) and keeps it, so the migration is only checked, not run.

mutmut forks every mutant's run from one process that has already loaded the settings, so the runs would
also share the media and cache folder the test settings made (``TEST_MEDIA_DIR``): two runs at once would
empty each other's cache and delete each other's files, and a test failing for that would count as a kill.
Each run gets folders of its own here too.

Without ``MUTATION_TEST_DB`` (every ordinary run), or on PostgreSQL, nothing here changes anything.
"""

import os
import tempfile
from pathlib import Path
from shutil import copyfile

import pytest

ENV = "MUTATION_TEST_DB"


def _template():
    from django.db import connections

    path = os.environ.get(ENV)
    if not path or connections["default"].vendor != "sqlite" or not Path(path).is_file():
        return None
    return Path(path)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """This run's own copy of the migrated database, removed when the run ends."""
    from django.db import connections

    template = _template()
    if template is None:
        yield
        return
    copy = template.with_name(f"{template.name}.{os.getpid()}")
    copyfile(template, copy)
    connections["default"].settings_dict.setdefault("TEST", {})["NAME"] = str(copy)
    yield
    connections["default"].close()
    copy.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """The copy is already migrated: Django only checks it (and leaves the deletion to the fixture above)."""
    return _template() is not None or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session", autouse=True)
def _own_media_and_cache():
    """This run's own media and cache folders (tests/conftest.py removes ``TEST_MEDIA_DIR`` at the end)."""
    if not os.environ.get(ENV):
        return
    from django.conf import settings
    from django.test.utils import override_settings

    folder = Path(tempfile.mkdtemp(prefix="intl-office-mutant-"))
    caches = {alias: {**options, "LOCATION": folder / "cache"} for alias, options in settings.CACHES.items()}
    # Never undone: the run's process ends with the session. The signal it sends resets the cache and storages.
    override_settings(
        TEST_MEDIA_DIR=folder,
        MEDIA_ROOT=folder / "public",
        PRIVATE_MEDIA_ROOT=folder / "private",
        CACHES=caches,
    ).enable()
