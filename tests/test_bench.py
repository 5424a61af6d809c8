"""The benchmark scripts run and report their figures (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json

from bench.parse_speed import main as parse_speed

from .conftest import REAL, SEED


def test_parse_speed_reports_every_set_with_its_baseline(tmp_path, capsys):
    out = tmp_path / "parse.json"
    parse_speed([str(SEED.parent), str(REAL), "--repeat", "1", "--json", str(out)])
    rows = json.loads(out.read_text())
    assert [row["set"] for row in rows] == ["corpus, HTML pages", "corpus, Markdown posts", "corpus, all documents",
                                           "synthetic 300 KB page"]
    assert all(row["parse_per_second"] > 0 and row["bare_per_second"] > 0 and row["ratio"] > 0 for row in rows)
    assert rows[2]["documents"] == 11 and rows[3]["kilobytes"] >= 300
    assert "target <= 3x" in capsys.readouterr().out


def test_crawl_speed_reports_each_concurrency_beside_its_bound(tmp_path, capsys):
    from bench.crawl_speed import main as crawl_speed

    out = tmp_path / "crawl.json"
    crawl_speed(["--posts", "20", "--latency", "0.01", "--concurrency", "1", "2", "--json", str(out)])
    rows = json.loads(out.read_text())
    assert [(row["concurrency"], row["fetched"], row["bound"]) for row in rows] == [(1, 20, 100.0), (2, 20, 200.0)]
    assert all(row["max_in_flight"] <= row["concurrency"] for row in rows)
    assert "target: 80% of the bound" in capsys.readouterr().out
