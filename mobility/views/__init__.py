"""Pages of the mobility app, one module per subdomain, all routed by ``mobility/urls.py``.

``visits``: the public visit stories. ``applications``: the student's side of applying and the
staff's downloads of the files. ``statistics``: the public statistics page.
"""
