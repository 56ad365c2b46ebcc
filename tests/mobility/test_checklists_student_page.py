"""The student's checklist on their application page: shown once the place is taken, handed in item by item."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import ChecklistEvent, ChecklistItem, ChecklistTemplateItem
from mobility.services import mobility_checklist_start
from tests.factories import FacultyFactory
from tests.files import pdf_bytes, pdf_with_javascript
from tests.mobility.checklists import detail_url, item_url, program_with_list, taken_mobility
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db
State = ChecklistItem.State


@pytest.fixture
def taken(student, faculty):
    return taken_mobility(student=student, faculty=faculty)


def _items(mobility):
    return list(mobility_checklist_start(mobility=mobility).items.order_by("position"))


def test_the_checklist_shows_with_due_dates_once_the_place_is_taken(client, student, taken):
    application, _mobility = taken
    client.force_login(student)
    page = client.get(detail_url(application)).content.decode()
    assert 'id="checklist"' in page
    assert "Signed grant agreement" in page and "Health insurance" in page
    assert "Due by 2 Aug 2026" in page  # 30 days before 1 September
    assert "0 of 3 accepted" in page


def test_no_checklist_while_the_offer_waits_for_an_answer(client, student, faculty):
    application, mobility = taken_mobility(student=student, faculty=faculty, answered=False)
    client.force_login(student)
    page = client.get(detail_url(application)).content.decode()
    assert 'id="checklist"' not in page
    assert not ChecklistItem.objects.exists()
    items = mobility_checklist_start(mobility=mobility).items.all()
    assert client.post(item_url(application, items[1])).status_code == 404


def test_uploading_a_pdf_hands_the_item_in(client, student, taken):
    application, mobility = taken
    item = _items(mobility)[0]
    client.force_login(student)
    upload = SimpleUploadedFile("grant.pdf", pdf_bytes("Grant agreement"), content_type="application/pdf")
    response = client.post(item_url(application, item), {f"item-{item.pk}-file": upload})
    assert response.status_code == 302 and response["Location"].endswith("#checklist")
    item.refresh_from_db()
    assert item.state == State.SUBMITTED and item.original_name == "grant.pdf"
    download = client.get(reverse("mobility:checklist-item-file", kwargs={"pk": application.pk, "item_pk": item.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"<html><script>alert(1)</script></html>", "grant.pdf", "must be a PDF, JPEG or PNG"),
        (pdf_with_javascript(), "grant.pdf", "PDF"),
        (b"", "empty.pdf", "empty"),
    ],
)
def test_a_refused_file_is_explained_next_to_the_field_and_changes_nothing(
    client, student, taken, content, name, message
):
    application, mobility = taken
    item = _items(mobility)[0]
    client.force_login(student)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(item_url(application, item), {f"item-{item.pk}-file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "invalid-feedback" in page and message in page
    item.refresh_from_db()
    assert item.state == State.TODO and not item.file and not ChecklistEvent.objects.exists()


def test_an_upload_with_no_file_is_explained(client, student, taken):
    application, mobility = taken
    item = _items(mobility)[0]
    client.force_login(student)
    response = client.post(item_url(application, item), {})
    assert "Choose the file to upload." in response.content.decode()
    item.refresh_from_db()
    assert item.state == State.TODO


def test_marking_an_item_done(client, student, taken):
    application, mobility = taken
    item = _items(mobility)[1]
    client.force_login(student)
    assert client.post(item_url(application, item)).status_code == 302
    item.refresh_from_db()
    assert item.state == State.SUBMITTED


def test_another_student_gets_404_for_the_item_and_its_file(client, student, outsider, taken):
    application, mobility = taken
    item = _items(mobility)[0]
    signed_in(student).post(
        item_url(application, item),
        {f"item-{item.pk}-file": SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")},
    )
    client.force_login(outsider)
    file_url = reverse("mobility:checklist-item-file", kwargs={"pk": application.pk, "item_pk": item.pk})
    assert client.get(file_url).status_code == 404
    assert client.post(item_url(application, item)).status_code == 404
    assert client.get(detail_url(application)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, taken):
    application, mobility = taken
    item = _items(mobility)[0]
    response = client.post(item_url(application, item))
    assert response.status_code == 302 and "login" in response["Location"]
    item.refresh_from_db()
    assert item.state == State.TODO


@pytest.mark.parametrize("item_pk", ["0", "99999999999999999999", "9223372036854775808"])
def test_bad_item_ids_answer_404(client, student, taken, item_pk):
    application, _mobility = taken
    client.force_login(student)
    url = f"/my/applications/{application.pk}/checklist/{item_pk}/"
    assert client.get(url).status_code == 404
    assert client.get(url + "file/").status_code == 404


def test_unicode_digits_and_nul_bytes_do_not_route(client, student, taken):
    application, _mobility = taken
    client.force_login(student)
    assert client.get(f"/my/applications/{application.pk}/checklist/١٢/").status_code == 404
    assert client.get(f"/my/applications/{application.pk}/checklist/1%00/").status_code in (400, 404)


def test_staff_read_files_of_mobilities_they_may_see(client, student, faculty, taken, staff):
    application, mobility = taken
    item = _items(mobility)[0]
    signed_in(student).post(
        item_url(application, item),
        {f"item-{item.pk}-file": SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")},
    )
    url = reverse("mobility:staff-checklist-item-file", kwargs={"item_pk": item.pk})
    assert signed_in(staff).get(url).status_code == 200
    own = member_of(FACULTY_COORDINATOR, username="own", faculty=faculty)
    assert signed_in(own).get(url).status_code == 200
    other = member_of(FACULTY_COORDINATOR, username="other", faculty=FacultyFactory(name="Faculty of Law"))
    assert signed_in(other).get(url).status_code == 404
    assert signed_in(student).get(url).status_code == 302  # not staff: the admin's login


def test_an_accepted_item_offers_no_form_and_refuses_a_post(client, student, taken, staff):
    application, mobility = taken
    item = _items(mobility)[1]
    item.state = State.ACCEPTED
    item.save()
    client.force_login(student)
    page = client.get(detail_url(application)).content.decode()
    assert item_url(application, item) not in page
    client.post(item_url(application, item))
    item.refresh_from_db()
    assert item.state == State.ACCEPTED and not ChecklistEvent.objects.exists()


def test_the_page_queries_do_not_grow_with_items(client, student, faculty, django_assert_max_num_queries):
    # Session, user, application (with call and programme), events, documents, the mobility, its
    # checklist, its items and its history: the same number with 3 items or 30.
    program = program_with_list()
    application, _mobility = taken_mobility(student=student, faculty=faculty, program=program)
    client.force_login(student)
    client.get(detail_url(application))  # the checklist starts on the first view
    with django_assert_max_num_queries(30) as few:
        assert client.get(detail_url(application)).status_code == 200
    bound = len(few.captured_queries)  # read now: the next request clears the connection's log
    for position in range(4, 31):
        ChecklistTemplateItem.objects.create(program=program, title=f"Item {position}", position=position)
    application2, _mobility2 = taken_mobility(student=student, faculty=faculty, program=program)
    client.get(detail_url(application2))
    with django_assert_max_num_queries(bound):
        response = client.get(detail_url(application2))
    assert "Item 30" in response.content.decode()
