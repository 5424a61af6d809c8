"""Requests a visitor should not make: each gets a clear 4xx, never a 500 or a page built from it."""

from __future__ import annotations

import re

import pytest

from db.publish import make_datasette


@pytest.fixture
def datasette(sample_db):
    return make_datasette(sample_db, immutable=True)


async def asgi_get(datasette, raw_path: str) -> tuple[int, bytes]:
    """A GET with its path exactly as given: HTTP clients resolve "..", a browser's address bar need not."""
    path, _, query = raw_path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 1), "server": ("localhost", 80)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await datasette.app()(scope, receive, send)
    status = next(message["status"] for message in sent if message["type"] == "http.response.start")
    return status, b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")


@pytest.mark.parametrize("host", ['evil"><script>alert(1)</script>', "a b", "example.org/path", "<x>", "a@b"])
async def test_a_host_header_that_is_not_a_host_name_is_refused(datasette, host):
    for path in ("/robots.txt", "/sitemap.xml", "/sitemap-1.xml"):
        response = await datasette.client.get(path, headers={"host": host})
        assert response.status_code == 400, path
        assert "alert(1)" not in response.text and "Host header" in response.text


@pytest.mark.parametrize("host", ["example.org", "example.org:8080", "127.0.0.1:8001", "[::1]:8001", "localhost"])
async def test_robots_and_sitemaps_name_the_host_they_were_asked_by(datasette, host):
    assert f"Sitemap: http://{host}/sitemap.xml" in (await datasette.client.get("/robots.txt",
                                                                                headers={"host": host})).text
    assert f"<loc>http://{host}/sitemap-1.xml</loc>" in (await datasette.client.get("/sitemap.xml",
                                                                                    headers={"host": host})).text


@pytest.mark.parametrize("path", ["/sitemap-0.xml", "/sitemap-2.xml", "/sitemap-99999999999999999999999.xml",
                                  "/sitemap-" + "9" * 5000 + ".xml"])
async def test_a_sitemap_beyond_the_last_is_not_found(datasette, path):
    assert (await datasette.client.get(path)).status_code == 404


@pytest.mark.parametrize("query, message", [
    ("_sort=text", "Cannot sort statements by text"),
    ("_sort_desc=no_such_column", "Cannot sort statements by no_such_column"),
    ("_sort=rowid", "Cannot sort statements by rowid"),
    ("_sort=date&_sort_desc=date", "Cannot use _sort and _sort_desc at the same time"),
])
async def test_an_impossible_sort_is_a_400_naming_the_sorts_there_are(datasette, query, message):
    page = await datasette.client.get(f"/undersigned/statements?{query}")
    assert page.status_code == 400 and message in page.text
    data = await datasette.client.get(f"/undersigned/statements.json?{query}")
    assert data.status_code == 400 and message in data.json()["error"]
    if "text" in query:
        assert "it sorts by date, date_updated, n_demands" in data.json()["error"]


async def test_sorts_that_are_offered_still_sort(datasette):
    for path in ("/undersigned/statements?_sort=title", "/undersigned/statements?_sort_desc=n_signatories",
                 "/undersigned/organisations?_sort=name", "/undersigned/signatures?_sort=position"):
        assert (await datasette.client.get(path)).status_code == 200, path


@pytest.mark.parametrize("path", ["/undersigned/..", "/..", "/undersigned/statements/../demands", "/a/b/c/d/e",
                                  "/undersigned/statements/x/y", "/-/static/../../app.py"])
async def test_a_path_that_leads_nowhere_is_a_plain_404(datasette, path, capsys):
    status, body = await asgi_get(datasette, path)
    assert status == 404, body[:300]
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err and "locals" not in captured.out


@pytest.mark.parametrize("search", ['"', "\t", '""', '"  "', '"a', 'a"b', "*", "OR", "\x00"])
async def test_a_table_search_of_any_text_answers(datasette, search):
    response = await datasette.client.get("/undersigned/statements.json", params={"_search": search})
    assert response.status_code == 200, response.text[:300]


async def test_the_table_search_still_quotes_every_word(datasette):
    found = await datasette.client.get("/undersigned/statements.json",
                                       params={"_search": 'Urumchi "national security law"', "_shape": "array"})
    assert len(found.json()) == 1
    assert (await datasette.client.get("/undersigned/statements.json",
                                       params={"_search": "Urumchi OR nothingatall", "_shape": "array"})).json() == []


async def test_a_raw_table_search_takes_the_search_pages_syntax_and_bounds(datasette):
    for search, found in [("Urumchi OR nothingatall", 1), ('"unbalanced', 0), ("NEAR(a b", 0), ("Ürüm*", 1),
                          ("OR", 0), (" ".join(["nothing"] * 50) + " OR Urumchi", 0)]:
        response = await datasette.client.get("/undersigned/statements.json", params={
            "_search": search, "_searchmode": "raw", "_shape": "array"})
        assert response.status_code == 200, (search, response.text[:300])
        assert len(response.json()) == found, search


async def test_every_answer_carries_a_content_security_policy_and_may_not_be_framed(datasette):
    for path in ("/", "/undersigned/statements", "/undersigned.json?sql=select+1", "/search?q=tibet", "/nowhere"):
        response = await datasette.client.get(path)
        policy = response.headers["content-security-policy"]
        script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
        assert script_src[0] == "'self'" and all(source.startswith("'sha256-") for source in script_src[1:])
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
