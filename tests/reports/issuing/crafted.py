"""Crafted PDFs that cost a naive parser dearly (used by the tests and by `make bench`)."""

import re
import zlib


def chained_updates(base, count):
    """``base`` followed by ``count`` chained incremental updates, each an empty xref section whose
    trailer points (/Prev) to the one before: 180,000 of them after the frozen plan make ~18.6 MB."""
    prev = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    root = re.findall(rb"/Root\s+(\d+\s+\d+\s+R)", base)[-1]
    size = max(int(n) for n in re.findall(rb"/Size\s+(\d+)", base))
    out = bytearray(base if base.endswith(b"\n") else base + b"\n")
    for _ in range(count):
        at = len(out)
        out += (b"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size %d/Root %s/Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
                % (size, root, prev, at))
        prev = at
    return bytes(out)


def chained_xref_streams(count, *, escaped=True):
    """A PDF whose ``count`` cross-reference streams are chained by /Prev, with one startxref at the
    end (the chain needs no other). ``escaped``: its keys are written with #xx escapes (/X#52ef for
    /XRef, /Pr#65v for /Prev, /#53ize, /Ind#65x), as a PDF name may be (ISO 32000-1, 7.3.5)."""
    xref, prev_key, size, index = ((b"/X#52ef", b"/Pr#65v", b"/#53ize", b"/Ind#65x") if escaped
                                   else (b"/XRef", b"/Prev", b"/Size", b"/Index"))
    out = bytearray(b"%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
                    b"2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n")
    prev = None
    for number in range(3, 3 + count):
        at = len(out)
        link = b"" if prev is None else b"%s %d" % (prev_key, prev)
        out += (b"%d 0 obj\n<</Type%s%s %d/W[1 1 1]%s[%d 1]%s/Root 1 0 R/Length 3>>\nstream\n"
                b"\x01\x00\x00\nendstream\nendobj\n" % (number, xref, size, number + 1, index, number, link))
        prev = at
    out += b"startxref\n%d\n%%%%EOF\n" % prev
    return bytes(out)


def deflate_bomb(megabytes=400):
    """A small PDF whose catalogue sits in an object stream that inflates to ``megabytes`` MB."""
    header = b"1 0 "
    compressor = zlib.compressobj(9)
    packed = compressor.compress(header + b"<</Type/Catalog/Pages 2 0 R>>")
    chunk = b" " * (1024 * 1024)
    for _ in range(megabytes):
        packed += compressor.compress(chunk)
    packed += compressor.flush()
    out = bytearray(b"%PDF-1.7\n")
    pages_at = len(out)
    out += b"2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n"
    objstm_at = len(out)
    out += b"3 0 obj\n<</Type/ObjStm/N 1/First %d/Filter/FlateDecode/Length %d>>\nstream\n" % (
        len(header), len(packed))
    out += packed + b"\nendstream\nendobj\n"
    xref_at = len(out)
    rows = b"".join([b"\x00\x00\x00\x00\xff", b"\x02\x00\x00\x03\x00",
                     b"\x01" + pages_at.to_bytes(3, "big") + b"\x00",
                     b"\x01" + objstm_at.to_bytes(3, "big") + b"\x00",
                     b"\x01" + xref_at.to_bytes(3, "big") + b"\x00"])
    out += b"4 0 obj\n<</Type/XRef/Size 5/W[1 3 1]/Root 1 0 R/Length %d>>\nstream\n" % len(rows)
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
