"""A deterministic synthetic corpus of joint statements, for measuring the database at scale.

Statement i is the same on every run and every machine: it is drawn from its own random generator,
seeded from (seed, i), so any slice of the corpus can be made on its own. Sizes follow what the
labelled corpus shows: about 5.7 KB of text, 5 demands, about 50 signatures drawn (some organisations
far more often than others) from 5,000 organisations; and, on a quarter of the statements (half of the
labelled ones with people list them), about 20 people, with a role and often an affiliation among the
organisations signing. Words follow a Zipf law over a vocabulary
whose head is the bundled sample statement's own words, most frequent first.
"""

from __future__ import annotations

import itertools
import random
import re
from bisect import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cached_property
from html import escape

from ingest.records import Demand, Document, Signatory, Statement
from undersigned import SAMPLE_DIR

TEXT_CHARS = 5_700
DEMANDS = 5
SIGNATURES = 50
ORGANISATIONS = 5_000
VOCABULARY = 40_000
PUBLISHERS = 300  # the most active organisations publish
YEARS = range(2008, 2027)

# Causes, with words that a statement on each is likely to use; some keep their diacritics, as written.
TOPICS = {
    "Tibet": ["Tibet", "Tibetan", "Tibetans", "Lhasa", "Dalai Lama", "monastery", "Panchen Lama"],
    "Uyghur": ["Uyghur", "Uyghurs", "Xinjiang", "East Turkestan", "Ürümqi", "camps", "forced labour"],
    "Hong Kong": ["Hong Kong", "Jimmy Lai", "national security law", "Legislative Council", "journalists"],
    "Southern Mongolia": ["Southern Mongolia", "Mongolian", "Hohhot", "herders", "mother tongue"],
    "digital rights": ["surveillance", "encryption", "internet shutdown", "spyware", "data protection"],
    "human rights defenders": ["defenders", "lawyers", "reprisals", "Côte d'Ivoire", "civic space"],
}
PHRASES = ["political prisoners", "freedom of expression", "arbitrary detention", "peaceful assembly",
           "enforced disappearance", "right to self-determination"]
ADDRESSEES = ["the Chinese government", "the UN Human Rights Council", "the European Union", "governments",
              "the UN Secretary-General", "the International Olympic Committee", "the G7", "the United States",
              "the United Kingdom", "Germany", "France", "Canada", "Australia", "Japan", "the European Parliament",
              "UNESCO", "the World Bank", "technology companies", "the OSCE", "the Council of Europe"]
VERBS = ["release", "end", "investigate", "suspend", "condemn", "adopt", "publish", "impose", "repeal", "ensure"]
PLACES = ["Germany", "France", "the UK", "India", "Nepal", "Japan", "Canada", "Australia", "Brazil", "Mexico",
          "Italy", "Spain", "Sweden", "Norway", "Denmark", "Poland", "Czech Republic", "Austria", "Switzerland",
          "Belgium", "Netherlands", "Ireland", "Taiwan", "Korea", "Mongolia", "Kenya", "Nigeria", "South Africa",
          "Argentina", "Chile", "Colombia", "New Zealand", "Finland", "Portugal", "Estonia", "Latvia",
          "Lithuania", "Slovakia", "Hungary", "Romania", "Bulgaria", "Greece", "Turkey", "Israel", "Ghana",
          "Uganda", "Philippines", "Indonesia", "Malaysia", "Thailand"]
ORGANISATION_KINDS = ["Support Group", "Friends of {cause}", "Initiative", "Committee for {cause}", "Association",
                      "Solidarity Network", "Action Group", "Foundation", "Alliance for {cause}", "Society",
                      "Coalition", "Students for a Free {cause}", "Rights Watch", "Campaign", "Council"]
LANGUAGES = [("en", 80), ("de", 7), ("fr", 6), ("es", 4), ("pt", 3)]
PEOPLE_SHARE = 0.25  # of statements that are also signed by people
PEOPLE = 20  # on such a statement, about this many
GIVEN = ["Tenzin", "Pema", "Sonam", "Anna", "Maria", "Jean", "Li", "Amira", "David", "Keiko", "Lobsang", "Ewa",
         "Carlos", "Nadia", "Tom", "Dolma", "Ines", "Yusuf", "Ingrid", "Raj"]
FAMILY = ["Dorje", "Lhamo", "Kowalska", "Lopez", "Martin", "Wei", "Haddad", "Cohen", "Sato", "Nowak", "Silva",
          "Petrova", "Brown", "Tsering", "Garcia", "Khan", "Larsen", "Rossi", "Sharma", "Yilmaz"]
ROLES = ["professor", "lawyer", "journalist", "writer", "researcher", "human rights defender", "director of {org}",
         "member of {org}", "{org}"]
ALPHA2 = {"Germany": "DE", "France": "FR", "the UK": "GB", "India": "IN", "Nepal": "NP", "Japan": "JP",
          "Canada": "CA", "Australia": "AU", "Brazil": "BR", "Mexico": "MX", "Italy": "IT", "Spain": "ES"}


@dataclass(frozen=True)
class Organisation:
    name: str
    place: str | None


class Corpus:
    """Statements 0..n-1 of one seed: `corpus.pair(i)` is the (Document, Statement) of statement i."""

    def __init__(self, n: int, seed: int = 1):
        self.n = n
        self.seed = seed

    def pairs(self, start: int = 0, stop: int | None = None):
        for index in range(start, self.n if stop is None else min(stop, self.n)):
            yield self.pair(index)

    def pair(self, index: int) -> tuple[Document, Statement]:
        rng = random.Random(self.seed * 1_000_003 + index)
        topic = rng.choice(list(TOPICS))
        statement = Statement(
            title=self._title(rng, topic, index), date=_date(rng), publisher=self._publisher(rng),
            language=_weighted(rng, LANGUAGES), url=None, text="",
            kind=rng.choices(["joint_statement", "open_letter"], [7, 3])[0],
            demands=self._demands(rng), signatories=self._signatories(rng))
        statement.text = self._text(rng, topic, statement.demands)
        statement.url = f"https://{_slug(statement.publisher)}.example.org/{statement.date[:4]}/statement-{index}"
        if rng.random() < 0.2:
            statement.stated_signatory_count = len(statement.signatories) + rng.choice([0, 0, 0, 1, 2])
        if statement.stated_signatory_count not in (None, len(statement.signatories)):
            statement.warnings.append(f"the statement says {statement.stated_signatory_count} signatories; "
                                      f"{len(statement.signatories)} were found")
        body = _page(statement).encode("utf-8")
        fetched = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=index)
        document = Document(statement.url, body, "text/html", "utf-8", fetched, url=statement.url, status=200)
        return document, statement

    @cached_property
    def vocabulary(self) -> list[str]:
        """The words of the sample statement's prose (not its list of 121 groups, whose names would make
        "tibet" the commonest word), most frequent first, less the words of the causes, which each
        statement adds by its topic; then made-up words for the long tail."""
        text = "\n".join(_prose(path.read_text("utf-8")) for path in sorted(SAMPLE_DIR.glob("*.txt")))
        causes = {word for words in TOPICS.values() for phrase in words for word in phrase.lower().split()}
        head = [word for word, _ in Counter(re.findall(r"[a-z]{2,}", text.lower())).most_common()
                if word not in causes]
        rng = random.Random(self.seed)
        syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "shi", "dun", "pel", "gar", "zo", "bri", "ul", "em",
                     "nor", "che", "ba", "tsu", "yi", "do"]
        tail = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(VOCABULARY * 2)}
        return head + sorted(tail - set(head))[:VOCABULARY - len(head)]

    @cached_property
    def _cumulative_weights(self) -> list[float]:
        return list(itertools.accumulate(1 / (rank + 2.7) for rank in range(len(self.vocabulary))))

    @cached_property
    def organisations(self) -> list[Organisation]:
        rng = random.Random(self.seed + 1)
        found: dict[str, Organisation] = {}
        while len(found) < ORGANISATIONS:
            cause = rng.choice(list(TOPICS)).title()
            kind = rng.choice(ORGANISATION_KINDS).format(cause=cause)
            place = rng.choice(PLACES) if rng.random() < 0.7 else None
            name = f"{cause} {kind}" if "{" not in kind and cause not in kind else kind
            if place:
                name = f"{name} {place}" if rng.random() < 0.5 else f"{place} {name}"
            if name in found:
                name = f"{name} {rng.choice(['North', 'South', 'East', 'West', 'Central'])}"
            found.setdefault(name, Organisation(name, place))
        return list(found.values())

    @cached_property
    def _organisation_weights(self) -> list[float]:
        return list(itertools.accumulate(1 / (rank + 10) ** 0.8 for rank in range(len(self.organisations))))

    def _words(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.vocabulary, cum_weights=self._cumulative_weights, k=k)

    def _title(self, rng: random.Random, topic: str, index: int) -> str:
        opening = rng.choice(["Joint statement on", "Open letter on", "Civil society calls for action on",
                              "Groups unite over"])
        return f"{opening} {topic}: {' '.join(self._words(rng, rng.randint(3, 7)))} ({index})"

    def _publisher(self, rng: random.Random) -> str:
        weights = self._organisation_weights[:PUBLISHERS]
        return self.organisations[bisect(weights, rng.random() * weights[-1])].name

    def _text(self, rng: random.Random, topic: str, demands: list[Demand]) -> str:
        target = int(rng.lognormvariate(0, 0.35) * TEXT_CHARS * 0.8)
        paragraphs, size = [], 0
        while size < target:
            sentences = [self._sentence(rng, topic) for _ in range(rng.randint(3, 6))]
            paragraphs.append(" ".join(sentences))
            size += len(paragraphs[-1]) + 2
        return "\n\n".join(paragraphs + ["We call on:"] + [demand.text for demand in demands])

    def _sentence(self, rng: random.Random, topic: str) -> str:
        words = self._words(rng, rng.randint(8, 24))
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words)), rng.choice(TOPICS[topic]))
        if rng.random() < 0.15:
            words.insert(rng.randrange(len(words)), rng.choice(PHRASES))
        return " ".join(words).capitalize() + "."

    def _demands(self, rng: random.Random) -> list[Demand]:
        demands = []
        for position in range(1, DEMANDS + 1):
            addressee, verb = rng.choice(ADDRESSEES), rng.choice(VERBS)
            text = f"{addressee[0].upper()}{addressee[1:]} to {verb} {' '.join(self._words(rng, rng.randint(6, 16)))};"
            demands.append(Demand(position, addressee, None, verb, text, rng.randint(1, 5)))
        return demands

    def _signatories(self, rng: random.Random) -> list[Signatory]:
        count = max(2, min(400, int(rng.lognormvariate(0, 0.5) * SIGNATURES * 0.89)))
        weights = self._organisation_weights
        chosen = dict.fromkeys(self.organisations[bisect(weights, rng.random() * weights[-1])]
                               for _ in range(count))
        signatories = []
        for position, organisation in enumerate(chosen, 1):
            written, country = organisation.name, None
            if organisation.place in ALPHA2 and organisation.place not in organisation.name and rng.random() < 0.5:
                written, country = f"{organisation.name}, {organisation.place}", ALPHA2[organisation.place]
            signatories.append(Signatory(position, organisation.name, written, country, "organisation"))
        if rng.random() < PEOPLE_SHARE:
            signatories += self._people(rng, [o.name for o in chosen], len(signatories))
        return signatories

    def _people(self, rng: random.Random, organisations: list[str], before: int) -> list[Signatory]:
        people = []
        for position in range(before + 1, before + 1 + max(1, int(rng.lognormvariate(0, 0.6) * PEOPLE * 0.84))):
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            role = rng.choice(ROLES)
            affiliation = rng.choice(organisations) if "{org}" in role else None
            role = role.format(org=affiliation)
            people.append(Signatory(position, name, f"{name}, {role}", None, "individual", role, affiliation))
        return people


def _prose(text: str) -> str:
    """A statement up to its list of signatories."""
    return re.split(r"^(?:Supported|Signed) by\b", text, maxsplit=1, flags=re.M)[0]


def _date(rng: random.Random) -> str:
    year = rng.choices(YEARS, [1 + i for i in range(len(YEARS))])[0]
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in choices], [weight for _, weight in choices])[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _page(statement: Statement) -> str:
    """The statement as the page it was scraped from, for the documents archive."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in statement.text.split("\n\n"))
    names = "".join(f"<li>{escape(s.name_as_written)}</li>" for s in statement.signatories)
    return (f"<!DOCTYPE html><html lang='{statement.language}'><head><title>{escape(statement.title)}</title></head>"
            f"<body><article><h1>{escape(statement.title)}</h1><time>{statement.date}</time>{paragraphs}"
            f"<h2>Signatories</h2><ul>{names}</ul></article></body></html>")
