"""The OpenAPI schema fuzzed with schemathesis against a live server: no 500, answers match it.

Schemathesis' own pytest plugin does not run under this pytest, so each operation's hypothesis
strategy is driven here directly; the checks are schemathesis' (status, schema conformance).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token

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


def fuzz(operation, headers: dict[str, str]) -> None:
    @FUZZ
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(headers=headers)

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
