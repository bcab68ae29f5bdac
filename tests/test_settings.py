import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    full_env = {**os.environ, **env}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_production_settings():
    run = _manage("check", "--deploy", "--fail-level", "WARNING", PRODUCTION="1",
                  SECRET_KEY=secrets.token_urlsafe(60), ALLOWED_HOSTS="kehoach.example.vn")
    assert run.returncode == 0, run.stdout + run.stderr


def test_production_refuses_the_development_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    run = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env={**env, "PRODUCTION": "1"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "SECRET_KEY" in run.stderr


def test_default_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
