"""Under PRODUCTION=1: hashed static files by WhiteNoise, the database cache, media on S3 when set."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = ("import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'storages': s.STORAGES, 'caches': s.CACHES, 'middleware': s.MIDDLEWARE}))")


def _settings(**env):
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    run = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, env=full, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_production_serves_hashed_static_files_and_shares_its_cache():
    found = _settings(PRODUCTION="1", SECRET_KEY=secrets.token_urlsafe(60))

    assert found["storages"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["caches"]["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert found["storages"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in found["middleware"]


def test_media_go_to_an_s3_compatible_store_when_configured():
    found = _settings(MEDIA_S3_BUCKET="kehoach-media", MEDIA_S3_ENDPOINT_URL="https://s3.example.vn")

    media = found["storages"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "kehoach-media"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.vn"
