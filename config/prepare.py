"""`make serve`'s preparation, before Django starts: the PostgreSQL database exists, a secret key exists.

Run: python -m config.prepare   (reads DATABASE_URL; prints nothing when all is there)
- DATABASE_URL must name PostgreSQL; the database is created when the server has none of that name.
- SECRET_KEY: when the environment has none, a random key is kept in .secret_key (mode 600, not in
  git) and printed for the Makefile to export; every app server of one site needs the same key.
"""

import os
import secrets
import sys
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
KEY_FILE = ROOT / ".secret_key"


def ensure_database(url):
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("make serve runs on PostgreSQL: set DATABASE_URL=postgres://USER@HOST:5432/NAME")
    params = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None,
              "password": config["PASSWORD"] or None}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"Created database {config['NAME']}", file=sys.stderr)


def secret_key():
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if not KEY_FILE.exists():
        KEY_FILE.write_text(secrets.token_urlsafe(64))
        KEY_FILE.chmod(0o600)
    return KEY_FILE.read_text().strip()


if __name__ == "__main__":
    if sys.argv[1:] == ["secret-key"]:
        print(secret_key())
    else:
        ensure_database(os.environ["DATABASE_URL"])
