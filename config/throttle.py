"""Per-address rate limits at the edge: a fixed-window counter in the shared cache.

The public verification page (/verify/) answers anyone; each request that looks something up (a
code, an uploaded file) counts against the caller's address. Login attempts are throttled by
django-axes (per account and per address), which reads the address through ``client_ip`` too.
"""

import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_ip(request):
    """The caller's address: REMOTE_ADDR, or the header the reverse proxy sets (settings.CLIENT_IP_META).

    With X-Forwarded-For the rightmost entry is the one our own proxy appended; the rest is what
    the client claimed and is ignored.
    """
    for value in (request.META.get(settings.CLIENT_IP_META), request.META.get("REMOTE_ADDR")):
        candidate = (value or "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None   # no address (a request made in code): django-axes stores NULL


def hit(scope, key, *, limit, period):
    """Count one request of ``key`` in ``scope``; True when it is over ``limit`` in this ``period`` (s)."""
    window = int(time.time() // period)
    name = f"throttle:{scope}:{key}:{window}"
    if cache.add(name, 1, timeout=period + 1):
        return 1 > limit
    try:
        return cache.incr(name) > limit
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=period + 1)
        return False


def too_many_requests(request, period=60):
    response = render(request, "429.html", {"retry_after": period}, status=429)
    response["Retry-After"] = str(period)
    return response


def throttle(scope, *, counts):
    """View decorator: requests for which ``counts(request)`` is true are limited per address to
    settings.THROTTLE_RATES[scope] = (limit, period in seconds); over it, a Vietnamese 429 page."""
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            limit, period = settings.THROTTLE_RATES[scope]
            if counts(request) and hit(scope, client_ip(request) or "unknown", limit=limit, period=period):
                return too_many_requests(request, period)
            return view(request, *args, **kwargs)
        return wrapped
    return decorator


def looks_something_up(request):
    """A verification request that costs something: a POST (file or code) or a GET with a code."""
    return request.method == "POST" or bool(request.GET.get("code"))


def is_post(request):
    return request.method == "POST"
