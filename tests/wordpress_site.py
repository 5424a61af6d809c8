"""A statement site served the way WordPress 6 serves one, on 127.0.0.1, with faults on request.

Theme HTML around each post, the REST API (X-WP-Total, X-WP-TotalPages, the 400 past the last
page), wp-sitemap.xml, the RSS feed with ?paged=, listing pages with rel=next, robots.txt with a
disallowed path that every page links to, and ETag / Last-Modified with 304s. Faults a hostile or
broken site has are served on request: redirects anywhere, bodies trickled or never sent, extra
sitemap entries. The server keeps a log of every request, when each arrived (its own clock), and
the most requests it ever had in flight.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PER_PAGE_DEFAULT = 10
DISALLOWED = "/private/"


@dataclass
class Post:
    id: int
    slug: str
    title: str
    published: datetime
    modified: datetime
    content: str
    categories: tuple[str, ...] = ("statements",)


@dataclass
class Faults:
    error_every: int = 0  # every Nth request (robots.txt aside) answers 503
    bursts_429: dict[str, int] = field(default_factory=dict)  # path -> how many 429s before it answers
    retry_after: int = 1
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds to wait before answering
    drops: dict[str, int] = field(default_factory=dict)  # path -> how many times to cut the body half-way
    wrong_charset: set[str] = field(default_factory=set)  # paths whose header declares ISO-8859-1 for UTF-8
    robots_errors: int = 0  # how many requests for robots.txt answer 503 first
    redirects: dict[str, str] = field(default_factory=dict)  # path -> the Location it answers 302 with
    trickle: dict[str, float] = field(default_factory=dict)  # path -> seconds between the bytes of its body
    silent: set[str] = field(default_factory=set)  # paths whose requests are read and never answered
    errors: dict[str, int] = field(default_factory=dict)  # path, less any query -> the status it always answers


def statement_content(number: int, organisations: int) -> str:
    groups = "".join(f"<li>Support Group {number}-{i} – Germany</li>" for i in range(1, organisations + 1))
    return (f"<p>On the anniversary of the crackdown, groups condemn detentions in region {number}.</p>"
            f"<p>We call on governments to:</p><ol><li>Release all detained activists;</li>"
            f"<li>End the surveillance of students.</li></ol>"
            f"<p>Signed by the following {organisations} organisations:</p><ul>{groups}</ul>")


def notice_content(number: int) -> str:
    return f"<p>Join us for a film screening and discussion, evening {number}. Tea and snacks provided.</p>"


def make_posts(statements: int, notices: int, organisations: int = 3) -> list[Post]:
    start = datetime(2023, 1, 1, 9, 0, tzinfo=timezone.utc)
    posts = []
    for index in range(statements + notices):
        when = start + timedelta(days=index)
        if index % (statements + notices) < statements:
            posts.append(Post(index + 1, f"statement-{index + 1}", f"Joint statement {index + 1}", when, when,
                              statement_content(index + 1, organisations)))
        else:
            posts.append(Post(index + 1, f"event-{index + 1}", f"Film evening {index + 1}", when, when,
                              notice_content(index + 1), ("events",)))
    return posts


class WordPressSite:
    def __init__(self, posts: list[Post], faults: Faults | None = None, latency: float = 0.0,
                 without: frozenset[str] = frozenset(), feed_path: str = "/feed/", robots_extra: str = ""):
        self.posts = posts
        self.feed_path = feed_path  # advertised in every page's <link rel="alternate">
        self.without = without  # what the site does not offer: "api", "sitemap", "feed", "robots" (a 404)
        self.robots_extra = robots_extra  # more lines for robots.txt's "User-agent: *" group
        self.sitemap_extra: list[str] = []  # more <loc>s, after the posts, exactly as given
        self.faults = faults or Faults()
        self.latency = latency
        self.log: list[tuple[str, dict[str, str]]] = []
        self.arrivals: list[tuple[float, str]] = []  # (time.monotonic() when each request arrived, path)
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._requests = 0
        self._closing = threading.Event()  # set on exit: whatever a fault keeps waiting stops
        self._held: dict[str, tuple[threading.Event, threading.Event]] = {}  # path -> (arrived, released)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> WordPressSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._closing.set()
        for _, released in self._held.values():
            released.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.log]

    def gaps(self) -> list[float]:
        """Seconds between the arrivals of successive requests, as the server saw them."""
        times = [when for when, _ in self.arrivals]
        return [later - earlier for earlier, later in zip(times[:-1], times[1:], strict=True)]

    def hold(self, path: str) -> threading.Event:
        """Requests for the path get no answer until release(path); the event is set when one arrives."""
        self._held[path] = (threading.Event(), threading.Event())
        return self._held[path][0]

    def release(self, path: str) -> None:
        """Requests held for the path end unanswered; later ones are answered."""
        _, released = self._held.pop(path)
        released.set()

    def update_post(self, slug: str, content: str) -> None:
        post = next(p for p in self.posts if p.slug == slug)
        post.content = content
        post.modified = post.modified + timedelta(days=30)

    # -- serving ---------------------------------------------------------------------------------

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes: with Nagle's algorithm on, the second waits for
            # the client's delayed ACK (~40 ms), which would be measured as the crawler's slowness.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                site._serve(self)

            def log_message(self, format: str, *args) -> None:
                pass

        return Handler

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.log.append((request.path, dict(request.headers)))
            self.arrivals.append((time.monotonic(), request.path))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self._requests += 1
            number = self._requests
            seen = self._counts[request.path] = self._counts.get(request.path, 0) + 1
        try:
            time.sleep(self.latency + self.faults.slow.get(urlsplit(request.path).path, 0))
            if request.path in self.faults.silent:
                self._closing.wait()
                return
            held = self._held.get(request.path)
            if held:
                arrived, released = held
                arrived.set()
                released.wait()
                request.close_connection = True
                return
            status, headers, body = self._fault(request.path, number, seen) or self._route(request)
            if request.path in self.faults.trickle:
                self._trickle(request, status, headers, body, self.faults.trickle[request.path])
            else:
                self._send(request, status, headers, body, truncate=self._drops(request.path, seen))
        except (BrokenPipeError, ConnectionResetError):
            request.close_connection = True  # the client gave up on the request: so does the server
        finally:
            with self._lock:
                self.in_flight -= 1

    def _fault(self, path: str, number: int, seen: int):
        if path == "/robots.txt":
            if seen <= self.faults.robots_errors:
                return 503, {"Content-Type": "text/plain"}, b"robots unavailable"
            return None
        if seen <= self.faults.bursts_429.get(path, 0):
            return 429, {"Content-Type": "text/plain", "Retry-After": str(self.faults.retry_after)}, b"slow down"
        if urlsplit(path).path in self.faults.errors:
            return self.faults.errors[urlsplit(path).path], {"Content-Type": "text/plain"}, b"broken"
        if path in self.faults.redirects:
            return 302, {"Location": self.faults.redirects[path], "Content-Type": "text/plain"}, b"moved"
        if self.faults.error_every and number % self.faults.error_every == 0:
            return 503, {"Content-Type": "text/plain"}, b"temporarily unavailable"
        return None

    def _drops(self, path: str, seen: int) -> bool:
        return seen <= self.faults.drops.get(path, 0)

    def _send(self, request: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes,
              truncate: bool) -> None:
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        if truncate:
            request.send_header("Connection", "close")
        request.end_headers()
        if truncate:
            request.wfile.write(body[: len(body) // 2])
            request.wfile.flush()
            request.close_connection = True
            return
        request.wfile.write(body)

    def _trickle(self, request: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes,
                 interval: float) -> None:
        """The headers at once, then the body a byte at a time, until it is all sent or the client leaves."""
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        for index in range(len(body)):
            request.wfile.write(body[index: index + 1])
            request.wfile.flush()
            if self._closing.wait(interval):
                request.close_connection = True
                return

    def _route(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(request.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        path = parts.path
        if path == "/robots.txt" and "robots" not in self.without:
            return 200, {"Content-Type": "text/plain"}, self._robots().encode()
        if path == "/" and "rest_route" in query and "api" not in self.without:
            return self._api(query.pop("rest_route"), query)
        if path.startswith("/wp-json") and "api" not in self.without:
            return self._api(path[len("/wp-json"):] or "/", query)
        if path.startswith("/wp-sitemap") and "sitemap" not in self.without:
            return 200, {"Content-Type": "application/xml"}, self._sitemap(path).encode()
        if path == self.feed_path and "feed" not in self.without:
            return self._feed(int(query.get("paged", 1)))
        if path == "/" or path.startswith("/page/"):
            return self._listing(self.posts, path, "/")
        if path.startswith("/category/"):
            slug = path.split("/")[2]
            return self._listing([p for p in self.posts if slug in p.categories], path, f"/category/{slug}/")
        post = next((p for p in self.posts if path == f"/{p.slug}/"), None)
        if post is not None:
            return self._post(post, request)
        return 404, {"Content-Type": "text/html; charset=UTF-8"}, self._page("Page not found", "<p>Nothing.</p>")

    def _robots(self) -> str:
        sitemap = "" if "sitemap" in self.without else f"\nSitemap: {self.url}/wp-sitemap.xml\n"
        extra = f"{self.robots_extra}\n" if self.robots_extra else ""
        return f"User-agent: *\nDisallow: {DISALLOWED}\nDisallow: /wp-admin/\n{extra}{sitemap}"

    # -- the REST API ------------------------------------------------------------------------------

    def _api(self, route: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        headers = {"Content-Type": "application/json; charset=UTF-8"}
        if route in ("/", ""):
            return 200, headers, json.dumps({"name": "Example", "namespaces": ["oembed/1.0", "wp/v2"]}).encode()
        if route == "/wp/v2/categories":
            ids = {"statements": 3, "events": 4}
            slug = query.get("slug")
            return 200, headers, json.dumps([{"id": ids[slug]}] if slug in ids else []).encode()
        if route != "/wp/v2/posts":
            return 404, headers, json.dumps({"code": "rest_no_route", "data": {"status": 404}}).encode()
        posts = sorted(self.posts, key=lambda p: p.published, reverse=True)
        if "categories" in query:
            slug = {"3": "statements", "4": "events"}[query["categories"]]
            posts = [p for p in posts if slug in p.categories]
        if "after" in query:
            after = datetime.fromisoformat(query["after"]).replace(tzinfo=timezone.utc)
            posts = [p for p in posts if p.published > after]
        per_page, page = int(query.get("per_page", PER_PAGE_DEFAULT)), int(query.get("page", 1))
        pages = max(1, -(-len(posts) // per_page))
        if page > pages:
            error = {"code": "rest_post_invalid_page_number",
                     "message": "The page number requested is larger than the number of pages available.",
                     "data": {"status": 400}}
            return 400, headers, json.dumps(error).encode()
        chosen = posts[(page - 1) * per_page: page * per_page]
        body = [{"id": p.id, "link": f"{self.url}/{p.slug}/", "date_gmt": p.published.strftime("%Y-%m-%dT%H:%M:%S"),
                 "modified_gmt": p.modified.strftime("%Y-%m-%dT%H:%M:%S"), "title": {"rendered": p.title}}
                for p in chosen]
        return 200, {**headers, "X-WP-Total": str(len(posts)), "X-WP-TotalPages": str(pages)}, json.dumps(body).encode()

    # -- sitemaps, feed, listings --------------------------------------------------------------------

    def _sitemap(self, path: str) -> str:
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        if path == "/wp-sitemap.xml":
            maps = "".join(f"<sitemap><loc>{self.url}{name}</loc></sitemap>"
                           for name in ("/wp-sitemap-posts-post-1.xml", "/wp-sitemap-users-1.xml"))
            return f'{head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>'
        if path == "/wp-sitemap-users-1.xml":
            return f'{head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' \
                   f"<url><loc>{self.url}/author/admin/</loc></url></urlset>"
        urls = "".join(f"<url><loc>{self.url}/{p.slug}/</loc><lastmod>{p.modified.isoformat()}</lastmod></url>"
                       for p in self.posts)
        urls += "".join(f"<url><loc>{escape(loc)}</loc></url>" for loc in self.sitemap_extra)
        return f'{head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    def _feed(self, page: int) -> tuple[int, dict[str, str], bytes]:
        posts = sorted(self.posts, key=lambda p: p.published, reverse=True)[(page - 1) * 10: page * 10]
        if not posts:
            return 404, {"Content-Type": "text/html; charset=UTF-8"}, self._page("Page not found", "")
        items = "".join(f"<item><title>{escape(p.title)}</title><link>{self.url}/{p.slug}/</link>"
                        f"<pubDate>{format_datetime(p.published)}</pubDate></item>" for p in posts)
        rss = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example</title>' \
              f"<link>{self.url}/</link>{items}</channel></rss>"
        return 200, {"Content-Type": "application/rss+xml; charset=UTF-8"}, rss.encode()

    def _listing(self, posts: list[Post], path: str, base: str) -> tuple[int, dict[str, str], bytes]:
        page = int(path.rstrip("/").split("/")[-1]) if "/page/" in path else 1
        ordered = sorted(posts, key=lambda p: p.published, reverse=True)
        chosen = ordered[(page - 1) * 10: page * 10]
        if not chosen:
            return 404, {"Content-Type": "text/html; charset=UTF-8"}, self._page("Page not found", "")
        articles = "".join(f'<article><h2 class="entry-title"><a href="{self.url}/{p.slug}/" rel="bookmark">'
                           f"{escape(p.title)}</a></h2></article>" for p in chosen)
        more = f'<link rel="next" href="{self.url}{base}page/{page + 1}/">' if page * 10 < len(ordered) else ""
        return 200, {"Content-Type": "text/html; charset=UTF-8"}, self._page("Latest", articles, head=more)

    def _post(self, post: Post, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        body = self._page(post.title, f'<article class="post"><h1 class="entry-title">{escape(post.title)}</h1>'
                          f'<div class="entry-meta"><time datetime="{post.published.isoformat()}">'
                          f'{post.published:%d %B %Y}</time></div>'
                          f'<div class="entry-content">{post.content}</div></article>')
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": format_datetime(post.modified, usegmt=True)}
        if request.headers.get("If-None-Match") == etag:
            return 304, validators, b""
        charset = "ISO-8859-1" if f"/{post.slug}/" in self.faults.wrong_charset else "UTF-8"
        return 200, {"Content-Type": f"text/html; charset={charset}", **validators}, body

    def _page(self, title: str, main: str, head: str = "") -> bytes:
        return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>{escape(title)} | Example '
                f'Coalition</title><meta property="og:site_name" content="Example Coalition">{head}'
                f'<link rel="alternate" type="application/rss+xml" title="Feed" href="{self.feed_path}">'
                f"<script>var wp = {{}};</script></head><body>"
                f'<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a>'
                f'</li></ul></nav></header><main id="main">{main}</main>'
                f'<aside class="widget-area"><h2>Recent posts</h2><ul><li><a href="/">Latest</a></li></ul></aside>'
                f'<footer><a href="{DISALLOWED}members-only/">Members area</a> · © Example Coalition</footer>'
                f"</body></html>").encode("utf-8")
