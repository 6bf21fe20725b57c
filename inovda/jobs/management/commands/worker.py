"""`inovda worker`: the database backend's worker (``db_worker``) with a heartbeat, so the
health check can tell a live worker from a dead one."""

import logging
import threading

from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from inovda.jobs.progress import beat

logger = logging.getLogger("inovda.jobs")
BEAT_EVERY = 15.0


class Command(DbWorker):
    help = "Jalankan pekerja latar (antrean tugas di basis data) dengan detak untuk /healthz."

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        stop = threading.Event()
        beat(worker_id)  # at once, so a fresh worker counts as alive

        def beating() -> None:
            try:
                while not stop.wait(BEAT_EVERY):
                    try:
                        beat(worker_id)
                    except Exception:
                        logger.warning("worker heartbeat not written", exc_info=True)
            finally:
                connection.close()

        thread = threading.Thread(target=beating, name="heartbeat", daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(timeout=5)
