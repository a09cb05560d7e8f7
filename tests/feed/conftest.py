import pytest


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """The portal's fake listens on 127.0.0.1 (never 'localhost', which may resolve to ::1)."""
    return ("127.0.0.1", 0)
