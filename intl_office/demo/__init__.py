"""Demo data for ``manage.py seed_demo``: a realistic international office built from the project's seeds.

``load_demo()`` writes it; running it again changes nothing. The data lives in this package (``partners.py``,
``content.py``, and ``applications.py`` for the students applying to the open call) so that a fresh clone needs
nothing outside the repository.
"""

from .loader import load_demo

__all__ = ["load_demo"]
