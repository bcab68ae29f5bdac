"""The app's own Vietnamese error pages under ``make run`` too.

With DEBUG on (``make run``), Django answers a 404 or a 500 with its English debug pages, which
also list the URL routes. :class:`OwnErrorPages` swaps them for templates/404.html and 500.html
(403 already uses the app's template). The 500's traceback is still logged on the console by
Django (logger ``django.request``). ``DEBUG_PAGES=1`` in the environment keeps Django's pages,
and /admin/ keeps them for whoever fixes data there.
"""

import os

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

# Both of Django's technical pages (technical_404.html, technical_500.html) carry this tag.
TECHNICAL_MARK = b'<meta name="robots" content="NONE,NOARCHIVE">'


def is_technical_page(response):
    return (response.status_code in (404, 500) and "text/html" in response.get("Content-Type", "")
            and not getattr(response, "streaming", False) and TECHNICAL_MARK in response.content)


class OwnErrorPages:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.DEBUG or os.environ.get("DEBUG_PAGES") == "1" or request.path.startswith("/admin/"):
            return response
        if not is_technical_page(response):
            return response
        if response.status_code == 404:
            return render(request, "404.html", status=404)
        return HttpResponseServerError(render_to_string("500.html"))
