"""Median server time of the supervisors' dashboard on PostgreSQL with the national synthetic year.

Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kehoach_bench):
migrates it, loads the nationwide units and `generate_synthetic` once (idempotent: later runs reuse
the data), then times full requests through Django's test client, as a superuser (the whole country)
and as a province supervisor. Run on its own: .venv/bin/python -m tests.perf.dashboard
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kehoach_bench")
RUNS = 9
BUDGETS = {"national overview": 0.300, "province overview": 0.100, "comparison (national)": None,
           "comparison (province)": None}


def reachable(url=URL):
    import psycopg

    try:
        psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]
    return None


def ensure_database(url=URL):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            conn.execute(f'create database "{name}"')


def median_ms(client, url, params):
    client.get(url, params)  # warm: templates, connection
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url, params)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main():
    problem = reachable()
    if problem:
        print(f"dashboard on PostgreSQL: skipped, {URL} is unreachable ({problem})")
        return
    ensure_database()
    os.environ["DATABASE_URL"] = URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from indicators.models import CatalogIndicator
    from plans.models import Plan
    from plans.synthetic import synthetic_title
    from units.models import Role, RoleKind, Unit

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    year = int(os.environ.get("BENCH_YEAR", "2026"))
    if Unit.objects.commune_level().current().count() < 3321:
        call_command("load_units", verbosity=0)
    if Plan.objects.filter(year=year, title=synthetic_title(year)).count() < 3321:
        start = time.perf_counter()
        call_command("generate_synthetic", "--year", str(year))
        print(f"generate_synthetic (national, {year}): {time.perf_counter() - start:.0f} s")

    User = get_user_model()
    root, _ = User.objects.get_or_create(username="bench-root", defaults={"is_superuser": True})
    province = Unit.objects.get(code="01", valid_to__isnull=True)   # Hà Nội, the most communes
    supervisor, _ = User.objects.get_or_create(username="bench-giamsat-hanoi")
    Role.objects.get_or_create(user=supervisor, unit=province, role=RoleKind.SUPERVISOR)
    bhyt = CatalogIndicator.objects.get(code="ty-le-tham-gia-bhyt")
    communes = province.children.count()
    cases = [
        ("national overview", root, "dashboard:overview", {"year": year}),
        ("province overview", supervisor, "dashboard:overview", {"year": year}),
        ("comparison (national)", root, "dashboard:compare", {"year": year, "catalog": bhyt.code}),
        ("comparison (province)", supervisor, "dashboard:compare", {"year": year, "catalog": bhyt.code}),
    ]
    print(f"dashboard on PostgreSQL ({Plan.objects.filter(year=year).count()} plans of {year}, "
          f"province {province.name}: {communes} communes; median of {RUNS} requests)")
    for label, user, name, params in cases:
        client = Client()
        client.force_login(user)
        seconds = median_ms(client, reverse(name), params)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse(name), params)
        budget = BUDGETS[label]
        verdict = "" if budget is None else (f"budget < {budget * 1000:.0f} ms  "
                                             f"{'OK' if seconds < budget else 'OVER'}")
        print(f"  {label + ':':24} {seconds * 1000:6.0f} ms  {len(queries):3} queries   {verdict}")


if __name__ == "__main__":
    main()
