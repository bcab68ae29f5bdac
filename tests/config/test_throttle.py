"""Per-address limits on the public verification page, with a Vietnamese 429 page."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from config import throttle


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.THROTTLE_RATES = {"verify": (3, 60)}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_verify_lookups_are_limited_per_address(client):
    url = reverse("issuing:verify")
    answers = [client.get(url, {"code": "ABCDEFGHJK"}, REMOTE_ADDR="10.0.0.1").status_code for _ in range(4)]
    other = client.get(url, {"code": "ABCDEFGHJK"}, REMOTE_ADDR="10.0.0.2")
    page = client.get(url, REMOTE_ADDR="10.0.0.1")   # the empty form costs nothing and is not counted

    assert answers == [200, 200, 200, 429]
    assert other.status_code == 200 and page.status_code == 200


@pytest.mark.django_db
def test_the_429_page_is_vietnamese_and_says_when_to_retry(client):
    url = reverse("issuing:verify")
    for _ in range(3):
        client.post(url, {"code": "X"})

    response = client.post(url, {"code": "X"})

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Quá nhiều yêu cầu" in response.content.decode()
    assert "thử lại sau 60 giây" in response.content.decode()


def test_client_ip_takes_the_proxy_header_last_entry(settings):
    settings.CLIENT_IP_META = "HTTP_X_FORWARDED_FOR"
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9", REMOTE_ADDR="127.0.0.1")

    assert throttle.client_ip(request) == "203.0.113.9"
    assert throttle.client_ip(RequestFactory().get("/", REMOTE_ADDR="10.1.1.1")) == "10.1.1.1"


def test_hit_counts_within_the_window():
    assert [throttle.hit("s", "k", limit=2, period=60) for _ in range(3)] == [False, False, True]


def test_client_ip_is_an_address_or_none(settings):
    settings.CLIENT_IP_META = "HTTP_X_FORWARDED_FOR"
    garbage = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="not-an-ip", REMOTE_ADDR="10.2.2.2")
    nothing = RequestFactory().get("/")
    nothing.META.pop("REMOTE_ADDR", None)

    assert throttle.client_ip(garbage) == "10.2.2.2"
    assert throttle.client_ip(nothing) is None
