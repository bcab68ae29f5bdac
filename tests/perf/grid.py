"""The results grid alone: median server time of one commune's grid page (40 indicators), in-process.

Same database as the load run (tests/perf/load.py: LOAD_DATABASE_URL, else BENCH_DATABASE_URL, else
kehoach_bench on PostgreSQL; an empty one gets one province's synthetic year). Full requests through
Django's test client as the commune's editor, no network: the time is the server's. Prints the median
of RUNS, the queries per page and the budget (80 ms). Run: .venv/bin/python -m tests.perf.grid
[--runs 30] [--profile [--sort cumulative] [--top 25]] (the costliest functions of one request).
"""

import argparse
import cProfile
import pstats
import statistics
import time

from tests.perf.load import EDITOR, URL
from tests.perf.pages import in_process

BUDGET_MS = 80


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--top", default=25, type=int)
    args = parser.parse_args()
    prepared = in_process("results grid")
    if prepared is None:
        return
    work, _province, _year, indicators, client_for = prepared

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(EDITOR)
    path = f"/plans/{work[0]['plan']}/results/?period={work[0]['period']}"
    response = client.get(path)  # warm: templates, connection
    assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)  # now: the next request empties the log the count is read from
    database_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    times, cpu = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times) * 1000
    print(f"results grid ({indicators} indicators, database {URL.rsplit('/', 1)[1]}), in-process, "
          f"median of {args.runs}: {median:6.1f} ms   budget <= {BUDGET_MS} ms   "
          f"{'OK' if median <= BUDGET_MS else 'OVER'}   ({count} queries taking {database_ms:.0f} ms in one "
          f"request, {len(response.content) / 1024:.0f} KiB)")
    print(f"  of which CPU in the web process (less sensitive to a busy machine): "
          f"{statistics.median(cpu) * 1000:6.1f} ms")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(client.get, path)
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
