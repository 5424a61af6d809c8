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
                     "statement_versions", "documents"]
    statements = next(r for r in package["resources"] if r["name"] == "statements")
    assert {f["name"]: f["description"] for f in statements["schema"]["fields"]}["title"].startswith("Title")
    signatures = list(csv.DictReader((out / "signatures.csv").open(encoding="utf-8")))
    assert len(signatures) == 121
    first = signatures[0]
    assert first["statement_site_url"].startswith("https://example.org/undersigned/statements/")
    assert first["organisation_site_url"] == "https://example.org/undersigned/organisations/aide-aux-refugies-tibetains"
    assert first["source_url"] == "https://tibetnetwork.org/remembering-tiananmen-2023"
    assert "body" not in (out / "documents.csv").read_text().splitlines()[0].split(",")
