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
    # Rows in one answer: a page of a table, a query's result, one page of a CSV stream. 1,000 statements
    # with their text are about 6 MB, well inside ANSWER_LIMIT_BYTES; 5,000 were 28 MB, too near it.
    "max_returned_rows": 1000,
    "max_csv_mb": 0,  # "stream all rows" CSV exports are not cut off: each page is bounded on its own
    "allow_download": True,
    "default_page_size": 50,
}

# Each of Datasette's connections to the statements database. A search reads the FTS index's pages
# again and again; SQLite's default 2 MB page cache holds a small part of them at 100,000 statements.
CONNECTION_PRAGMAS = ("PRAGMA cache_size = -65536",)

# What the statements table page lists by default (with the id): no full text, which is on each
# statement's own page; 50 texts of 5.7 KB made a listing of 250 KB.
LISTING_COLUMNS = ("title", "date", "publisher", "language", "kind", "n_demands", "n_organisations", "n_individuals",
                   "needs_review")
# Offered as one-click facets on the statements page, computed only when asked for: a default facet
# runs again with every search on the page (five made a 100,000-statement search four times slower).
STATEMENT_FACETS = ("year", "publisher", "language", "kind", "needs_review")

# What one answer may cost (db/guard.py applies these to every connection to the statements database).
# No string or blob, stored or computed, longer than this: zeroblob(), printf('%.*c', ...), replace()
# and group_concat() stop here. Stored values are far smaller (a statement's text is about 6 KB); a
# page the crawler archived above it (the crawler keeps up to 10 MiB) reads back only from the
# database download.
VALUE_LIMIT_BYTES = 2 * 2**20
# Columns in one result: the widest table has 19, three of them joined 32. One row costs at most
# COLUMN_LIMIT x VALUE_LIMIT_BYTES (128 MiB) before the answer's bound refuses it.
COLUMN_LIMIT = 32
SQL_LIMIT_BYTES = 100_000  # the longest SQL text SQLite will read
# The strings and blobs of one answer together, counted as SQLite hands them over, row by row.
# Datasette holds an answer whole and writes JSON of it, up to six times its size.
ANSWER_LIMIT_BYTES = 16 * 2**20
# Visitor-chosen work (SQL, searches, filters, facets, streams) runs on threads of its own, so that
# statement and organisation pages keep Datasette's threads while it is busy. Beyond the waiting
# bound, such a request is turned away (503) at once rather than run minutes after its client left.
HEAVY_THREADS = 2
HEAVY_WAITING = 8
