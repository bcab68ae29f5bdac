"""The load run's pages one by one, in-process: median server time, CPU of the web process and queries of
the results grid, a row save (htmx), the plan page and the province dashboard, each as the load run's
clients request them (tests/perf/load.py: same database, same accounts, same plan).

Full requests through Django's test client, no network: the time is the server's. Run:
.venv/bin/python -m tests.perf.pages [--runs 20] [--profile grid|save|plan|dashboard [--sort cumulative]
[--top 25]] [--sql] (--sql prints the slowest queries of one request of each page).
"""

import argparse
import cProfile
import pstats
import statistics
import time

from tests.perf.dashboard import ensure_database, reachable
from tests.perf.load import EDITOR, SUPERVISOR, URL, prepare, row_fields


def pages(client_for, work, province, year):
    """(name, client, method, path, data) of each page of the load mix; data is a function for saves."""
    job = work[0]
    plan, period, ind = job["plan"], job["period"], job["indicator"]
    grid = f"/plans/{plan}/results/?period={period}"
    editor = client_for(EDITOR)
    state = row_fields(editor.get(grid).content.decode(), ind)
    counter = iter(range(10**9))

    def save_data():
        return {f"r{ind}-version": state["version"], f"r{ind}-rid": state["rid"],
                f"r{ind}-result": f"{50 + next(counter) % 40}"}

    def after_save(response):
        fields = row_fields(response.content.decode(), ind)
        if fields["version"]:
            state.update(fields)

    return [
        ("grid", editor, "get", grid, None, None),
        ("save", editor, "post", f"/plans/{plan}/results/{period}/{ind}/", save_data, after_save),
        ("plan", editor, "get", f"/plans/{plan}/", None, None),
        ("dashboard", client_for(SUPERVISOR), "get", f"/dashboard/?year={year}&parent={province}", None, None),
    ]


def in_process(what):
    """The load run's database, prepared, and a function giving a signed-in test client per account; None
    (with a message) when PostgreSQL is unreachable."""
    problem = reachable(URL)
    if problem:
        print(f"{what}: skipped, {URL} is unreachable ({problem})")
        return None
    ensure_database(URL)
    work, province, year, indicators = prepare(1)

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    clients = {}

    def client_for(username):
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(get_user_model().objects.get(username=username))
        return clients[username]

    return work, province, year, indicators, client_for


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", choices=["grid", "save", "plan", "dashboard"])
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--top", default=25, type=int)
    parser.add_argument("--sql", action="store_true")
    args = parser.parse_args()
    prepared = in_process("pages")
    if prepared is None:
        return
    work, province, year, indicators, client_for = prepared

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def call(client, method, path, data, after):
        if data is None:
            response = getattr(client, method)(path)
        else:
            response = getattr(client, method)(path, data(), headers={"HX-Request": "true"})
        assert response.status_code == 200, (path, response.status_code)
        if after:
            after(response)
        return response

    print(f"pages of the load run, in-process ({indicators} indicators per plan, database "
          f"{URL.rsplit('/', 1)[1]}), median of {args.runs}:")
    for name, client, method, path, data, after in pages(client_for, work, province, year):
        call(client, method, path, data, after)  # warm
        with CaptureQueriesContext(connection) as queries:
            call(client, method, path, data, after)
        count = len(queries)
        database_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        times, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            call(client, method, path, data, after)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print(f"  {name:10s} {statistics.median(times) * 1000:6.1f} ms   CPU {statistics.median(cpu) * 1000:6.1f} ms"
              f"   {count:3d} queries ({database_ms:5.1f} ms in the database)")
        if args.sql:
            for q in slowest:
                print(f"      {float(q['time']) * 1000:6.1f} ms  {q['sql'][:300]}")
        if args.profile == name:
            profile = cProfile.Profile()
            profile.runcall(call, client, method, path, data, after)
            pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
