"""Rate limits that fail safe: counted per client network in a shared cache, and never the
reason a form loses what a person typed.

- The client address is REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT reverse proxies, the address
  the outermost trusted proxy saw, read from the right of CLIENT_ADDRESS_HEADER (each proxy
  appends the address it received from; entries further left are whatever the client sent).
- IPv6 addresses are counted by /64 (RATELIMIT_IPV6_MASK): one subscriber holds a whole /64.
- When the cache does not answer (Redis down), the limit is skipped and logged, and the form
  goes on: an input lost to a 500 is worse than a few more inputs from one address.
- ``check --deploy`` refuses a per-process cache when several web workers share the limit
  (WEB_CONCURRENCY, which gunicorn reads as its number of workers): each would count alone.
"""

import ipaddress
import logging

from django.conf import settings
from django.core import checks
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address the limit counts (django-ratelimit's RATELIMIT_IP_META_KEY)."""
    remote = _address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - a key
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    header = request.META.get(settings.CLIENT_ADDRESS_HEADER, "")
    hops = [hop for hop in header.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # not through our proxies: what reached us is the client
    return _address(hops[-proxies]) or remote


def rate_limit_exceeded(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Count this POST for the client's network; True when it is over the rate.

    A cache that does not answer skips the limit (logged), so the request still succeeds.
    """
    try:
        return is_ratelimited(
            request, group=group, key="ip", rate=rate, method="POST", increment=True
        )
    except Exception:  # noqa: BLE001 - any cache failure (refused, timeout): accept, and say so
        logger.warning("rate limit %s skipped: the cache did not answer", group, exc_info=True)
        return False


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_rate_limit_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    workers = settings.WEB_CONCURRENCY
    alias = getattr(settings, "RATELIMIT_USE_CACHE", "default")
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    if workers > 1 and backend in PER_PROCESS_CACHES:
        return [
            checks.Error(
                f"The rate limit counts in a per-process cache ({backend}) but "
                f"WEB_CONCURRENCY={workers} workers serve the site: each would count alone.",
                hint="Set CACHE_URL to a shared cache, e.g. redis://127.0.0.1:6379/1.",
                id="cwg.E001",
            )
        ]
    return []
