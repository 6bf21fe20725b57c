"""`inovda check --deploy` passes with production settings: DEBUG off, a real SECRET_KEY and
the HTTPS settings switched on from the environment. Runs in a fresh process, as deployed."""

import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "inovda.example.go.id",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_PROXY_SSL_HEADER": "true",
    "TRUSTED_PROXIES": "127.0.0.1,10.0.0.0/8",
}


def deploy_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "inovda.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env={
            "PATH": "/usr/bin:/bin",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "STATIC_ROOT": str(tmp_path / "static"),
            **env,
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def test_the_deploy_checks_pass_with_production_settings(tmp_path):
    done = deploy_check(tmp_path, **PRODUCTION)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_the_deploy_checks_name_what_is_missing_without_https(tmp_path):
    done = deploy_check(tmp_path, DEBUG="false")

    assert done.returncode != 0
    assert "security.W004" in done.stderr + done.stdout  # HSTS
    assert "security.W008" in done.stderr + done.stdout  # SSL redirect
