"""The OpenAPI schema fuzzed with schemathesis against a live server: no 500, answers match it.

Schemathesis' own pytest plugin does not run under this pytest, so each operation's hypothesis
strategy is driven here directly; the checks are schemathesis' (status, schema conformance).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db(transaction=True)

FUZZ = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def operations(live_server):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/schema/?format=json")
    return [result.ok() for result in schema.get_all_operations()]


CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def fuzz(operation, headers: dict[str, str]) -> None:
    # With a valid token, schemathesis also sends a made-up session cookie and expects a
    # refusal; DRF rightly accepts the request on the token. So signed-in runs check
    # conformance only; the public run keeps every default check, ignored auth included.
    checks = CONFORMANCE if "Authorization" in headers else None

    @FUZZ
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(headers=headers, checks=checks)

    run()


@pytest.mark.parametrize("role", ["public", "delegate", "secretariat"])
def test_every_api_operation_survives_fuzzing(role, live_server, people):
    headers = {}
    if role != "public":
        token, _created = Token.objects.get_or_create(user=people[role])
        headers["Authorization"] = f"Token {token.key}"
    found = operations(live_server)
    assert found, "the schema lists no operation"
    for operation in found:
        fuzz(operation, headers)
