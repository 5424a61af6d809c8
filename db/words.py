"""Words for the codes the data keeps: country and language names for ISO codes, names for action categories, parser
warnings as sentences. The data keeps the codes (JSON, CSV, SQL); the pages show the words."""

from __future__ import annotations

import json

import pycountry
from markupsafe import Markup, escape

# UPR Info's five-level scale for UN recommendations, which demands are placed on (ingest/lexicon/actions.json).
ACTION_CATEGORIES = {1: "minimal action", 2: "continuing action", 3: "considering action", 4: "general action",
                     5: "specific action"}
NO_COUNTRY = "Country not known"


def country_name(code: str | None) -> str:
    """The country's common name for an ISO 3166-1 alpha-2 code; a code pycountry does not know stays as it is."""
    if not code:
        return NO_COUNTRY
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or (country.name if country else code)


def language_name(code: str | None) -> str:
    """The language's English name for an ISO 639-1 code; a code pycountry does not know stays as it is."""
    language = pycountry.languages.get(alpha_2=code) if code and len(code) == 2 else None
    return language.name if language else (code or "")


def action_category_name(category) -> str:
    """'specific action (5)' for 5; a value off the scale stays as it is."""
    try:
        return f"{ACTION_CATEGORIES[int(category)]} ({int(category)})"
    except (KeyError, TypeError, ValueError):
        return str(category)


def warning_sentences(warnings: str | list | None) -> list[str]:
    """The parser's warnings (a JSON list of phrases, as stored) as sentences: capitalised, with a full stop."""
    if isinstance(warnings, str):
        try:
            warnings = json.loads(warnings)
        except ValueError:
            warnings = [warnings]
    if not isinstance(warnings, list):
        warnings = [] if warnings is None else [warnings]
    return [_sentence(str(warning)) for warning in warnings if str(warning).strip()]


def _sentence(phrase: str) -> str:
    phrase = phrase.strip()
    return phrase[0].upper() + phrase[1:] + ("" if phrase.endswith((".", "!", "?")) else ".")


def facet_label(label, column: str) -> str:
    """A facet value as the pages show it: a country's name, an action category's name."""
    if column == "country" and label not in (None, ""):
        return country_name(str(label))
    if column == "action_category" and label not in (None, ""):
        return action_category_name(label)
    if column == "language" and label not in (None, ""):
        return language_name(str(label))
    return label


WORDED_COLUMNS = ("country", "language", "action_category")
FILTER_LOOKUPS = ("exact", "not", "in", "notin")  # Datasette's lookups whose values a heading names


def filter_in_words(column: str, lookup: str, values: list[str]) -> str | None:
    """A table filter on a column of codes as a table page's heading says it ("country is Mexico", "country is
    none of Mexico and France"); None for any other column or lookup, which Datasette's own words describe."""
    if column not in WORDED_COLUMNS or lookup not in FILTER_LOOKUPS or not values or "" in values:
        return None
    named = [str(facet_label(value, column)) for value in values]
    label = column.replace("_", " ")
    if len(named) == 1:
        return f"{label} {'is' if lookup in ('exact', 'in') else 'is not'} {named[0]}"
    listed = ", ".join(named[:-1])
    return f"{label} is {listed} or {named[-1]}" if lookup == "in" else f"{label} is none of {listed} and {named[-1]}"


def cell(value, column: str) -> Markup | None:
    """A table cell in words where its column holds codes; None leaves the cell to Datasette."""
    if value in (None, ""):
        return None
    if column == "country":
        return Markup(f'<span title="{escape(value)}">{escape(country_name(str(value)))}</span>')
    if column == "language":
        return Markup(f'<span title="{escape(value)}">{escape(language_name(str(value)))}</span>')
    if column == "action_category":
        return Markup(escape(action_category_name(value)))
    if column == "warnings":
        sentences = warning_sentences(value)
        return Markup(escape(" ".join(sentences))) if sentences else Markup("")
    return None
