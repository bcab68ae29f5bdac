"""Pages of indicators/: the confirmation of catalogue links (/dashboard/catalog-links/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from . import linking

# /dashboard/catalog-links/

@login_required
@require_http_methods(["GET", "POST"])
def catalog_link_list(request):
    """Suggested links of plan indicators to catalogue indicators, confirmed by an administrator."""
    indicators = linking.linkable_indicators(request.user)
    if indicators is None:
        raise PermissionDenied
    if request.method == "POST":
        choices = [v for k, v in request.POST.items() if k.startswith("link-") and v]
        count = linking.confirm_links(indicators, choices, by=request.user)
        messages.success(request, gettext("Đã liên kết %(count)s chỉ tiêu với danh mục.") % {"count": count})
        return redirect("indicators:catalog_link_list")
    ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()]
    if ids:
        indicators = indicators.filter(pk__in=ids)
    suggestions = linking.suggestions_for(indicators)
    return render(request, "indicators/catalog_links.html", {"suggestions": suggestions})
