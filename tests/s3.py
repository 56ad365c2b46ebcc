"""A real S3 API for the tests: moto's server on a free local port, and fresh buckets for each test.

A pytest plugin (``pytest_plugins`` in tests/conftest.py). ``s3_server`` is the endpoint, started
once per session in a thread of the test process; it listens on a real port, so gunicorn servers
started by a test reach it too. ``object_storage`` switches one test's STORAGES (and the CSP's
image sources) to two new buckets with the mapping production uses
(``intl_office.storage_settings.object_storages``). Nothing here mocks boto3: every call goes over
HTTP to the server.
"""

import logging
import urllib.error
import urllib.request
import uuid
from copy import deepcopy
from dataclasses import dataclass

import pytest

from intl_office.storage_settings import object_storages

ACCESS_KEY_ID = "portal-tests"
SECRET_ACCESS_KEY = "portal-tests-secret"
REGION = "us-east-1"


@dataclass
class Buckets:
    """A pair of buckets on the test server, and a client to look into them as the office's operator would."""

    endpoint: str
    public: str
    private: str

    @property
    def client(self):
        import boto3  # only the sessions that use the server pay for the import

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
            region_name=REGION,
        )

    def settings(self):
        """What settings.py makes of ``environment()``: the STORAGES entries and the public files' address."""
        return object_storages(
            public_bucket=self.public,
            private_bucket=self.private,
            endpoint_url=self.endpoint,
            access_key_id=ACCESS_KEY_ID,
            secret_access_key=SECRET_ACCESS_KEY,
            region=REGION,
        )

    def environment(self):
        """The variables a production host sets for these buckets."""
        return {
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": ACCESS_KEY_ID,
            "S3_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
            "S3_REGION": REGION,
            "S3_PUBLIC_BUCKET": self.public,
            "S3_PRIVATE_BUCKET": self.private,
        }

    def keys(self, bucket, prefix=""):
        listing = self.client.list_objects_v2(Bucket=bucket, Prefix=prefix)
        return sorted(entry["Key"] for entry in listing.get("Contents", ()))

    def read(self, bucket, key):
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def anonymous_get(self, url):
        """(status, body) of a GET without credentials, as any browser on the internet would send it."""
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def object_url(self, bucket, key):
        """The object's address on the server (path-style), whatever the portal would or would not link."""
        return f"{self.endpoint}/{bucket}/{key}"


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint of a local S3 server (moto), for the whole session."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def new_buckets(endpoint):
    """Two new, empty buckets: nothing one test stores is seen by another."""
    suffix = uuid.uuid4().hex[:12]
    buckets = Buckets(endpoint=endpoint, public=f"portal-public-{suffix}", private=f"portal-private-{suffix}")
    for name in (buckets.public, buckets.private):
        buckets.client.create_bucket(Bucket=name)
    return buckets


@pytest.fixture
def s3_buckets(s3_server):
    return new_buckets(s3_server)


def use_object_storage(buckets, settings):
    """From now on this test's files go to ``buckets``, as settings.py sets it up for the S3_* variables.

    ``settings`` is pytest-django's fixture, which puts everything back after the test.
    """
    storages, public_url = buckets.settings()
    settings.STORAGES = {**settings.STORAGES, **storages}
    policy = deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["img-src"].append(public_url)
    settings.CONTENT_SECURITY_POLICY = policy
    return buckets


@pytest.fixture
def object_storage(s3_buckets, settings):
    """This test's files in object storage from the start."""
    return use_object_storage(s3_buckets, settings)
