"""A foreign expert from the office's record to the public page and the visa letter, in real Chromium.

The office publishes an expert from the admin and downloads the invitation letter in Russian; a visitor
on a phone finds the expert on the Russian page "Foreign experts", without anything private.
"""

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.exchange import sign_in_as
from tests.factories import UserFactory
from tests.mfa import enrolled
from tests.mobility.experts import make_expert

pytestmark = pytest.mark.browser


def test_the_office_publishes_an_expert_and_prints_the_visa_letter(
    page: Page, phone_page: Page, live_server, transactional_db
):
    office = enrolled(UserFactory(username="office", is_staff=True, is_superuser=True))
    expert = make_expert(
        full_name_en="Ivan Petrov",
        full_name_ru="Иван Петров",
        nationality="RU",
        passport_number="75 1234567",
        subject_en="Power systems",
        subject_ru="Электроэнергетические системы",
    )

    sign_in_as(page, office, live_server)
    page.goto(f"/admin/mobility/expert/{expert.pk}/change/")
    page.get_by_label("Published").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"/admin/mobility/expert/{expert.pk}/change/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Invitation letter (Russian)").click()
    pdf = PdfReader(download.value.path())
    text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
    assert "Иван Петров" in text and "75 1234567" in text

    phone_page.goto("/ru/experts/")
    card = phone_page.locator(".expert-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Иван Петров")
    expect(card).to_contain_text("Электроэнергетические системы")
    expect(phone_page.locator("body")).not_to_contain_text("75 1234567")
