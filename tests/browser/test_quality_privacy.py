"""Privacy: a reader's browser talks to the site's own host only; the built files point nowhere else.

Two layers. In the browser, every request made while the main pages load (and settle) must go to 127.0.0.1
(the `page` fixture records them and fails the test otherwise). Statically, every HTML, CSS and JS file of
the built site is scanned for outside hosts in anything the browser fetches by itself.

Decisions (see QUALITY.md):
- A plain `<a href>` to another site is allowed: the reader chooses to follow it.
- The public address in `site_url` may appear only where nothing is fetched: `<link rel="canonical">`,
  `<link rel="alternate">` and the sitemap.
- Material's own JavaScript bundle contains a few outside addresses on code paths that stay dormant on this
  site; each is listed in MATERIAL_DORMANT with the condition that keeps it dormant, and that condition is
  checked on the built pages. A new address in a Material upgrade fails the test until someone decides.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import ROOT, _record_request
from quality_site import PAGE_IDS, PAGE_PARAMS, open_page

SITE_HOST = urlparse(re.search(r"(?m)^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
                     .group(1)).hostname
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MATERIAL_JS = "assets/javascripts/"             # Material's vendored bundle, search worker and lunr languages
MATERIAL_DORMANT = {
    # host in Material's bundle: (why it is never contacted here, HTML marker that would wake it up)
    "api.github.com": ("repository stars/forks widget; overrides/partials/source.html drops its trigger",
                       'data-md-component="source"'),
    "unpkg.com": ("loads mermaid for diagrams (we have none) and a ResizeObserver polyfill (every browser we "
                  "support has ResizeObserver)", 'class="mermaid"'),
    "clipboardjs.com": ("licence comment of the bundled clipboard.js", None),
}
# Code that makes the browser fetch something, with the address written literally in the file.
FETCHING_CODE = re.compile(
    r"""(?:fetch|import|importScripts|sendBeacon|EventSource|WebSocket|Worker|\.open)\s*\(\s*[^,)]*?"""
    r"""['"`](?:https?:)?//([^/'"`$\s]+)"""
    r"""|\.(?:src|href|action)\s*=\s*['"`](?:https?:)?//([^/'"`$\s]+)""")
CSS_URL = re.compile(r"""url\(\s*['"]?(?:https?:)?//([^/'")\s]+)|@import\s+['"](?:https?:)?//([^/'"\s]+)""")
ANY_URL = re.compile(r"""https?://([A-Za-z0-9.-]+)""")
FETCHED_ATTRIBUTES = {"src", "srcset", "data", "poster", "action", "formaction", "background", "manifest"}


# ---------------------------------------------------------------- in the browser

@pytest.mark.browser
@pytest.mark.parametrize(("lang", "name"), PAGE_PARAMS, ids=PAGE_IDS)
def test_page_requests_stay_on_the_sites_host(page, site_url, lang, name):
    open_page(page, site_url, lang, name)
    page.wait_for_load_state("networkidle")      # late requests too (repo widget, search worker, fonts)
    assert len(page.requests) >= 3, f"suspiciously few requests recorded: {page.requests}"
    assert not [u for u in page.requests if "github.com" in u or "unpkg.com" in u], page.requests
    # page fixture's teardown: every request went to 127.0.0.1, and no dialog opened


@pytest.mark.browser
def test_an_outside_request_is_noticed(page, site_url):
    """The recorder can fail: a planted image from another host shows up in outside_requests."""
    page.route("http://tracker.invalid/**", lambda route: route.abort())
    open_page(page, site_url, "nl", "home")
    page.evaluate("() => { const i = new Image(); i.src = 'http://tracker.invalid/pixel.gif'; "
                  "document.body.append(i); }")
    for _ in range(50):                            # the request event arrives asynchronously
        if page.outside_requests:
            break
        page.wait_for_timeout(100)
    assert page.outside_requests == ["http://tracker.invalid/pixel.gif"]
    page.outside_requests.clear()                # planted on purpose: keep the teardown check quiet


def test_recorder_classifies_hosts():
    class Tab:
        requests: list = []
        outside_requests: list = []
    tab = Tab()
    for url in ("http://127.0.0.1:8000/x.css", "data:image/png;base64,AA", "https://api.github.com/repos/a/b"):
        _record_request(tab, url)
    assert tab.outside_requests == ["https://api.github.com/repos/a/b"]


# ---------------------------------------------------------------- in the built files

class _Resources(HTMLParser):
    """Collects (what, host) for every outside address an HTML page makes the browser fetch or names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value is None:
                continue
            if name in FETCHED_ATTRIBUTES:
                for candidate in value.split(","):
                    self._add(f"<{tag} {name}>", candidate.strip().split(" ")[0])
            elif name == "style":
                self.found += [(f"<{tag} style>", h) for h in _css_hosts(value)]
        if tag == "link" and attrs.get("href"):
            rel = set((attrs.get("rel") or "").lower().split())
            kind = "<link rel=canonical/alternate>" if rel & {"canonical", "alternate", "sitemap"} else "<link>"
            self._add(kind, attrs["href"])
        if tag == "meta" and (attrs.get("content") or "").startswith(("http:", "https:", "//")):
            self._add("<meta content>", attrs["content"])
        self._in = tag if tag in ("style", "script") and attrs.get("type", "") != "application/json" else None

    def handle_data(self, data):
        if self._in == "style":
            self.found += [("<style>", h) for h in _css_hosts(data)]
        elif self._in == "script":
            self.found += [("<script>", h) for h in _js_hosts(data)]

    def handle_endtag(self, tag):
        self._in = None

    def _add(self, what: str, url: str) -> None:
        host = urlparse(url).hostname if url.startswith(("http:", "https:", "//")) else None
        if host and host not in LOCAL_HOSTS:
            self.found.append((what, host))


def _css_hosts(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def _js_hosts(text: str) -> list[str]:
    return [a or b for a, b in FETCHING_CODE.findall(text)]


def outside_references(site: Path) -> list[str]:
    """Every forbidden outside reference in the built site, as 'file: what -> host'."""
    problems = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            parser = _Resources()
            parser.feed(path.read_text(encoding="utf-8"))
            for what, host in parser.found:
                if what == "<link rel=canonical/alternate>" and host == SITE_HOST:
                    continue                     # the public address, for search engines; nothing is fetched
                problems.append(f"{rel}: {what} -> {host}")
        elif path.suffix == ".css":
            problems += [f"{rel}: url()/@import -> {h}" for h in _css_hosts(path.read_text(encoding="utf-8"))]
        elif path.suffix in (".js", ".mjs") and not rel.startswith(MATERIAL_JS):
            problems += [f"{rel}: fetching code -> {h}" for h in _js_hosts(path.read_text(encoding="utf-8"))]
        elif path.name == "sitemap.xml":
            locations = re.findall(r"<loc>\s*([^<\s]+)", path.read_text(encoding="utf-8"))
            problems += [f"{rel}: <loc> -> {urlparse(u).hostname}" for u in locations
                         if urlparse(u).hostname != SITE_HOST]
    return problems


def test_built_site_references_no_outside_host(built_site):
    problems = outside_references(built_site)
    assert not problems, "the built site makes the browser reach other hosts:\n" + "\n".join(problems)


def test_materials_outside_addresses_stay_dormant(built_site):
    bundle_hosts = set()
    for path in (built_site / MATERIAL_JS).rglob("bundle.*.js"):
        bundle_hosts |= set(ANY_URL.findall(path.read_text(encoding="utf-8")))
    bundle_hosts.discard("")
    unknown = sorted(bundle_hosts - set(MATERIAL_DORMANT))
    assert not unknown, (f"Material's bundle names new outside hosts {unknown}: find out when it contacts them, "
                         "keep that from happening, and add them to MATERIAL_DORMANT with the reason")
    html = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    awake = [f"{host}: {why}" for host, (why, marker) in MATERIAL_DORMANT.items() if marker and marker in html]
    assert not awake, "a page wakes up Material code that contacts another host:\n" + "\n".join(awake)


def test_scan_catches_planted_references(tmp_path):
    """The scan can fail: each kind of outside reference in a tiny site is reported; plain links are not."""
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        f'<link rel="canonical" href="https://{SITE_HOST}/">'
        '<img src="//images.example/a.png"><a href="https://fine.example/">a link the reader clicks</a>'
        '<div style="background:url(https://bg.example/b.png)"></div>'
        '<script>fetch("https://api.example/v1")</script>', encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.css").write_text('@import "https://fonts.example/f.css";', encoding="utf-8")
    (tmp_path / "assets" / "x.js").write_text("const s = document.createElement('script');"
                                              "s.src = 'https://js.example/t.js';", encoding="utf-8")
    hosts = {line.rsplit("-> ", 1)[1] for line in outside_references(tmp_path)}
    assert hosts == {"cdn.example", "images.example", "bg.example", "api.example", "fonts.example", "js.example"}
