"""The client's address and scheme, believed only when a proxy the settings name passes them on.

Behind a TLS proxy every request comes from the proxy's address, and the proxy says who the
client was (X-Forwarded-For) and whether it spoke HTTPS (X-Forwarded-Proto). Anyone can send
those headers, though, so they count only when the request comes from an address listed in
``TRUSTED_PROXIES``; from anyone else they are dropped before any other code reads them.
Everything downstream (the audit log, allauth's per-address login limits, the HTTPS redirect)
then reads the client from ``REMOTE_ADDR`` alone.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(remote_addr: str, forwarded_for: str) -> str:
    """The first address, reading X-Forwarded-For from the right, that is not one of our proxies.

    Each trusted proxy appends the address it received the request from, so the rightmost
    untrusted entry is the client; entries to its left were written by the client and prove nothing.
    """
    address = remote_addr
    if not _is_trusted(address):
        return address
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        address = hop
        if not _is_trusted(hop):
            break
    try:
        return str(ipaddress.ip_address(address.strip("[]")))
    except ValueError:
        return remote_addr  # a proxy that forwards garbage: keep the address we can vouch for


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        remote_addr = meta.get("REMOTE_ADDR", "")
        if _is_trusted(remote_addr):
            meta["REMOTE_ADDR"] = client_address(remote_addr, meta.get("HTTP_X_FORWARDED_FOR", ""))
            # The address is resolved: auditlog would otherwise take X-Forwarded-For's first entry.
            meta.pop("HTTP_X_FORWARDED_FOR", None)
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)
