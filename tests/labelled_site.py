"""A coalition site of 24 statements whose signatories are labelled with the organisation each one is.

The names are real spellings: the bundled sample's 121 groups and the lists issue 14 was found on
(tibetnetwork.org's statements, where "Canada Tibet Committee" is written with and without a country,
"Free Tibet" beside "Free Tibet, UK", "Tibet Justice Center" beside "... (United States)"). Fourteen
organisations appear under more than one spelling; the rest are the traps that must stay apart:
national chapters beside their parent, namesakes in several countries, "Free Tibet" beside "Free Tibet
Fukuoka". The layouts are those such sites use: a list with country suffixes, a table with a country
column, lists under country headings. Some statements are signed by people too, with affiliations.

LABELS maps each name as written, in the statement it is written in, to the organisation it is (a
label of our own). A name written without a country whose namesakes are in several countries is its
own label: nothing on the page says which one it is, and the rules leave it for review.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html import escape

from .wordpress_site import Post

# label -> every spelling of it the site uses (the fourteen written more than one way come first)
SPELLINGS: dict[str, list[str]] = {
    "canada-tibet-committee": ["Canada Tibet Committee", "Canada Tibet Committee, Canada", "CANADA TIBET COMMITTEE"],
    "australia-tibet-council": ["Australia Tibet Council", "Australia Tibet Council – Australia",
                                "Australia Tibet Council (ATC)"],
    "swedish-tibet-committee": ["Swedish Tibet Committee", "Swedish Tibet Committee, Sweden"],
    "norwegian-tibet-committee": ["The Norwegian Tibet Committee", "Norwegian Tibet Committee – Norway",
                                  "Norwegian Tibet Committee"],
    "tibet-solidarity-krakow": ["Tibet Solidarity Kraków", "Tibet Solidarity Krakow, Poland"],
    "free-tibet": ["Free Tibet", "Free Tibet, UK", "Free Tibet (UK)"],
    "tibet-justice-center": ["Tibet Justice Center", "Tibet Justice Center (United States)",
                             "Tibet Justice Center, USA"],
    "tibet-initiative-deutschland": ["Tibet Initiative Deutschland e.V.", "Tibet Initiative Deutschland",
                                     "Tibet Initiative – Germany"],
    "sft-uk": ["Students for a Free Tibet – UK", "Students for a Free Tibet UK", "Students for a Free Tibet, UK"],
    "tibetan-community-britain": ["Tibetan Community in Britain", "Tibetan Community of Britain",
                                  "Tibetan Community Britain"],
    "france-tibet": ["France-Tibet", "France Tibet", "France-Tibet, France"],
    "tsg-kenya": ["Tibet Support Group Kenya", "Tibet Support Group – Kenya"],
    "tibetan-womens-association": ["Tibetan Women’s Association (Central)", "Tibetan Women's Association (Central)",
                                   "Tibetan Women's Association (Central), India"],
    "tibet-action-institute": ["Tibet Action Institute", "Tibet Action Institute (United States)",
                               "Tibet Action Institute, USA"],
    # one spelling each: chapters, their parents and namesakes that must stay apart
    "sft": ["Students for a Free Tibet"],
    "sft-canada": ["Students for a Free Tibet – Canada"],
    "sft-france": ["Students for a Free Tibet – France"],
    "sft-denmark": ["Students for a Free Tibet Denmark"],
    "ict": ["International Campaign for Tibet"],
    "ict-deutschland": ["International Campaign for Tibet Deutschland"],
    "friends-of-tibet-india": ["Friends of Tibet (India)"],
    "friends-of-tibet-nz": ["Friends of Tibet New Zealand"],
    "friends-of-tibet-finland": ["Friends of Tibet in Finland"],
    "friends-of-tibet-bulgaria": ["Friends of Tibet in Bulgaria"],
    "friends-of-tibet-unplaced": ["Friends of Tibet"],
    "tsg-netherlands": ["Tibet Support Group – Netherlands"],
    "tsg-ireland": ["Tibet Support Group Ireland"],
    "tsg-adelaide": ["Tibet Support Group Adelaide – Australia"],
    "tsg-kiku": ["Tibet Support Group Kiku, Japan"],
    "free-tibet-fukuoka": ["Free Tibet Fukuoka"],
    "amigos-colombia": ["Amigos de Tibet, Colombia"],
    "amigos-el-salvador": ["Amigos del Tibet, El Salvador"],
    "tibetan-community-denmark": ["Tibetan Community in Denmark"],
    "tibetan-community-france": ["Tibetan Community in France"],
    "tyae": ["Tibetan Youth Association in Europe"],
    "gu-chu-sum": ["Gu-Chu-Sum Movement of Tibet"],
    "itim": ["International Tibet Independence Movement"],
    "tibet-society-south-africa": ["Tibet Society of South Africa"],
    "czechs-support-tibet": ["Czechs Support Tibet"],
    "italia-tibet": ["Associazione Italia-Tibet"],
    "casa-del-tibet": ["Casa del Tibet – Spain"],
    "save-tibet-austria": ["Save Tibet, Austria"],
}
SEVERAL_SPELLINGS = [label for label, spellings in SPELLINGS.items() if len(spellings) > 1]
LABEL = {spelling: label for label, spellings in SPELLINGS.items() for spelling in spellings}

# (name, role as written, the organisation label the affiliation names) of the people who sign
PEOPLE = {
    "tibet-action-institute": [("Tenzin Norbu", "Tibet Action Institute")],
    "tibetan-womens-association": [("Pema Yangchen", "Tibetan Women's Association (Central)")],
    "tibet-solidarity-krakow": [("Anna Kowalska", "Tibet Solidarity Kraków")],
    None: [("Sonam Wangdu", "writer"), ("Maria Lopez", "lawyer")],
}

# Each statement: its layout and whom it lists. A table and country headings say the country apart.
PAGES: list[tuple[str, list[str]]] = [
    ("list", ["Canada Tibet Committee", "Free Tibet", "Tibet Justice Center", "Students for a Free Tibet",
              "Students for a Free Tibet – UK", "Students for a Free Tibet – Canada", "Swedish Tibet Committee",
              "International Campaign for Tibet", "International Campaign for Tibet Deutschland"]),
    ("list", ["Canada Tibet Committee, Canada", "Free Tibet, UK", "Tibet Justice Center (United States)",
              "Australia Tibet Council – Australia", "Tibet Solidarity Kraków", "France-Tibet"]),
    ("table", ["Canada Tibet Committee", "Australia Tibet Council", "Swedish Tibet Committee",
               "Norwegian Tibet Committee", "Tibet Solidarity Kraków", "Tibet Initiative Deutschland",
               "Tibet Action Institute"]),
    ("headings", ["Canada Tibet Committee", "Students for a Free Tibet – Canada", "Free Tibet",
                  "Students for a Free Tibet UK", "Tibetan Community in Britain", "Tibet Justice Center",
                  "Tibet Action Institute"]),
    ("list", ["The Norwegian Tibet Committee", "Swedish Tibet Committee, Sweden", "Tibet Initiative Deutschland e.V.",
              "Tibetan Women’s Association (Central)", "Friends of Tibet (India)", "Friends of Tibet New Zealand"]),
    ("list", ["Free Tibet", "Free Tibet Fukuoka", "Tibet Support Group Kenya", "Tibet Support Group – Netherlands",
              "Tibet Support Group Ireland", "Tibet Support Group Adelaide – Australia"]),
    ("people", ["Tibet Action Institute", "Tibet Justice Center", "Tibetan Women's Association (Central)"]),
    ("list", ["Australia Tibet Council (ATC)", "Tibet Solidarity Krakow, Poland", "France Tibet",
              "Tibet Support Group – Kenya", "Tibetan Community of Britain", "Students for a Free Tibet, UK"]),
    ("list", ["Students for a Free Tibet", "Students for a Free Tibet – France", "Students for a Free Tibet Denmark",
              "Students for a Free Tibet – UK", "Students for a Free Tibet – Canada",
              "Tibetan Youth Association in Europe"]),
    ("list", ["Free Tibet (UK)", "Tibet Justice Center, USA", "Tibet Action Institute (United States)",
              "Tibet Initiative – Germany", "Norwegian Tibet Committee – Norway", "Gu-Chu-Sum Movement of Tibet"]),
    ("table", ["Tibetan Women's Association (Central)", "Friends of Tibet (India)", "Tibet Support Group Kenya",
               "Tibetan Community Britain", "Amigos de Tibet, Colombia", "Amigos del Tibet, El Salvador"]),
    ("list", ["Friends of Tibet", "Friends of Tibet in Finland", "Friends of Tibet in Bulgaria",
              "International Tibet Independence Movement", "Czechs Support Tibet"]),
    ("people", ["Tibet Solidarity Kraków", "Canada Tibet Committee", "Free Tibet"]),
    ("list", ["CANADA TIBET COMMITTEE", "Tibet Society of South Africa", "Associazione Italia-Tibet",
              "Casa del Tibet – Spain", "Save Tibet, Austria", "Tibetan Community in Denmark"]),
    ("headings", ["Swedish Tibet Committee", "Norwegian Tibet Committee", "France-Tibet", "Tibetan Community in France",
                  "Tibet Initiative Deutschland", "International Campaign for Tibet Deutschland"]),
    ("list", ["Tibet Action Institute, USA", "Tibetan Women's Association (Central), India", "France-Tibet, France",
              "Tibet Support Group Kiku, Japan", "Friends of Tibet in Finland"]),
    ("list", ["International Campaign for Tibet", "Tibet Justice Center", "Free Tibet", "Australia Tibet Council",
              "Tibetan Youth Association in Europe", "Czechs Support Tibet"]),
    ("table", ["Free Tibet", "Tibet Justice Center", "Canada Tibet Committee", "Tibetan Community in Britain",
               "Students for a Free Tibet – UK", "Tibet Support Group – Netherlands"]),
    ("list", ["Tibet Initiative Deutschland e.V.", "The Norwegian Tibet Committee", "Swedish Tibet Committee",
              "Associazione Italia-Tibet", "Casa del Tibet – Spain"]),
    ("people", ["Tibetan Women’s Association (Central)", "Tibet Action Institute", "Friends of Tibet (India)"]),
    ("list", ["Free Tibet, UK", "Tibet Justice Center (United States)", "Students for a Free Tibet – France",
              "Students for a Free Tibet", "Tibet Society of South Africa"]),
    ("list", ["Australia Tibet Council", "Tibet Support Group Adelaide – Australia", "Tibet Solidarity Kraków",
              "Friends of Tibet New Zealand", "Free Tibet Fukuoka"]),
    ("list", ["Tibet Initiative – Germany", "France Tibet", "Tibet Support Group – Kenya", "Save Tibet, Austria",
              "Gu-Chu-Sum Movement of Tibet"]),
    ("list", ["Tibetan Community of Britain", "Students for a Free Tibet UK", "Tibet Support Group Ireland",
              "Amigos de Tibet, Colombia", "International Tibet Independence Movement"]),
]
# The country a table's column or a heading gives a name, where the layout says one.
COUNTRIES = {"Canada Tibet Committee": "Canada", "Students for a Free Tibet – Canada": "Canada",
             "Free Tibet": "United Kingdom", "Students for a Free Tibet UK": "United Kingdom",
             "Students for a Free Tibet – UK": "United Kingdom", "Tibetan Community in Britain": "United Kingdom",
             "Tibetan Community Britain": "United Kingdom", "Tibet Justice Center": "United States",
             "Tibet Action Institute": "United States", "Australia Tibet Council": "Australia",
             "Tibet Support Group Adelaide – Australia": "Australia", "Swedish Tibet Committee": "Sweden",
             "Norwegian Tibet Committee": "Norway", "Tibet Solidarity Kraków": "Poland",
             "Tibet Initiative Deutschland": "Germany", "International Campaign for Tibet Deutschland": "Germany",
             "France-Tibet": "France", "Tibetan Community in France": "France",
             "Tibetan Women's Association (Central)": "India", "Friends of Tibet (India)": "India",
             "Tibet Support Group Kenya": "Kenya", "Amigos de Tibet, Colombia": "Colombia",
             "Amigos del Tibet, El Salvador": "El Salvador", "Friends of Tibet New Zealand": "New Zealand",
             "Free Tibet Fukuoka": "Japan", "Tibet Support Group – Netherlands": "Netherlands"}


def labelled_posts() -> list[Post]:
    start = datetime(2022, 3, 10, 9, 0, tzinfo=timezone.utc)
    posts = []
    for number, (layout, names) in enumerate(PAGES, 1):
        when = start + timedelta(days=17 * number)
        posts.append(Post(number, f"statement-{number}", f"Joint statement {number}: Tibet, {when:%B %Y}", when,
                          when, _content(number, layout, names)))
    return posts


def people_expected() -> dict[int, list[tuple[str, str | None]]]:
    """The people each statement lists, and the label of the organisation each signs from (or None)."""
    found = {}
    for number, (layout, names) in enumerate(PAGES, 1):
        if layout == "people":
            found[number] = [(person, LABEL[name]) for name in names for person, _ in PEOPLE.get(LABEL[name], [])]
            found[number] += [(person, None) for person, _ in PEOPLE[None]]
    return found


def _content(number: int, layout: str, names: list[str]) -> str:
    opening = (f"<p>On the anniversary of the uprising, groups condemn the detention of monks in county "
               f"{number} and the closure of Tibetan schools.</p>"
               "<p>We call on governments to:</p><ol><li>Press for the release of all Tibetan political "
               "prisoners;</li><li>Demand unfettered access to Tibet for journalists and diplomats.</li></ol>")
    return opening + _SIGNATORIES[layout](names)


def _list(names: list[str]) -> str:
    items = "".join(f"<li>{escape(name)}</li>" for name in names)
    return f"<p>Signed by the following {len(names)} organisations:</p><ul>{items}</ul>"


def _table(names: list[str]) -> str:
    rows = "".join(f"<tr><td>{escape(name)}</td><td>{escape(COUNTRIES.get(name, ''))}</td></tr>" for name in names)
    return (f"<p>Signed by the following {len(names)} organisations:</p>"
            f"<table><tr><th>Organisation</th><th>Country</th></tr>{rows}</table>")


def _headings(names: list[str]) -> str:
    by_country: dict[str, list[str]] = {}
    for name in names:
        by_country.setdefault(COUNTRIES[name], []).append(name)
    groups = "".join(f"<h3>{escape(country)}</h3><ul>{''.join(f'<li>{escape(n)}</li>' for n in group)}</ul>"
                     for country, group in by_country.items())
    return f"<p>Signed by the following {len(names)} organisations:</p>{groups}"


def _people(names: list[str]) -> str:
    people = [(person, role) for name in names for person, role in PEOPLE.get(LABEL[name], [])] + PEOPLE[None]
    items = "".join(f"<li>{escape(person)}, {escape(role)}</li>" for person, role in people)
    return f"{_list(names)}<p>Individual signatories:</p><ul>{items}</ul>"


_SIGNATORIES = {"list": _list, "table": _table, "headings": _headings, "people": _people}
