"""How the knowledge base is served: kept apart from db.publish, which imports Datasette (and Datasette
imports the plugin, which needs these)."""

DATABASE_NAME = "undersigned"  # the URL name, whatever the file is called: /undersigned/statements
SETTINGS = {
    "suggest_facets": False,  # a GROUP BY on every column of every page; facets are asked for instead
    # Sized for 1,000,000 statements: at 100,000 the slowest count (a search matching every statement)
    # took 0.13 s and the slowest facet of such a search 0.22 s, and both grow with the matches.
    # Below ten times that, counts and facets would vanish from the biggest searches.
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 5000,
    "default_facet_size": 10,  # each value shown is a link built and drawn; "…" shows more
    "max_returned_rows": 5000,
    "max_csv_mb": 0,  # "stream all rows" CSV exports are not cut off
    "allow_download": True,
    "default_page_size": 50,
}

# Each of Datasette's connections to the statements database. A search reads the FTS index's pages
# again and again; SQLite's default 2 MB page cache holds a small part of them at 100,000 statements.
CONNECTION_PRAGMAS = ("PRAGMA cache_size = -65536",)

# What the statements table page lists by default (with the id): no full text, which is on each
# statement's own page; 50 texts of 5.7 KB made a listing of 250 KB.
LISTING_COLUMNS = ("title", "date", "publisher", "language", "kind", "n_demands", "n_signatories", "needs_review")
# Offered as one-click facets on the statements page, computed only when asked for: a default facet
# runs again with every search on the page (five made a 100,000-statement search four times slower).
STATEMENT_FACETS = ("year", "publisher", "language", "kind", "needs_review")
