import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Nothing here checks a password; Argon2 would only slow the personas down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
