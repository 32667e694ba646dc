"""The public form's rate limit fails safe: per client network, through trusted proxies only, and
never a 500 that loses an input when its cache is down (cwg.rate_limits)."""

import contextlib
import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from consultations.models import Submission
from tests.consultations.factories import CallFactory, QuestionFactory, form_data
from tests.integration.faults import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(working_group, settings):
    settings.CONSULTATION_SUBMIT_RATE = "1/h"
    cache.clear()
    call = CallFactory(working_group=working_group, code="RATE")
    QuestionFactory(call=call)
    yield call
    with contextlib.suppress(Exception):  # the cache under test may be the one that is down
        cache.clear()


def post(client, call, **meta):
    return client.post(reverse("consultations:submit", args=[call.code]), form_data(call), **meta)


def test_ipv6_addresses_are_counted_by_their_64_bit_network(client, call):
    assert post(client, call, REMOTE_ADDR="2001:db8:1:2::1").status_code == 302
    assert post(client, call, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert post(client, call, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


def test_the_forwarded_header_is_ignored_without_a_trusted_proxy(client, call):
    assert post(client, call, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert post(client, call, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_behind_a_trusted_proxy_the_client_is_the_address_it_saw(client, call, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert post(client, call, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 302
    # What the client writes to the left of the header does not make it someone else.
    spoofed = post(client, call, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7", **proxy)
    assert spoofed.status_code == 429
    assert post(client, call, HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy).status_code == 302


def test_a_garbled_forwarded_header_counts_the_proxy_not_a_500(client, call, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = post(client, call, HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_with_the_cache_down_the_input_is_accepted_and_the_skip_logged(
    client, call, settings, caplog
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    with caplog.at_level(logging.WARNING, logger="cwg.rate_limits"):
        response = post(client, call)
    assert response.status_code == 302
    assert Submission.objects.filter(call=call).count() == 1
    assert "rate limit consultations.submit skipped" in caplog.text


@pytest.mark.parametrize(
    ("workers", "cache_url", "refused"),
    [
        (3, "locmemcache://", True),
        (1, "locmemcache://", False),
        (3, "rediscache://127.0.0.1:6379/1", False),
    ],
)
def test_deploy_check_refuses_a_per_process_cache_with_several_workers(
    settings, workers, cache_url, refused
):
    import environ

    settings.WEB_CONCURRENCY = workers
    settings.CACHES = {"default": environ.Env.cache_url_config(cache_url)}
    from cwg.rate_limits import check_shared_rate_limit_cache

    errors = check_shared_rate_limit_cache(None)
    assert [error.id for error in errors] == (["cwg.E001"] if refused else [])
    if refused:
        with pytest.raises(SystemCheckError, match="each would count alone"):
            call_command("check", "--deploy", "--tag", "caches")
