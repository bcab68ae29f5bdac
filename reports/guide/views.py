"""Short "Hướng dẫn" pages, one per role (editor, leader, supervisor), and the one search box."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from units.models import RoleKind
from units.permissions import supervises

GUIDES = {"editor": "Cán bộ nhập liệu", "leader": "Lãnh đạo UBND", "supervisor": "Cán bộ theo dõi cấp trên"}


def _own_guide(user):
    """The guide of the highest role ``user`` holds: supervisor, then leader, then editor."""
    if supervises(user):
        return "supervisor"
    if user.unit_roles.filter(role=RoleKind.LEADER).exists():
        return "leader"
    return "editor"


@login_required
def guide(request, role=None):
    role = role or _own_guide(request.user)
    if role not in GUIDES:
        raise Http404
    return render(request, f"help/{role}.html", {"role": role, "guides": GUIDES, "title": GUIDES[role]})
