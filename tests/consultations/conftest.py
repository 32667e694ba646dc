import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Requests in Arabic activate it for the thread; later tests must start from the default."""
    yield
    translation.deactivate()
