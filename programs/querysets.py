"""What the pages read of programmes, projects, joint degrees and calls, as QuerySet methods.

Each rule lives here once and the views, filters and other apps ask for it by name:
which records a visitor may see (``public()``), in which order the pages list them,
and what is counted beside them. The models attach these with ``.as_manager()``.
"""

from django.db import models
from django.db.models import Case, CharField, Count, DateField, F, IntegerField, Prefetch, Q, Value, When

from intl_office.dates import today
from intl_office.i18n import localized
from partners.models import Institution


def rank_of(field, values):
    """An integer sort key following the order of ``values`` (choices order, not alphabetical)."""
    return Case(
        *[When(**{field: value}, then=Value(position)) for position, value in enumerate(values)],
        default=Value(len(values)),
        output_field=IntegerField(),
    )


def open_on(on, prefix=""):
    """The condition of a call accepting applications on the day; the deadline day itself still counts.

    ``prefix`` reaches the call across a relation (``"calls__"`` from a programme), so
    counting open calls elsewhere applies the same rule as ``Call.objects.open()``.
    """
    return Q(
        **{
            f"{prefix}is_published": True,
            f"{prefix}opens_on__lte": on,
            f"{prefix}deadline__gte": on,
            f"{prefix}closed_early_at__isnull": True,
        }
    )


class GrantProgramQuerySet(models.QuerySet):
    def public(self):
        """Programmes visitors may see: the active ones."""
        return self.filter(is_active=True)

    def with_counts(self, on=None):
        """Annotate ``open_call_count`` (calls open on the day) and ``project_count``.

        Both counts join into one query: distinct keeps calls x projects from multiplying.
        """
        on = on or today()
        return self.annotate(
            open_call_count=Count("calls", filter=open_on(on, prefix="calls__"), distinct=True),
            project_count=Count("projects", distinct=True),
        )

    def in_kind_order(self):
        """By kind in the order of ``GrantProgram.Kind``, then by name in the visitor's language."""
        return self.order_by(rank_of("kind", self.model.Kind.values), localized("name"), "pk")

    def count_by_kind(self):
        """``{kind: number of programmes}`` for the kinds that have any, in one query."""
        return dict(self.order_by().values_list("kind").annotate(total=Count("pk")))


class ProjectQuerySet(models.QuerySet):
    def with_member_count(self):
        """Annotate ``member_count``: the institutions in the consortium."""
        return self.annotate(member_count=Count("memberships"))


class ProjectMemberQuerySet(models.QuerySet):
    def in_role_order(self):
        """Coordinators first, then partners, then associated partners; by name in the visitor's language."""
        roles = self.model._meta.get_field("role").choices
        return self.annotate(role_rank=rank_of("role", [value for value, _label in roles])).order_by(
            "role_rank", localized("institution__name"), "pk"
        )


class JointProgrammeQuerySet(models.QuerySet):
    def public(self):
        """Joint programmes visitors may see: those with a partner that is shown to visitors."""
        return self.filter(partner__in=Institution.objects.public())

    def admitting(self):
        """Joint programmes that still admit students."""
        return self.filter(is_active=True)

    def in_level_order(self):
        """By level (bachelor, master, doctorate), those admitting first, then by partner and name."""
        return self.order_by(
            rank_of("level", self.model.Level.values),
            "-is_active",
            localized("partner__name"),
            localized("name"),
            "pk",
        )


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, on=None):
        """Accepting applications on the day; the deadline day itself still counts."""
        return self.filter(open_on(on or today()))

    def upcoming(self, on=None):
        on = on or today()
        return self.published().filter(opens_on__gt=on, closed_early_at__isnull=True)

    def current(self, on=None):
        """Open or upcoming on the day: the deadline has not passed and the office did not close it early."""
        on = on or today()
        return self.published().filter(deadline__gte=on, closed_early_at__isnull=True)

    def closed(self, on=None):
        """Past the deadline, or closed early by the office."""
        on = on or today()
        return self.published().filter(Q(deadline__lt=on) | Q(closed_early_at__isnull=False))

    def results_published(self):
        """Calls whose results list visitors may read."""
        return self.published().filter(results_published_at__isnull=False)

    def open_to(self, group):
        """Calls ``group`` may apply to: "staff", "students" (any level), or a level of study ("master")."""
        model = self.model
        if group == model.Audience.STAFF:
            return self.filter(audience=model.Audience.STAFF)
        students = self.filter(audience=model.Audience.STUDENTS)
        if group in model.LEVEL_FIELDS:
            return students.filter(**{model.LEVEL_FIELDS[group]: True})
        return students

    def with_status(self, on=None):
        """Annotate ``computed_status`` (one of ``Call.Status``) and ``status_rank`` (open 0, upcoming 1, closed 2).

        The same date rules as ``open()/upcoming()/closed()`` and ``Call.status_on()``;
        publication is not looked at: combine with ``published()``.
        """
        on = on or today()
        status = self.model.Status
        upcoming = Q(opens_on__gt=on, closed_early_at__isnull=True)
        closed = Q(deadline__lt=on) | Q(closed_early_at__isnull=False)
        return self.annotate(
            computed_status=Case(
                When(closed, then=Value(status.CLOSED)),
                When(upcoming, then=Value(status.UPCOMING)),
                default=Value(status.OPEN),
                output_field=CharField(),
            ),
            status_rank=Case(
                When(closed, then=Value(2)),
                When(upcoming, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )

    def in_visitor_order(self, on=None):
        """``with_status(on)``, open calls first by the nearest deadline, then upcoming, then closed.

        Upcoming calls come by the nearest opening, closed ones most recently closed
        first. The status is also annotated as ``call_status``, the name the call
        templates read. Publication is not looked at: combine with ``published()``.
        """
        status = self.model.Status
        upcoming, closed = Q(computed_status=status.UPCOMING), Q(computed_status=status.CLOSED)
        return (
            self.with_status(on)
            .annotate(call_status=F("computed_status"))
            .order_by(
                "status_rank",
                Case(
                    When(upcoming, then=F("opens_on")),
                    When(closed, then=Value(None)),
                    default=F("deadline"),
                    output_field=DateField(),
                ).asc(nulls_last=True),
                Case(When(closed, then=F("deadline")), default=Value(None), output_field=DateField()).desc(
                    nulls_last=True
                ),
                "pk",
            )
        )

    def with_hosts(self):
        """Prefetch each call's host institutions, by country and then by name."""
        return self.prefetch_related(Prefetch("hosts", queryset=Institution.objects.by_country()))
