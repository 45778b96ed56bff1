"""A real HTTP server on 127.0.0.1 serving the fixture press site, with a request log and
routes that fail the ways real servers do."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parents[1] / "data" / "site"
CANONICAL_BASE = b"http://press.test"
"""The pages' own host; the server rewrites it to its own address as it serves them."""
LAST_MODIFIED = "Wed, 04 Dec 2024 10:00:00 GMT"
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain",
         ".css": "text/css", ".png": "image/png"}
CHARSETS = {"ru/archive/2016/zayavlenie-sovet.html": "windows-1251",
            "ru/archive/2015/uchenia-vzaimodeistvie.html": "koi8-r"}

Route = Callable[["Handler"], None]


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class PressSite:
    """The server: `url(path)`, the `log` of requests, `routes` to add failures."""

    server: ThreadingHTTPServer
    log: list[Request] = field(default_factory=list)
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    overrides: dict[str, bytes] = field(default_factory=dict)
    """Path -> body served instead of the file (a page "changed at source")."""

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]

    def body(self, rel: str) -> bytes:
        data = self.overrides.get("/" + rel)
        if data is None:
            data = (SITE / rel).read_bytes()
        return data.replace(CANONICAL_BASE, self.base.encode())


class Handler(BaseHTTPRequestHandler):
    site: PressSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def do_GET(self) -> None:
        site = self.site
        path = self.path.split("?")[0]
        site.log.append(Request(self.path, dict(self.headers.items())))
        site.hits[path] = site.hits.get(path, 0) + 1
        route = site.routes.get(path)
        if route is not None:
            route(self)
            return
        rel = path.lstrip("/")
        if rel.endswith("/") or rel == "":
            rel += "index.html"
        file = SITE / rel
        if ".." in rel or (not file.is_file() and "/" + rel not in site.overrides):
            self.send_body(404, b"<h1>Not found</h1>", "text/html")
            return
        body = site.body(rel)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        content_type = TYPES.get(file.suffix, "application/octet-stream")
        if rel in CHARSETS:
            content_type = f"text/html; charset={CHARSETS[rel]}"
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, body, content_type, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    def send_body(self, status: int, body: bytes, content_type: str,
                  headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up on a refused 50 MB body is the point, not an error


def start_site() -> PressSite:
    handler = type("SiteHandler", (Handler,), {})
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site = PressSite(server)
    handler.site = site
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site


# -- failures, as routes ----------------------------------------------------------------------


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    def route(h: Handler) -> None:
        h.send_body(code, b"<h1>Error</h1>", "text/html", headers)
    return route


def then(first: Route, times: int, after: Route) -> Route:
    """`first` for the first `times` requests of the path, then `after`."""
    count = [0]

    def route(h: Handler) -> None:
        count[0] += 1
        (first if count[0] <= times else after)(h)
    return route


def page(rel: str) -> Route:
    def route(h: Handler) -> None:
        h.send_body(200, h.site.body(rel), "text/html; charset=utf-8")
    return route


def slow(seconds: float) -> Route:
    def route(h: Handler) -> None:
        time.sleep(seconds)
        h.send_body(200, b"<p>late</p>", "text/html")
    return route


def redirect(to: str) -> Route:
    def route(h: Handler) -> None:
        h.send_body(302, b"", "text/html", {"Location": to})
    return route


def huge(size: int, declare: bool = True) -> Route:
    """A `size`-byte page, streamed lazily; the log says how much was sent."""
    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declare:
            h.send_header("Content-Length", str(size))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        sent = 0
        try:
            while sent < size:
                h.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.site.hits["bytes sent " + h.path] = sent
        h.close_connection = True
    return route


def body(data: bytes, content_type: str) -> Route:
    def route(h: Handler) -> None:
        h.send_body(200, data, content_type)
    return route
