"""The layout every public page shares: landmarks, navigation, languages, errors, template helpers."""

import re

import pytest
from django.template import Context, Template, loader

from intl_office.models import User
from tests.factories import UserFactory
from tests.intl_office.pages import html

pytestmark = pytest.mark.django_db


# --- the layout ---------------------------------------------------------------------------------


def test_layout_has_landmarks_skip_link_and_one_h1(client, home_institution):
    page = html(client.get("/about/"))

    assert '<a class="skip-link" href="#main">' in page
    assert re.search(r"<header[ >]", page) and '<main id="main"' in page and re.search(r"<footer[ >]", page)
    assert '<nav class="navbar' in page and 'aria-label="Main navigation"' in page
    assert page.count("<h1") == 1


def test_title_names_the_page_then_the_site(client, home_institution):
    page = html(client.get("/about/"))

    assert "<title>About the department · JizPI</title>" in page
    assert '<meta name="description" content="International Cooperation Department of Jizzakh Polytechnic' in page


def test_navigation_marks_the_current_page(client, home_institution):
    page = html(client.get("/about/"))

    assert '<a class="nav-link active" href="/about/" aria-current="page">About</a>' in page
    assert '<a class="nav-link" href="/">Home</a>' in page


def test_navigation_offers_only_pages_that_exist(client, home_institution):
    page = html(client.get("/"))
    nav = page.split('id="site-nav"')[1].split("</nav>")[0]

    for href in re.findall(r'href="([^"]+)"', nav):
        assert client.get(href).status_code == 200, href


def test_header_shows_the_institution_and_an_emblem_without_a_logo(client, home_institution):
    page = html(client.get("/"))

    assert '<span class="site-brand-name">Jizzakh Polytechnic Institute</span>' in page
    assert "<svg" in page and ">JizPI<" in page


def test_footer_has_the_department_contacts(client, home_institution):
    footer = html(client.get("/")).split("<footer")[1]

    assert "4 Islam Karimov street, Jizzakh" in footer
    assert 'href="tel:+998722260000"' in footer
    assert 'href="mailto:intl@example.org"' in footer
    assert "Mon-Fri 09:00-18:00" in footer


def test_bootstrap_comes_from_our_static_files_not_a_cdn(client, home_institution):
    page = html(client.get("/"))

    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in page
    assert "/static/vendor/bootstrap/js/bootstrap.bundle.min.js" in page
    assert not re.search(r'(src|href)="(https?:)?//[^"]*(cdn|bootstrap)', page)


# --- languages ------------------------------------------------------------------------------------


def test_language_switcher_is_a_form_to_set_language_with_the_current_page(client, home_institution):
    page = html(client.get("/about/"))

    assert '<form class="language-switcher" action="/i18n/setlang/" method="post">' in page
    assert '<input type="hidden" name="next" value="/about/">' in page
    for code, name in [("en", "English"), ("uz", "O‘zbekcha"), ("ru", "Русский")]:
        assert f'name="language" value="{code}" lang="{code}"' in page
        assert f">{name}</button>" in page


def test_switching_to_uzbek_redirects_to_the_uzbek_page(client, home_institution):
    response = client.post("/i18n/setlang/", {"language": "uz", "next": "/about/"})

    assert response.status_code == 302
    assert response["Location"] == "/uz/about/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<html lang="uz"' in html(page)


def test_switching_from_an_uzbek_page_to_russian_lands_on_the_russian_page(client, home_institution):
    uzbek = html(client.get("/uz/about/"))
    next_path = re.search(r'name="next" value="([^"]+)"', uzbek)[1]

    response = client.post("/i18n/setlang/", {"language": "ru", "next": next_path})

    assert response["Location"] == "/ru/about/"
    assert '<html lang="ru"' in html(client.get(response["Location"]))


def test_translated_fields_follow_the_language_of_the_page(client, home_institution):
    home_institution.department_name_uz = "Xalqaro hamkorlik bo‘limi"
    home_institution.save()

    assert "<h1>Xalqaro hamkorlik bo‘limi</h1>" in html(client.get("/uz/about/"))
    assert "<h1>International Cooperation Department</h1>" in html(client.get("/ru/about/"))  # English fallback


# --- errors -----------------------------------------------------------------------------------------


def test_unknown_page_answers_404_in_the_site_layout(client, home_institution):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = html(response)
    assert "<h1>Page not found</h1>" in page and page.count("<h1") == 1
    assert '<main id="main"' in page and "site-navbar" in page and "4 Islam Karimov street" in page


def test_unknown_uzbek_page_answers_404(client, home_institution):
    assert client.get("/uz/no-such-page/").status_code == 404


def test_500_page_renders_without_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = loader.get_template("500.html").render()

    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in page and "/static/css/site.css" in page
    assert page.count("<h1") == 1 and '<main id="main">' in page


# --- template helpers -------------------------------------------------------------------------------


def render(template, **context):
    return Template("{% load site %}" + template).render(Context(context))


def test_paragraphs_escapes_and_splits_on_blank_lines():
    text = "First <b>line</b>\nsame paragraph\r\n\r\n\n Second & last "

    assert render("{{ text|paragraphs }}", text=text) == (
        "<p>First &lt;b&gt;line&lt;/b&gt;<br>same paragraph</p>\n<p>Second &amp; last</p>"
    )


def test_paragraphs_turns_dash_lines_into_one_list():
    text = "Topics:\n- exchange;\n\n- joint research\n• bullets too\nAfterwards."

    assert render("{{ text|paragraphs }}", text=text) == (
        "<p>Topics:</p>\n<ul><li>exchange;</li><li>joint research</li><li>bullets too</li></ul>\n<p>Afterwards.</p>"
    )


def test_paragraphs_keeps_a_leading_minus_without_space_as_text():
    assert render("{{ text|paragraphs }}", text="-20 degrees") == "<p>-20 degrees</p>"


def test_paragraphs_of_nothing_is_empty():
    assert render("{{ text|paragraphs }}", text="") == ""
    assert render("{{ text|paragraphs }}", text=None) == ""


@pytest.mark.parametrize(
    ("name", "limit", "expected"),
    [
        ("Jizzakh Polytechnic Institute", 3, "JPI"),
        ("Tashkent Institute of Chemical Technology", 4, "TICT"),
        ("Aziza Karimova", 2, "AK"),
        ("KOICA", 5, "KOICA"),
        ("KOICA", 3, "K"),
        ("Aziza", 2, "A"),
        ("université", 3, "U"),
        ("", 3, ""),
    ],
)
def test_initials(name, limit, expected):
    assert render("{{ name|initials:limit }}", name=name, limit=limit) == expected


def test_tel_href_keeps_digits_and_the_leading_plus():
    assert render("{{ p|tel_href }}", p="+(99891) 209-07-66") == "+998912090766"
    assert render("{{ p|tel_href }}", p="72 226 00 00") == "722260000"


def test_visitors_are_offered_sign_in_and_staff_the_staff_area(client, home_institution, staff):
    anonymous = html(client.get("/about/"))
    client.force_login(staff)
    signed_in = html(client.get("/about/"))

    assert "Sign in</a>" in anonymous and "Staff area" not in anonymous
    assert "Staff area</a>" in signed_in and "Sign out</a>" in signed_in and "Sign in</a>" not in signed_in


def test_a_persons_own_pages_are_in_one_account_menu(client, home_institution):
    student = UserFactory()
    employee = UserFactory(affiliation=User.Affiliation.EMPLOYEE)

    client.force_login(student)
    menu = html(client.get("/about/")).split('class="dropdown-menu')[1].split("</ul>")[0]
    assert ">My applications</a>" in menu and ">My profile</a>" in menu and ">Sign out</a>" in menu
    assert "Business trips" not in menu

    client.force_login(employee)
    menu = html(client.get("/about/")).split('class="dropdown-menu')[1].split("</ul>")[0]
    assert 'href="/my/trips/">Business trips</a>' in menu
    assert 'href="/my/approvals/">Waiting for my decision</a>' in menu


def test_paragraphs_turns_hash_lines_into_headings_at_the_level_asked():
    text = "# Tasks of the department\n\n- Develops the strategy\n- Prepares agreements\n## Functions ##\nTakes part."

    assert render("{{ text|paragraphs:3 }}", text=text) == (
        "<h3>Tasks of the department</h3>\n<ul><li>Develops the strategy</li><li>Prepares agreements</li></ul>\n"
        "<h3>Functions</h3>\n<p>Takes part.</p>"
    )
    assert render("{{ text|paragraphs:4 }}", text="# Title") == "<h4>Title</h4>"


def test_paragraphs_numbers_numbered_lines_and_keeps_lists_apart():
    text = "1. First\n\n2) Second\n- a bullet\n#1 in the ranking"

    assert render("{{ text|paragraphs }}", text=text) == (
        "<ol><li>First</li><li>Second</li></ol>\n<ul><li>a bullet</li></ul>\n<p>#1 in the ranking</p>"
    )


def test_paragraphs_headings_and_items_stay_inert():
    text = "# <script>alert(1)</script>\n1. <img src=x onerror=alert(1)>"

    assert render("{{ text|paragraphs }}", text=text) == (
        "<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>\n<ol><li>&lt;img src=x onerror=alert(1)&gt;</li></ol>"
    )
