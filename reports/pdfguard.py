"""Bounds on the work an uploaded PDF can cost, whatever its content.

Two layers, both before or around any PDF parsing:

1. ``structure_problem(data)``: cheap counts on the raw bytes (one pass each, no parsing): cross-
   reference sections (``xref`` tables, ``/XRef`` streams, ``startxref``, ``/Prev`` links) and the
   declared object count (``/Size``, ``/Index``). A real issued plan has a handful of revisions (the frozen file, one per signature,
   the long-term-validation data); a crafted file with 180,000 chained incremental updates is
   refused here in milliseconds. Names are counted as the parser reads them: a key written with
   ``#xx`` escapes (``/Pr#65v`` is ``/Prev``, ISO 32000-1 7.3.5) is decoded first. What the counts
   cannot see (a compressed bomb, a deep object graph) is caught by the second layer.
2. ``bounded(func, ...)``: the parsing itself runs in a forked child process with a wall-clock
   limit and an address-space limit (settings.PDF_CHECK_SECONDS, PDF_CHECK_MEMORY_MB); a file
   that needs more (a decompression bomb, a deep object graph) is refused, and the web process
   neither grows nor waits. The child touches no database; it returns ``func``'s picklable
   result or the Refused it raised.
"""

import multiprocessing
import os
import re
import resource

from django.conf import settings

MAX_SECTIONS = 64          # cross-reference sections (revisions) in one file
MAX_OBJECTS = 100_000      # declared objects (the frozen plan has a few hundred)
TOO_COMPLEX = "Tệp PDF có cấu trúc quá phức tạp (quá nhiều phần cập nhật hoặc đối tượng), không kiểm tra được."
TOO_COSTLY = "Tệp PDF cần quá nhiều thời gian hoặc bộ nhớ để kiểm tra; hệ thống không kiểm tra tệp này."

# Counted with bytes.count (C speed, one pass each): "xref" tables are the "xref" not in "startxref".
_KEYWORDS = {
    "startxref": lambda data, startxref: startxref,
    "xref tables": lambda data, startxref: data.count(b"xref") - startxref,
    "xref streams": lambda data, startxref: data.count(b"/XRef"),
    "previous sections": lambda data, startxref: data.count(b"/Prev"),
}
_SIZE = re.compile(rb"/Size\s+(\d{1,20})")
_INDEX = re.compile(rb"/Index\s*\[([\d\s]{0,400})")


MAX_HASHES = 1_000_000        # "#" bytes (random binary has one in 256: 82,000 in 20 MB)
MAX_KEY_ESCAPES = 100_000     # escapes of a key's letter ("#65" for "e"), decoded one by one

# The letters of the keys counted below, as the #xx escapes a name may hide them behind ("/Pr#65v"
# is "/Prev", ISO 32000-1 7.3.5), in both cases of a hex digit ("/Si#7Ae", "/Si#7ae").
_KEY_LETTERS = {f"{ord(c):02{case}}".encode(): c.encode() for c in "PrevXRefSizeIndex" for case in "Xx"}
_KEY_ESCAPE = re.compile(rb"#(" + b"|".join(sorted(_KEY_LETTERS)) + rb")")


class _TooMany(Exception):
    pass


def decoded_names(data):
    """``data`` with the #xx escapes of the counted keys' letters decoded ("/Pr#65v" -> "/Prev"), so
    that the counts see the keys a parser sees; None when there are too many to decode cheaply
    (MAX_HASHES, MAX_KEY_ESCAPES). One bytes.count and one regular-expression pass; ``data`` itself
    when it has no "#". Only letters are decoded: an escape of white space or a delimiter ("/Pr#20ev"
    is another name) stays. The result is counted, never parsed: decoding an escape outside a name
    can only find more keys, never fewer."""
    hashes = data.count(b"#")
    if not hashes:
        return data
    if hashes > MAX_HASHES:
        return None
    decoded = 0

    def letter(match):
        nonlocal decoded
        decoded += 1
        if decoded > MAX_KEY_ESCAPES:
            raise _TooMany
        return _KEY_LETTERS[match.group(1)]

    try:
        return _KEY_ESCAPE.sub(letter, data)
    except _TooMany:
        return None


def structure_problem(data):
    """"" when ``data``'s structure is within bounds; otherwise the Vietnamese reason. No parsing:
    names decoded (:func:`decoded_names`), a handful of bytes.count passes, and the few declared
    sizes read only when they are few."""
    data = decoded_names(data)
    if data is None:
        return TOO_COMPLEX
    startxref = data.count(b"startxref")
    if any(count(data, startxref) > MAX_SECTIONS for count in _KEYWORDS.values()):
        return TOO_COMPLEX
    if data.count(b"/Size") > MAX_SECTIONS or data.count(b"/Index") > MAX_SECTIONS:
        return TOO_COMPLEX
    for match in _SIZE.finditer(data):
        if int(match.group(1)) > MAX_OBJECTS:
            return TOO_COMPLEX
    for match in _INDEX.finditer(data):
        if sum(int(n) for n in match.group(1).split()[1::2]) > MAX_OBJECTS:
            return TOO_COMPLEX
    return ""


class Exceeded(Exception):
    """The child ran out of time or memory: the caller refuses the file with TOO_COSTLY."""


def _child(conn, func, args, kwargs, memory_bytes):
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            virtual = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (virtual + memory_bytes, resource.RLIM_INFINITY))
    except (OSError, ValueError):  # no /proc or no limit allowed: the wall clock still bounds it
        pass
    try:
        conn.send(("ok", func(*args, **kwargs)))
    except MemoryError:
        conn.send(("exceeded", None))
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which re-raises it
        try:
            conn.send(("raised", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle
            conn.send(("raised", RuntimeError(str(exc))))
    finally:
        conn.close()


def bounded(func, *args, **kwargs):
    """``func(*args, **kwargs)`` in a forked child within the time and memory limits.

    Returns its result or re-raises its exception; raises Exceeded when it needs more. Without
    fork (or with PDF_CHECK_IN_PROCESS set, for debugging) it runs here, unbounded.
    """
    if getattr(settings, "PDF_CHECK_IN_PROCESS", False) or "fork" not in multiprocessing.get_all_start_methods():
        return func(*args, **kwargs)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    memory = settings.PDF_CHECK_MEMORY_MB * 1024 * 1024
    child = context.Process(target=_child, args=(send, func, args, kwargs, memory), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(settings.PDF_CHECK_SECONDS):
            raise Exceeded
        try:
            outcome, value = receive.recv()
        except EOFError:  # killed by the kernel, e.g. over its limits
            raise Exceeded from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "exceeded":
        raise Exceeded
    if outcome == "raised":
        raise value
    return value
