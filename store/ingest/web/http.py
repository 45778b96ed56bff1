"""A polite HTTP client: one request a second per host, robots.txt, conditional GET,
timeouts, retries with backoff, few redirects, a size cap, and http(s) only.

Press offices run small servers; a tool that reloads their feeds from cron every hour
must cost them one cheap request when nothing changed, and never hammer them.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from store.errors import PressroomError
from store.ingest.web.identity import is_web_url

PROJECT_URL = "https://github.com/pressroom/pressroom"
"""Where a site's administrator learns what the crawler in their logs is."""
ROBOTS_MAX_AGE = 24 * 3600.0
"""robots.txt is re-read once a day (RFC 9309 allows caching it up to 24 hours), so an
unchanged source costs one request, not two."""
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss",
               "application/atom", "application/rdf", "application/x-rss", "application/feed")


@dataclass(frozen=True)
class Politeness:
    """How hard pressroom may knock: every limit of the client, from `[politeness]`."""

    per_host_interval: float = 1.0
    """Seconds between two requests to one host."""
    hosts_at_once: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3
    """Further attempts after a 429, a 5xx, a timeout or a dropped connection."""
    backoff: float = 2.0
    """Seconds before the first retry; each next one waits twice as long."""
    max_retry_after: float = 300.0
    """A server asking to wait longer than this (Retry-After) is given up on this run."""
    max_redirects: int = 5
    max_bytes: int = 10 << 20
    """A response bigger than this (10 MB) is no press page; it is refused, not read."""
    robots: bool = True
    user_agent: str = ""
    """Empty: "pressroom/<version> (+PROJECT_URL)"."""


@dataclass(frozen=True)
class Validators:
    """What makes the next request conditional (ETag / Last-Modified)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified, no body)."""

    url: str
    """Where the body came from, after redirects."""
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(PressroomError):
    """One URL could not be fetched; the message is `URL: reason`, one line."""

    def __init__(self, url: str, reason: str) -> None:
        self.url, self.reason = url, reason
        super().__init__(f"{url}: {reason}")


class RobotsStore:
    """Where robots.txt files are remembered between runs (`store.ingest.web.state.WebState`);
    this base remembers them for the run only."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[str, float]] = {}

    def robots(self, origin: str) -> tuple[str, float] | None:
        return self._texts.get(origin)

    def save_robots(self, origin: str, text: str, fetched_at: float) -> None:
        self._texts[origin] = (text, fetched_at)


class PoliteClient:
    """GET web pages politely; safe to share between threads (one per host at a time)."""

    def __init__(
        self,
        politeness: Politeness | None = None,
        robots: RobotsStore | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.politeness = politeness or Politeness()
        self._robots_store = robots or RobotsStore()
        self._robots: dict[str, RobotFileParser] = {}
        self._sleep, self._clock = sleep, clock
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}
        self._hosts_lock = threading.Lock()
        p = self.politeness
        self._http = httpx.Client(
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=False,
            # only what `_decoded` can undo under the size cap
            headers={"User-Agent": p.user_agent or user_agent(), "Accept-Encoding": "gzip"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, validators: Validators | None = None) -> Fetched:
        """The page at `url` (redirects followed), or 304 when `validators` still hold.

        Raises FetchError naming the URL and the reason.
        """
        original = url
        for _ in range(self.politeness.max_redirects + 1):
            if not is_web_url(url):
                raise FetchError(original, f"not an http(s) URL: {url}")
            if not self.allowed(url):
                raise FetchError(url, "robots.txt forbids it")
            response = self._attempts(url, validators if url == original else None)
            if isinstance(response, str):
                url = urljoin(url, response)
                continue
            return response
        limit = self.politeness.max_redirects
        raise FetchError(original, f"too many redirects (more than {limit})")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets pressroom's User-Agent fetch `url`."""
        if not self.politeness.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = self._robots[origin] = self._load_robots(origin)
        agent = self._http.headers["User-Agent"]
        return parser.can_fetch(agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser:
        known = self._robots_store.robots(origin)
        now = time.time()
        if known is not None and now - known[1] < ROBOTS_MAX_AGE:
            text = known[0]
        else:
            text = self._fetch_robots(origin)
            self._robots_store.save_robots(origin, text, now)
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return parser

    def _fetch_robots(self, origin: str) -> str:
        """robots.txt as text: a missing one allows everything; an unreachable or failing
        server forbids everything for this run (RFC 9309, 2.3.1)."""
        url = origin + "/robots.txt"
        try:
            for _ in range(self.politeness.max_redirects + 1):
                response = self._attempts(url, None, textual=False)
                if isinstance(response, str):
                    url = urljoin(url, response)
                    if not is_web_url(url):
                        return ""
                    continue
                return response.body.decode("utf-8", errors="replace")
        except FetchError as error:
            if error.reason.startswith("HTTP 4"):
                return ""
        return "User-agent: *\nDisallow: /\n"

    # -- one URL, with retries ----------------------------------------------------------------

    def _attempts(
        self, url: str, validators: Validators | None, *, textual: bool = True
    ) -> Fetched | str:
        """One URL with retries: a Fetched, or the Location of a redirect."""
        p = self.politeness
        for attempt in range(p.retries + 1):
            last = attempt == p.retries
            try:
                outcome = self._once(url, validators, textual)
            except httpx.TimeoutException:
                if last:
                    raise FetchError(url, "timed out") from None
                self._sleep(p.backoff * 2**attempt)
                continue
            except httpx.TransportError as error:
                if last:
                    raise FetchError(url, f"cannot connect ({_reason(error)})") from None
                self._sleep(p.backoff * 2**attempt)
                continue
            if isinstance(outcome, tuple):  # a status worth retrying, with its wait
                status, wait = outcome
                if wait is not None and wait > p.max_retry_after:
                    raise FetchError(url, f"HTTP {status}, asked to wait {wait:.0f} s")
                if last:
                    raise FetchError(url, f"HTTP {status} after {p.retries + 1} attempts")
                self._sleep(wait if wait is not None else p.backoff * 2**attempt)
                continue
            return outcome
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _once(
        self, url: str, validators: Validators | None, textual: bool
    ) -> Fetched | str | tuple[int, float | None]:
        """One request: a Fetched, a redirect's Location, or (status, Retry-After) to retry."""
        p = self.politeness
        headers = validators.headers() if validators else {}
        self._wait_turn(url)
        with self._http.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in RETRIED_STATUSES:
                return status, _retry_after(response.headers.get("Retry-After"))
            if status in (301, 302, 303, 307, 308):
                location: str | None = response.headers.get("Location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location")
                return location
            found = Validators(response.headers.get("ETag"),
                               response.headers.get("Last-Modified"))
            if status == 304:
                return Fetched(url, 304, validators=validators or found)
            if status != 200:
                raise FetchError(url, f"HTTP {status}")
            content_type = response.headers.get("Content-Type", "")
            kind = content_type.split(";")[0].strip().lower()
            if textual and kind and not kind.startswith(_TEXT_TYPES):
                raise FetchError(url, f"not a web page or feed ({kind})")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > p.max_bytes:
                raise FetchError(url, f"larger than {_size(p.max_bytes)} ({_size(int(declared))})")
            chunks, held = [], 0
            for chunk in response.iter_raw():
                held += len(chunk)
                if held > p.max_bytes:
                    raise FetchError(url, f"larger than {_size(p.max_bytes)}")
                chunks.append(chunk)
            body = _decoded(b"".join(chunks), response.headers.get("Content-Encoding", ""), url,
                            p.max_bytes)
            charset = response.charset_encoding
            return Fetched(url, 200, body, kind, charset, found)

    def _wait_turn(self, url: str) -> None:
        """Hold this thread until the host's interval since its last request has passed."""
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            lock, last = self._hosts.setdefault(host, (threading.Lock(), [float("-inf")]))
        with lock:
            wait = last[0] + self.politeness.per_host_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
            last[0] = self._clock()


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("pressroom")
    except PackageNotFoundError:
        number = "0+checkout"
    return f"pressroom/{number} (+{PROJECT_URL})"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _decoded(raw: bytes, encoding: str, url: str, limit: int) -> bytes:
    """The body without its transfer compression, still capped (a zip bomb is refused)."""
    import zlib

    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "deflate", "x-gzip"):
        return raw
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error:
        raise FetchError(url, "the compressed body is corrupt") from None
    if len(out) > limit:
        raise FetchError(url, f"larger than {_size(limit)} once uncompressed")
    return out


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:120]
