"""Titles and dates: where each comes from, and which source wins."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.parse import parse
from ingest.parse.lexicon import lexicon
from ingest.parse.metadata import read_date
from ingest.records import Document


def parsed(body: str, content_type: str = "text/html", **metadata):
    return parse(Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc),
                          metadata=metadata))


@pytest.mark.parametrize("language, written, expected", [
    ("en", "4th February 2021", "2021-02-04"),
    ("en", "April 6, 2021", "2021-04-06"),
    ("en", "Tuesday, 13 February 2013", "2013-02-13"),
    ("pt", "12 de setembro de 2019", "2019-09-12"),
    ("de", "24. April 2023", "2023-04-24"),
    ("fr", "1er mars 2024", "2024-03-01"),
    ("es", "27 de febrero de 2025", "2025-02-27"),
    ("en", "31 February 2021", None),
    ("en", "We met on 4 February 2021 in Geneva", None),
])
def test_written_dates_in_each_language(language, written, expected):
    assert read_date(written, lexicon(language)) == expected


def test_the_statements_own_dateline_wins_over_the_post_date():
    statement = parsed("""---
date: "2019-09-16T14:33:50-03:00"
---
<p>Nós manifestamos que:</p>
<p>- Defendemos a paz;</p>
<p><em>São Paulo, 12 de setembro de 2019.</em></p>
""", "text/markdown")
    assert statement.date == "2019-09-12"


def test_a_press_release_dateline_and_the_users_date_over_everything():
    body = "<html><body><p>FOR IMMEDIATE RELEASE – 27 February 2025</p><p>We call on X to act.</p></body></html>"
    assert parsed(body).date == "2025-02-27"
    assert parsed(body, date="2025-03-01").date == "2025-03-01"


def test_front_matter_published_date_and_authors_list():
    statement = parsed("---\nauthors:\n- OKFDE\npublishedDate: 2025-03-06\n---\nText.\n", "text/markdown")
    assert (statement.date, statement.publisher) == ("2025-03-06", "OKFDE")


def test_an_og_title_tagline_loses_to_a_title_the_page_confirms():
    statement = parsed("""<html><head><title>Stop Watching Us</title>
<meta property="og:title" content="Everyone is talking about it. These people are doing something."></head>
<body><h1 class="title">Stop Watching Us.</h1><p>Text.</p></body></html>""")
    assert statement.title == "Stop Watching Us"


def test_a_markdown_h1_names_the_statement_over_the_front_matter_title():
    statement = parsed("---\ntitle: Open Letter to the Commission\n---\n\n# Keep funding free software\n\nText.\n",
                       "text/markdown")
    assert statement.title == "Keep funding free software"


def test_the_publisher_from_the_statements_own_opening_words():
    statement = parsed("International Tibet Network Members are today joining the commemoration.\n\nMore text.\n",
                       "text/plain")
    assert statement.publisher == "International Tibet Network"
    assert parsed("Yesterday the police arrested three people.\n", "text/plain").publisher is None
