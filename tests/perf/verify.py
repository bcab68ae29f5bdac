"""The public verification's worst cases: seconds and memory of one upload through the whole stack.

In this process (its own SQLite database under /tmp): the seed plan is imported, issued and frozen;
crafted files are posted to /verify/ through Django's test client, one at a time. For each: wall
time, growth of this process's peak RSS (the web process), and the peak RSS of the child that
parsed the file (reports/pdfguard.py). Budget: under 2 s and 150 MB for any accepted upload.
Run: .venv/bin/python -m tests.perf.verify
"""

import html
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DB = Path("/tmp/kehoach-verify-bench.sqlite3")
SEED = ROOT / "fixtures" / "nhon-hung-2024.json"


def setup():
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("MEDIA_ROOT", "/tmp/kehoach-verify-bench-media")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def mib(kib):
    return kib / 1024


def main():
    setup()
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    from plans.interchange import import_plan
    from plans.models import PlanStatus
    from reports import pdfguard
    from reports.issuing import pades, services
    from tests.reports.issuing.crafted import chained_updates, chained_xref_streams, deflate_bomb

    DB.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    plan = import_plan(json.loads(SEED.read_text(encoding="utf-8")))
    plan.status, plan.number, plan.issued_on = PlanStatus.ISSUED, "12", datetime.date(2024, 1, 10)
    plan.save()
    frozen = services.read_document(services.freeze_plan(plan, by=None))
    sections = next(n for n in range(pdfguard.MAX_SECTIONS, 0, -1)
                    if not pdfguard.structure_problem(chained_updates(frozen, n)))
    padded = chained_updates(frozen, sections)
    padded = padded[:-6] + b"%" + b"x" * (pades.MAX_UPLOAD_BYTES - len(padded) - 64) + b"\n%%EOF\n"
    # The most #xx escapes the counts still decode: just under both caps, in a comment, to 20 MB.
    hashed = chained_updates(frozen, sections)
    escapes = (b"#65" * (pdfguard.MAX_KEY_ESCAPES - 100)
               + b"#zz" * (pdfguard.MAX_HASHES - pdfguard.MAX_KEY_ESCAPES - hashed.count(b"#")))
    hashed = hashed[:-6] + b"%" + escapes + b"x" * (pades.MAX_UPLOAD_BYTES - len(hashed) - len(escapes) - 64)
    hashed += b"\n%%EOF\n"
    cases = [
        ("frozen plan + 180,000 chained xref sections", chained_updates(frozen, 180_000)),
        ("140,000 chained xref streams, keys as #xx", chained_xref_streams(140_000)),
        (f"frozen plan + {sections} sections, padded to 20 MB", padded),
        ("the same, padded with ~1,000,000 #xx escapes", hashed),
        ("deflate bomb (catalogue inflating to 400 MB)", deflate_bomb(400)),
        ("the frozen plan itself", frozen),
    ]
    client = Client()
    print("public verification (/verify/, whole Django stack), one upload at a time")
    worst_seconds = worst_mib = 0
    for n, (name, data) in enumerate(cases):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        upload = SimpleUploadedFile("tep.pdf", data, "application/pdf")
        start = time.perf_counter()
        response = client.post("/verify/", {"file": upload}, REMOTE_ADDR=f"10.0.0.{n + 1}")
        seconds = time.perf_counter() - start
        grown = mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
        child = mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        refused = re.search(r'class="invalid-feedback[^"]*">([^<]+)', response.content.decode())
        answer = html.unescape(refused.group(1))[:70] if refused else "checked, answered"
        worst_seconds, worst_mib = max(worst_seconds, seconds), max(worst_mib, grown)
        print(f"  {name:47s} {len(data) / 1e6:5.1f} MB  {seconds:5.2f} s  web process +{grown:4.0f} MiB  "
              f"{response.status_code}  {answer}")
        del upload, data
    print(f"  parsing children's peak RSS (forked: shares the web process's pages): {child:.0f} MiB")
    print(f"  worst: {worst_seconds:.2f} s (budget < 2 s), web process +{worst_mib:.0f} MiB (budget < 150 MB)   "
          f"{'OK' if worst_seconds < 2 and worst_mib * 1.048576 < 150 else 'OVER'}")


if __name__ == "__main__":
    main()
