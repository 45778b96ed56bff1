"""The fixture press site on loopback, and a politeness fast enough for tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.ingest.web.http import Politeness
from tests.web.site_server import PressSite, start_site

FAST = Politeness(per_host_interval=0.0, retries=2, backoff=0.01, connect_timeout=1.0,
                  read_timeout=0.5, max_retry_after=5.0)
"""Every limit of the real client, with waits short enough for a test suite."""


@pytest.fixture
def site() -> Iterator[PressSite]:
    server = start_site()
    yield server
    server.server.shutdown()
    server.server.server_close()
