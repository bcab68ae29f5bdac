"""WeasyPrint rendering: one font configuration, one stylesheet, a fetcher that reaches nothing outside.

The font is Liberation Serif (Times New Roman metrics, full Vietnamese), found through
fontconfig: no @font-face, no font files in the repository (WeasyPrint 70 garbles Vietnamese
when one family is split into unicode-range subsets).
"""

import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STYLESHEET = "css/nd30.css"
LANDSCAPE = "@page { size: A4 landscape; }"

_lock = threading.Lock()
_cache = {}


class RefusedURL(ValueError):
    """The document asked for something outside data: URLs and our own static files."""


def static_dir():
    return (Path(settings.BASE_DIR) / "static").resolve()


class StaticOnlyFetcher(URLFetcher):
    """Serves ``data:`` URLs and files under the project's ``static/`` directory; refuses the rest.

    WeasyPrint before 70.0 let documents read local files and reach the network through its
    default fetcher (CVE-2026-55073). This fetcher opens no socket and follows no redirect.
    """

    def __init__(self):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=1)
        self.refused = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._static_path(url)
            if path is not None:
                return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                          {"Content-Type": _content_type(path)})
        self.refused.append(url)
        raise RefusedURL(f"Refused to fetch {url!r}: only data: URLs and static files are allowed")

    @staticmethod
    def _static_path(url):
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        root = static_dir()
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        return path


def _content_type(path):
    return {".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
            ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(path.suffix.lower(), "application/octet-stream")


def font_config():
    """One FontConfiguration for the process: loading fonts is most of a cold render."""
    with _lock:
        if "fonts" not in _cache:
            _cache["fonts"] = FontConfiguration()
        return _cache["fonts"]


def stylesheets(*, landscape=False):
    key = ("css", landscape)
    with _lock:
        if key not in _cache:
            fonts = _cache.setdefault("fonts", FontConfiguration())
            sheets = [CSS(filename=str(static_dir() / STYLESHEET), url_fetcher=StaticOnlyFetcher(),
                          font_config=fonts)]
            if landscape:
                sheets.append(CSS(string=LANDSCAPE, font_config=fonts))
            _cache[key] = sheets
        return _cache[key]


def base_url():
    return static_dir().as_uri() + "/"


def render_document(html, *, landscape=False, fetcher=None):
    """Lay out one HTML string; returns a WeasyPrint Document (pages not yet written)."""
    return HTML(string=html, base_url=base_url(), url_fetcher=fetcher or StaticOnlyFetcher()).render(
        stylesheets=stylesheets(landscape=landscape), font_config=font_config())


def write_pdf(parts, *, fetcher=None):
    """Render ``parts`` ((template, context, landscape) triples) into one PDF.

    Each part is laid out as its own document, so page numbers restart in every appendix
    (ND30 Phụ lục I, III.1.đ); the pages are then merged into one file.
    """
    documents = [render_document(render_to_string(template, context), landscape=landscape, fetcher=fetcher)
                 for template, context, landscape in parts]
    if len(documents) == 1:
        return documents[0].write_pdf()
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()
