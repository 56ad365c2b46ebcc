"""English fallback text is marked lang="en", so that a screen reader does not read it as Uzbek or Russian.

On /uz/ a translated field with no Uzbek text shows its English (modeltranslation's fallback); the element that
shows it says lang="en", and only then: translated text, English pages and empty fields carry no mark.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from intl_office.i18n import fallback_language
from mobility.models import Mobility
from programs.models import Call
from tests.factories import (
    CallFactory,
    GrantProgramFactory,
    InstitutionFactory,
    MobilityFactory,
    VisitFactory,
    VisitMemberFactory,
)

pytestmark = pytest.mark.django_db

EVIL = '<b onmouseover="alert(1)">Bold</b> & co'


def main_content(response) -> str:
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def marks(html) -> int:
    return len(re.findall(r'\slang="en"', html))


def get(client, record, language):
    with translation.override(language):
        url = record.get_absolute_url()
    return client.get(url)


@pytest.fixture
def call():
    host = InstitutionFactory(
        name_en="Kyung Hee University",
        name_uz="Kyung Hee universiteti",
        name_ru="Университет Кёнхи",
        city_en="Seoul",
        city_uz="Seul",
        city_ru="Сеул",
    )
    program = GrantProgramFactory(name_en="Exchange", name_uz="Almashinuv", name_ru="Обмен")
    call = CallFactory(
        program=program,
        title_en="Semester in Korea",
        title_uz="Koreyada semestr",
        title_ru="Семестр в Корее",
        description_en="Tuition is waived by the host.",
        description_uz="",
        description_ru="Плата за обучение не взимается.",
        hosts=[host],
    )
    return call


def test_an_untranslated_description_is_marked_english_and_the_translated_title_is_not(client, call):
    main = main_content(get(client, call, "uz"))

    assert "<h1>Koreyada semestr</h1>" in main
    assert re.search(r'<div lang="en"><p>Tuition is waived by the host.</p></div>', main)
    assert marks(main) == 1


def test_the_same_field_translated_into_russian_is_not_marked_on_the_russian_page(client, call):
    main = main_content(get(client, call, "ru"))

    assert "Плата за обучение не взимается." in main
    assert marks(main) == 0


def test_nothing_is_marked_on_the_english_page(client, call):
    call.title_uz = ""
    call.save()

    main = main_content(get(client, call, "en"))

    assert "Tuition is waived by the host." in main
    assert marks(main) == 0


def test_the_call_card_marks_an_untranslated_title_and_host_name(client):
    host = InstitutionFactory(name_en="Shandong Jianzhu University", name_uz="")
    CallFactory(title_en="Summer school in Jinan", title_uz="", hosts=[host])

    main = main_content(client.get("/uz/calls/"))

    assert re.search(r'<a href="[^"]+" class="[^"]+" lang="en">Summer school in Jinan</a>', main)
    assert '<span lang="en">Shandong Jianzhu University</span>' in main


def test_a_visit_marks_untranslated_members_and_not_translated_ones(client):
    visit = VisitFactory(title_en="Delegation from Minsk", title_uz="Minskdan delegatsiya", summary_en="Talks.")
    VisitMemberFactory(visit=visit, full_name_en="Ivan Petrov", full_name_uz="Ivan Petrov", position_en="Rector")

    main = main_content(get(client, visit, "uz"))

    assert '<h1 id="visit-title">Minskdan delegatsiya</h1>' in main
    assert '<p class="lead" lang="en">Talks.</p>' in main
    assert '<span class="fw-semibold">Ivan Petrov</span>' in main
    assert '<span class="small text-body-secondary" lang="en">Rector</span>' in main


def test_the_statistics_mark_a_programme_named_only_in_english(client):
    # A programme's row is labelled with its short name when it has one (not translated: an acronym), else its name.
    untranslated = GrantProgramFactory(name_en="Going Global Partnerships", name_uz="", short_name="")
    translated = GrantProgramFactory(name_en="Academic exchange", name_uz="Akademik almashinuv", short_name="")
    for program in (untranslated, translated):
        MobilityFactory(program=program, status=Mobility.Status.COMPLETED, start_date=datetime.date(2024, 10, 1))

    main = main_content(client.get("/uz/statistics/"))

    assert re.search(r'<th scope="row" class="fw-normal" lang="en">(<a [^>]+>)?Going Global Partnerships', main)
    assert re.search(r'<th scope="row" class="fw-normal">(<a [^>]+>)?Akademik almashinuv', main)


def test_markup_in_a_fallback_value_stays_inert(client):
    call = CallFactory(title_en=EVIL, title_uz="", description_en=EVIL, description_uz="")

    html = get(client, call, "uz").content.decode()

    assert "<b onmouseover" not in html
    assert '<h1 lang="en">&lt;b onmouseover=&quot;alert(1)&quot;&gt;Bold&lt;/b&gt; &amp; co</h1>' in html


def test_field_text_wraps_the_escaped_value_only_when_it_falls_back():
    call = CallFactory(title_en=EVIL, title_uz="", title_ru="Семестр <i>в</i> Корее")
    template = Template('{% load site %}{% field_text call "title" %}|{% fallback_lang call "title" %}|')

    with translation.override("uz"):
        uzbek = template.render(Context({"call": call}))
    with translation.override("ru"):
        russian = template.render(Context({"call": call}))

    escaped = "&lt;b onmouseover=&quot;alert(1)&quot;&gt;Bold&lt;/b&gt; &amp; co"
    assert uzbek == f'<span lang="en">{escaped}</span>| lang="en"|'
    assert russian == "Семестр &lt;i&gt;в&lt;/i&gt; Корее||"


def test_a_field_empty_in_every_language_and_a_field_that_is_not_translated_are_not_marked():
    call = CallFactory(eligibility_en="", eligibility_uz="")

    with translation.override("uz"):
        assert fallback_language(call, "eligibility") == ""
        assert fallback_language(call, "places") == ""
        assert fallback_language(None, "title") == ""


def test_the_mark_is_read_from_the_loaded_row_without_a_query(django_assert_num_queries):
    CallFactory(title_en="Semester in Korea", title_uz="", description_en="Tuition is waived.")
    call = Call.objects.defer("description_en").get()

    with translation.override("uz"), django_assert_num_queries(0):
        assert fallback_language(call, "title") == "en"
        assert fallback_language(call, "description") == ""  # a deferred column would cost a query


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/uz/calls/", "/uz/visits/", "/uz/"])
def test_marking_fallbacks_costs_no_query(client, path):
    # The same page twice, once with every field in Uzbek and once with every field falling back to English:
    # the marks are read from the rows already loaded, so both pages read the same number of queries.
    host = InstitutionFactory(name_en="Kyung Hee University", name_uz="Kyung Hee universiteti")
    call = CallFactory(title_en="Semester in Korea", title_uz="Koreyada semestr", hosts=[host])
    visit = VisitFactory(title_en="Delegation", title_uz="Delegatsiya", summary_en="Talks.", summary_uz="Muzokaralar.")
    client.get(path)  # the first request of a test reads what the process then keeps (the office, the site)
    cache.clear()
    translated = count_queries(client, path)
    translated_html = main_content(client.get(path))

    for record, fields in ((host, ["name"]), (call, ["title"]), (visit, ["title", "summary"])):
        for field in fields:
            setattr(record, f"{field}_uz", "")
        record.save()
    cache.clear()
    falling_back = count_queries(client, path)

    assert falling_back == translated
    assert marks(main_content(client.get(path))) > marks(translated_html)
