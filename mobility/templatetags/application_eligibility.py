"""Whether the signed-in person may apply to a call, for the call's page (in ``programs``, below applications).

``{% load application_eligibility %}{% call_refusals call user as refusals %}`` gives the reasons the call
refuses the person: a staff call takes members of staff, a students' call students (``User.affiliation``);
a student is judged by what they told in their last application (level and year of study). Empty for a
visitor, for someone who never applied, or when nothing stands in the way.
"""

from django import template

from ..services import personal_data_of

register = template.Library()


@register.simple_tag
def call_refusals(call, user):
    if not getattr(user, "is_authenticated", False):
        return []
    known = {} if call.for_staff else personal_data_of(user)
    refusals = call.eligibility_refusal(
        level=known.get("level"), year=known.get("year_of_study"), affiliation=user.affiliation
    )
    return list(refusals.values())
