"""The site's own pages through Datasette's client: the home page, the database page, words for codes,
the charts' counts and links. What a person sees in a browser is in tests/test_browser_pages.py."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from db import charts, home
from db.publish import make_datasette
from db.words import action_category_name, country_name, filter_in_words, language_name, warning_sentences


@pytest.fixture
def datasette(sample_db):
    return make_datasette(sample_db)


async def test_the_home_page_counts_what_the_database_holds(datasette, sample_db):
    page = (await datasette.client.get("/")).text
    figures = dict(re.findall(r'data-figure="(\w+)"><strong>([^<]+)</strong>', page))
    assert figures == {"statements": "1", "organisations": "121", "people": "0", "demands": "4", "years": "2023",
                       "languages": "1", "publishers": "1"}
    assert 'href="/undersigned/signatures?kind=individual" data-figure="people"' in page
    assert 'action="/search"' in page and 'href="/explore"' in page and 'href="/undersigned.db"' in page
    assert 'href="/undersigned/demands?addressee=governments">governments</a>' in page


def test_the_home_pages_people_are_the_signatures_by_people(tmp_path):
    """People are summed from statements.n_individuals (an index), not counted in signatures: both agree."""
    conn = sqlite3.connect(tmp_path / "people.db")
    conn.executescript("""create table statements (id, year, language, publisher, n_individuals, date, title,
                                                   n_organisations, n_demands, copy_of);
        create table organisations (id, name, country, n_statements); create table demands (addressee);
        insert into statements values ('a', 2019, 'en', 'P', 3, '2019-01-01', 'A', 2, 0, null),
                                      ('b', null, 'de', 'Q', null, null, 'B', 1, 0, null),
                                      ('c', 2021, 'en', 'P', 1, '2021-05-01', 'C', 0, 0, null),
                                      ('a-copy', 2019, 'en', 'P', 3, '2019-01-02', 'A', 2, 0, 'a');""")
    held = {figure.key: figure.value for figure in home.home(conn)["figures"]}
    assert held == {"statements": "3", "organisations": "0", "people": "4", "demands": "0", "years": "2019–2021",
                    "languages": "2", "publishers": "2"}


def test_the_home_pages_figures_are_kept_until_the_file_changes(sample_db):
    conn = sqlite3.connect(sample_db)
    first = home.held_in(conn, str(sample_db))
    assert home.held_in(conn, str(sample_db)) is first  # nothing changed: nothing counted again
    conn.execute("delete from demand_rows where id % 1024 = 1")
    conn.commit()
    again = home.held_in(conn, str(sample_db))
    assert [figure.value for figure in again["figures"] if figure.key == "demands"] == ["3"]


async def test_the_database_page_lists_the_statements_first_and_hides_the_crawls(datasette):
    page = (await datasette.client.get("/undersigned")).text
    tables = re.findall(r'<h3><a href="/undersigned/(\w+)">', page)
    assert tables[:4] == ["statements", "demands", "organisations", "signatures"]
    assert not {"crawl_queue", "crawl_runs", "organisation_redirects"} & set(tables)
    assert "select * from crawl_queue" not in page and "from statements group by year" in page
    hidden = (await datasette.client.get("/undersigned?_show_hidden=1")).text
    assert "organisation_redirects</a><em> (internal)</em>" in hidden  # the crawls are in the archive


@pytest.mark.parametrize("path", ["/", "/undersigned", "/undersigned/statements"])
async def test_the_licence_is_named_once_and_no_statement_is_called_the_first(datasette, path):
    page = (await datasette.client.get(path)).text
    assert page.count("CC BY 4.0 (the compilation)") == 1
    assert "the first" not in page and "tibetnetwork.org/\"" not in page


async def test_countries_and_action_categories_are_words_in_pages_and_codes_in_the_data(datasette):
    listing = (await datasette.client.get("/undersigned/organisations?_facet=country&country=MX")).text
    assert '<span title="MX">Mexico</span>' in listing
    assert re.search(r"<li>Mexico &middot; \d+ <a href=", listing)  # the chosen facet value
    rows = (await datasette.client.get("/undersigned/organisations.json?country=MX&_shape=array")).json()
    assert {row["country"] for row in rows} == {"MX"}
    demands = (await datasette.client.get("/undersigned/demands?_facet=action_category")).text
    counted = (await datasette.client.get("/undersigned/demands.json?_facet=action_category")).json()
    values = [(f["value"], f["count"]) for f in counted["facet_results"]["action_category"]["results"]]
    assert values and all(f">{action_category_name(value)}</a> {count}</li>" in demands for value, count in values)
    assert "<td class=\"col-action_category type-int\">specific action (5)</td>" in demands
    statements = (await datasette.client.get("/undersigned/statements?_facet=language")).text
    assert '<span title="en">English</span>' in statements and ">English</a> 1</li>" in statements
    organisation = (await datasette.client.get("/undersigned/organisations/casa-tibet-mx")).text
    assert '<span class="country" title="MX">Mexico</span>' in organisation


async def test_parser_warnings_are_sentences(sample_db, runner, tmp_path):
    from undersigned.cli import cli

    letter = tmp_path / "letter.txt"
    letter.write_text("Open letter on the river\n\nWe, the undersigned organisations, are worried about the "
                      "river and its fish.\n\nSigned:\n\nRiver Trust\nFriends of the Earth\nOcean Alliance\n",
                      encoding="utf-8")
    assert runner.invoke(cli, ["add", str(letter), "--db", str(sample_db)]).exit_code == 0
    statement, stored = sqlite3.connect(sample_db).execute(
        "select id, warnings from statements where warnings like '%demands%'").fetchone()
    assert json.loads(stored) == ["no demands found"]
    page = (await make_datasette(sample_db).client.get(f"/undersigned/statements/{statement}")).text
    assert "<li>No demands found.</li>" in page and "[&#34;no demands" not in page and '["no demands' not in page


def test_words_for_codes():
    assert [country_name("MX"), country_name("BF"), country_name("GB"), country_name(None), country_name("XX")] == [
        "Mexico", "Burkina Faso", "United Kingdom", "Country not known", "XX"]
    assert [action_category_name(1), action_category_name("5"), action_category_name(9)] == [
        "minimal action (1)", "specific action (5)", "9"]
    assert [language_name("en"), language_name("de"), language_name("xx"), language_name(None)] == [
        "English", "German", "xx", ""]
    assert warning_sentences('["no demands found", "date 2023-06-04 inferred from an anniversary the text marks"]') \
        == ["No demands found.", "Date 2023-06-04 inferred from an anniversary the text marks."]
    assert warning_sentences("[]") == [] and warning_sentences(None) == []


def test_statements_per_year_shows_every_year_and_the_undated(tmp_path):
    conn = sqlite3.connect(tmp_path / "years.db")
    conn.executescript("create table statements (year, copy_of); insert into statements values (2019, null), "
                       "(2019, null), (2019, 'a copy'), (2022, null), (null, null), (null, null), (null, null), "
                       "(2023, 'a copy');")
    bars = charts.statements_per_year(conn)
    once = (("copy_of__isnull", "1"),)
    assert [(bar.label, bar.value, bar.filters) for bar in bars] == [
        ("2019", 2, (("year", "2019"), *once)), ("2020", 0, (("year", "2020"), *once)),
        ("2021", 0, (("year", "2021"), *once)), ("2022", 1, (("year", "2022"), *once)),
        ("undated", 3, (("year__isnull", "1"), *once))]


@pytest.mark.parametrize("chart", [charts.organisations_per_country, charts.signatures_per_country])
async def test_each_country_bar_links_to_a_listing_of_its_count(datasette, sample_db, chart):
    bars = chart(sqlite3.connect(sample_db))
    assert bars[0].label == "Country not known" and any(bar.label == "United States" for bar in bars)
    link = charts.linker(datasette, "undersigned")
    for bar in [bars[0], next(bar for bar in bars if bar.label == "United States")]:
        listing = await datasette.client.get(link(bar).replace("?", ".json?", 1) + "&_size=0")
        assert listing.json()["filtered_table_rows_count"] == bar.value, bar


@pytest.mark.parametrize(("address", "heading"), [
    ("/undersigned/statements?_search=tibet&language=en&_sort=title",
     "where search matches &#34;tibet&#34; and language is English sorted by title"),
    ("/undersigned/demands?action_category__in=4,5&addressee__not=UN",
     "where action category is general action (4) or specific action (5) and addressee != &#34;UN&#34;"),
    ("/undersigned/organisations?country__not=US&country__notblank=1",
     "where country is not United States and country is not blank sorted by n_statements descending"),
    ("/undersigned/organisations?country=US",
     "where country is United States sorted by n_statements descending"),
    ("/undersigned/organisations?country=",  # nothing to name: Datasette's own words
     "where country = &#34;&#34; sorted by n_statements descending"),
])
async def test_a_table_pages_heading_names_the_codes_it_filters_by(datasette, address, heading):
    page = (await datasette.client.get(address)).text
    shown = re.search(r"<h3>([\d,]+) rows?\s+(.*?)\s*</h3>", page, re.S)
    assert shown and shown[2] == heading
    assert f"row{'' if shown[1] == '1' else 's'} {heading}</title>" in page


def test_filters_on_codes_in_words():
    assert [filter_in_words("country", "exact", ["MX"]), filter_in_words("country", "not", ["MX"]),
            filter_in_words("language", "in", ["de", "en"]), filter_in_words("country", "notin", ["MX", "FR", "US"]),
            filter_in_words("action_category", "in", ["5"])] == [
        "country is Mexico", "country is not Mexico", "language is German or English",
        "country is none of Mexico, France and United States", "action category is specific action (5)"]
    assert [filter_in_words("country", "contains", ["M"]), filter_in_words("publisher", "exact", ["MX"]),
            filter_in_words("country", "exact", [""])] == [None, None, None]


async def test_a_part_of_a_row_page_stopped_at_the_time_limit_is_left_out_and_named(datasette, monkeypatch):
    """A loaded server's time limit can stop one of a page's queries: the page is drawn without that part."""
    from datasette.database import Database, QueryInterrupted

    from db.demands import OF_STATEMENTS

    execute = Database.execute

    async def slow_co_signers_and_demands(self, sql, *args, **kwargs):
        if "theirs.statement" in sql or sql.startswith(OF_STATEMENTS.split(" where ")[0]):
            raise QueryInterrupted(None, sql, args)
        return await execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", slow_co_signers_and_demands)
    organisation = await datasette.client.get("/undersigned/organisations/casa-tibet-mx")
    assert organisation.status_code == 200
    assert "took longer than the site's time limit: their demands; who it signs with most often." in organisation.text
    assert 'class="signed"' in organisation.text and "<li>" in organisation.text.split('class="signed"')[1]
    statement_id = (await datasette.client.get("/undersigned/statements.json?_shape=array")).json()[0]["id"]
    statement = await datasette.client.get(f"/undersigned/statements/{statement_id}")
    assert statement.status_code == 200 and "time limit: its demands." in statement.text
    assert "Casa Tibet" in statement.text
