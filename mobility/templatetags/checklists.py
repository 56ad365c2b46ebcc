"""``{% student_checklist application %}``: the pre-departure checklist on the student's application page.

Shown once the student took the place; nothing otherwise. The checklist is started (the
programme's items copied) the first time it is shown, through ``mobility.services``.
"""

from django import template

from ..views.checklists import student_checklist as checklist_of

register = template.Library()


@register.inclusion_tag("mobility/includes/_checklist.html", takes_context=True)
def student_checklist(context, application):
    return {
        "application": application,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "box": checklist_of(application),
    }
