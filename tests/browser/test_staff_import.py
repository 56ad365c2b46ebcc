"""A member of the office imports partners from a spreadsheet, fixes the row the preview refused, and finds them online.

Real Chromium through Playwright against the live server; the partners are five real Korean
universities from the project's own fixture (tests/fixtures/world_universities_1000.csv).
"""

import csv
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from partners.models import Institution
from tests.factories import UserFactory
from tests.files import xlsx_bytes
from tests.mfa import answer_code_prompt, enrolled

pytestmark = pytest.mark.browser

UNIVERSITIES = Path(__file__).resolve().parents[1] / "fixtures" / "world_universities_1000.csv"
PASSWORD = "correct horse battery staple"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def korean_universities(count=5):
    with UNIVERSITIES.open(encoding="utf-8", newline="") as file:
        return [row for row in csv.DictReader(file) if row["country"] == "KR"][:count]


def spreadsheet(rows):
    content = xlsx_bytes([{"city": "", **row} for row in rows], headers=("name", "country", "city", "website"))
    return {"name": "partners.xlsx", "mimeType": XLSX, "buffer": content}


def upload(page: Page, file):
    page.get_by_label("File to import").set_input_files(file)
    page.get_by_label("Format").select_option(label="xlsx")
    page.get_by_role("button", name="Submit").click()


def test_staff_imports_partners_fixes_the_bad_row_and_finds_them_in_the_directory(page: Page, transactional_db):
    officer = enrolled(UserFactory(username="officer", is_staff=True, is_superuser=True))
    universities = korean_universities()
    names = [row["name"] for row in universities]
    with_a_bad_row = [dict(row) for row in universities]
    with_a_bad_row[2]["country"] = "Atlantis"

    page.goto("/admin/")
    page.get_by_label("E-mail or username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    answer_code_prompt(page, officer)
    page.get_by_role("link", name="Institutions").first.click()
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_text("What the columns hold")).to_be_visible()

    upload(page, spreadsheet(with_a_bad_row))

    expect(page.get_by_role("heading", name="Some rows failed to validate")).to_be_visible()
    preview = page.locator("table.import-preview")
    bad_row = preview.locator("tbody tr")
    expect(bad_row).to_have_count(1)
    expect(bad_row.locator("td").first).to_have_text("3")
    expect(bad_row.get_by_text("Unknown country “Atlantis”")).to_be_visible()
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    assert not Institution.objects.exists()

    upload(page, spreadsheet(universities))

    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    expect(page.locator("table.import-preview tr.new")).to_have_count(5)
    assert not Institution.objects.exists(), "the preview wrote rows"
    page.get_by_role("button", name="Confirm import").click()

    expect(page.locator(".messagelist")).to_contain_text("Import finished: 5 new, 0 updated, 0 deleted and 0 skipped")
    assert sorted(Institution.objects.values_list("name_en", flat=True)) == sorted(names)

    page.goto("/partners/?q=Korea")
    results = page.get_by_role("region", name=re.compile(r"^\d+ institutions?\b"))
    expect(results.get_by_role("heading", level=2)).to_have_text(re.compile(r"^5 institutions\b"), use_inner_text=True)
    expect(results.get_by_role("article")).to_have_count(5)
    for name in names:
        expect(results.get_by_role("link", name=name, exact=True)).to_be_visible()
