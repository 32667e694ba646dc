"""Deployment hardening: sign-in throttling, Content-Security-Policy, headers, CSRF."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def failed_sign_ins(client: Client, username: str, times: int):
    response = None
    for _attempt in range(times):
        response = client.post(reverse("login"), {"username": username, "password": "wrong"})
    return response


def test_five_failures_lock_the_user_name_from_that_address(client, people, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    response = failed_sign_ins(client, "chair", 5)
    assert response.status_code == 429
    html = response.content.decode()
    assert "locked for 20 minutes" in html
    # The right password no longer opens the account from this address...
    right = client.post(reverse("login"), {"username": "chair", "password": "a-test-password-1"})
    assert right.status_code == 429
    # ...but another user name from the same address is not locked.
    other = client.post(
        reverse("login"), {"username": "vicechair", "password": "a-test-password-1"}
    )
    assert other.status_code == 302


def test_four_failures_do_not_lock(client, people):
    failed_sign_ins(client, "chair", 4)
    response = client.post(reverse("login"), {"username": "chair", "password": "a-test-password-1"})
    assert response.status_code == 302


def test_the_admin_sign_in_is_throttled_too(client, people):
    for _attempt in range(5):
        response = client.post(
            reverse("admin:login"), {"username": "secretariat", "password": "wrong"}
        )
    assert response.status_code == 429


def test_lockout_page_is_arabic_for_arabic_readers(client, people):
    client.cookies["django_language"] = "ar"
    response = failed_sign_ins(client, "chair", 5)
    assert 'dir="rtl"' in response.content.decode()


def test_content_security_policy_forbids_inline_script(client, working_group):
    policy = client.get(reverse("cwg:home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_security_headers(client, working_group):
    response = client.get(reverse("cwg:home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_forms_need_a_csrf_token(people):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "chair", "password": "a-test-password-1"})
    assert response.status_code == 403


def test_password_validators_refuse_weak_passwords(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("12345678")
    validate_password("long-and-unusual-passphrase-2026")


def test_api_docs_load_no_third_party_script(client):
    html = client.get(reverse("api-docs")).content.decode()
    assert '<script src="/static/' in html
    assert "googleapis" not in html
    assert "cdn" not in html.lower()
