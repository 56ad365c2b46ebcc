"""The stay on the student's application page: real dates, transcript and recognised credits.

``{% stay_of application as stay %}`` gives None until the student has taken a place on an
outgoing stay; then a dict of the ``mobility``, its ``recognitions``, their ``totals`` and the
stay's ``events``. Four queries, whatever the number of courses.
"""

from django import template

from intl_office.dates import today

from ..models import Mobility, recognised_totals

register = template.Library()


@register.simple_tag
def stay_of(application):
    mobility = Mobility.objects.place_taken().outgoing().filter(application=application).first()
    if mobility is None:
        return None
    return {
        "mobility": mobility,
        "recognitions": list(mobility.recognitions.order_by("position", "pk")),
        "totals": recognised_totals(mobility),
        "events": list(mobility.stay_events.order_by("created_at", "pk")),
        "may_upload": not mobility.transcript and mobility.start_date <= today(),
        # Before the stay the steps above say all there is to say; the card comes with the stay.
        "started": mobility.arrival_confirmed or mobility.start_date <= today(),
    }
