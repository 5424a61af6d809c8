"""Who publishes a statement, from its own words: a "Press release: X" line, the name it opens with, an "About X"
section, or a post's author that names an organisation."""

from __future__ import annotations

import re
from functools import cache

from ..places import is_place
from .blocks import Block
from .caseless import Caseless
from .countries import fold
from .headings import cue_pattern
from .language import is_prose
from .lexicon import LANGUAGES, Lexicon, lexicon, publisher_words
from .names import function_words, given_names, has_role_word, person_evidence

MAX_ISSUER_BLOCKS = 12
MAX_ISSUER_LINE_CHARS = 160  # "Press Release: X" stands in a page's first lines
MAX_ISSUER_SENTENCE_CHARS = 400  # "This letter is jointly organized by X and Y." within a short paragraph
MAX_ABOUT_CHARS = 80
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
# Two or three capitalised words, "de"/"van" between them: a person's name, not an organisation's.
_PERSON_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-'’][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?"
                          r"(?:\s+(?:(?:de|da|do|dos|di|del|van|von|der|den|la|le|du|ter|ten|zu)\s+)?"
                          r"[A-ZÀ-Þ][a-zà-ÿ]+(?:[-'’][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)?){1,2}")
_CAPITALISED = r"[A-ZÀ-Þ][\w’'&.-]*"
_LIST_CONJUNCTION = re.compile(r"\s+(?:and|&|et|und|y|e|en|ed)\s+")
_GROUP_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "Letter from CSOs", "Statement by NGOs": a kind of group, not a name
_SLUG_PARTS = re.compile(r"[-_\s]+")
_BRACKETED_ISSUER = re.compile(r"^\((?P<name>[^\W\d_][^()\d]{1,80}?)\s*(?:[—–,]|\s-)\s*[^()]{0,30}\d{4}\)")
_HOST = re.compile(r"^https?://(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)", re.I)
_BARE_HOST = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}", re.I)
_TOKEN = re.compile(r"[^\W_]+")
_ARCHIVED_ADDRESS = re.compile(r"/(?P<address>https?://[^\s\])>\"']+)", re.I)  # ".../web/2021.../https://site/..."
_TOKEN_GAP = re.compile(r"[\s-]{1,2}")
MAX_CONTACT_CHARS = 160  # "Contact: Evan Greer, 978-852-6457, press@fightforthefuture.org"
_MAIL_ADDRESS = re.compile(r"\b[\w.+-]+@(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)")
MIN_ACRONYM, MAX_ACRONYM = 2, 6  # "drw" for Digital Rights Watch
MIN_SITE_KEY = 4  # "ap.org" is too short to find its name in a page's words
MAX_SITE_NAME_WORDS = 8
PERSON_EVIDENCE = 0.5  # "RAFAEL MONTES", "Celia Zafra": what names.person_evidence gives a person's name
_LOWER_WORD = re.compile(r"\s*([a-zß-ÿ][\w’'-]*)")  # a lower-case word right after a name: "IT specialists"
_ARTICLE = re.compile(r"^(?:the|le|la|les|l'|l’|der|die|das|el|los|las|il|lo|het)\s*(?<=\s|'|’)", re.I)


def choose_publisher(markup: dict[str, str], blocks: list[Block], words: Lexicon, start: int = 0,
                     page: list[Block] | None = None) -> str | None:
    """Who issues or publishes the statement, on the best evidence there is: the page saying so ("Press release:
    X", "published by X", "This letter is organized by X and Y", "(X—July 25, 2019)", "Reposted from X", an
    archive's "Source: URL"); the site's metadata (JSON-LD, og:site_name, its footer's copyright); a byline
    ("Final statement by X"), a contact line's address; the name the statement or the page's
    summary opens with, or the one "About X" section; an author that names an organisation; last the site's name
    from its address. Never a person, a place or a slug; a site's address as the page spells its name. blocks are
    the statement's, page all the page's (its signatories too), where a name is looked up."""
    page = page or blocks
    publisher = (issuer_named(blocks)
                 or site_name(markup.get("original"))  # a repost's front matter: "externe_link: https://www.telegraaf.nl/..."
                 or markup.get("publisher")
                 or organisation_author(_name(markup.get("copyright", "")))  # a footer's "© 2021 COP26 Coalition"
                 or byline_issuer([markup.get(key, "") for key in ("title", "subtitle", "summary")], blocks)
                 or contact_issuer(page)
                 or self_named(blocks)
                 or publisher_from_text(blocks, words, start, markup.get("summary"))
                 or organisation_author(markup.get("author"))
                 or slug_author(markup.get("author"), page)
                 or author_affiliation(markup.get("author"), blocks)
                 or site_name(markup.get("address")))
    if publisher and _BARE_HOST.fullmatch(publisher):
        texts = [markup.get(key) for key in ("title", "post_title", "subtitle")] + [block.text for block in page]
        return spelled_site(publisher, [text for text in texts if text], markup.get("site_title"))
    return publisher


def issuer_named(blocks: list[Block]) -> str | None:
    """A line that says who issues the statement, or where a repost comes from."""
    return _named_issuer(blocks[:MAX_ISSUER_BLOCKS]) or _bracketed_issuer(blocks) or _original(blocks)


def byline_issuer(lines: list[str], blocks: list[Block]) -> str | None:
    """The first issuer a byline names ("Final statement by Hermes Center, The Good Lobby and info.nodes" as the
    page's subtitle or one of its first lines), as fully as the page names it ("Hermes Center for Transparency and
    Digital Human Rights")."""
    pattern = _byline_pattern()
    lines = lines + [block.text for block in blocks[:MAX_ISSUER_BLOCKS] if len(block.text) <= MAX_ISSUER_LINE_CHARS]
    for line in lines:
        match = pattern.search(line)
        name = match and _name(_LIST_CONJUNCTION.split(match["name"])[0])
        if name and not has_role_word(name) and not _GROUP_ACRONYM.fullmatch(name) and organisation_author(name) \
                and not _modifies_the_next_word(line, match.end("name")):
            return _fullest_form(name, blocks)
    return None


def _modifies_the_next_word(text: str, end: int) -> bool:
    """ "Public letter from IT specialists": capitalised words that a lower-case noun follows describe that noun (who
    the specialists are); a name ends where a small word, a verb's participle, a comma or the line does ("by X on
    ...", "by X calling for ...", "by X, Y")."""
    following = _LOWER_WORD.match(text, end)
    word = fold(following[1]) if following else ""
    return bool(word) and word not in _small_words() and not word.endswith(_participle_endings())


@cache
def _participle_endings() -> tuple[str, ...]:
    return tuple(sorted({lexicon(language).participle_suffix for language in LANGUAGES}))


@cache
def _small_words() -> frozenset[str]:
    """The function words after which a name has ended: "by X on", "von X zum", and the connectors of names."""
    return function_words() | frozenset(publisher_words()["name_connectors"])


def _fullest_form(name: str, blocks: list[Block]) -> str:
    """ "Hermes Center" -> "Hermes Center for Transparency and Digital Human Rights" where the page writes it so."""
    longer = re.compile(rf"\b{re.escape(name)}(?:\s+(?:(?:{_connectors()})\s+){{0,2}}{_CAPITALISED}){{1,8}}")
    forms = [match.group() for block in blocks for match in longer.finditer(block.text)]
    return max(forms, key=len, default=name)


def contact_issuer(blocks: list[Block]) -> str | None:
    """The organisation a contact line's address belongs to, as the page spells its name: "Contact: Evan Greer,
    press@fightforthefuture.org" on a page that names "Fight for the Future", the address on the line or the next.
    A mail service's address names no one; the contacts of several organisations (a joint release's) name none."""
    label = _contact_pattern()
    texts = [block.text for block in blocks]
    names = []
    for index, text in enumerate(texts):
        match = label.search(text) if len(text) <= MAX_ISSUER_SENTENCE_CHARS else None
        if match is None:
            continue
        after = " ".join([text[match.end():], *texts[index + 1:index + 2]])  # the address may have a line of its own
        address = _MAIL_ADDRESS.search(after[:MAX_CONTACT_CHARS])
        host = address["host"].casefold().removesuffix(".") if address else None
        if host and host not in publisher_words()["mail_services"]:
            spelled = spelled_site(host, texts)
            if spelled != host and spelled not in names:
                names.append(spelled)
    return names[0] if len(names) == 1 else None


def self_named(blocks: list[Block]) -> str | None:
    """The organisation the page's own voice speaks for: "que apoyamos desde Political Watch", "we at Example
    Network", "wir von Digitalcourage"."""
    pattern = _self_naming_pattern()
    for block in blocks:
        match = pattern.search(block.text) if _self_naming_words().found(block.text) else None
        match = match if match and is_prose(block) else None
        name = match and _name(match["name"])
        if name and not has_role_word(name) and organisation_author(name):
            return name
    return None


def publisher_from_text(blocks: list[Block], words: Lexicon, start: int = 0, summary: str | None = None) -> str | None:
    """The name that opens the statement (from start, its own heading where a page reprints it) or the page's
    summary, else the one "About X" section a press release ends with."""
    return (_opening_name(blocks[start:], words)
            or _opening_name([Block("paragraph", summary)] if summary else [], words)
            or _about_section(blocks))


def _opening_name(blocks: list[Block], words: Lexicon) -> str | None:
    """ "International Tibet Network Members are today joining ...": the name that opens the first paragraph."""
    first = next((block for block in blocks if block.kind == "paragraph"), None)
    match = words.publisher_opening.match(first.text) if first else None
    return _name(match.group("name")) if match else None


def _named_issuer(blocks: list[Block]) -> str | None:
    """ "Press Release: X" and "X media release" as lines of their own; "published by X", "jointly organized by X
    and Y" in a sentence too."""
    patterns = _issuer_patterns()
    for block in blocks:
        for index, pattern in enumerate(patterns):
            limit = MAX_ISSUER_LINE_CHARS if index < 2 else MAX_ISSUER_SENTENCE_CHARS
            match = pattern.search(block.text) if len(block.text) <= limit else None
            if match:
                return _name(match.group("name"))
    return None


def _original(blocks: list[Block]) -> str | None:
    """Where a repost comes from: "Reposted from China Human Rights Defenders: https://...", anywhere on the page,
    or an archive's "Source: https://ecology.iww.org/node/1769" among the lines above the statement's prose."""
    reposted, source = _original_patterns()
    for block in blocks:
        if block.kind == "image":  # "La foto di X è tratta da http://...": where a picture comes from, not the page
            continue
        match = reposted.search(block.text) if len(block.text) <= MAX_ISSUER_SENTENCE_CHARS else None
        if match:
            return _name(match["name"]) if match["name"] else site_name(match["url"])
    first_prose = next((index for index, block in enumerate(blocks) if is_prose(block)), len(blocks))
    for block in blocks[:min(first_prose, MAX_ISSUER_BLOCKS)]:
        match = source.search(block.text)
        if match:
            return site_name(match["url"])
    return None


def site_name(address: str | None) -> str | None:
    """A site's name as its address gives it: "https://www.comunicacionabierta.net/2016/08/..." ->
    "comunicacionabierta.net"; None for a relative address ("/news/2024-08-27-...", "cost-of-living"). A web archive
    publishes nothing of its own: its copy's address names the site it copied
    ("https://web.archive.org/web/20210712025034/https://www.hkcnews.com/article/..." -> "hkcnews.com"), or none."""
    host = _host(address)
    if host is None or host not in publisher_words()["archive_hosts"]:
        return host
    copied = _ARCHIVED_ADDRESS.search(address or "", len(host))
    host = _host(copied["address"]) if copied else None
    return host if host not in publisher_words()["archive_hosts"] else None  # an archive's copy of an archive


def _host(address: str | None) -> str | None:
    match = _HOST.match(address.strip()) if address else None
    return match["host"].casefold() if match else None


def spelled_site(host: str, texts: list[str], site_title: str | None = None) -> str:
    """A site's name as the page writes it, where it does: the site part of its <title> ("#datibenecomune" for
    "datibenecomune.it"), else words of its own spelling ("techforfreedomandjustice.github.io" -> "Tech for Freedom
    and Justice", "comunicacionabierta.net" -> "ComunicacionAbierta.net"); else the host itself. A site on a hosting
    platform is its account's: "onestlatech.github.io" -> "onestlatech", GitHub only hosts it."""
    host = host.casefold().removeprefix("www.")
    account, name, suffix = _site_parts(host)
    key = "".join(_TOKEN.findall(name)).casefold()
    if len(key) < MIN_SITE_KEY:
        return host
    if site_title and fold("".join(_TOKEN.findall(site_title))) == key:
        return site_title
    for text in texts:
        span = _spelling(key, text)
        spelled = text[span[0]:span[1]] if span else ""
        if spelled != spelled.casefold():  # a spelling of its own, not the address again
            with_suffix = text[span[0]:span[1] + len(suffix)]
            return with_suffix if not account and with_suffix.casefold().endswith(suffix) else spelled
    return account or host


def _site_parts(host: str) -> tuple[str | None, str, str]:
    """A hosting platform's account, the part of the host a site's name is written with, and the ending a page may
    keep: "free-xueq-jianb.github.io" -> ("free-xueq-jianb", "free-xueq-jianb", ".github.io"), "ecology.iww.org" ->
    (None, "ecology.iww", ".org")."""
    platform = next((suffix for suffix in publisher_words()["platform_hosts"] if host.endswith(f".{suffix}")), None)
    if platform:
        account = host.removesuffix(f".{platform}")
        return account, account, f".{platform}"
    name, _, top = host.rpartition(".")
    return None, name, f".{top}"


def _spelling(key: str, text: str) -> tuple[int, int] | None:
    """The first run of words in text whose letters are key's: "Tech for Freedom and Justice" for
    "techforfreedomandjustice"."""
    tokens = list(_TOKEN.finditer(text))
    for index, first in enumerate(tokens):
        letters = fold(first.group())
        if not key.startswith(letters):
            continue
        last = index
        while len(letters) < len(key) and last + 1 < min(len(tokens), index + MAX_SITE_NAME_WORDS) \
                and _TOKEN_GAP.fullmatch(text[tokens[last].end():tokens[last + 1].start()]):
            last += 1
            letters += fold(tokens[last].group())
            if not key.startswith(letters):
                break
        if letters == key:
            return first.start(), tokens[last].end()
    return None


def issuer_is_named(blocks: list[Block]) -> bool:
    """ "Press Release: Workers Party of New Zealand", "Workers Party media release", "(Chinese Human Rights
    Defenders—July 25, 2019) The Chinese government ...": a press release's issuer line."""
    release_lines = _issuer_patterns()[:2]
    return any(pattern.search(block.text) for block in blocks[:MAX_ISSUER_BLOCKS]
               if len(block.text) <= MAX_ISSUER_LINE_CHARS for pattern in release_lines) \
        or _bracketed_issuer(blocks) is not None


def _bracketed_issuer(blocks: list[Block]) -> str | None:
    """The issuer a release's first paragraph opens with, before the date: "(Chinese Human Rights Defenders—July 25,
    2019) The Chinese government ..."."""
    first = next((block for block in blocks[:MAX_ISSUER_BLOCKS] if block.kind == "paragraph"
                  and block.text.startswith("(")), None)
    match = _BRACKETED_ISSUER.match(first.text) if first else None
    return _name(match["name"]) if match else None


@cache
def press_release_label() -> re.Pattern[str]:
    """ "Press release", "Press statement", "Communiqué de presse", "Persbericht", in any language."""
    return re.compile(rf"\b(?:{_any_language(publisher_words()['press_release'])})\b", re.I)


MAX_MARKER_CHARS = 80


def is_release_marker(text: str) -> bool:
    """A line that only says what kind of page follows: "PRESS RELEASE", "Communiqué de presse :", "For immediate
    release", "Embargoed until 00:01 GMT"."""
    text = text.strip(" *_:.–—-")
    return len(text) <= MAX_MARKER_CHARS and (press_release_label().fullmatch(text) is not None
                                              or _immediate_release().match(text) is not None)


@cache
def _immediate_release() -> re.Pattern[str]:
    return re.compile(rf"(?:{_any_language(publisher_words()['immediate_release'])})\b", re.I)


def _about_section(blocks: list[Block]) -> str | None:
    """ "A propos du CNLL": the organisation a press release's closing boilerplate presents, when it is one."""
    about = _about_pattern()
    names = [match.group("name") for block in blocks if block.kind in ("heading", "paragraph")
             and len(block.text) <= MAX_ABOUT_CHARS and (match := about.match(block.text))]
    # a name opens with a capital: "Über viele Arten gibt es keine Informationen" is a heading about something
    names = [name for name in names if fold(name) not in publisher_words()["pronouns"] and name[:1].isupper()]
    return _name(names[0]) if len(names) == 1 else None


def _name(text: str) -> str | None:
    """An issuer's name without its article; none where it names a place ("The UK is in crisis") or describes who
    speaks ("Als Studierende der Heidelberger Hochschulen")."""
    name = _ARTICLE.sub("", text.strip(" .:;,–—-"))
    return name if name and not is_place(name) and not describes(name) else None


def describes(phrase: str) -> bool:
    """A phrase that describes who speaks rather than names them: in what capacity ("Als Studierende der ...",
    "As parents"), an indefinite or counting word before a lower-case noun ("Un collectif de responsables
    syndicaux", "A group of scientists"), or groups counted by their kind ("Six National Drug Policy Organizations",
    "German NGOs", where no "of" makes them one body's name)."""
    capacity, indefinite, plurals, connectors = _description_patterns()
    return capacity.match(phrase) is not None or indefinite.match(phrase) is not None \
        or (plurals.search(phrase) is not None and connectors.search(phrase) is None)


@cache
def _description_patterns() -> tuple[re.Pattern[str], ...]:
    data = publisher_words()
    # "Federation of Tenants Associations" is one body's name; "Coletivos e Associações" is still two kinds of group
    connectors = "|".join(re.escape(word) for word in data["name_connectors"]
                          if word.isalpha() and not _LIST_CONJUNCTION.fullmatch(f" {word} "))
    return (re.compile(rf"(?i:{_any_language(data['capacity_words'])})\s"),
            re.compile(rf"(?i:{_any_language(data['indefinite_words'])})\s+[a-zß-ÿ]"),
            re.compile(rf"\b(?i:{_any_language(data['group_plurals'])})$"),
            re.compile(rf"\s(?:{connectors})\s"))


@cache
def _issuer_patterns() -> tuple[re.Pattern[str] | Caseless, ...]:
    data = publisher_words()
    release = _any_language(data["press_release"])
    published_by = _any_language(data["published_by"])
    organised_by = _any_language(data["organised_by"])
    statement = cue_pattern("statement_nouns").pattern
    name = r"(?P<name>[^\W\d_][^.;:|()\[\]]{1,80}?)"
    after_release = r"\s*(?::|[–—-]|\b(?:of|from|by|de|du|des|von|der|di|da|van)\b)\s*"
    return (re.compile(rf"^(?:{release}){after_release}{name}\s*$", re.I),
            re.compile(rf"^{name}\s+(?:{release})$", re.I),
            Caseless(rf"\b(?:{published_by})\s+{name}\s*(?:[.;,(]|$)"),
            # "This letter is jointly organized by X and Y.": organised, said of the statement itself
            Caseless(rf"{statement}[^.!?]{{0,40}}?\b(?:{organised_by})\s+{name}\s*(?:[.;,(]|$)"))


@cache
def _connectors() -> str:
    return "|".join(map(re.escape, publisher_words()["name_connectors"]))


@cache
def _byline_pattern() -> re.Pattern[str]:
    """ "Joint statement by X", "Erklärung von X", "Carta abierta firmada por X": a statement noun, then who it is
    by."""
    statement = cue_pattern("statement_nouns").pattern
    by = _any_language(publisher_words()["statement_by"])
    name = rf"(?P<name>{_CAPITALISED}(?:\s+(?:(?:{_connectors()})\s+){{0,2}}{_CAPITALISED}){{0,7}})"
    signed = r"signed|issued|sign[ée]e?|unterzeichnet|firmad[oa]|assinad[oa]|firmat[oa]"
    return re.compile(rf"(?i:{statement})(?:\s+(?i:{signed}))?\s+(?i:{by})\s+{name}")


@cache
def _self_naming_words() -> Caseless:
    """What the self-naming pattern opens with: the cheap search that passes over most blocks (the pattern's names
    are capitalised, so it cannot itself be searched in lower case)."""
    return Caseless(rf"\b(?:{_any_language(publisher_words()['we_at'])})\s")


@cache
def _self_naming_pattern() -> re.Pattern[str]:
    name = rf"(?P<name>{_CAPITALISED}(?:\s+(?:(?:{_connectors()})\s+){{0,2}}{_CAPITALISED}){{0,7}})"
    return re.compile(rf"\b(?i:{_any_language(publisher_words()['we_at'])})\s+{name}")


@cache
def _contact_pattern() -> Caseless:
    labels = "|".join(publisher_words()["contact_labels"])
    return Caseless(rf"\b(?:{labels})\b")


@cache
def _original_patterns() -> tuple[Caseless, re.Pattern[str]]:
    data = publisher_words()
    url = r"(?P<url>https?://[^\s)\]>]+)"
    # "Reposted from X: URL", "Reposted from X.", "Reposted from URL" (an address first: "http" is no name)
    reposted = Caseless(rf"\b(?:{_any_language(data['reposted_from'])})\s+(?:{url}|(?P<name>[^\W\d_][^:;()\[\]<>]"
                        rf"{{1,80}}?)\s*(?=:|[.;(]|$))")
    labels = "|".join(data["source_labels"])
    return reposted, re.compile(rf"\b(?:{labels})\s*:\s*{url}", re.I)


@cache
def _about_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_any_language(publisher_words()['about'])})\s*(?P<name>[^.!?]{{2,60}})$", re.I)


def _any_language(by_language: dict[str, list[str]]) -> str:
    return "|".join(f"(?:{pattern})" for patterns in by_language.values() for pattern in patterns)


def organisation_author(author: str | None) -> str | None:
    """A post's author where it names an organisation ("Health for Future Göttingen", "OKFDE"), never a
    person ("Anushka Jain") or a slug ("drw", "workers-party-of-new-zealand")."""
    if not author or _SLUG.fullmatch(author) or describes(author) or _names_a_site_role(author):
        return None
    organisation_words = set(publisher_words()["organisation_words"])
    if organisation_words & set(author.casefold().split()):
        return author
    words = author.split()
    written = author.title() if author.isupper() and len(words) > 1 else author  # "MARIA DA SILVA"; not "OKFDE"
    if _PERSON_NAME.fullmatch(written) or person_evidence(written) >= PERSON_EVIDENCE:
        return None
    return None if len(words) == 1 and fold(author) in given_names() else author  # "José"


def _names_a_site_role(author: str) -> bool:
    """ "Admin", "Redaktion", "Editorial Team", "La rédaction": who posts on a site, not who they are."""
    words = [fold(word) for word in _TOKEN.findall(author)]
    roles = _site_roles()
    return bool(words) and any(word in roles for word in words) \
        and all(word in roles or word in function_words() for word in words)


@cache
def _site_roles() -> frozenset[str]:
    return frozenset(fold(word) for words in publisher_words()["site_roles"].values() for word in words)


def slug_author(author: str | None, blocks: list[Block]) -> str | None:
    """The organisation a post's author slug stands for, as the page writes its name: "workers-party-of-new-zealand"
    -> "Workers Party of New Zealand", "drw" -> "Digital Rights Watch"; never a person ("celia-zafra")."""
    if not author or not _SLUG.fullmatch(author):
        return None
    key = "".join(_TOKEN.findall(author)).casefold()
    acronym = _acronym_pattern(key) if MIN_ACRONYM <= len(key) <= MAX_ACRONYM and key.isalpha() else None
    for block in blocks:
        span = _spelling(key, block.text)
        match = acronym.search(block.text) if acronym and not span else None
        name = block.text[span[0]:span[1]] if span else match.group() if match else None
        if name and organisation_author(name) and not is_place(name):
            return name
    return None


def _acronym_pattern(letters: str) -> re.Pattern[str]:
    """ "Digital Rights Watch" for "drw": capitalised words with these initials, small words between them."""
    between = rf"\s+(?:(?:{_connectors()})\s+){{0,2}}"
    return re.compile(r"\b" + between.join(rf"{re.escape(letter.upper())}[^\W\d_]+" for letter in letters) + r"\b")


def author_affiliation(author: str | None, blocks: list[Block]) -> str | None:
    """The organisation a post's author is named with on the page: "Celia Zafra, Political Watch / 630033112" in
    the press contacts of a post by "celia-zafra"; never a role ("Anushka Jain, Policy Director") or a place."""
    person = _SLUG_PARTS.sub(" ", author).strip() if author else ""
    if not _PERSON_NAME.fullmatch(person.title()):
        return None
    pattern = _affiliation_pattern(person)
    for block in blocks:
        match = pattern.search(block.text)
        organisation = match and _name(match["organisation"])
        if organisation and not has_role_word(organisation) and organisation_author(organisation):
            return organisation
    return None


def _affiliation_pattern(person: str) -> re.Pattern[str]:
    organisation = rf"(?P<organisation>{_CAPITALISED}(?:\s+(?:(?:{_connectors()})\s+){{0,2}}{_CAPITALISED}){{0,7}})"
    name = r"\s+".join(map(re.escape, person.split()))
    return re.compile(rf"\b(?i:{name})\s*(?:,|/|\(|\s[–—-])\s*{organisation}\s*(?:[,;/)|]|$)")
