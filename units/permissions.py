"""Named predicates for what a person may do on a unit. Built on one role enum.

A role on a unit covers its whole subtree. Superusers may do everything.
"""

from .models import RoleKind

READ_ROLES = frozenset(RoleKind.values)
WRITE_ROLES = frozenset({RoleKind.EDITOR, RoleKind.LEADER, RoleKind.ADMIN})
ISSUE_ROLES = frozenset({RoleKind.LEADER, RoleKind.ADMIN})
REOPEN_ROLES = frozenset({RoleKind.SUPERVISOR, RoleKind.ADMIN})
COMMENT_ROLES = frozenset({RoleKind.SUPERVISOR, RoleKind.LEADER, RoleKind.ADMIN})


def roles_on(user, unit):
    """The role kinds ``user`` holds on ``unit`` or any of its ancestors (one query, cached per unit)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cache = user.__dict__.setdefault("_unit_roles_cache", {})
    if unit.pk not in cache:
        prefixes = [unit.path[: i + 1] for i, ch in enumerate(unit.path) if ch == "/" and i > 0]
        cache[unit.pk] = frozenset(
            user.unit_roles.filter(unit__path__in=prefixes).values_list("role", flat=True)
        )
    return cache[unit.pk]


def _has(user, unit, allowed):
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(roles_on(user, unit) & allowed)


def supervises(user):
    """Whether ``user`` follows units from above (a supervisor or admin role anywhere, or a superuser):
    such a person starts on the dashboard. Cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cached = user.__dict__.get("_supervises")
    if cached is None:
        cached = user.__dict__["_supervises"] = user.unit_roles.filter(
            role__in=[RoleKind.SUPERVISOR, RoleKind.ADMIN]).exists()
    return cached


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
}
