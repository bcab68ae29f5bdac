"""Named predicates for what a person may do on a unit. Built on one role enum.

A role on a unit covers its whole subtree. Superusers may do everything.
"""

from .models import DISTRICT_LEVEL, PROVINCE_LEVEL, RoleKind

READ_ROLES = frozenset(RoleKind.values)
WRITE_ROLES = frozenset({RoleKind.EDITOR, RoleKind.LEADER, RoleKind.ADMIN})
ISSUE_ROLES = frozenset({RoleKind.LEADER, RoleKind.ADMIN})
REOPEN_ROLES = frozenset({RoleKind.SUPERVISOR, RoleKind.ADMIN})
COMMENT_ROLES = frozenset({RoleKind.SUPERVISOR, RoleKind.LEADER, RoleKind.ADMIN})


def covering_roles(user, unit):
    """The (role kind, unit pk) pairs ``user`` holds on ``unit`` or any of its ancestors (one query,
    cached per unit)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache = user.__dict__.setdefault("_unit_roles_cache", {})
    if unit.pk not in cache:
        prefixes = [unit.path[: i + 1] for i, ch in enumerate(unit.path) if ch == "/" and i > 0]
        cache[unit.pk] = frozenset(
            user.unit_roles.filter(unit__path__in=prefixes).values_list("role", "unit_id")
        )
    return cache[unit.pk]


def roles_on(user, unit):
    """The role kinds ``user`` holds on ``unit`` or any of its ancestors."""
    return frozenset(role for role, _ in covering_roles(user, unit))


def _has(user, unit, allowed):
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(roles_on(user, unit) & allowed)


def role_kinds(user):
    """Every role kind ``user`` holds anywhere (one query, cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = user.__dict__.get("_role_kinds")
    if cached is None:
        cached = user.__dict__["_role_kinds"] = frozenset(user.unit_roles.values_list("role", flat=True).distinct())
    return cached


def supervises(user):
    """Whether ``user`` follows units from above (a supervisor or admin role anywhere, or a superuser):
    such a person starts on the dashboard."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(role_kinds(user) & {RoleKind.SUPERVISOR, RoleKind.ADMIN})


# --- who may give which role ------------------------------------------------------------------
# The one rule of people management. A role on a unit lets its holder give these roles on the units
# it covers: a leader the editors and viewers of their own unit (and below); a supervisor leaders,
# editors, viewers and supervisors strictly below their own unit; an administrator the same, at
# their own unit too. Only a superuser gives the administrator role. A supervisor role goes only on
# a province- or district-level unit (it follows the units below). Nobody touches their own roles,
# a superuser, or a person holding any role the actor could not have given (a role elsewhere, or
# above what the actor gives).
GRANTS = {  # role held: (roles it gives, whether on the holder's own unit too)
    RoleKind.LEADER: (frozenset({RoleKind.EDITOR, RoleKind.VIEWER}), True),
    RoleKind.SUPERVISOR: (frozenset({RoleKind.LEADER, RoleKind.EDITOR, RoleKind.VIEWER, RoleKind.SUPERVISOR}), False),
    RoleKind.ADMIN: (frozenset({RoleKind.LEADER, RoleKind.EDITOR, RoleKind.VIEWER, RoleKind.SUPERVISOR}), True),
}
SUPERVISED_LEVELS = PROVINCE_LEVEL | DISTRICT_LEVEL
PEOPLE_ROLES = frozenset(GRANTS)  # the roles that manage people somewhere


def grantable_roles(user, unit):
    """The role kinds ``user`` may give on ``unit`` (empty: they do not manage its people)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.is_superuser:
        roles = set(RoleKind.values)
    else:
        roles = set()
        for role, role_unit in covering_roles(user, unit):
            gives, at_own_unit = GRANTS.get(role, (frozenset(), False))
            if at_own_unit or role_unit != unit.pk:
                roles |= gives
    if unit.kind not in SUPERVISED_LEVELS:
        roles.discard(RoleKind.SUPERVISOR)
    return frozenset(roles)


def can_manage_people(user, unit):
    return bool(grantable_roles(user, unit))


def can_manage_person(user, person, roles):
    """Whether ``user`` may change ``person``'s roles or deactivate them; ``roles``: every Role the
    person holds (unit loaded). Never oneself, never a superuser, never a person with a role the
    actor could not give."""
    if person.pk == user.pk or person.is_superuser or not roles:
        return False
    return all(r.role in grantable_roles(user, r.unit) for r in roles)


def manages_people(user):
    """Whether ``user`` manages people on some unit (the navbar's "Người dùng")."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(role_kinds(user) & PEOPLE_ROLES)


def can_view(user, unit):
    return _has(user, unit, READ_ROLES)


def can_edit(user, unit):
    return _has(user, unit, WRITE_ROLES)


def can_issue(user, plan):
    return _has(user, plan.unit, ISSUE_ROLES)


def can_reopen(user, report):
    return _has(user, report.plan.unit, REOPEN_ROLES)


def can_comment(user, plan):
    return _has(user, plan.unit, COMMENT_ROLES)


def can_admin(user, unit):
    return _has(user, unit, {RoleKind.ADMIN})


PREDICATES = {
    "view": can_view,
    "edit": can_edit,
    "issue": can_issue,
    "reopen": can_reopen,
    "comment": can_comment,
    "admin": can_admin,
    "manage_people": can_manage_people,
}
