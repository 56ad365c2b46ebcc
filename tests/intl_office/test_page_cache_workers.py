"""Two gunicorn processes sharing the embedded default cache (files in CACHE_DIR) never disagree.

Each process fills and serves the same cached pages; an edit made by a third process (a
management shell, as an import or an admin in another worker would) shows on the next request
to either of them.
"""

import http.client
from contextlib import closing

import pytest

from tests.deployment import BIN, run_checked, start_gunicorn

pytestmark = pytest.mark.slow

HOST = "127.0.0.1"  # what a load balancer in front of both sends to each


def get(port, path, headers=None):
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=20)) as connection:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()


def shell(env, code):
    run_checked([BIN / "python", "manage.py", "shell", "-c", code], env)


@pytest.mark.parametrize(
    ("pages_cached", "slug", "name", "renamed"),
    [
        pytest.param("True", "andorra", "University of Andorra", "Universitat d’Andorra", id="whole-pages"),
        # Every request renders, from the fragments each process also keeps in its own memory.
        pytest.param(
            "False", "iceland", "University of Iceland", "Háskóli Íslands", id="fragments-in-each-worker-s-memory"
        ),
    ],
)
def test_two_processes_sharing_the_file_cache_show_an_edit_at_once(
    deployed, request, tmp_path, pages_cached, slug, name, renamed
):
    deployed = {**deployed, "PUBLIC_PAGE_CACHE": pages_cached}
    shell(
        deployed,
        "from partners.models import Institution\n"
        f"Institution.objects.create(name={name!r}, country='AD', slug={slug!r})",
    )
    first, second = (
        start_gunicorn(deployed, request, tmp_path / "one.log"),
        start_gunicorn(deployed, request, tmp_path / "two.log"),
    )

    for path in ("/partners/", f"/partners/{slug}/", "/uz/partners/"):
        pages = [get(port, path) for port in (first, second, first, second)]
        assert {status for status, _, _ in pages} == {200}, path
        assert all(name in page for _, _, page in pages), path
        if pages_cached == "True":
            # The second process served what the first stored: the same bytes, the same ETag.
            assert len({headers["ETag"] for _, headers, _ in pages}) == 1, path
            status, _, _ = get(second, path, {"If-None-Match": pages[0][1]["ETag"]})
            assert status == 304
        else:
            assert len({page for _, _, page in pages}) == 1, path

    shell(
        deployed,
        "from partners.models import Institution\n"
        f"partner = Institution.objects.get(slug={slug!r})\n"
        f"partner.name = {renamed!r}\n"
        "partner.save()",
    )

    for path in ("/partners/", f"/partners/{slug}/", "/uz/partners/"):
        for port in (second, first):
            status, _, page = get(port, path)
            assert status == 200
            assert renamed in page and name not in page, (port, path)
