"""The public pages that look across every app: home, about, robots.txt, the sitemap and the key figures.

This layer sits on top of ``partners``, ``programs`` and ``mobility`` and may read all of them; nothing
below it (the core at the root of ``intl_office`` or a domain app) imports it.
"""
