"""The portal's own date formats (``FORMAT_MODULE_PATH``): one way to write a date per language.

Uzbek keeps Django's (``5-Dekabr, 2026-yil``; ``05.12.2026`` short). Russian too, but without the
trailing "г." (``5 декабря 2026``), which doubled the full stop of every sentence ending in a date.
English takes the day-month-year order the office writes in (``5 December 2026``, ``5 Dec 2026``
short, 24-hour times) rather than Django's American ``Dec. 5, 2026, 9:52 a.m.``.
Templates and code name the format (``|date:"SHORT_DATE_FORMAT"``, ``date_format(day)``), never
spell one out, so every page, e-mail and export writes a date the same way in its language.
"""
