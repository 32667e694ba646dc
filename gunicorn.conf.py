"""gunicorn's settings, read from the directory it starts in (see README, "Running with ...").

Each worker serves several requests at once in threads, so a slow request (a sign-in's password
hash, an upload's checks) does not make the cached public pages behind it wait: bench/load.py
measures the difference. WEB_CONCURRENCY (workers) is read by gunicorn itself.
"""

import os

worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Longer than a client's pause between two pages: with gthread, gunicorn's 2-second default closed
# kept-alive connections under clients about to reuse them ("connection reset by peer").
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
