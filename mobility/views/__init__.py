"""Pages of the mobility app, one module per subdomain: ``visits``, ``applications`` (the student's side and
the staff's file downloads) and ``statistics``; ``mobility/urls.py`` routes them all."""
