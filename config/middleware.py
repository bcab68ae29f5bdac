"""Middleware of the edge: every incoming string canonical once; the Permissions-Policy header."""

from django.conf import settings
from django.http import QueryDict

from core.text import clean

KEEP_AS_TYPED = ("password",)   # a secret is compared as it was set: never rewritten


def clean_querydict(data):
    """A copy of ``data`` (immutable, like the original) with keys and values through core.text.clean."""
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        keep = any(word in key for word in KEEP_AS_TYPED)
        cleaned.setlist(clean(key), [v if keep or not isinstance(v, str) else clean(v) for v in values])
    cleaned._mutable = False
    return cleaned


class NormaliseInputMiddleware:
    """request.GET now and request.POST when first read are cleaned (NFC, no zero-width characters,
    no-break spaces made plain; core/text.py). The body is still read only when someone asks for
    it, so a view may refuse an oversized upload unread (reports/issuing/views.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = clean_querydict(request.GET)
        load = request._load_post_and_files

        def load_and_clean():
            load()
            request._post = clean_querydict(request._post)

        request._load_post_and_files = load_and_clean
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """The browser features the app never uses are switched off (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
