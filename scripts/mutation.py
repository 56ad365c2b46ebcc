"""Mutation testing (``make mutation``): mutmut over the modules where a silent bug hurts most.

Each module is mutated on its own and tested only by the tests that concern it (``MODULES`` below):
mutmut's own configuration in pyproject.toml names what every run shares (the folders copied, the
pytest options), and this script sets, per module, which file is mutated and which tests run. Within
that selection mutmut runs, for each mutant, only the tests that reached the mutated function.

Each module runs in its own folder, ``.mutation/<name>/``: links to the project and a pyproject.toml
whose [tool.mutmut] is narrowed to the module. Its ``mutants/`` stays there, so a second run only
retests what changed. The test database is migrated once per run into ``test-db.sqlite3`` there and
each mutant's pytest run works on a copy of it (tests/mutation_db.py). Slow (every mutant is a pytest
run) and not part of CI:

    make mutation                             # every module, then the figures
    make mutation MODULES="uploads roles"
    .venv/bin/python scripts/mutation.py --summary
    .venv/bin/python scripts/mutation.py --survivors jobs   # after adding tests: only the survivors again
    cd .mutation/uploads && ../../.venv/bin/mutmut show intl_office.uploads.x_check_pdf__mutmut_12
"""

import argparse
import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / ".mutation"

# name: (the file mutated, the tests that concern it)
MODULES = {
    "uploads": (
        "intl_office/uploads.py",
        [
            "tests/security/test_pdf_check.py",
            "tests/security/test_pdf_structure.py",
            "tests/security/test_request_size.py",
            "tests/security/test_upload_limits.py",
            "tests/mobility/test_uploads.py",
        ],
    ),
    "roles": (
        "intl_office/roles.py",
        [
            "tests/intl_office/test_roles.py",
            "tests/admin/test_roles.py",
            "tests/admin/test_role_effects.py",
            "tests/intl_office/test_staff_access.py",
            "tests/security/test_coordinator_scope.py",
        ],
    ),
    "page_cache": (
        "intl_office/page_cache.py",
        [
            "tests/intl_office/test_page_cache.py",
            "tests/intl_office/test_page_cache_fragments.py",
            "tests/intl_office/test_page_cache_cards.py",
            "tests/intl_office/test_page_cache_rules.py",
            "tests/intl_office/test_fragment_memory.py",
            "tests/intl_office/test_card_lists.py",
        ],
    ),
    "fragment_memory": (
        "intl_office/fragment_memory.py",
        [
            "tests/intl_office/test_fragment_memory.py",
            "tests/intl_office/test_page_cache_rules.py",
            "tests/intl_office/test_card_lists.py",
        ],
    ),
    "jobs": (
        "intl_office/jobs.py",
        [
            "tests/intl_office/test_jobs.py",
            "tests/intl_office/test_jobs_worker_loop.py",
            "tests/intl_office/test_jobs_admin.py",
        ],
    ),
    "applications": (
        "mobility/services/applications.py",
        [
            "tests/mobility/workflow",
            "tests/mobility/test_workflow_rules.py",
            "tests/mobility/test_application_emails.py",
        ],
    ),
    "agreements": (
        "partners/services.py",
        [
            "tests/partners/test_renewal.py",
            "tests/partners/test_renewal_title.py",
            "tests/partners/test_expiry_reminders.py",
        ],
    ),
    "imports": (
        "intl_office/resources.py",
        [
            "tests/partners/test_institution_import.py",
            "tests/partners/test_agreement_import.py",
            "tests/partners/test_admin_import_export.py",
            "tests/mobility/admin/test_record_imports.py",
        ],
    ),
}

# What each module's folder links to: the project as pytest and Django see it.
LINKED = ("intl_office", "mobility", "partners", "programs", "templates", "static", "locale", "tests", "manage.py")


def module_pyproject(path, tests):
    """pyproject.toml with [tool.mutmut] narrowed to one file and its tests; the rest as in the project."""
    text = (ROOT / "pyproject.toml").read_text()
    shared = tomllib.loads(text)["tool"]["mutmut"]
    start = text.index("[tool.mutmut]")
    following = text.find("\n[", start + 1)
    rest = text[following + 1 :] if following != -1 else ""
    settings = {**shared, "only_mutate": [path], "pytest_add_cli_args_test_selection": tests}
    section = "[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    return text[:start] + section + "\n" + rest


def run_module(name, max_children, survivors=False):
    """mutmut in .mutation/<name>/, a folder of links to the project with the module's own settings.

    ``survivors``: test again only the mutants that survived the last run (after tests were added;
    mutmut keeps a verdict unless the mutated function or the test selection changed).
    """
    path, tests = MODULES[name]
    tests = [test for test in tests if (ROOT / test).exists()]
    folder = STORE / name
    folder.mkdir(parents=True, exist_ok=True)
    for entry in LINKED:
        link = folder / entry
        if not link.is_symlink():
            link.symlink_to(ROOT / entry)
    (folder / "pyproject.toml").write_text(module_pyproject(path, tests))
    environment = {**os.environ, "MUTATION_TEST_DB": str(migrated_database(folder))}
    # A changed source file is noticed by mutmut (it compares modification times) and retested.
    mutmut = Path(sys.executable).parent / "mutmut"
    command = [str(mutmut), "run", "--max-children", str(max_children)]
    if survivors:
        names = summarise(name, path).get("survivors")
        if not names:
            return summarise(name, path)
        command += names
    subprocess.run(command, cwd=folder, env=environment, check=False)
    return summarise(name, path)


def migrated_database(folder):
    """A SQLite file migrated as pytest-django would migrate the test database; made anew every run."""
    database = folder / "test-db.sqlite3"
    database.unlink(missing_ok=True)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intl_office.settings_test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    command = [sys.executable, "manage.py", "migrate", "--run-syncdb", "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=environment, check=True)
    return database


UNCAUGHT = ("survived", "no tests")


def summarise(name, path):
    """Counts of mutant outcomes, read from mutmut's per-file record."""
    meta = STORE / name / "mutants" / (path + ".meta")
    if not meta.exists():
        return {"module": path, "error": "no results"}
    exit_codes = json.loads(meta.read_text())["exit_code_by_key"]
    counts = Counter(status_by_exit_code[code] for code in exit_codes.values())
    caught = counts["killed"] + counts["timeout"] + counts["caught by type check"]
    checked = sum(count for status, count in counts.items() if status != "not checked")
    return {
        "module": path,
        "kill rate": round(100 * caught / checked, 1) if checked else None,
        **counts,
        "survivors": sorted(key for key, code in exit_codes.items() if status_by_exit_code[code] in UNCAUGHT),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", choices=[[], *MODULES], default=[], help="default: all")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1: a shared machine)")
    parser.add_argument("--summary", action="store_true", help="print the stored figures without running")
    parser.add_argument("--survivors", action="store_true", help="test again only the last run's survivors")
    args = parser.parse_args()
    report = []
    for name in args.modules or MODULES:
        if args.summary:
            report.append(summarise(name, MODULES[name][0]))
        else:
            report.append(run_module(name, args.jobs, args.survivors))
    for row in report:
        rate = row.get("kill rate")
        counts = "  ".join(f"{status} {count}" for status, count in row.items() if isinstance(count, int))
        print(f"{row['module']:40} kill rate {rate}%  {counts}")
        for survivor in row.get("survivors", []):
            print(f"    survived: {survivor}")


if __name__ == "__main__":
    main()
