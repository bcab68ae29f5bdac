"""Unknown or out-of-range parameters of the dashboard, the comparison and their exports: 400, never 500."""

import pytest
from django.urls import reverse

URLS = ["dashboard:overview", "dashboard:overview_export", "dashboard:compare", "dashboard:compare_export"]


@pytest.fixture
def signed_in(client, country, supervisor_p):
    client.force_login(supervisor_p)
    return client


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("year", ["9999", "1999", "2101", "99999999999999999999999999"])
def test_a_year_out_of_range_is_400(signed_in, name, year):
    response = signed_in.get(reverse(name), {"year": year})

    assert response.status_code == 400
    assert "Năm" in response.content.decode()


@pytest.mark.parametrize("name", ["dashboard:compare", "dashboard:compare_export"])
def test_an_unknown_catalogue_indicator_is_400(signed_in, name):
    response = signed_in.get(reverse(name), {"catalog": "unknown", "year": "2024"})

    assert response.status_code == 400
    assert "Chỉ tiêu" in response.content.decode()


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("params", [{"period": "m13"}, {"parent": "999999"}, {"parent": "abc"}, {"mode": "x"}])
def test_other_unknown_parameters_are_400(signed_in, name, params):
    assert signed_in.get(reverse(name), {"year": "2024", **params}).status_code == 400


@pytest.mark.parametrize("name", URLS)
def test_good_parameters_still_answer(signed_in, name):
    assert signed_in.get(reverse(name), {"year": "2024", "catalog": "ty-le-tham-gia-bhyt"}).status_code == 200


def test_healthz_answers_without_login(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
