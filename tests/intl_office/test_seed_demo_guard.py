"""seed_demo refuses a production database unless forced, and loads with DEBUG on.

These run on an empty database of their own: test_seed_demo.py keeps the demo loaded for its whole module.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partners.models import Institution

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_a_production_database_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not Institution.objects.exists()


def test_seed_demo_runs_while_debug_is_on(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert Institution.objects.public().count() >= 80
