"""Whether the signed-in student may apply to a call, for the call's page (in ``programs``, below applications).

``{% load application_eligibility %}{% call_refusals call user as refusals %}`` gives the reasons the call
refuses the student, judged by what they told in their last application (level and year of study);
empty for a visitor, for someone who never applied, or when nothing stands in the way.
"""

from django import template

from ..services import personal_data_of

register = template.Library()


@register.simple_tag
def call_refusals(call, user):
    if not getattr(user, "is_authenticated", False) or call.for_staff:
        return []
    known = personal_data_of(user)
    return list(call.eligibility_refusal(level=known.get("level"), year=known.get("year_of_study")).values())
