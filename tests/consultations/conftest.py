import pytest
from django.core.cache import cache
from django.utils import translation

from tests.consultations.factories import CallFactory, QuestionFactory


@pytest.fixture(autouse=True)
def _reset_language():
    """Requests in Arabic activate it for the thread; later tests must start from the default."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The form's per-address counter lives in the cache: each test starts from zero."""
    cache.clear()


@pytest.fixture
def call(working_group):
    call = CallFactory(working_group=working_group, code="WSIS20")
    QuestionFactory(call=call, text={"en": "Main question", "ar": "السؤال الرئيسي"})
    return call
