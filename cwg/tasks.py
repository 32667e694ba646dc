from celery import shared_task


@shared_task
def ping() -> str:
    """Health check: proves a worker takes tasks from the broker (monitoring and CI use it)."""
    return "pong"
