"""Checks on an uploaded .docx or .xlsx before any parser opens it.

A .docx or .xlsx is a zip: its central directory declares every member's size, so a bomb is
refused from the directory alone (size cap, member count, total declared size, compression ratio).
Only the Office Open XML parts we read are ever opened; macros (vbaProject.bin) and external links
are never read nor followed, and nothing is fetched. An old binary .doc/.xls is refused with a
message saying to save it as .docx/.xlsx.
"""

import io
import zipfile

MAX_UPLOAD = 10 * 1024 * 1024          # bytes as uploaded
MAX_MEMBERS = 2000
MAX_EXPANDED = 60 * 1024 * 1024        # total declared uncompressed size
MAX_RATIO = 120                        # uncompressed / compressed, per member and overall
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KINDS = {"docx": ("word/document.xml", "Word (.docx)"), "xlsx": ("xl/workbook.xml", "Excel (.xlsx)")}


class UploadRefused(Exception):
    """An upload we do not open; the message is in Vietnamese and says what to do."""


def _old_format_message(kind):
    if kind == "docx":
        return ("Tệp là văn bản Word cũ (.doc) hoặc không phải .docx. Hãy mở tệp bằng Word, chọn "
                "“Lưu thành” (Save As) kiểu “Word Document (*.docx)” rồi tải lên lại.")
    return ("Tệp là bảng tính Excel cũ (.xls) hoặc không phải .xlsx. Hãy mở tệp bằng Excel, chọn "
            "“Lưu thành” kiểu “Excel Workbook (*.xlsx)” rồi tải lên lại.")


def check_archive(data, kind):
    """Raise UploadRefused unless ``data`` is a reasonable .docx/.xlsx; returns the open ZipFile."""
    main_part, label = KINDS[kind]
    if len(data) > MAX_UPLOAD:
        raise UploadRefused(f"Tệp lớn quá {MAX_UPLOAD // (1024 * 1024)} MB: hãy bỏ bớt hình ảnh rồi tải lên lại.")
    if data[:8] == OLE_MAGIC or not data.startswith(b"PK"):
        raise UploadRefused(_old_format_message(kind))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UploadRefused(f"Tệp bị hỏng hoặc không phải tệp {label}.") from None
    if len(members) > MAX_MEMBERS:
        raise UploadRefused(f"Tệp có quá nhiều thành phần ({len(members)}): không mở.")
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total > MAX_EXPANDED or total / packed > MAX_RATIO:
        raise UploadRefused("Tệp giải nén ra quá lớn so với kích thước của nó (nghi “bom nén”): không mở.")
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size / max(m.compress_size, 1) > MAX_RATIO:
            raise UploadRefused("Tệp giải nén ra quá lớn so với kích thước của nó (nghi “bom nén”): không mở.")
        if m.flag_bits & 0x1:
            raise UploadRefused("Tệp được đặt mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.")
    names = {m.filename for m in members}
    if main_part not in names:
        other = "xlsx" if kind == "docx" and "xl/workbook.xml" in names else None
        other = other or ("docx" if kind == "xlsx" and "word/document.xml" in names else None)
        if other:
            raise UploadRefused(f"Đây là tệp {KINDS[other][1]}, không phải {label}.")
        raise UploadRefused(_old_format_message(kind))
    return archive


def has_macros(archive):
    """Whether the file carries a VBA project (never run; only reported)."""
    return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())
