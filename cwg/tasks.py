from celery import shared_task

from cwg.outbox import run_outbox_message, sweep_outbox

__all__ = ["ping", "run_outbox_message", "sweep_outbox"]  # the worker finds tasks here


@shared_task
def ping() -> str:
    """Health check: proves a worker takes tasks from the broker (monitoring and CI use it)."""
    return "pong"
