"""Background jobs in tests: run the queued ones as the worker would, and a real SMTP server to send to.

``run_jobs()`` runs every job that is due through the worker's own code (``intl_office.jobs.Worker``),
on the test's connection and inside its transaction: an action queues its e-mail in its transaction,
the test runs the jobs, and the e-mail is in ``mail.outbox`` (or reaches the SMTP server below).

``MailServer`` is aiosmtpd on a free port of this machine, started and stopped by the test, that keeps
every message it accepts; ``hang()`` makes it leave messages unanswered, as a server that hangs does.
"""

import asyncio
import socket
import threading
import time
from email import message_from_bytes

from aiosmtpd.controller import Controller
from django.core import mail

from intl_office.jobs import Worker, job


def run_jobs() -> int:
    """Run every job due now, as a worker would, in this test's transaction; returns how many ran."""
    return Worker(worker_id="test-worker", standalone=False).run(batch=True)


@job(label="Record that it ran")
def record_run(path: str, number: int) -> None:
    """A job with no guard of its own against running twice: each run appends its number to ``path``."""
    time.sleep(0.02)  # long enough for the other worker to look for a job meanwhile
    with open(path, "a") as runs:
        runs.write(f"{number}\n")


def clear_mail():
    """Send what the test's set-up queued, then forget it: ``mail.outbox`` holds only what comes next."""
    run_jobs()
    mail.outbox.clear()


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtp_server, session, envelope):
        self.server.receiving.set()
        if self.server.held.is_set():
            # A server that hangs: no answer until released (or for a minute), then a refusal. The
            # message was never accepted, so the client must send it again.
            for _tick in range(600):
                if not self.server.held.is_set():
                    break
                await asyncio.sleep(0.1)
            return "451 Requested action aborted: try again later"
        self.server.messages.append(message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"


class MailServer:
    """A real SMTP server on 127.0.0.1 for one test; ``messages`` holds what it accepted."""

    def __init__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.messages = []
        self.receiving = threading.Event()
        self.held = threading.Event()
        self._controller = None

    def start(self):
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=10)
        self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self.held.clear()
            self._controller.stop()
            self._controller = None

    def hang(self):
        """Leave every message unanswered until ``release()``, then refuse it; ``receiving`` is set once one arrives."""
        self.receiving.clear()
        self.held.set()

    def release(self):
        self.held.clear()

    def wait_for(self, count, timeout=20):
        """Wait until ``count`` messages have arrived; returns them."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def settings(self):
        """The e-mail settings that send to this server, for a test's ``settings`` or a process's environment."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_TIMEOUT": 5,
        }
