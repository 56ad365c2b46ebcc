"""Open data: /partners/data.{csv,json} and /partners/agreements.{csv,json}."""

import csv
import datetime
import io
import json

import pytest

from partners.models import Institution
from tests.factories import AgreementFactory, CooperationAreaFactory, InstitutionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def body(response):
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def csv_rows(response):
    data = body(response)
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte order mark Excel needs
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def json_document(response):
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(body(response))


@pytest.fixture
def partners(today):
    exchange = CooperationAreaFactory(name="Student exchange", slug="student-exchange")
    research = CooperationAreaFactory(name="Joint research", slug="joint-research")
    shandong = InstitutionFactory(
        name_en="Shandong Jianzhu University",
        name_ru="Шаньдунский университет Цзяньчжу",
        short_name="SDJZU",
        country="CN",
        city="Jinan",
        website="https://www.sdjzu.example.org/",
    )
    shandong.cooperation_areas.set([exchange, research])
    AgreementFactory(
        partner=shandong,
        title="Memorandum in an updated form",
        reference_number="TICT-2024-112",
        student_places_out=5,
        staff_places_in=2,
    )
    AgreementFactory(partner=shandong, title="Internal annex", is_public=False)
    gazi = InstitutionFactory(name="Gazi University", country="TR", city="Ankara", kind=Institution.Kind.UNIVERSITY)
    AgreementFactory(
        partner=gazi,
        title="Expired exchange agreement",
        signed_on=today - datetime.timedelta(days=900),
        valid_until=today - datetime.timedelta(days=10),
    )
    koica = InstitutionFactory(name="KOICA", country="KR", kind=Institution.Kind.DONOR, city="")
    hidden = InstitutionFactory(name="Closed University", country="CN", is_active=False)
    AgreementFactory(partner=hidden, title="Agreement of a closed partner")
    return {"shandong": shandong, "gazi": gazi, "koica": koica}


# Partners


def test_partners_csv_has_a_header_row_and_one_row_per_public_partner(client, partners, today):
    response = client.get("/partners/data.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="partners-{today:%Y-%m-%d}.csv"'
    rows = csv_rows(response)
    assert [row["name"] for row in rows] == ["Gazi University", "KOICA", "Shandong Jianzhu University"]
    shandong = rows[2]
    assert shandong == {
        "name": "Shandong Jianzhu University",
        "short_name": "SDJZU",
        "kind": "university",
        "kind_name": "University",
        "country_code": "CN",
        "country_name": "China",
        "city": "Jinan",
        "website": "https://www.sdjzu.example.org/",
        "cooperation_areas": "Joint research; Student exchange",
        "has_agreement_in_force": "yes",
        "url": "http://testserver/partners/sdjzu/",
    }
    assert rows[0]["has_agreement_in_force"] == "no"


def test_partners_json_is_an_object_with_count_results_date_and_licence(client, partners):
    document = json_document(client.get("/partners/data.json"))
    assert set(document) == {"count", "generated_at", "licence", "source", "fields", "results"}
    assert document["count"] == len(document["results"]) == 3
    assert datetime.datetime.fromisoformat(document["generated_at"].replace("Z", "+00:00"))
    assert "Jizzakh Polytechnic Institute" in document["licence"]
    assert document["source"] == "http://testserver/partners/"
    shandong = document["results"][2]
    assert shandong["cooperation_areas"] == ["Joint research", "Student exchange"]
    assert shandong["has_agreement_in_force"] is True
    assert shandong["url"] == "http://testserver/partners/sdjzu/"
    assert list(shandong) == document["fields"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "CN"}, ["Shandong Jianzhu University"]),
        ({"kind": "donor"}, ["KOICA"]),
        ({"area": "student-exchange"}, ["Shandong Jianzhu University"]),
        ({"in_force": "no"}, ["Gazi University", "KOICA"]),
        ({"q": "ankara"}, ["Gazi University"]),
        ({"sort": "newest"}, ["KOICA", "Gazi University", "Shandong Jianzhu University"]),
    ],
)
def test_partner_files_follow_the_directory_filters(client, partners, params, expected):
    assert [row["name"] for row in csv_rows(client.get("/partners/data.csv", params))] == expected
    document = json_document(client.get("/partners/data.json", params))
    assert [row["name"] for row in document["results"]] == expected
    assert document["count"] == len(expected)


def test_partner_files_speak_the_language_of_their_address(client, partners):
    document = json_document(client.get("/ru/partners/data.json", {"country": "CN"}))
    result = document["results"][0]
    assert result["name"] == "Шаньдунский университет Цзяньчжу"
    assert result["country_name"] == "Китай"
    assert result["url"] == "http://testserver/ru/partners/sdjzu/"
    assert "Шаньдунский университет Цзяньчжу" in csv_rows(client.get("/ru/partners/data.csv"))[2]["name"]


# Agreements


def test_agreements_csv_lists_public_agreements_of_public_partners(client, partners, today):
    response = client.get("/partners/agreements.csv")
    assert response["Content-Disposition"] == f'attachment; filename="partner-agreements-{today:%Y-%m-%d}.csv"'
    rows = csv_rows(response)
    assert [row["title"] for row in rows] == ["Expired exchange agreement", "Memorandum in an updated form"]
    memorandum = rows[1]
    assert memorandum["partner"] == "Shandong Jianzhu University"
    assert memorandum["partner_country_code"] == "CN"
    assert memorandum["partner_country_name"] == "China"
    assert memorandum["kind"] == "mou"
    assert memorandum["reference_number"] == "TICT-2024-112"
    assert memorandum["signed_on"] == str(today - datetime.timedelta(days=365))
    assert memorandum["status"] == "active"
    assert memorandum["student_places_out"] == "5"
    assert memorandum["staff_places_in"] == "2"
    assert memorandum["url"].startswith("http://testserver/partners/sdjzu/#agreement-")
    assert rows[0]["status"] == "expired"


def test_agreements_json_follows_the_partner_filters(client, partners, today):
    document = json_document(client.get("/partners/agreements.json", {"country": "TR"}))
    assert document["count"] == 1
    assert [row["title"] for row in document["results"]] == ["Expired exchange agreement"]
    assert document["results"][0]["valid_until"] == str(today - datetime.timedelta(days=10))
    assert document["results"][0]["status_name"] == "Expired"
    assert document["source"] == "http://testserver/partners/?country=TR"


def test_files_with_no_match_are_empty_but_well_formed(client, partners):
    assert csv_rows(client.get("/partners/agreements.csv", {"kind": "donor"})) == []
    document = json_document(client.get("/partners/data.json", {"q": "nothing-like-this"}))
    assert document["count"] == 0
    assert document["results"] == []


# Bad input


@pytest.mark.parametrize("path", ["/partners/data.csv", "/partners/agreements.csv"])
def test_invalid_filters_get_a_400_that_names_them_in_csv(client, partners, path):
    response = client.get(path, {"country": "XX"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "country: Select a valid choice." in response.content.decode()


@pytest.mark.parametrize("path", ["/partners/data.json", "/partners/agreements.json"])
def test_invalid_filters_get_a_400_that_names_them_in_json(client, partners, path):
    response = client.get(path, {"kind": "spaceship", "q": "x" * 5000})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"kind", "q"}


@pytest.mark.parametrize("path", ["/partners/data.csv", "/partners/data.json", "/partners/agreements.json"])
@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"sort": "-password"}, {"area": "nope"}, {"in_force": "maybe"}, {"q": "q" * 5000}]
)
def test_files_never_answer_500(client, partners, path, params):
    response = client.get(path, params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        body(response)


def test_unknown_format_is_404(client):
    assert client.get("/partners/data.xml").status_code == 404


# Queries


@pytest.mark.parametrize("rows", [5, 200])
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # 1 country counts (filter choices), 2 cooperation area names, 3 which partner has which area, 4 the partners.
        ("/partners/data.csv", 4),
        # The same and 5 the count, 6 the home institution for the licence note.
        ("/partners/data.json", 6),
        # 1 country counts, 2 the agreements with their partner and status.
        ("/partners/agreements.csv", 2),
        # The same and 3 the count, 4 the home institution for the licence note.
        ("/partners/agreements.json", 4),
    ],
)
def test_file_query_count_does_not_grow_with_rows(client, django_assert_num_queries, rows, path, expected):
    area = CooperationAreaFactory()
    for n in range(rows):
        partner = InstitutionFactory(country=["CN", "TR", "KZ"][n % 3])
        partner.cooperation_areas.add(area)
        AgreementFactory(partner=partner)
    with django_assert_num_queries(expected):
        data = body(client.get(path))
    assert data.count(b"http://testserver/partners/") >= rows
