"""The partner directory's first page comes from an index in each language, not from sorting every partner."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import translation

from partners.filters import InstitutionFilterSet
from partners.views import PAGE_SIZE, directory_queryset
from tests.factories import InstitutionFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_the_directory_reads_its_page_in_name_order_from_the_language_index(language):
    InstitutionFactory.create_batch(3)
    with translation.override(language):
        page = InstitutionFilterSet(QueryDict(""), queryset=directory_queryset()).qs[:PAGE_SIZE]
        sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        # A handful of rows would be sorted in memory whatever the indexes; make sorting and the
        # sequential scan the last resort, so the plan shows whether an index matches the sort key at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"institution_name_{language}_sort_idx" in plan
    assert "Sort Key" not in plan
