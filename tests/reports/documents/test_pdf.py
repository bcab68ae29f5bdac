"""The PDF renderer fetches nothing but data: URLs and the project's static files."""

import pytest
from django.template.loader import render_to_string

from reports.documents import exporters, pdf
from reports.documents.registry import get_exporter

from .conftest import pdf_text

HOSTILE = '<img src="http://127.0.0.1:9/x"> file:///etc/passwd'


def test_fetcher_refuses_network_and_local_files():
    fetcher = pdf.StaticOnlyFetcher()

    for url in ("http://127.0.0.1:9/x", "https://example.org/a.css", "file:///etc/passwd",
                f"{pdf.static_dir().as_uri()}/../manage.py", "ftp://127.0.0.1/x"):
        with pytest.raises(pdf.RefusedURL):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5


def test_fetcher_serves_static_files_and_data_urls():
    fetcher = pdf.StaticOnlyFetcher()

    css = fetcher.fetch(f"{pdf.static_dir().as_uri()}/css/nd30.css")
    data = fetcher.fetch("data:text/plain;base64,eGlu")
    assert b"@page" in css.read()
    assert data.read() == b"xin"


def test_forced_references_fetch_nothing():
    fetcher = pdf.StaticOnlyFetcher()
    html = ('<html><head><link rel="stylesheet" href="file:///etc/passwd">'
            '<style>@import url("http://127.0.0.1:9/a.css");</style></head>'
            '<body><img src="http://127.0.0.1:9/x"><img src="file:///etc/passwd">'
            '<p>chữ</p></body></html>')

    content = pdf.render_document(html, fetcher=fetcher).write_pdf()

    assert set(fetcher.refused) >= {"file:///etc/passwd", "http://127.0.0.1:9/x", "http://127.0.0.1:9/a.css"}
    assert b"root:" not in content


@pytest.mark.django_db
def test_user_text_is_escaped_and_not_fetched(plan, monkeypatch):
    refused = []

    class Spy(pdf.StaticOnlyFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(pdf.static_dir().as_uri()):
                refused.append(url)
            return super().fetch(url, headers)

    monkeypatch.setattr(pdf, "StaticOnlyFetcher", Spy)
    plan.title = HOSTILE
    plan.preamble = HOSTILE
    plan.save()

    html = render_to_string("reports/plan_document.html",
                            exporters.plan_context(plan))
    _, _, content = get_exporter("plan", "pdf").render(plan)

    assert "&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;" in html
    assert '<img src="http://127.0.0.1:9/x">' not in html
    assert refused == []
    assert '<img src="http://127.0.0.1:9/x"> file:///etc/passwd' in pdf_text(content)
