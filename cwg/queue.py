"""Sending a task without letting a broker outage reach the person who caused it."""

import logging

from celery import Task
from kombu.exceptions import OperationalError as BrokerUnavailable

logger = logging.getLogger(__name__)


def enqueue_or_run(task: Task, *args) -> None:
    """Through the queue; if the broker is down, here and now, so the request still answers and
    the work is not lost. A failure even then (a mail server that refuses) is logged, never
    a 500: the row it was about is already committed."""
    try:
        task.delay(*args)
        return
    except BrokerUnavailable:
        logger.warning("broker unavailable: running %s%r here", task.name, args)
    try:
        task.apply(args=args, throw=True)
    except Exception:
        logger.exception("%s%r failed", task.name, args)
