"""The database as a Frictionless data package: datapackage.json describing CSVs of every table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from datasette.utils import tilde_encode
from sqlite_utils import Database

from . import demands, families, signatures
from .publish import DATABASE_NAME, METADATA_PATH
from .schema import TABLES

# The knowledge base; the archive (documents, statement_versions) is the crawler's, published apart if at all.
EXPORTED = ("statements", "demands", "signatures", "organisations", "organisation_names", "organisation_redirects",
            families.LINKS)
# The views are exported as the tables they show.
SPECS = {**TABLES, demands.VIEW: demands.SPEC, signatures.VIEW: signatures.SPEC, families.LINKS: families.SPEC}
FIELD_TYPES = {str: "string", int: "integer", float: "number"}
# Each exported row carries where to read it on the site and where it came from.
LINKS: dict[str, list[tuple[str, str]]] = {
    "statements": [("site_url", "statements/{id}"), ("source_url", "{url}")],
    "demands": [("statement_site_url", "statements/{statement_id}"), ("source_url", "{source}")],
    "signatures": [("statement_site_url", "statements/{statement_id}"),
                   ("organisation_site_url", "organisations/{organisation_id}"),
                   ("affiliation_site_url", "organisations/{affiliation_id}"), ("source_url", "{source}")],
    "organisations": [("site_url", "organisations/{id}")],
    "organisation_names": [("organisation_site_url", "organisations/{organisation_id}")],
    "organisation_redirects": [("organisation_site_url", "organisations/{organisation_id}")],
    families.LINKS: [("statement_site_url", "statements/{statement_id}"), ("other_site_url", "statements/{other_id}")],
}
SOURCE = "(select url from statements where statements.id = {table}.statement_id)"


def export_package(db: Database, directory: Path, base_url: str) -> Path:
    """Write one CSV per table and a datapackage.json describing them; return the descriptor's path."""
    directory.mkdir(parents=True, exist_ok=True)
    metadata = json.loads(METADATA_PATH.read_text("utf-8"))
    tables = metadata["databases"][DATABASE_NAME]["tables"]
    resources = [_write_table(db, directory, name, tables.get(name, {}), base_url.rstrip("/")) for name in EXPORTED]
    package = {
        "profile": "tabular-data-package",
        "name": "undersigned",
        "title": metadata["title"],
        "description": "Joint statements, their demands and their signatories.",
        "licenses": [{"name": "CC-BY-4.0", "path": metadata["license_url"], "title": metadata["license"]}],
        "sources": [{"title": metadata["source"]}],  # each row names its own: its source_url
        "resources": resources,
    }
    descriptor = directory / "datapackage.json"
    descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return descriptor


def _write_table(db: Database, directory: Path, name: str, described: dict, base_url: str) -> dict:
    spec = SPECS[name]
    columns = list(spec["columns"])
    links = LINKS[name]
    source = f", {SOURCE.format(table=name)} as source" if any("{source}" in t for _, t in links) else ""
    path = directory / f"{name}.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(columns + [link for link, _ in links])
        listed = ", ".join(f"[{c}]" for c in columns)
        for row in db.query(f"select {listed}{source} from [{name}] order by {order(name)}"):
            urls = [_link(template, row, base_url) for _, template in links]
            writer.writerow([row[c] for c in columns] + urls)
    descriptions = described.get("columns", {})
    fields = [{"name": c, "type": FIELD_TYPES[spec["columns"][c]], "description": descriptions.get(c, "")}
              for c in columns]
    fields += [{"name": link, "type": "string", "format": "uri",
                "description": "Where this row's statement or organisation reads on the site, or its source."}
               for link, _ in links]
    return {
        "name": name, "path": path.name, "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "description": described.get("description", ""),
        "schema": {"fields": fields, "primaryKey": _as_list(spec["pk"]),
                   "foreignKeys": [{"fields": column, "reference": {"resource": other, "fields": key}}
                                   for column, other, key in spec.get("foreign_keys", []) if other in EXPORTED]},
    }


def order(name: str) -> str:
    """The order of a table's rows: as they were stored, or for a view by statement and position."""
    if name == families.LINKS:
        return "statement_id, other_id, kind"
    return "statement_id, position" if name in (demands.VIEW, signatures.VIEW) else "rowid"


def _link(template: str, row: dict, base_url: str) -> str | None:
    """The row's URL on the site or at its source; none where the row has no value to make it from (an
    individual's signature names no organisation)."""
    if template in ("{url}", "{source}"):
        return row.get(template.strip("{}"))
    encoded = {key: tilde_encode(str(value)) for key, value in row.items() if value is not None}
    try:
        return f"{base_url}/{DATABASE_NAME}/" + template.format(**encoded)
    except KeyError:
        return None


def _as_list(key: str | tuple[str, ...]) -> list[str]:
    return [key] if isinstance(key, str) else list(key)
