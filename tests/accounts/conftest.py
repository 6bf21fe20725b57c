import pytest

FAST_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 takes ~0.2 s a hash; test_account_create checks that production uses it."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
