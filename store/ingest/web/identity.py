"""A web item's identity: its canonical URL, without tracking parameters or fragment."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_",)
"""Query parameters starting so are campaign tracking, never part of what a page is."""
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "igshid"}
)
"""Click identifiers that ad and mail platforms append to every link they pass on."""
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The URL that names the page: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, and "/" for an empty path.

    The same article reached from a feed, a newsletter and a listing is one URL, so one
    item. Anything that is not an absolute http(s) URL is returned stripped, unchanged.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith(TRACKING_PREFIXES) and key.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def web_item_id(url: str) -> str:
    """The item id of the page at `url`: stable across fetches, whatever the page's date.

    17 characters like the date-and-hash ids of raw text, so lists stay aligned.
    """
    digest = hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()
    return f"web-{digest[:13]}"


def is_web_url(text: str) -> bool:
    """An absolute http(s) URL with a host: the only kind pressroom fetches."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in _DEFAULT_PORTS and bool(parts.hostname)
