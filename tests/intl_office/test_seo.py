"""What search engines and link previews read: sitemap, robots.txt, canonical and Open Graph tags."""

import re

import pytest
from django.utils import translation

from tests.factories import CallFactory, GrantProgramFactory, InstitutionFactory, ProjectFactory, VisitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return response.content.decode()


def locations(xml):
    return re.findall(r"<loc>([^<]+)</loc>", xml)


# --- sitemap ----------------------------------------------------------------------------------------


def test_sitemap_lists_home_and_about_in_every_language(client):
    locs = locations(sitemap(client))

    for path in ["/", "/uz/", "/ru/", "/about/", "/uz/about/", "/ru/about/"]:
        assert f"http://testserver{path}" in locs


def test_sitemap_names_uzbek_and_russian_alternates(client):
    xml = sitemap(client)

    assert '<xhtml:link rel="alternate" hreflang="uz" href="http://testserver/uz/about/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="ru" href="http://testserver/ru/about/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/about/"/>' in xml


def test_sitemap_lists_only_list_pages_that_exist(client):
    for loc in locations(sitemap(client)):
        path = loc.removeprefix("http://testserver")
        assert client.get(path).status_code == 200, path


def test_sitemap_lists_a_public_institution_and_not_an_inactive_one(client):
    public = InstitutionFactory(name="Shandong Jianzhu University", country="CN")
    hidden = InstitutionFactory(name="Former Partner University", is_active=False)
    public_url = public.get_absolute_url()

    locs = locations(sitemap(client))

    assert f"http://testserver{public_url}" in locs
    with translation.override("uz"):
        assert f"http://testserver{public.get_absolute_url()}" in locs
    assert not any(hidden.slug in loc for loc in locs)


def test_sitemap_lists_published_calls_only(client):
    published = CallFactory()
    unpublished = CallFactory(is_published=False)
    published_url = published.get_absolute_url()

    locs = locations(sitemap(client))

    assert f"http://testserver{published_url}" in locs
    assert not any(unpublished.slug in loc for loc in locs)


def test_sitemap_lists_public_visits_only(client):
    public = VisitFactory()
    private = VisitFactory(is_public=False)
    public_url = public.get_absolute_url()

    locs = locations(sitemap(client))

    assert f"http://testserver{public_url}" in locs
    assert not any(private.slug in loc for loc in locs)


def test_sitemap_lists_active_programmes_and_projects(client):
    active = GrantProgramFactory(name="Erasmus+")
    closed = GrantProgramFactory(name="Tempus", is_active=False)
    project = ProjectFactory(program=active)
    active_url = active.get_absolute_url()
    project_url = project.get_absolute_url()

    locs = locations(sitemap(client))

    assert f"http://testserver{active_url}" in locs and f"http://testserver{project_url}" in locs
    assert not any(loc.endswith(f"/{closed.slug}/") for loc in locs)


@pytest.mark.parametrize("rows", [5, 200])
def test_sitemap_query_count_does_not_grow_with_rows(client, django_assert_num_queries, rows):
    program = GrantProgramFactory()
    for _ in range(rows):
        ProjectFactory(program=program)
        VisitFactory()
        CallFactory(program=program)
    # 1 home institution (the context processor runs for the XML template too), then one query
    # per sitemap of records: 2 institutions, 3 programmes, 4 projects, 5 calls, 6 visits.
    with django_assert_num_queries(6):
        sitemap(client)


# --- robots.txt -------------------------------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/admin/", "/my/", "/accounts/", "/uz/admin/", "/ru/my/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


# --- head of every page -----------------------------------------------------------------------------


def test_pages_have_canonical_hreflang_and_open_graph_tags(client):
    page = client.get("/uz/about/").content.decode()

    assert '<link rel="canonical" href="http://testserver/uz/about/">' in page
    assert '<link rel="alternate" hreflang="en" href="http://testserver/about/">' in page
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/about/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/about/">' in page
    with translation.override("uz"):
        title = translation.gettext("About the department")
    assert title != "About the department"
    assert f'<meta property="og:title" content="{title}">' in page
    assert '<meta property="og:url" content="http://testserver/uz/about/">' in page
    assert '<meta property="og:type" content="website">' in page
    assert '<meta property="og:site_name" content="Jizzakh Polytechnic Institute">' in page
    assert '<meta property="og:locale" content="uz_UZ">' in page
    assert re.search(r'<meta property="og:description" content="[^"]{40,}">', page)


def test_canonical_url_drops_the_query_string_but_keeps_a_page_number(client):
    assert (
        '<link rel="canonical" href="http://testserver/about/">' in client.get("/about/?utm_source=x").content.decode()
    )
    assert '<link rel="canonical" href="http://testserver/?page=3">' in client.get("/?page=3").content.decode()


def test_og_title_escapes_the_page_title(client, home_institution):
    home_institution.department_name = 'Office "International" & <Co>'
    home_institution.save()

    page = client.get("/").content.decode()

    assert '<meta property="og:title" content="Office &quot;International&quot; &amp; &lt;Co&gt;">' in page


def test_404_page_is_not_indexed(client):
    assert '<meta name="robots" content="noindex">' in client.get("/missing/").content.decode()
