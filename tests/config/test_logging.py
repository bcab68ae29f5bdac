"""A 403 (or 404, 400) is logged as one line without a traceback; a 500 keeps its traceback."""

import logging
import sys

import pytest
from django.urls import reverse

from config.logfilters import ClientErrorWithoutTraceback


def _record(status):
    try:
        raise PermissionError("refused")
    except PermissionError:
        info = sys.exc_info()
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden", (), info)
    record.status_code = status
    return record


@pytest.mark.parametrize(("status", "traceback"), [(403, False), (404, False), (400, False), (500, True)])
def test_the_filter_drops_tracebacks_of_client_errors(status, traceback):
    record = _record(status)

    assert ClientErrorWithoutTraceback().filter(record) is True
    assert (record.exc_info is not None) is traceback


def test_a_403_through_the_configured_handler_logs_no_traceback(client, viewer_a, plan_a, capfd):
    client.force_login(viewer_a)
    handler = logging.getLogger().handlers[0] if logging.getLogger().handlers else None
    assert handler is not None and any(isinstance(f, ClientErrorWithoutTraceback) for f in handler.filters)

    response = client.post(reverse("plans:plan_edit", args=[plan_a.pk]), {})

    assert response.status_code == 403
    err = capfd.readouterr().err
    assert "Traceback" not in err
