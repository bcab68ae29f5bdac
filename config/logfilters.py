"""Logging filters (settings.LOGGING)."""

import logging


class ClientErrorWithoutTraceback(logging.Filter):
    """A 4xx answer (403 outside one's rights, 404, 400) is logged as one line, without the traceback
    Django attaches to it: the traceback is of the app refusing, not failing. 5xx keep theirs."""

    def filter(self, record):
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
