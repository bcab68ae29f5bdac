"""The one place that decides which plans, indicators, results and tasks a person reaches.

Every scoped model declares ``UNIT_LOOKUP``, its path to a :class:`~units.models.Unit`
("plan__unit", "indicator__plan__unit", ...). Visibility is "units in the subtree of any
role the user holds", computed inside the same SQL statement as the query it filters; reading
also reaches the old units (before 1 July 2025) that a covered unit was formed from.
Outside that subtree an object does not exist (404); inside it without the right to write,
the answer is 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import Http404

from .models import Role, Unit, UnitSuccession
from .permissions import GRANTS, READ_ROLES, WRITE_ROLES


def visible_units(user, *, write=False, roles=None, held=False):
    """Units the user may read (or, with ``write``, change; or where they hold one of ``roles``):
    one SQL query, any depth. With ``held`` a superuser counts like anyone else, through the roles
    they hold only (a person's to-do list is what their roles give them, not the whole country)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser and not held:
        return Unit.objects.all()
    reading = roles is None and not write
    if roles is None:
        roles = WRITE_ROLES if write else READ_ROLES
    # A role covers a unit when the role's unit path is a prefix of the unit's path.
    covering = Role.objects.filter(user_id=user.pk, role__in=roles).filter(
        Q(StartsWith(OuterRef("path"), F("unit__path"))))
    visible = Q(Exists(covering))
    if reading:
        # The 2025 reorganisation: a role covering a unit also lets one READ the units it was formed
        # from (their plans, results, tasks), so a new commune writes its plan from its predecessors'
        # figures and a new province compares its old wards. Read only: never write, never a
        # predecessor's own subtree or other successors.
        covers_successor = Role.objects.filter(user_id=user.pk, role__in=roles).filter(
            Q(StartsWith(OuterRef("successor__path"), F("unit__path"))))
        # (A predecessor has ended: the test on valid_to spares the current units the subquery.)
        visible |= Q(valid_to__isnull=False) & Q(Exists(UnitSuccession.objects.filter(predecessor=OuterRef("pk"))
                                                        .filter(Exists(covers_successor))))
    return Unit.objects.filter(visible)


def people_units(user):
    """Units whose people ``user`` manages (the rule is ``units.permissions.GRANTS``): one SQL query."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    mine = Role.objects.filter(user_id=user.pk)
    at_own = mine.filter(role__in=[role for role, (_, own) in GRANTS.items() if own])
    below = mine.filter(role__in=[role for role, (_, own) in GRANTS.items() if not own]).exclude(
        unit_id=OuterRef("pk"))
    return Unit.objects.filter(Q(Exists(at_own.filter(StartsWith(OuterRef("path"), F("unit__path")))))
                               | Q(Exists(below.filter(StartsWith(OuterRef("path"), F("unit__path"))))))


def scoped(queryset, user, *, write=False, roles=None, held=False):
    """Narrow ``queryset`` to what ``user`` may read, or change with ``write=True``, or to the
    units where they hold one of ``roles`` (e.g. administrators of a subtree); ``held``: see
    :func:`visible_units`."""
    model = queryset.model
    lookup = getattr(model, "UNIT_LOOKUP", None)
    if lookup is None:
        raise TypeError(f"{model.__name__} declares no UNIT_LOOKUP and cannot be scoped")
    units = visible_units(user, write=write, roles=roles, held=held)
    if lookup == "self":
        return queryset.filter(pk__in=units.values("pk"))
    return queryset.filter(**{f"{lookup}__in": units.values("pk")})


def get_scoped_or_404(queryset, user, *, write=False, **lookup):
    """Fetch one object the user may read; 404 outside their subtree, 403 inside it without ``write``.
    One query when the object is found (a write looks it up among the units the user writes to first)."""
    if write:
        try:
            return scoped(queryset, user, write=True).get(**lookup)
        except queryset.model.DoesNotExist:
            if scoped(queryset, user).filter(**lookup).exists():
                raise PermissionDenied from None
            raise Http404 from None
    try:
        return scoped(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def default_root(user):
    """Where a supervisor's dashboard opens: the deepest unit covering every role the user holds;
    None means the whole country (a superuser, or someone without roles)."""
    if user.is_superuser:
        return None
    paths = [p.strip("/").split("/") for p in user.unit_roles.values_list("unit__path", flat=True)]
    if not paths:
        return None
    common = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return Unit.objects.filter(pk=int(common[-1])).first() if common else None
