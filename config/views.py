"""Views of the edge: the 400 page with its reason, and the health URL for the load balancer."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def bad_request(request, exception):
    """400 with the reason in Vietnamese when the code gave one (``BadRequest("Năm: ...")``)."""
    reason = exception.args[0] if getattr(exception, "args", None) and isinstance(exception.args[0], str) else ""
    return render(request, "400.html", {"reason": reason}, status=400)


@never_cache
def healthz(request):
    """200 when this app server reaches its database, 503 otherwise; no login, no session, no HTML."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
