"""The site's own pages as a person sees them, in Debian's chromium: the home page against the database,
the first screen of the statements table, country names, the charts' links."""

from __future__ import annotations

import re
import sqlite3

import pytest
from click.testing import CliRunner

from .conftest import REAL, SAMPLE
from .test_browser import ARTIFACTS, page  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """The sample and the real statements of ../shared: years with gaps between them, undated statements,
    several languages, people and organisations in many countries."""
    from undersigned.cli import cli

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    documents = [SAMPLE] + sorted(p for p in REAL.iterdir() if p.suffix in (".md", ".html") and p.stem != "README")
    result = CliRunner().invoke(cli, ["add", *map(str, documents), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def corpus_site(corpus_db, tmp_path_factory):
    from bench.serving import Server

    server = Server(corpus_db, immutable=False, log=tmp_path_factory.mktemp("log") / "serve.log")
    server.wait(timeout=60)
    yield server.url
    server.stop()


def _sql(db, sql: str):
    return sqlite3.connect(db).execute(sql).fetchone()


def _shown_count(browser_page) -> int:
    """The count a table page states above its rows ("12 rows where year = 2021")."""
    heading = browser_page.locator("h3").filter(has_text=re.compile(r"^\s*[\d,]+ rows?\b")).first.inner_text()
    return int(re.match(r"\s*([\d,]+)", heading).group(1).replace(",", ""))


def test_the_home_page_shows_what_the_database_holds(page, corpus_db, corpus_site):  # noqa: F811
    page.goto(corpus_site + "/")
    shown = {key: page.locator(f'[data-figure="{key}"] strong').inner_text()
             for key in ("statements", "organisations", "people", "demands", "years", "languages", "publishers")}
    counted = _sql(corpus_db, """select (select count(*) from statements), (select count(*) from organisations),
        (select count(*) from signatures where kind = 'individual'), (select count(*) from demands),
        (select min(year) || '–' || max(year) from statements), (select count(distinct language) from statements),
        (select count(distinct publisher) from statements)""")
    assert shown == dict(zip(shown, [f"{value:,}" if isinstance(value, int) else value for value in counted],
                             strict=True))
    newest = _sql(corpus_db, "select title from statements order by date desc limit 1")[0]
    assert page.locator("ol.newest > li a").first.inner_text() == newest
    most = _sql(corpus_db, "select name from organisations order by n_statements desc, name limit 1")[0]
    assert most in page.locator("ol.signing-most").inner_text()
    body, demands = _sql(corpus_db, "select addressee, count(*) from demands where addressee != '' "
                                    "group by addressee order by 2 desc, 1 limit 1")
    assert page.locator("ol.called-on > li").first.inner_text().startswith(f"{body} {demands} demands")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-page.png"), full_page=True)

    page.locator('[data-figure="people"]').click()  # each figure leads to the listing it counts
    page.wait_for_url("**/undersigned/signatures?kind=individual")
    assert _shown_count(page) == int(shown["people"].replace(",", ""))
    page.goto(corpus_site + "/")
    page.locator("ol.called-on > li a").first.click()
    assert _shown_count(page) == demands


def test_the_statements_table_shows_its_rows_on_the_first_screen(page, corpus_site):  # noqa: F811
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(corpus_site + "/undersigned/statements")
    first_row = page.locator("table.rows-and-columns tbody tr").first.bounding_box()
    assert first_row["y"] + first_row["height"] <= 800
    assert page.locator("input#_search").bounding_box()["y"] < 800
    notes = page.locator("details.column-notes")
    assert not notes.locator("dd").first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "statements-table.png"))
    notes.locator("summary").click()  # what the columns mean: one click away
    assert "Where the statement was published." in notes.inner_text()


def test_a_country_is_named_on_an_organisation_page_and_in_the_chart(page, corpus_db, corpus_site):  # noqa: F811
    page.goto(corpus_site + "/undersigned/organisations/casa-tibet-mx")
    assert page.locator("p.meta .country").inner_text() == "Mexico"
    assert "(from the name)" in page.locator("p.meta").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "organisation-country.png"), full_page=True)
    page.goto(corpus_site + "/explore")
    labels = page.locator("svg.chart a.bar").evaluate_all("bars => bars.map(bar => bar.dataset.label)")
    assert "France" in labels and "United States" in labels
    assert not [label for label in labels if re.fullmatch(r"[A-Z]{2}", label)]


def test_each_chart_bar_links_to_a_listing_with_its_count(page, corpus_db, corpus_site):  # noqa: F811
    page.goto(corpus_site + "/explore")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explore-charts.png"), full_page=True)
    years = page.locator('svg.chart[aria-label="Statements per year"] a.bar')
    labels = years.evaluate_all("bars => bars.map(bar => bar.dataset.label)")
    first, last = _sql(corpus_db, "select min(year), max(year) from statements")
    assert labels == [str(year) for year in range(first, last + 1)] + ["undated"]
    undated = _sql(corpus_db, "select count(*) from statements where year is null")[0]
    assert undated and years.last.get_attribute("data-value") == str(undated)
    empty = [label for label in labels[:-1] if not _sql(corpus_db, f"select 1 from statements where year = {label}")]
    assert empty and all(years.nth(labels.index(year)).get_attribute("data-value") == "0" for year in empty)

    chosen = ['svg.chart[aria-label="Statements per year"] a.bar[data-label="undated"]',
              f'svg.chart[aria-label="Statements per year"] a.bar[data-label="{labels[0]}"]',
              'svg.chart[aria-label^="Organisations per country"] a.bar[data-label="France"]',
              'svg.chart[aria-label^="Signatures per country"] a.bar[data-label="United States"]']
    for selector in chosen:
        page.goto(corpus_site + "/explore")
        bar = page.locator(selector)
        value = int(bar.get_attribute("data-value"))
        bar.locator("rect").click()
        page.wait_for_url(re.compile(r".*/undersigned/(statements|organisations|signatures)\?.*"))
        assert _shown_count(page) == value, selector
        assert page.locator("table.rows-and-columns tbody tr").count() == min(value, 50)


def test_the_database_page_and_the_demands_facets_in_words(page, corpus_db, corpus_site):  # noqa: F811
    page.goto(corpus_site + "/undersigned")
    assert page.locator(".db-table h3 a").first.inner_text() == "statements"
    assert "crawl_queue" not in page.locator("body").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "database-page.png"), full_page=True)

    page.goto(corpus_site + "/undersigned/demands")  # its facets: addressee, verb, action category
    categories = page.locator(".facet-info[data-column=action_category] li").all_inner_texts()
    assert categories and all(re.match(r"\w+ action \([1-5]\) [\d,]+$", text) for text in categories)
    labels = page.locator(".facet-info[data-column=addressee] li")
    assert labels.first.evaluate("li => getComputedStyle(li).wordBreak") == "normal"  # no label broken mid-word
    page.screenshot(path=str(ARTIFACTS / "demands-facets.png"))


def test_a_filtered_table_page_names_its_codes_in_the_heading_and_the_facets(page, corpus_db, corpus_site):  # noqa: F811
    """The address and the data keep the codes (country=MX); the heading and the facets say the words."""
    chosen = [("organisations", "country", "MX", "Mexico"), ("statements", "language", "de", "German"),
              ("demands", "action_category", "5", "specific action (5)")]
    for table, column, code, words in chosen:
        page.goto(f"{corpus_site}/undersigned/{table}?{column}={code}&_facet={column}")
        count = _sql(corpus_db, f"select count(*) from {table} where {column} = '{code}'")[0]
        heading = page.locator("h3").filter(has_text=re.compile(r"^\s*[\d,]+ rows?\b")).first.inner_text()
        assert re.fullmatch(rf"{count} rows? where {column.replace('_', ' ')} is {re.escape(words)}( sorted by .*)?",
                            heading.strip()), heading
        assert page.title().endswith(heading.strip())
        chosen_value = page.locator(f".facet-info[data-column={column}] li").first.inner_text()
        assert chosen_value == f"{words} · {count} ✖"
        assert f"{column}={code}" in page.url
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"filtered-{table}.png"))
