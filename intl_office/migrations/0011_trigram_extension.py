"""pg_trgm for the site search's trigram similarity (intl_office/site/search.py), on PostgreSQL only.

SQLite has no extensions: the search falls back to substring matches there, and this migration
does nothing in either direction.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgreSQL(TrigramExtension):
    """Django's operation checks the database when applied, not when reverted: both here."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("intl_office", "0010_departments_and_letters"),
    ]

    operations = [
        TrigramExtensionOnPostgreSQL(),
    ]
