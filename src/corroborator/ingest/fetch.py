"""The guarded fetcher: http(s) only, every redirect hop resolved and checked, bounded in time and size.

Each hop's host name is resolved with getaddrinfo; every answer must be a public address unless
`allow_private`. The request then goes to a checked address (with the original Host header and TLS
server name), so a second DNS answer cannot slip a private address in between check and connect.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from corroborator.errors import FetchError
from corroborator.ingest.deadline import deadline_transport
from corroborator.ingest.options import ReadOptions

MAX_REDIRECTS = 5
ALLOWED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "text/plain",
        "application/json",
        "application/x-ndjson",
        "application/jsonl",
    }
)
PRIVATE_HINT = "pass --allow-private to allow local addresses"
_USER_AGENT = "corroborator/0.1 (+news comparison; reads one page per request)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A fetched response body with what is needed to read it."""

    url: str
    """The final URL, after redirects."""
    content_type: str
    """The media type, lower case, without parameters; "" when the server sent none."""
    charset: str | None
    body: bytes
    fetched_at: str


def fetch(url: str, options: ReadOptions, trusted: Collection[IPAddress] = ()) -> Fetched:
    """GET `url` through the guard; FetchError for anything refused or failed.

    `trusted` addresses pass the guard even when private (one known local service, or a test server).
    """
    deadline = time.monotonic() + 3 * options.timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        target = httpx.URL(check_scheme(current))
        addresses = resolve_checked(target, current, options.allow_private, trusted)
        location = _get(target, addresses, options, deadline)
        if isinstance(location, Fetched):
            return location
        current = str(target.join(location))
    raise FetchError(
        f"too many redirects fetching {url} (more than {MAX_REDIRECTS})",
        "the site redirects in a loop; try the final address directly",
    )


def check_scheme(url: str) -> str:
    """The URL itself when it is http(s) with a host; FetchError otherwise."""
    scheme = url.partition(":")[0].lower()
    if scheme not in {"http", "https"}:
        raise FetchError(
            f"refused {url}: unsupported scheme {scheme!r}",
            "only http and https URLs are fetched; give local files as paths",
        )
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchError(f"refused {url}: not a valid URL ({error})", "check the address") from error
    if not parsed.host:
        raise FetchError(f"refused {url}: no host name", "check the address")
    return url


def resolve_checked(
    target: httpx.URL, url: str, allow_private: bool, trusted: Collection[IPAddress] = ()
) -> list[IPAddress]:
    """Every address the host resolves to, each checked; FetchError naming the first refused one."""
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        answers = socket.getaddrinfo(_ascii_host(target), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            f"cannot resolve {target.host} in {url}: {error}", "check the address and the network"
        ) from error
    hosts = (str(answer[4][0]).partition("%")[0] for answer in answers)
    addresses = list(dict.fromkeys(ipaddress.ip_address(host) for host in hosts))
    for address in addresses:
        problem = None if allow_private or address in trusted else address_problem(address)
        if problem:
            shown = "" if str(address) == target.host else f"{target.host} resolves to {address}, a "
            raise FetchError(f"refused {url}: {shown}{problem}", PRIVATE_HINT)
    return sorted(addresses, key=lambda address: address.version)


def address_problem(address: IPAddress) -> str | None:
    """Why a fetch must not go to this address, or None for a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            address = embedded
        elif address.is_site_local:
            return "site-local address"
    checks = (
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_unspecified, "unspecified"),
        (address.is_reserved, "reserved"),
        (address.is_private, "private"),
        (not address.is_global, "non-public"),
    )
    for failed, kind in checks:
        if failed:
            return f"{kind} address"
    return None


def _get(
    target: httpx.URL, addresses: list[IPAddress], options: ReadOptions, deadline: float
) -> Fetched | str:
    """The Fetched response, or the Location a redirect points to.

    A new client per hop and address: a pooled connection, keyed by address, must not carry one
    host's TLS session over to another host on the same address.
    """
    last_error: httpx.ConnectError | None = None
    for address in addresses:
        try:
            with httpx.Client(
                timeout=options.timeout, follow_redirects=False, trust_env=False,
                transport=deadline_transport(deadline),
            ) as client:
                return _get_from(client, target, address, options, deadline)
        except httpx.ConnectError as error:
            last_error = error
    raise FetchError(f"cannot connect to {target}: {last_error}", "check the address, or try again later")


def _get_from(
    client: httpx.Client, target: httpx.URL, address: IPAddress, options: ReadOptions, deadline: float
) -> Fetched | str:
    request = client.build_request(
        "GET",
        target.copy_with(host=str(address)),
        headers={"Host": _host_header(target), "User-Agent": _USER_AGENT},
        extensions={"sni_hostname": _ascii_host(target)} if target.scheme == "https" else {},
    )
    try:
        response = client.send(request, stream=True)
        try:
            return _answer(response, str(target), options, deadline)
        finally:
            response.close()
    except httpx.TimeoutException as error:
        waited = options.timeout if time.monotonic() < deadline else 3 * options.timeout
        raise FetchError(
            f"timed out after {waited:g}s fetching {target}", "raise --timeout or try again later"
        ) from error
    except httpx.ConnectError:
        raise
    except httpx.HTTPError as error:
        raise FetchError(f"failed to fetch {target}: {error}", "check the address, or retry later") from error


def _ascii_host(target: httpx.URL) -> str:
    """The host as sent on the wire: IDNA-encoded names, IPv6 without brackets."""
    return target.raw_host.decode("ascii")


def _host_header(target: httpx.URL) -> str:
    default_port = 443 if target.scheme == "https" else 80
    host = _ascii_host(target)
    host = f"[{host}]" if ":" in host else host
    return host if target.port in (None, default_port) else f"{host}:{target.port}"


def _answer(response: httpx.Response, url: str, options: ReadOptions, deadline: float) -> Fetched | str:
    if response.is_redirect:
        location = response.headers.get("location")
        if not location:
            raise FetchError(f"redirect without a Location from {url}", "the server is misconfigured")
        return str(location)
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} fetching {url}", "check the address")
    media_type, charset = _content_type(response)
    if media_type and media_type not in ALLOWED_TYPES:
        raise FetchError(
            f"refused {url}: content type {media_type} is not a page, feed, text or JSON",
            "only HTML, RSS/Atom, plain text and JSON are read",
        )
    body = _read_capped(response, url, options.max_bytes, deadline)
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    return Fetched(url, media_type, charset, body, fetched_at)


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    media_type, _, parameters = response.headers.get("content-type", "").partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float) -> bytes:
    too_large = FetchError(
        f"response from {url} is larger than the limit of {max_bytes} bytes",
        "raise --max-bytes to read larger pages",
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_large
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the response took too long", request=response.request)
        chunks.append(chunk)
    return b"".join(chunks)
