"""What every download of the app answers with (documents, exports, templates)."""

from urllib.parse import quote

from django.http import HttpResponse


def attachment(filename, content_type, content):
    """A download of ``content`` as ``filename`` (ASCII name plus its UTF-8 form, RFC 6266)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"
    return response
