"""The staff workspace outside the admin: the dashboard, the annual report and the calendar feed.

Like ``intl_office.site`` this layer sits on top of every domain app and reads them through their
QuerySets; nothing below it imports it.
"""
