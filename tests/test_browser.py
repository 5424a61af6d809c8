"""What a person sees: Debian's chromium, driven by Playwright, against `undersigned serve`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import sync_playwright

from undersigned import PROJECT_ROOT

from .conftest import FIXTURES

CHROMIUM = os.environ.get("UNDERSIGNED_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tmp_path, monkeypatch):
    if not Path(CHROMIUM).exists():
        if os.environ.get("UNDERSIGNED_REQUIRE_BROWSER"):  # set by .ci/run, which installs chromium
            pytest.fail(f"chromium not found at {CHROMIUM}")
        pytest.skip("needs Debian's chromium (apt-get install chromium); .ci/run installs it")
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / "browser-home"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                   else route.abort())
        yield page
        browser.close()


def test_search_then_read_the_statement(page, served):
    page.goto(served + "/undersigned/statements")
    page.fill("input#_search", "Urumchi")
    page.locator("form.filters input[type=submit]").click()
    page.wait_for_url("**_search=Urumchi**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 1

    rows.first.locator("td.type-pk a").click()
    page.wait_for_selector("article.statement")
    assert page.locator("ol.demands > li").count() == 4
    assert page.locator("ol.demands > li").first.inner_text().startswith("of governments, on China")
    signatories = page.locator("ol.signatories > li")
    assert signatories.count() == 121
    assert signatories.nth(120).inner_text() == "World League for Freedom and Democracy"
    assert page.locator("a.source").get_attribute("href") == "https://tibetnetwork.org/remembering-tiananmen-2023"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "statement-page.png"), full_page=True)

    signatories.filter(has_text="Tibet Initiative Deutschland").locator("a").click()
    page.wait_for_url("**/undersigned/organisations/**")
    assert "Tibet Initiative Deutschland" in page.locator("h1").inner_text() + page.content()


@pytest.fixture
def people_db(tmp_path):
    """Two real statements signed by people too: 505 people on one, 4 on the other."""
    from click.testing import CliRunner

    from undersigned.cli import cli

    from .conftest import REAL

    path = tmp_path / "people.db"
    result = CliRunner().invoke(cli, ["add", str(REAL / "iff-frt-vaccination.md"),
                                      str(REAL / "owinfs-unctad-cso-letter.html"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_a_statement_with_people_lists_them_after_the_organisations(page, people_db, served_db):
    from sqlite_utils import Database

    base = served_db(people_db)
    many, few = (row[0] for row in Database(people_db).execute("select id from statements order by n_individuals desc"))
    page.goto(f"{base}/undersigned/statements/{many}")
    page.wait_for_selector("article.statement")
    assert page.locator("ol.signatories > li").count() == 15
    people = page.locator("details.individuals ol.people > li")
    assert people.count() == 505 and not people.first.is_visible()  # folded: the list is long
    page.locator("details.individuals summary").click()
    assert people.first.is_visible() and people.nth(1).inner_text() == "Dr Mira Shiva"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "statement-with-people.png"))

    page.goto(f"{base}/undersigned/statements/{few}")
    prato = page.locator("details.individuals ol.people > li", has_text="Stefano Prato")
    assert prato.is_visible()  # four people: shown unfolded
    prato.locator("a.affiliation").click()
    page.wait_for_url("**/undersigned/organisations/civil-society-financing-for-development-ffd-group")
    assert "Stefano Prato" in page.locator("ol.people").inner_text()


def test_ranked_search_highlights_the_match(page, served):
    page.goto(served + "/undersigned/search_statements?q=Urumchi")
    marks = page.locator("td mark")
    assert marks.count() == 1
    assert marks.first.inner_text() == "Ürümchi"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)


@pytest.fixture
def hostile_db(sample_db):
    from click.testing import CliRunner

    from undersigned.cli import cli

    result = CliRunner().invoke(cli, ["add", str(FIXTURES / "hostile-statement.txt"), "--db", str(sample_db),
                                      "--title", '<img src=x onerror=alert("title")>Raid',
                                      "--url", "https://example.org/raid?<script>"])
    assert result.exit_code == 0, result.output
    return sample_db


def test_a_malicious_statement_shows_as_text_everywhere(page, hostile_db, served_db):
    base = served_db(hostile_db)
    dialogs, outside = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith("http://127.0.0.1") else None)
    for path in ["/undersigned/statements", "/undersigned/statements?_search=raid", "/undersigned/demands",
                 "/undersigned/organisations", "/undersigned/search_statements?q=raid",
                 "/undersigned/signatures?name_as_written__contains=script"]:
        page.goto(base + path)
    from sqlite_utils import Database

    raid = Database(hostile_db).execute("select id from statements where url like 'https://example.org/raid%'").fetchone()
    page.goto(f"{base}/undersigned/statements/{raid[0]}")
    page.wait_for_selector("article.statement")
    assert page.locator("h1").inner_text() == '<img src=x onerror=alert("title")>Raid'
    assert '<script>alert("name")</script> Network' in page.locator("ol.signatories").inner_text()
    page.locator("ol.demands a, ol.signatories a").first.hover()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile-statement.png"), full_page=True)
    assert dialogs == [] and outside == []


def test_a_facet_narrows_the_list_and_a_csv_download_has_every_row(page, served, tmp_path):
    page.goto(served + "/undersigned/organisations")
    page.locator(".facet-info[data-column=country] a", has_text="United States").first.click()
    page.wait_for_url("**country=US**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 8
    page.goto(served + "/undersigned/signatures")
    with page.expect_download() as download:  # a link clicked, as a person downloads
        page.evaluate("""url => { const link = document.createElement('a'); link.href = url; link.download = '';
                                  document.body.appendChild(link); link.click(); }""",
                      "/undersigned/signatures.csv?_size=max&_dl=1")
    rows = download.value.path().read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 121
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(served + "/undersigned/organisations/tibetmichigan")
    page.screenshot(path=str(ARTIFACTS / "organisation-page.png"), full_page=True)


def test_a_column_menu_sorts_the_listing_and_describes_the_column(page, served):
    page.goto(served + "/undersigned/organisations")
    page.locator("th[data-column=name] .dropdown-menu-icon").click()
    assert "without a country set off after it" in page.locator(".dropdown-column-description").inner_text()
    page.locator(".dropdown-menu a.dropdown-sort-desc").click()
    page.wait_for_url("**_sort_desc=name**")
    names = page.locator("table.rows-and-columns td.col-name").all_inner_texts()
    assert len(names) == 50 and names == sorted(names, reverse=True)  # SQLite compares code points


def test_the_search_page_with_a_phrase_a_highlighted_snippet_and_a_filter(page, served):
    page.goto(served + "/search")
    page.fill("input[name=q]", '"national security law"')
    page.locator("form.search input[type=submit]").click()
    page.wait_for_selector(".result.statement")
    assert page.locator(".result.statement mark").first.inner_text().lower() == "national security law"
    page.fill("input[name=q]", "tibet")
    page.locator("form.search input[type=submit]").click()
    page.wait_for_selector(".result.organisation")
    before = page.locator(".result.organisation").count()
    page.locator('ul.facet[data-filter="country"] a', has_text="United States").click()
    page.wait_for_url("**country=US**")
    assert 0 < page.locator(".result.organisation").count() < before
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-page.png"), full_page=True)


def test_explore_shows_its_charts_with_nothing_loaded_from_elsewhere(page, served):
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith("http://127.0.0.1") else None)
    page.goto(served + "/explore")
    assert page.locator("svg.chart rect").count() == 1 + 25 + 25  # a year, organisations and signatures by country
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore.png"), full_page=True)
    assert outside == []


def test_only_the_sites_own_scripts_run(page, served):
    """A map popup's link comes from the query's popup column, so crafted SQL can make it javascript:; the
    Content-Security-Policy keeps it from running. Every script of the site's own pages still runs."""
    violations, dialogs = [], []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ["/", "/undersigned", "/undersigned/statements?_facet=year", "/undersigned?sql=select+1",
                 "/undersigned/search_statements?q=tibet", "/search?q=tibet", "/explore",
                 "/undersigned/organisations/tibetmichigan", "/undersigned/organisations"]:
        page.goto(served + path)
        page.wait_for_load_state("networkidle")
    inline = "[window.DATASETTE_ALLOW_FACET, typeof window.datasette.leaflet, typeof window.datasette.cluster_map]"
    assert page.evaluate(inline) == [True, "object", "object"]  # the organisations page's inline scripts ran
    assert violations == []

    sql = ("select 1 as id, 40.0 as lat, 10.0 as lon, "
           "json_object('title', 'Open me', 'link', 'javascript:alert(document.domain)') as popup")
    page.goto(served + "/undersigned?" + urlencode({"sql": sql}))
    page.locator(".leaflet-marker-icon").first.click()
    page.locator(".leaflet-popup-content a").click()
    page.wait_for_timeout(500)
    assert dialogs == []
    assert any("javascript:" in violation or "script-src" in violation for violation in violations)


@pytest.fixture
def two_years(sample_db, served_db):
    """The sample statement (2023) and the WordPress one (2024), served."""
    from click.testing import CliRunner

    from undersigned.cli import cli

    result = CliRunner().invoke(cli, ["add", str(FIXTURES / "wordpress-statement.html"), "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    return served_db(sample_db)


def _shown(page, kind: str) -> int:
    return page.locator(f".result.{kind}").count()


def test_a_year_filter_narrows_all_three_sections_of_search(page, two_years, sample_db):
    from sqlite_utils import Database

    page.goto(two_years + "/search")
    page.fill("input[name=q]", "tibet OR release")
    page.locator("form.search input[type=submit]").click()
    page.wait_for_selector(".result.organisation")
    before = {kind: _shown(page, kind) for kind in ("statement", "demand", "organisation")}
    assert before == {"statement": 2, "demand": 3, "organisation": 20}  # the first of four pages of them
    page.locator('ul.facet[data-filter="year"] a', has_text="2024").click()
    page.wait_for_url("**year=2024**")
    after = {kind: _shown(page, kind) for kind in ("statement", "demand", "organisation")}
    assert after == {"statement": 1, "demand": 1, "organisation": 3}
    signed_in_2024 = {row[0] for row in Database(sample_db).execute(
        "select organisations.name from signatures join organisations on organisations.id = organisation_id "
        "where statement_id = '69a9db9924d2942d'")}
    assert set(page.locator(".result.organisation a").all_inner_texts()) <= signed_in_2024
    assert page.locator(".result.demand a").inner_text() == page.locator(".result.statement a").inner_text()
    assert page.locator("p.search-summary").inner_text().startswith("1 statement, 1 demand and 3 organisations")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-year-filter.png"), full_page=True)

    page.reload()  # the address holds the query and the filter
    assert {kind: _shown(page, kind) for kind in ("statement", "demand", "organisation")} == after
    assert page.locator('ul.facet[data-filter="year"] strong').inner_text() == "2024"


def test_search_pages_each_section_and_sorts_by_date(page, two_years):
    page.goto(two_years + "/search?q=tibet")
    organisations = page.locator(".result.organisation a").all_inner_texts()
    page.locator('nav.pages[data-section="organisations"] a[rel=next]').click()
    page.wait_for_url("**organisations_page=2**")
    assert not set(page.locator(".result.organisation a").all_inner_texts()) & set(organisations)
    page.select_option("select[name=sort]", "date")
    page.locator("form.search input[type=submit]").click()
    page.wait_for_url("**sort=date**")
    assert "organisations_page" not in page.url  # a new order starts at the first page
    assert page.locator(".result.organisation .meta").first.inner_text().endswith("1 statement")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-sorted-by-date.png"), full_page=True)


def test_the_search_csv_has_every_result_and_no_markup(page, two_years):
    import csv
    import io

    page.goto(two_years + "/search?" + urlencode({"q": "tibet OR release", "sort": "date"}))
    summary = page.locator("p.search-summary").inner_text()
    assert summary.startswith("2 statements, 3 demands and 74 organisations")
    with page.expect_download() as download:  # the page's own link, clicked with download set, as a person saves
        page.evaluate("() => { const link = document.querySelector('a.download-csv'); link.download = ''; "
                      "link.click(); }")
    text = download.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    sections = [row["section"] for row in rows]
    assert [sections.count(name) for name in ("statements", "demands", "organisations")] == [2, 3, 74]
    assert "<mark>" not in text and "</" not in text and "&lt;" not in text
    assert all("«" in row["match"] for row in rows)
    assert [row["date"] for row in rows if row["section"] == "statements"] == ["2024-03-10", "2023-06-04"]
    shown = page.locator(".result.statement a").evaluate_all("links => links.map(link => link.href)")
    assert [row["site_url"] for row in rows if row["section"] == "statements"] == shown
    page.goto(two_years + "/search?q=nothingmatchesthis")
    assert page.locator("h3", has_text="Filters").count() == 0
    assert page.locator("p", has_text="No statement matches.").count() == 1
