"""Evidence on an S3-compatible object store (the local server .ci/run starts): stored
privately, unreachable without the access gate, streamed through the gated view.

Runs when S3_TEST_ENDPOINT is set; in CI (CI=true) a missing endpoint fails instead of
skipping, so the check cannot silently stop running."""

import os
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from inovda.innovations.evidence import upload_evidence
from inovda.results import downloads
from tests.fixtures import published_period
from tests.innovations.test_evidence_support import make_world, pdf

pytestmark = pytest.mark.s3
ENDPOINT = os.environ.get("S3_TEST_ENDPOINT", "")


@pytest.fixture
def bucket(settings):
    if not ENDPOINT:
        if os.environ.get("CI") == "true":
            pytest.fail("S3_TEST_ENDPOINT is not set: .ci/run must start the S3 test server.")
        pytest.skip("S3_TEST_ENDPOINT is not set")
    import boto3

    name = f"inovda-{uuid.uuid4().hex[:12]}"
    keys = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1", **keys)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": ENDPOINT,
                "region_name": "us-east-1",
                "access_key": "test",
                "secret_key": "test",
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
            },
        },
    }
    return client, name


def _anonymous_get(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (a local test server)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_evidence_is_private_on_the_object_store(bucket, personas, settings, tmp_path, client):
    s3, name = bucket
    world = make_world(personas, settings, tmp_path)
    evidence = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="sk.pdf"))
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    stored = s3.get_object(Bucket=name, Key=evidence.file.name)["Body"].read()
    assert stored == pdf()
    # Without the gate: the object's plain address answers 403.
    assert _anonymous_get(f"{ENDPOINT}/{name}/{evidence.file.name}") == 403
    # Through the gate: the region's admin gets the bytes, the outsider nothing.
    client.force_login(personas.admin_a)
    response = client.get(reverse("evidence:download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf()
    client.force_login(personas.admin_b)
    assert client.get(reverse("evidence:download", args=[evidence.pk])).status_code == 404
    # A signed address works for the short while it is meant to, and only for this object.
    signed = default_storage.url(evidence.file.name)
    assert "Signature=" in signed or "X-Amz-Signature=" in signed
    assert _anonymous_get(signed) == 200


def test_built_downloads_live_on_the_object_store(bucket, db, client):
    s3, name = bucket
    data = published_period(2026)
    publication = data.period.publications.get()
    manifest = downloads.build(publication)
    assert s3.head_object(Bucket=name, Key=manifest["inovda-peringkat-2026.csv"]["path"])
    response = client.get("/unduh/periode/2026/peringkat.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert response["Content-Length"] == str(len(body))
