"""``manage.py jobs_worker``: run the portal's background jobs (every e-mail first of all) as they come due.

Run one or more on every host, as a service of its own (README, "Background jobs"); they share the
queue in the database and never take the same job. On SQLite run one worker at most.

SIGTERM or Ctrl+C lets the job in hand finish, then stops; a second one stops at once and gives the
job back to the queue. A worker killed outright (SIGKILL, a host gone) leaves its job to the other
workers once its heartbeat has been silent for ``JOBS_WORKER_TIMEOUT`` seconds.
"""

import logging
import signal

from django.core.management.base import BaseCommand

from intl_office.jobs import Worker


class Command(BaseCommand):
    help = "Run background jobs as they come due, until stopped (SIGTERM or Ctrl+C finishes the job in hand)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait before looking again when no job is due (default: 1).",
        )
        parser.add_argument("--batch", action="store_true", help="Run the jobs due now, then exit.")
        parser.add_argument("--max-jobs", type=int, default=None, help="Exit after this many jobs.")
        parser.add_argument(
            "--worker-id", default=None, help="Unique name of this worker (default: host, process and a random part)."
        )

    def handle(self, *args, interval, batch, max_jobs, worker_id, verbosity, **options):
        # Each job started, retried or failed goes to the log (the console handler of settings.LOGGING).
        logging.getLogger("intl_office.jobs").setLevel(
            {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
        )
        worker = Worker(worker_id=worker_id, interval=interval)

        def stop(signum, frame):
            if not worker.running:
                raise SystemExit(1)  # asked twice: stop now; the job in hand goes back to the queue
            self.stderr.write(f"{signal.strsignal(signum)}: stopping after the job in hand (again to stop now).")
            worker.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        ran = worker.run(batch=batch, max_jobs=max_jobs)
        self.stdout.write(f"{ran} job(s) run.")
