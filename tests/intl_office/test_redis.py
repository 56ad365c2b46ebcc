"""With REDIS_URL set, as README's production section says: the Redis on 127.0.0.1:6379 itself.

The cache, the sessions and the login counters all live there, so two workers or hosts that share it
share them. A missing Redis skips these outside CI and fails them in CI (tests/ci_guard.py).
"""

import socket

import pytest
import redis
from django.core.cache import caches
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

# A database of its own, emptied around each test; the two-host tests use another.
REDIS_URL = "redis://127.0.0.1:6379/13"
PASSWORD = "correct horse battery staple"  # tests/factories.py gives every user this one


def redis_is_running():
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.fixture
def store():
    if not redis_is_running():
        pytest.skip("no Redis on 127.0.0.1:6379")
    server = redis.Redis.from_url(REDIS_URL)
    server.flushdb()
    settings = {
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}},
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
    }
    with override_settings(**settings):
        yield server
    caches["default"].close()
    server.flushdb()
    server.close()


def test_the_cache_is_the_redis_server(store):
    caches["default"].set("shared", "from another worker", 30)
    keys = [key.decode() for key in store.keys("*")]
    assert any(key.endswith(":shared") for key in keys)
    assert caches["default"].get("shared") == "from another worker"


def test_a_session_made_on_one_worker_is_valid_on_another(store, student):
    first = Client()
    assert first.post("/accounts/login/", {"login": student.email, "password": PASSWORD}).status_code == 302
    session_key = first.cookies["sessionid"].value
    assert any(session_key in key.decode() for key in store.keys("*"))
    # Another worker knows nothing but the cookie: the session comes from Redis.
    other = Client()
    other.cookies["sessionid"] = session_key
    response = other.get("/my/applications/")
    assert response.status_code == 200
    assert response.wsgi_request.user == student


def test_a_session_outlives_a_redis_restart(store, student):
    client = Client()
    assert client.post("/accounts/login/", {"login": student.email, "password": PASSWORD}).status_code == 302
    # Redis keeps nothing on disk: a restart empties it. The session was written through to the database.
    store.flushdb()
    response = client.get("/my/applications/")
    assert response.status_code == 200
    assert response.wsgi_request.user == student


def test_failed_logins_are_counted_in_redis_for_every_worker(store, student):
    for _attempt in range(5):
        Client().post("/accounts/login/", {"login": student.email, "password": "wrong"})
    assert store.keys("*login_failed*")
    # A fresh client (another worker, another browser) meets the same limit, even with the right password.
    response = Client().post("/accounts/login/", {"login": student.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
