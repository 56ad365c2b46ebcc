"""CI's rules for the suite itself: a skip fails a CI run, a PostgreSQL-only test leaves SQLite runs."""

import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

SAMPLE = """
import pytest

def test_runs():
    assert True

def test_cannot_run_here():
    pytest.skip("no such service here")

@pytest.mark.postgresql
def test_needs_postgresql():
    assert True
"""


def run_pytest(tmp_path, **env):
    sample = tmp_path / "test_sample.py"
    sample.write_text(textwrap.dedent(SAMPLE))
    environment = {k: v for k, v in os.environ.items() if k not in {"CI", "DATABASE_URL"}} | env
    command = [sys.executable, "-m", "pytest", str(sample), "-p", "tests.ci_guard", "--rootdir", str(settings.BASE_DIR)]
    command += ["-c", str(settings.BASE_DIR / "pyproject.toml"), "-q"]
    return subprocess.run(command, cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120)


def test_a_skip_fails_the_run_in_ci_and_names_the_test(tmp_path):
    result = run_pytest(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout
    assert "1 passed, 1 skipped" in result.stdout
    assert "CI=true: 1 tests skipped, which fails the run" in result.stdout
    named = result.stdout.split("which fails the run")[1]
    assert "::test_cannot_run_here" in named and "test_runs" not in named


def test_outside_ci_a_skip_is_printed_with_its_reason_and_the_run_passes(tmp_path):
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "SKIPPED [1]" in result.stdout and "no such service here" in result.stdout


def test_a_postgresql_test_is_deselected_on_sqlite_and_said_so(tmp_path):
    result = run_pytest(tmp_path)
    assert "1 deselected" in result.stdout
    assert "1 PostgreSQL-only tests deselected on SQLite" in result.stdout
