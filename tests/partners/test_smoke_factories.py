import pytest

from tests import factories


@pytest.mark.django_db
def test_every_factory_builds_a_valid_row():
    for name in dir(factories):
        factory_class = getattr(factories, name)
        if name.endswith("Factory") and hasattr(factory_class, "_meta") and factory_class._meta.model:
            obj = factory_class()
            obj.full_clean()
