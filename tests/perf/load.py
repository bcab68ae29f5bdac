"""Load, measured: concurrent clients against `make serve` (gunicorn, PRODUCTION=1) and against the
development server (`runserver`, DEBUG=1, as `make run`), both on the same PostgreSQL database.

Each client is a thread with its own keep-alive HTTP connection, signed in once; it loops over the
results grid of "its" commune's plan, a row save (htmx POST, with the version it got back), the plan
page, another save and the province dashboard. Printed per server and per number of clients:
throughput, p50/p95 per kind of request, errors (status >= 400, refused saves, exceptions). Before
the runs, one client alone gives the grid page's server time (median of 20).

Database: LOAD_DATABASE_URL, else BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/kehoach_bench
(`make bench`'s national year). An empty database gets the units and one province's synthetic year
(generate_synthetic --province 01). Run: .venv/bin/python -m tests.perf.load [--seconds 20]
[--clients 8,32] [--port 8114] [--servers serve,dev]
"""

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("LOAD_DATABASE_URL") or os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kehoach_bench")
PASSWORD = "tai-thu-2024-mat-khau"
EDITOR, SUPERVISOR = "bench.canbo", "bench.giamsat"
BUDGETS = {"grid alone (ms)": 80, "grid p95 @8 (ms)": 400, "save p95 @8 (ms)": 200}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- the data: two accounts, the plans they work on -------------------------------------------------

def prepare(max_clients):
    """Users and the plans each client works on, read once through Django (this process only)."""
    os.environ["DATABASE_URL"] = URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from indicators.models import PlanIndicator
    from plans.models import PeriodReport, Plan, PlanStatus, ReportStatus
    from units.models import Role, RoleKind, Unit

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not Plan.objects.exists():
        print("load: empty database, generating one province's synthetic year (01) ...", flush=True)
        call_command("load_units", verbosity=0)
        call_command("generate_synthetic", province=["01"], verbosity=0)
    plans = list(Plan.objects.filter(status=PlanStatus.ISSUED).select_related("unit")
                 .order_by("unit__path", "pk")[:max_clients])
    province = Unit.objects.get(pk=int(plans[0].unit.path.strip("/").split("/")[0]))
    User = get_user_model()
    for name in (EDITOR, SUPERVISOR):
        user, _ = User.objects.get_or_create(username=name)
        user.set_password(PASSWORD)
        user.save()
    editor, supervisor = User.objects.get(username=EDITOR), User.objects.get(username=SUPERVISOR)
    for plan in plans:
        Role.objects.get_or_create(user=editor, unit=plan.unit, role=RoleKind.EDITOR)
    Role.objects.get_or_create(user=supervisor, unit=province, role=RoleKind.SUPERVISOR)
    work = []
    for plan in plans:
        submitted = set(PeriodReport.objects.filter(plan=plan, status=ReportStatus.SUBMITTED)
                        .values_list("period", flat=True))
        period = next(p for p in ("y", "q4", "m12", "h1", "9m") if p not in submitted)
        indicator = (PlanIndicator.objects.filter(plan=plan).exclude(target_kind="qualitative")
                     .exclude(target_unit="đồng").exclude(unit_of_measure__in=["đồng", "đ"])
                     .order_by("pk").first())
        work.append({"plan": plan.pk, "period": period, "indicator": indicator.pk})
    indicators = PlanIndicator.objects.filter(plan=plans[0]).count()
    return work, province.pk, plans[0].year, indicators


# --- one client ------------------------------------------------------------------------------------

class Client:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers["Host"] = "127.0.0.1"
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, data.decode("utf-8", "replace")

    def login(self, username):
        status, page = self.request("GET", "/login/")
        token = CSRF_INPUT.search(page).group(1)
        status, _ = self.request("POST", "/login/", {"csrfmiddlewaretoken": token, "username": username,
                                                     "password": PASSWORD, "next": "/"})
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")


def row_fields(page, indicator):
    """The hidden fields of one row as the grid or a save answered them (version, rid)."""
    fields = {}
    for name in ("version", "rid"):
        m = re.search(rf'name="r{indicator}-{name}"[^>]*value="([^"]*)"', page) or re.search(
            rf'value="([^"]*)"[^>]*name="r{indicator}-{name}"', page)
        fields[name] = m.group(1) if m else ""
    return fields


def run_client(port, job, province, year, stop, record, ready, sessions):
    # Signed in once per account (a password hash costs ~0.3 s of CPU): the clients share the sessions.
    editor, supervisor = Client(port), Client(port)
    editor.cookies, supervisor.cookies = dict(sessions[EDITOR]), dict(sessions[SUPERVISOR])
    plan, period, ind = job["plan"], job["period"], job["indicator"]
    grid = f"/plans/{plan}/results/?period={period}"
    save = f"/plans/{plan}/results/{period}/{ind}/"
    _, page = editor.request("GET", grid)
    fields = row_fields(page, ind)
    ready.wait()
    n = 0
    while not stop.is_set():
        n += 1
        steps = [("grid", editor, "GET", grid, None), ("save", editor, "POST", save, None),
                 ("plan page", editor, "GET", f"/plans/{plan}/", None), ("save", editor, "POST", save, None),
                 ("dashboard", supervisor, "GET", f"/dashboard/?year={year}&parent={province}", None)]
        for kind, client, method, path, _ in steps:
            if stop.is_set():
                break
            body = None
            if method == "POST":
                body = {f"r{ind}-version": fields["version"], f"r{ind}-rid": fields["rid"],
                        f"r{ind}-result": f"{50 + (n % 40)}"}
            start = time.perf_counter()
            try:
                status, text = client.request(method, path, body, {"HX-Request": "true"} if body else None)
                error = status >= 400 or (kind == "save" and ("trước bạn" in text or "Đã lưu" not in text))
            except Exception as exc:  # noqa: BLE001 - counted as an error, the run goes on
                status, text, error = repr(exc), "", True
            record(kind, time.perf_counter() - start, error, status)
            if kind == "save" and not error:
                fields = row_fields(text, ind) if row_fields(text, ind)["version"] else fields


def load_run(port, work, province, year, clients, seconds):
    samples, errors, statuses, lock = defaultdict(list), defaultdict(int), defaultdict(int), threading.Lock()

    def record(kind, elapsed, error, status):
        with lock:
            samples[kind].append(elapsed)
            if error:
                errors[kind] += 1
                statuses[f"{kind} {status}"] += 1

    stop, ready = threading.Event(), threading.Event()
    sessions = {}
    for name in (EDITOR, SUPERVISOR):
        client = Client(port)
        client.login(name)
        sessions[name] = client.cookies
    threads = [threading.Thread(target=run_client, daemon=True,
                                args=(port, work[i % len(work)], province, year, stop, record, ready, sessions))
               for i in range(clients)]
    for t in threads:
        t.start()
    time.sleep(2 + clients * 0.3)   # every client holding its grid
    ready.set()
    start = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    elapsed = time.perf_counter() - start
    for t in threads:
        t.join(timeout=60)
    total = sum(len(v) for v in samples.values())
    rows = {}
    for kind, times in sorted(samples.items()):
        times.sort()
        rows[kind] = (len(times), statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000,
                      errors[kind])
    return total / elapsed, rows, dict(statuses)


def grid_alone(port, job, runs=20):
    client = Client(port)
    client.login(EDITOR)
    path = f"/plans/{job['plan']}/results/?period={job['period']}"
    client.request("GET", path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        status, _ = client.request("GET", path)
        times.append(time.perf_counter() - start)
        assert status == 200, status
    return statistics.median(times) * 1000


# --- the servers -----------------------------------------------------------------------------------

def start_server(kind, port):
    env = {**os.environ, "DATABASE_URL": URL}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if kind == "serve":
        command = ["make", "--no-print-directory", "serve", f"PORT={port}", f"DATABASE_URL={URL}", "INSECURE_HTTP=1"]
        if os.environ.get("WORKERS"):
            command.append(f"WORKERS={os.environ['WORKERS']}")
    else:
        env.update(DEBUG="1", PRODUCTION="0")
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    log = open(f"/tmp/kehoach-load-{kind}.log", "w")  # noqa: SIM115 - closed with the server
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process, log
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{kind} server exited; see /tmp/kehoach-load-{kind}.log")
        time.sleep(1)
    raise RuntimeError(f"{kind} server did not answer /healthz in 300 s")


def stop_server(process, log):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    log.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", default="8,32")
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOAD_PORT", 8114)))
    parser.add_argument("--servers", default="serve,dev")
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    work, province, year, indicators = prepare(max(counts))
    print(f"load: {len(work)} commune plans of {indicators} indicators each, province dashboard of unit "
          f"{province}, year {year}; {args.seconds:.0f} s per run; database {URL.rsplit('/', 1)[1]}")
    names = {"serve": "make serve (gunicorn, PRODUCTION=1)", "dev": "development server (runserver, DEBUG=1)"}
    for kind in args.servers.split(","):
        process, log = start_server(kind, args.port)
        try:
            alone = grid_alone(args.port, work[0])
            print(f"\n{names[kind]}\n  grid page alone, median of 20: {alone:6.0f} ms   budget <= 80 ms   "
                  f"{'OK' if alone <= 80 else 'OVER'}")
            for clients in counts:
                rate, rows, statuses = load_run(args.port, work, province, year, clients, args.seconds)
                print(f"  {clients:2d} clients: {rate:6.1f} requests/s")
                for name, (n, p50, p95, errs) in rows.items():
                    budget = {"grid": 400, "save": 200}.get(name) if clients == 8 else None
                    verdict = "" if budget is None else (f"   budget p95 <= {budget} ms " +
                                                         ("OK" if p95 <= budget and not errs else "OVER"))
                    print(f"    {name:10s} n={n:5d}  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms  errors {errs}{verdict}")
                if statuses:
                    print(f"    errors by status: {statuses}")
        finally:
            stop_server(process, log)


if __name__ == "__main__":
    main()
