"""undersigned export: a valid Frictionless data package, each row linked to its page and its source."""

from __future__ import annotations

import csv
import json

from frictionless import validate

from undersigned.cli import cli


def test_export_writes_a_valid_data_package_of_every_table(runner, sample_db, tmp_path):
    out = tmp_path / "package"
    result = runner.invoke(cli, ["export", str(out), "--db", str(sample_db), "--base-url", "https://example.org/"])
    assert result.exit_code == 0, result.output
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["title", "note"])
    package = json.loads((out / "datapackage.json").read_text())
    names = [resource["name"] for resource in package["resources"]]
    assert names == ["statements", "demands", "signatures", "organisations", "organisation_names",
                     "organisation_redirects", "statement_links"]  # the knowledge base; the archive is not in it
    statements = next(r for r in package["resources"] if r["name"] == "statements")
    assert {f["name"]: f["description"] for f in statements["schema"]["fields"]}["title"].startswith("Title")
    signatures = list(csv.DictReader((out / "signatures.csv").open(encoding="utf-8")))
    assert len(signatures) == 121
    first = signatures[0]
    assert first["statement_site_url"].startswith("https://example.org/undersigned/statements/")
    assert first["organisation_site_url"] == "https://example.org/undersigned/organisations/aide-aux-refugies-tibetains"
    assert first["source_url"] == "https://tibetnetwork.org/remembering-tiananmen-2023"
    assert not (out / "documents.csv").exists()


def test_the_package_declares_every_key_and_each_csv_holds_its_table(runner, sample_db, tmp_path):
    from sqlite_utils import Database

    from db.export import EXPORTED, LINKS, SPECS, order

    out = tmp_path / "package"
    assert runner.invoke(cli, ["export", str(out), "--db", str(sample_db)]).exit_code == 0
    resources = {r["name"]: r for r in json.loads((out / "datapackage.json").read_text())["resources"]}
    assert resources["signatures"]["schema"]["primaryKey"] == ["statement_id", "position"]
    assert resources["signatures"]["schema"]["foreignKeys"] == [
        {"fields": "statement_id", "reference": {"resource": "statements", "fields": "id"}},
        {"fields": "organisation_id", "reference": {"resource": "organisations", "fields": "id"}},
        {"fields": "affiliation_id", "reference": {"resource": "organisations", "fields": "id"}}]
    db = Database(sample_db)
    for name in EXPORTED:
        spec, schema = SPECS[name], resources[name]["schema"]
        keys = [spec["pk"]] if isinstance(spec["pk"], str) else list(spec["pk"])
        assert schema["primaryKey"] == keys, name
        declared = [(key["fields"], key["reference"]["resource"], key["reference"]["fields"])
                    for key in schema["foreignKeys"]]
        assert declared == [tuple(fk) for fk in spec.get("foreign_keys", [])], name
        columns = list(spec["columns"])
        rows = list(csv.reader((out / f"{name}.csv").open(encoding="utf-8", newline="")))
        assert rows[0] == columns + [link for link, _ in LINKS[name]], name
        stored = [["" if value is None else str(value) for value in row]
                  for row in db.execute(f"select {', '.join(columns)} from [{name}] order by {order(name)}").fetchall()]
        assert [row[:len(columns)] for row in rows[1:]] == stored, name
        empty_in_the_sample = ("organisation_redirects", "statement_links")  # nothing merged, nothing copied
        assert len(stored) == db[name].count > (-1 if name in empty_in_the_sample else 0), name
