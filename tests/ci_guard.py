"""What CI holds the suite to: no test skips in CI, and a test bound to one database runs on it.

With ``CI=true`` (set by ``.ci/run``) a skipped test fails the run: a test that cannot run in CI
must be fixed or its missing piece installed by the repository, never pass in silence. ``-rs``
(pyproject.toml) prints every skip with its reason in any run.

A test marked ``postgresql`` needs PostgreSQL itself (a killed backend, a closed port): on SQLite it
is deselected, said so at the end of the run, and CI runs it in its PostgreSQL pass.
"""

import os

import pytest
from django.conf import settings


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def on_postgresql():
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


# What this run skipped and deselected, for the summary at its end.
SKIPPED: list[str] = []
DESELECTED: list[str] = []


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: needs PostgreSQL; deselected on SQLite (CI runs it on PostgreSQL)")


def pytest_collection_modifyitems(config, items):
    if on_postgresql():
        return
    bound = [item for item in items if item.get_closest_marker("postgresql")]
    if bound:
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]
        config.hook.pytest_deselected(items=bound)
        DESELECTED.extend(item.nodeid for item in bound)


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if in_ci() and SKIPPED and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config):
    if DESELECTED:
        terminalreporter.write_line(
            f"{len(DESELECTED)} PostgreSQL-only tests deselected on SQLite (they run with DATABASE_URL=postgres://...)"
        )
    if in_ci() and SKIPPED:
        terminalreporter.write_line(
            f"CI=true: {len(SKIPPED)} tests skipped, which fails the run; "
            "a test that cannot run in CI must be fixed, not skipped:",
            red=True,
        )
        for nodeid in SKIPPED:
            terminalreporter.write_line(f"  {nodeid}", red=True)
