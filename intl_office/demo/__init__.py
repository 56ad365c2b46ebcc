"""Demo data for ``manage.py seed_demo``: a realistic international office built from the project's seeds.

``intl_office.demo.loader.load_demo(profile=...)`` writes one seed office (``profiles.py``: jizpi, jspu or
tict) with only its own seed's facts; running it again changes nothing. The data lives in this
package (``partners.py``, ``content.py``, and ``applications.py`` for the students applying to the open call)
so that a fresh clone needs nothing outside the repository.

This package is its own small Django app (``apps.DemoConfig``, label "demo") so that its two commands,
``seed_demo`` and ``demo_admin``, live beside the data rather than in the core app. It sits on top of every
domain app; nothing below it imports it. Nothing is imported here: Django imports this package while the app
registry is still loading, before any model may be touched.
"""
