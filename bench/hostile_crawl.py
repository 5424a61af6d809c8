"""A crawl through every bad URL the crawler has been shown to meet, on 127.0.0.1.

    python -m bench.hostile_crawl [--timeout SECONDS] [--max-urls N] [--junk N]

A WordPress-like site (tests/wordpress_site.py, with its REST API off, so that its sitemap is read)
serves good posts among hostile ones: sitemap <loc>s that are malformed, have a port out of range or
a scheme that is not http(s), or are on another host; redirects to data:, to another host, into the
path robots.txt disallows and round a loop; a body trickled a byte at a time; a request never
answered; a robots.txt Sitemap: line on another host; and --junk more URLs (20,000 by default). A
second server on 127.0.0.1 stands for "another host": it counts what reaches it. Then a site that
accepts connections and never answers is crawled.

`undersigned crawl` runs as a process of its own, with --delay 0; its output and its time are printed,
then what the servers saw and what the database holds.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from db.schema import open_database
from tests.wordpress_site import DISALLOWED, Faults, WordPressSite, make_posts

STATEMENTS, NOTICES = 8, 2


class HostileSite(WordPressSite):
    """The stand-in site, with an archive of small pages (/archive/N/) for the many junk URLs."""

    def _route(self, request):
        if request.path.startswith("/archive/"):
            return 200, {"Content-Type": "text/html; charset=UTF-8"}, self._page("Archive", "<p>Nothing here.</p>")
        return super()._route(request)


def hostile_site(elsewhere: WordPressSite, junk: int) -> HostileSite:
    faults = Faults(
        redirects={"/to-data/": "data:text/html,<h1>Signed by nobody</h1>",
                   "/away/": f"{elsewhere.url}/statement-1/",
                   "/to-private/": f"{DISALLOWED}members-only/",
                   **{f"/loop-{n}/": f"/loop-{n + 1}/" for n in range(1, 10)}},
        trickle={"/trickled/": 1.0}, silent={"/silent/"})
    site = HostileSite(make_posts(STATEMENTS, NOTICES), faults, without=frozenset({"api"}),
                       robots_extra=f"Sitemap: {elsewhere.url}/wp-sitemap.xml")
    site.sitemap_extra = [
        "http://[oops/x", "http://127.0.0.1:99999/x", "javascript:alert(1)",
        f"{elsewhere.url}/statement-2/", "https://elsewhere.example/statement/",
        *(f"{site.url}/{path}/" for path in ("to-data", "away", "to-private", "loop-1", "trickled", "silent")),
        f"{site.url}{DISALLOWED}statement-listed/",
        *(f"{site.url}/archive/{n}/" for n in range(junk)),
    ]
    return site


def crawl(site_url: str, db_path: Path, timeout: float, max_urls: int) -> tuple[str, int, float]:
    command = [sys.executable, "-m", "undersigned", "crawl", site_url, "--db", str(db_path), "--delay", "0",
               "--timeout", str(timeout), "--max-urls", str(max_urls)]
    print("$ undersigned " + " ".join(command[3:]))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    print(result.stdout + "".join(line + "\n" for line in result.stderr.splitlines() if line != "crawling"), end="")
    print(f"(exit status {result.returncode}, {elapsed:.1f} s)\n")
    return result.stdout, result.returncode, elapsed


def silent_server() -> socket.socket:
    """A listening socket nobody accepts on: connections open, and no byte ever comes back."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    return sock


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="the crawl's --timeout (default 5 s)")
    parser.add_argument("--max-urls", type=int, default=1000, help="the crawl's --max-urls (default 1,000)")
    parser.add_argument("--junk", type=int, default=20_000, help="URLs the sitemap lists beyond the rest")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder, WordPressSite(make_posts(2, 0)) as elsewhere:
        db_path = Path(folder) / "hostile.db"
        with hostile_site(elsewhere, args.junk) as site:
            output, status, seconds = crawl(site.url, db_path, args.timeout, args.max_urls)
            paths = site.paths_requested()
        with silent_server() as silent:
            host, port = silent.getsockname()
            silent_output, silent_status, silent_seconds = crawl(f"http://{host}:{port}", db_path, args.timeout,
                                                                 args.max_urls)
        db = open_database(str(db_path))
        figures = {
            "seconds": round(seconds, 1), "exit_status": status,
            "failure_lines": sum(line.startswith("  failed: ") for line in output.splitlines()),
            "statements_saved": db["statements"].count,
            "documents_saved": db["documents"].count,
            "queued": db["crawl_queue"].count,
            "still_pending": db["crawl_queue"].count_where("state = 'pending'"),
            "requests_to_the_site": len(paths),
            "requests_to_the_other_host": len(elsewhere.log),
            "disallowed_paths_requested": sum(path.startswith(DISALLOWED) for path in paths),
            "redirect_loop_hops_requested": sum(path.startswith("/loop-") for path in paths),
            "silent_site_seconds": round(silent_seconds, 1), "silent_site_exit_status": silent_status,
        }
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name.replace('_', ' '):<{width}}  {value}")
    return figures


if __name__ == "__main__":
    main()
