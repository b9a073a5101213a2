"""URLs as one article's identity: the same page reached by http or https, with or without www., a trailing
slash or a newsletter's tracking parameters is one page."""

from urllib.parse import urlsplit

from courlan import normalize_url

# Query parameters that say how a reader arrived, not which page it is, beyond those courlan knows (utm_*,
# click ids, mc_*, campaign and source...).
TRACKING_PARAMETERS = frozenset(
    {
        "cmpid",
        "ocid",
        "smid",
        "smtyp",
        "ito",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "cid",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "taid",
        "traffic_source",
        "share",
        "s_cid",
        "xtor",
    }
)


def is_web_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def normalise(url: str) -> str:
    """The URL as stored: scheme and host in lower case, no default port, no fragment, no tracking parameters,
    the rest of the query sorted; url itself where it is not an http(s) address (validation then says what is
    wrong with it)."""
    url = url.strip()
    if not is_web_address(url):
        return url
    try:
        parts = urlsplit(normalize_url(url))
    except ValueError:
        return url
    kept = [pair for pair in parts.query.split("&") if pair.partition("=")[0].lower() not in TRACKING_PARAMETERS]
    return parts._replace(query="&".join(kept), fragment="").geturl()


def identity(url: str) -> str:
    """What two URLs of one page share: the normalised URL without its scheme, a leading www. and a trailing
    slash; empty for no URL."""
    url = normalise(url)
    if not is_web_address(url):
        return url.lower()
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"
