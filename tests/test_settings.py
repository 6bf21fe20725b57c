import subprocess
import sys


def run_settings(env):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='inovda.settings'; django.setup()"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        cwd="/",
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    for key in ("", "change-me", "short"):
        done = run_settings({"DEBUG": "false", "SECRET_KEY": key})
        assert done.returncode != 0
        assert "SECRET_KEY is missing or a placeholder" in done.stderr


def test_production_starts_with_a_real_secret_key():
    done = run_settings({"DEBUG": "false", "SECRET_KEY": "x" * 50})
    assert done.returncode == 0, done.stderr
