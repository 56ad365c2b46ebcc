import pytest

from tests import factories

# django-tasks-db writes its rows itself and declares return_value not blank, which a failed job
# leaves empty: a job row answers to the backend (tests/intl_office/test_jobs.py), not to full_clean().
NOT_CLEANED = {"intl_office.Job"}


@pytest.mark.django_db
def test_every_factory_builds_a_valid_row():
    for name in dir(factories):
        factory_class = getattr(factories, name)
        if name.endswith("Factory") and hasattr(factory_class, "_meta") and factory_class._meta.model:
            obj = factory_class()
            if obj._meta.label not in NOT_CLEANED:
                obj.full_clean()
            assert type(obj)._default_manager.filter(pk=obj.pk).exists(), name
