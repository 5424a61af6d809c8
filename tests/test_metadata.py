"""Titles and dates: where each comes from, and which source wins."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.parse import parse
from ingest.parse.dates import iso_date, read_date
from ingest.parse.lexicon import lexicon
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
    ("es", "4 de febrero del 2021", "2021-02-04"),
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


@pytest.mark.parametrize("opening, expected", [
    ("Stellungnahme\ndes *Deutschen Koordinierungsrates der Gesellschaften für Christlich-Jüdische Zusammenarbeit*\n"
     "vom 21. Februar 2020\n\nTief erschüttert trauern wir um die Menschen, die in Hanau Opfer wurden.",
     "2020-02-21"),
    ("Déclaration commune des associations de défense des droits humains du 7 novembre 2013\n\n"
     "Nous, associations signataires, demandons au gouvernement de retirer le projet de loi.", "2013-11-07"),
    ("Stellungnahme unseres Präsidiums zu dem rassistischen Terroranschlag in der Stadt Hanau am 19. Februar 2020\n\n"
     "Tief erschüttert trauern wir um die Menschen, die in Hanau Opfer wurden.", "2020-02-24"),
    ("Gedanken unseres Präsidiums zu dem rassistischen Terroranschlag in der Stadt Hanau vom 19. Februar 2020\n\n"
     "Tief erschüttert trauern wir um die Menschen, die in Hanau Opfer wurden.",
     "2020-02-24"),
])
def test_a_line_that_names_the_statement_and_ends_with_its_date_wins_over_the_post_date(opening, expected):
    statement = parsed(f"---\ndate: 2020-02-24\n---\n\n{opening}\n", "text/markdown")
    assert statement.date == expected


def test_the_date_under_a_letters_sign_off_dates_it_though_a_call_to_sign_follows():
    form = "".join(f"<p>{line}</p>" for line in [
        "It does not matter who you are: you can add your name to this letter.", "First and last name:",
        "By signing, you agree to the publication of your name.", "Country:", "Sign the letter", "Share it"])
    reasons = "".join(f"<p>{reason} The courts there are no courts, and the charges are no crimes.</p>" for reason in
                      ["Many of us fled for our words.", "Some of us fled for our work.", "All of us fear the return.",
                       "Our families are watched.", "Our friends are in prison.", "Our names are on lists."])
    ask = "<p>We ask that you do not deport those at risk of persecution.</p>"
    statement = parsed(f"<h1>Open Letter</h1>{reasons}{ask}"
                       "<p>Respectfully,<br>Representatives of the opposition, independent journalists, writers, human "
                       "rights defenders, and all those who share the values of freedom<br>July 31, 2025</p>" + form)
    assert statement.date == "2025-07-31"


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



def test_titles_that_differ_by_a_space_agree_and_the_one_written_whole_names_the_page():
    statement = parsed("""<html><head><title>MonitoraPA</title><meta property="og:title" content="Monitora PA">
</head><body><header><h1>MonitoraPA Allerta Privacy</h1></header><p>Il progetto osserva i siti pubblici.</p>
</body></html>""")
    assert statement.title == "MonitoraPA"


def test_a_markdown_h1_that_labels_a_section_leaves_the_front_matter_title():
    statement = parsed("---\ntitle: ¿Qué está pasando en Guatemala?\n---\n# **Contexto del paro:**\n\nEl viernes el "
                       "Ministerio Público allanó la sede del Tribunal.\n", "text/markdown")
    assert statement.title == "¿Qué está pasando en Guatemala?"


@pytest.mark.parametrize("level", ["h1", "h2", "h4"])
def test_a_heading_the_theme_classes_as_the_entrys_title_names_the_page_at_any_level(level):
    # a theme may set it among the post's meta ("<div class='post-categories'>"), which is no part of its text
    statement = parsed(f"<html><body><div class='entry-content'><div class='post-categories'><{level} "
                       f"class='entry-title'>EPA-UNEPSA full members</{level}></div><p><b>LIST OF PRESIDENTS OF "
                       "NATIONAL SOCIETIES<br>AFFILIATED TO THE ASSOCIATION</b></p><p>Please keep our webmaster "
                       "updated.</p></div></body></html>")
    assert statement.title == "EPA-UNEPSA full members"

def test_a_markdown_h1_names_the_statement_over_the_front_matter_title():
    statement = parsed("---\ntitle: Open Letter to the Commission\n---\n\n# Keep funding free software\n\nText.\n",
                       "text/markdown")
    assert statement.title == "Keep funding free software"


def test_a_markdown_h1_under_a_caption_names_the_post_whose_title_runs_its_standfirst_on_after_it():
    page = ("---\ntitle: Sauvons les abeilles ! TRIBUNE. Cent apiculteurs en appellent au ministre.\n---\n\n"
            "Cent apiculteurs en appellent au ministre pour l'interdiction des néonicotinoïdes. © Photo\n\n"
            "# Sauvons les abeilles !\n\nTRIBUNE. Cent apiculteurs en appellent au ministre.\n\nNous demandons "
            "l'interdiction des néonicotinoïdes.\n")
    assert parsed(page, "text/markdown").title == "Sauvons les abeilles !"
    for other in ("# Les abeilles d'abord", "# Sauvons"):  # not the title's start; not it with the standfirst
        title = parsed(page.replace("# Sauvons les abeilles !", other), "text/markdown").title
        assert title.startswith("Sauvons les abeilles ! TRIBUNE")


def test_of_a_title_joining_publisher_statement_and_site_the_part_the_text_opens_with_names_it():
    page = ("---\ntitle: \"Conseil des Associations de Lyon : Appel au Président de la République - CAL\"\n---\n"
            "Appel au Président de la République\n**En lançant une nouvelle offensive, le régime a violé le "
            "cessez-le-feu.**\n\nNous demandons à la France de condamner cette agression.\n")
    assert parsed(page, "text/markdown").title == "Appel au Président de la République"
    sentence = page.replace("\n**En lançant", " pour la paix, **en lançant")  # the part opens a sentence
    assert parsed(sentence, "text/markdown").title.startswith("Conseil des Associations de Lyon")


@pytest.mark.parametrize("heading", ["Politic3", "post_12", "Page-2"])
def test_a_templates_placeholder_h1_does_not_name_the_statement_over_the_front_matter_title(heading):
    statement = parsed(f"---\ntitle: Open Letter to the Commission\n---\n\n# {heading}\n\nText.\n", "text/markdown")
    assert statement.title == "Open Letter to the Commission"


def test_the_publisher_from_the_statements_own_opening_words():
    statement = parsed("International Tibet Network Members are today joining the commemoration.\n\nMore text.\n",
                       "text/plain")
    assert statement.publisher == "International Tibet Network"
    assert parsed("Yesterday the police arrested three people.\n", "text/plain").publisher is None


def test_a_jekyll_post_written_in_html_gives_its_front_matter_and_keeps_it_out_of_the_text():
    statement = parsed("---\nlayout: blog-post\ntitle: 'Open letter to stop the surveillance'\n"
                       "date: 2019-10-07 19:18:54 GMT\n---\n<p>Dear officials,</p><p>We write to you.</p>")
    assert (statement.title, statement.date) == ("Open letter to stop the surveillance", "2019-10-07")
    assert statement.text.startswith("Dear officials,")


def test_a_jekyll_post_written_in_html_is_titled_by_its_front_matter_over_a_section_heading():
    statement = parsed("---\ntitle: Declaration of climate emergency\n---\n<h3>Context</h3><p>We, the students of "
                       "the region, keep asking what studying is for.</p><h3>Our requests</h3><p>Text.</p>")
    assert statement.title == "Declaration of climate emergency"


@pytest.mark.parametrize("url, path, expected", [
    ("https://example.org/2019/10/07/open-letter/", None, "2019-10-07"),
    ("https://example.org/news/2024-08-27-portugal-nao-pode-ser-cumplice", None, "2024-08-27"),
    (None, "_posts/2010-02-18-otro-asesinato.md", "2010-02-18"),
    (None, "letters/open-letter.md", None),
    (None, "html_cache/_Office_Communications_2025_03_26_LegalCommunity.asp", "2025-03-26"),
    (None, "reports/report_2024_117.html", None),  # a number, not a month
])
def test_an_undated_page_takes_the_date_its_address_or_file_name_carries(url, path, expected):
    body = b"<p>We call on the Government to release the data.</p>"
    document = Document("fixture", body, "text/html", "utf-8", datetime.now(timezone.utc), url=url, path=path)
    assert parse(document).date == expected


def test_a_month_the_text_gives_is_dated_to_the_day_by_an_address_in_that_month():
    body = b"<p>Saint Paul, March 2025</p><p>We call on the Government to release the data.</p>"
    for path, expected in (("cache/_Communications_2025_03_26_Letter.asp", "2025-03-26"),
                           ("cache/_Communications_2025_04_02_Letter.asp", "2025-03")):  # another month: the text's
        document = Document("fixture", body, "text/html", "utf-8", datetime.now(timezone.utc), path=path)
        assert parse(document).date == expected


def test_the_text_dates_a_statement_before_its_address_does():
    body = b"<p>Geneva, 4 February 2021</p><p>We call on the Government to release the data.</p>"
    document = Document("fixture", body, "text/html", "utf-8", datetime.now(timezone.utc),
                        url="https://example.org/2019/10/07/open-letter/")
    assert parse(document).date == "2021-02-04"


def test_a_markdown_h1_under_a_line_or_two_names_the_statement_but_not_an_h1_that_is_one_link():
    under_a_link = parsed("**[Versión en Castellano](#carta)**\n\n# Carta oberta a les administracions\n\n"
                          "La crisi sanitària generada per la pandèmia representa el major repte.\n", "text/markdown")
    assert under_a_link.title == "Carta oberta a les administracions"
    linked = parsed("---\ntitle: Cambiamento climatico e ISA lecture\n---\n\n"
                    "# [Voglio firmare la lettera](firmare).\n\n"
                    "È con immenso stupore che apprendiamo della lecture organizzata.\n", "text/markdown")
    assert linked.title == "Cambiamento climatico e ISA lecture"


def test_html_indented_inside_a_markdown_page_is_read_as_html_not_as_code():
    statement = parsed("""---
title: Lettre ouverte au Ministre
---

<div class="letter">

        <p><strong>À Paris, le 9 août 2024</strong></p>
        <p>Monsieur le Ministre, nous vous demandons de nous recevoir.</p>
</div>
""", "text/markdown")
    assert statement.date == "2024-08-09"
    assert "<p>" not in statement.text and statement.text.startswith("À Paris, le 9 août 2024")


def test_bare_title_and_date_lines_without_fences_are_front_matter():
    statement = parsed('title: "Partenariat indigne"\ndate: 2015/12/3\nimage: x.jpg\n\n<p>Texte du communiqué.</p>\n',
                       "text/markdown")
    assert (statement.title, statement.date) == ("Partenariat indigne", "2015-12-03")
    assert statement.text == "Texte du communiqué."


def test_a_front_matter_that_is_not_valid_yaml_still_gives_its_keys():
    statement = parsed('---\n# the theme\'s notes\ntitle: "Policy Lab"\ndatum: "2025-03-24" \t\t# YYYY-MM-DD!\n'
                       'lang: de\n---\nText.\n', "text/markdown")
    assert (statement.title, statement.date) == ("Policy Lab", "2025-03-24")


@pytest.mark.parametrize("line, title", [
    ("#Declaración Pública", "Declaración Pública"),  # kramdown's heading, without a space after the hash
    ("#FreeThemAll and more words in one paragraph\nthat goes on", "Declaración"),
])
def test_a_heading_written_without_a_space_after_its_hashes(line, title):
    page = f"---\ntitle: Declaración\n---\n\n{line}\n\nPedimos al Gobierno que convoque una mesa de trabajo.\n"
    assert parsed(page, "text/markdown").title == title


def test_a_pandoc_heading_anchor_is_not_part_of_the_title():
    statement = parsed("# Open Letter on the Task Force {#open_letter_on_the_task_force}\n\nText.\n", "text/markdown")
    assert statement.title == "Open Letter on the Task Force"


def test_kramdown_attribute_lists_and_extensions_are_no_text():
    statement = parsed("""{::options parse_block_html="true" /}

## Small businesses can save the Internet
{: #intro }

We urge Congress to restore net neutrality. [Read the letter](#letter){:target="_blank"}

Signed,

* Alpha Coffee Roasters
* Beta Bikes {:.siglist}
""", "text/markdown")
    assert statement.title == "Small businesses can save the Internet"
    assert "{:" not in statement.text
    assert [s.name for s in statement.signatories] == ["Alpha Coffee Roasters", "Beta Bikes"]


@pytest.mark.parametrize("title, expected", [
    ("ACTA: Una minaccia globale alla Libertà (Open Letter)", "ACTA: Una minaccia globale alla Libertà"),
    ("Stoppt die Vorratsdatenspeicherung [Offener Brief]", "Stoppt die Vorratsdatenspeicherung"),
    ("Open data for the Ministry (ODM)", "Open data for the Ministry (ODM)"),  # an acronym, not a label
])
def test_a_label_in_brackets_after_the_title_is_not_part_of_it(title, expected):
    assert parsed(f"---\ntitle: {title}\n---\n\nWe call on the Ministry to publish the data.\n",
                  "text/markdown").title == expected


def test_the_heading_a_page_opens_with_wins_over_a_head_title_nothing_confirms():
    statement = parsed("""<html><head><title>Protect Net Neutrality</title>
<meta property="og:title" content="Protect net neutrality to ensure a free and open internet!"></head>
<body><div class="letter"><h2>Our Letter to the FCC</h2><p>Dear Chairman,</p></div></body></html>""")
    assert statement.title == "Our Letter to the FCC"


def test_a_one_page_site_whose_sections_are_each_headed_by_an_h1_is_titled_by_its_head_title():
    page = """<html><head><title>Bürgerinitiative "Superblock ORF Viertel"</title></head><body>
<h1>Neuigkeiten</h1><p>Wir haben am 3. Juli mit der Stadt gesprochen.</p>
<h1>Worum geht es?</h1><p>Der Durchzugsverkehr belastet unser Viertel jeden Tag.</p>
<h1>Unsere Forderung</h1><p>Wir fordern die Stadt Graz auf, einen Superblock einzurichten.</p></body></html>"""
    assert parsed(page).title == 'Bürgerinitiative "Superblock ORF Viertel"'
    two_sections = page.replace("<h1>Unsere Forderung</h1>", "<h2>Unsere Forderung</h2>")
    assert parsed(two_sections).title == "Neuigkeiten"  # an opening h1 over a head title nothing confirms


@pytest.mark.parametrize("written, expected", [
    ("2019-10-07 19:18:54 GMT", "2019-10-07"),
    ("2019-09-16T14:33:50-03:00", "2019-09-16"),
    ("2015/12/3", "2015-12-03"),
    ("2013/11/07", "2013-11-07"),
    ("24.04.2023", "2023-04-24"),
    ("2023-04", "2023-04"),
    ("2015/13/3", None),
    ("12/03/2015", None),  # day or month first: nothing says which
])
def test_dates_written_in_markup(written, expected):
    assert iso_date(written) == expected


REPRINT = """---
title: "Academics and unionists support a suspended teacher"
date: 2008-10-30
---
Press Release: Workers Party of New Zealand

Over 30 academics and trade unionists have signed an open letter in support of the teacher.

Below is the open letter and the list of its signatories.

Open Letter and Sign-on Statement: No to restrictions on political speech!

We the undersigned believe that this violates the rights of workers and demand that the provision is repealed.
"""


def test_a_reprinted_statement_is_titled_by_its_own_heading():
    assert parsed(REPRINT, "text/markdown").title == \
        "Open Letter and Sign-on Statement: No to restrictions on political speech!"


@pytest.mark.parametrize("title, heading, expected", [
    ("OpenTF Foundation", "The OpenTF Manifesto", "The OpenTF Manifesto"),  # the site's name gives way
    ("Eixample Respira", "Manifesto", "Manifesto"),
    ("Open letter to HashiCorp", "The OpenTF Manifesto", "Open letter to HashiCorp"),  # a title that names one stays
    ("Why the licence change hurts everyone", "The OpenTF Manifesto", "Why the licence change hurts everyone"),
    ("OpenTF Foundation", "Our goal", "OpenTF Foundation"),  # a heading that names no statement
])
def test_a_title_that_is_a_name_gives_way_to_the_heading_that_names_the_statement(title, heading, expected):
    page = (f"<html><head><title>{title}</title></head><body><p>[September 5, 2023] The fork is now available! Read "
            f"more &gt;&gt;</p><img alt='OpenTF Foundation' src='logo.png'><h1>{heading}</h1><p>We ask HashiCorp to "
            "switch Terraform back to a truly open source license and to "
            "commit to keeping it that way.</p></body></html>")
    assert parsed(page).title == expected


@pytest.mark.parametrize("marker", ["COMUNICATO STAMPA", "Press release", "Pressemitteilung"])
def test_a_title_that_only_says_press_release_gives_way_to_the_heading_under_it(marker):
    text = (f"# {marker}\n\n**For distribution: 14 September 2026**\n\n---\n\n## The committee for the airport is "
            "founded\n\nThe committee asks the ministry to include the airport in the national plan.\n")
    assert parsed(text, "text/markdown").title == "The committee for the airport is founded"
    assert parsed(text.replace(marker, "Airport news"), "text/markdown").title == "Airport news"


def test_a_numbered_first_section_is_no_title_over_the_front_matters():
    text = ("---\ntitle: Open Knowledge Belgium defines 5 priorities for the federal digital agenda\n---\n\n"
            "# 1. The federal open data strategy\n\nThe cabinet introduced a federal open data strategy in 2015, and "
            "we ask the government to renew it.\n\n# 2. A federal prototype fund\n\nWe ask for a fund.\n")
    assert parsed(text, "text/markdown").title == \
        "Open Knowledge Belgium defines 5 priorities for the federal digital agenda"
    own = text.replace("# 1. The federal open data strategy", "# Five priorities for the digital agenda")
    assert parsed(own, "text/markdown").title == "Five priorities for the digital agenda"  # an author's own H1


def test_a_heading_that_names_the_statement_under_its_text_heads_no_reprint():
    argument = ("Geographic data collected by governments is a public good, and every citizen should be able to use "
                "it, share it and build on it without asking for leave or paying twice for what taxes paid for. ")
    page = ("<html><head><title>Open access to geodata</title></head><body><h1>Open access to geodata</h1>"
            "<p>We believe geodata should be open. Sign at the bottom of the page to support this manifesto.</p>"
            f"<h2>How it would work</h2><p>{argument * 4}</p><h3>Governments should open all their geodata.</h3>"
            f"<p>{argument * 3}</p><h3>people have signed the manifesto</h3>"
            "<p>See the list of those who have signed, and add your comments on the campaign wiki.</p></body></html>")
    assert parsed(page).title == "Open access to geodata"
    reprint = page.replace("<h3>people have signed the manifesto</h3>", "").replace(
        "<h2>How it would work</h2>", "<h2>The Geodata Manifesto of the Open Data Groups</h2>")
    assert parsed(reprint).title == "The Geodata Manifesto of the Open Data Groups"  # its text under it


@pytest.mark.parametrize("title, heading", [
    ("Joint Statement: Say no to facial recognition", "Joint Statement by ten organisations and 158 individuals"),
    ("Platforms need control", "Der offene Brief"),  # a label with no name of its own
    ("Small businesses can save the Internet", "Read the Letter"),  # a call to read it names it no more
    ("Pour un numérique souverain", "Lire la lettre ouverte"),
    ("Open Letter to the Commission", "Open Letter to the Commission"),  # the page's own title: the page is it
    ("Open Letter on the Task Force for the competitiveness of the industry",
     "Open Letter on the Task Force for the"),  # the page's title broken over two lines
])
def test_a_heading_that_does_not_title_a_reprint(title, heading):
    text = (f"---\ntitle: \"{title}\"\n---\nWe published the joint statement and the open letter on this page "
            f"today.\n\n## {heading}\n\nWe call on the government to stop the use of this technology now.\n")
    assert parsed(text, "text/markdown").title == title


@pytest.mark.parametrize("line", [
    "The Declaration states that the biodiversity crisis is an “existential threat to our Pacific Islands.”",
    "**What is the Vemööre Declaration?**",
    "[The Vemööre Declaration of the Pacific Forum, part 1 of 3](/docs/declaration-1.docx)",
])
def test_a_quoted_sentence_a_question_or_a_link_that_names_a_statement_does_not_title_a_reprint(line):
    text = ("---\ntitle: \"The Vemööre Declaration For The Pacific\"\n---\nBold, urgent action is called for in a "
            f"Pacific declaration to tackle the biodiversity crisis.\n\n{line}\n\nThere are five key areas within "
            "the declaration under which there are different action tracks, these are actions that governments "
            "recognise.\n")
    assert parsed(text, "text/markdown").title == "The Vemööre Declaration For The Pacific"


def test_an_aside_in_brackets_that_names_a_statement_does_not_title_a_reprint():
    text = ("---\ntitle: \"Public Education Demands sent to Government of BC\"\n---\nToday we sent the following "
            "letter to the Premier, endorsed by 8 parent and advocacy groups.\n\n(download [news release](/r.pdf) & "
            "[letter](/l.pdf); link to PAN's '[Declaration in Defense of Public Education](/declaration)')\n\n"
            "Dear Premier and Ministers,\n\nWe demand that the government increase the funding of public schools.\n")
    assert parsed(text, "text/markdown").title == "Public Education Demands sent to Government of BC"


def test_a_title_like_first_line_where_the_markup_has_none():
    text = "Joint statement on the closure of the radio\n\nWe, the undersigned organisations, call on the " \
           "government to reopen the station.\n"
    assert parsed(text, "text/plain").title == "Joint statement on the closure of the radio"
    assert parsed("4 February 2021\n\nWe call on the government to act now, and to do so in public.\n",
                  "text/plain").title is None


@pytest.mark.parametrize("language, line, expected", [
    ("fr", "Paris, le 7 novembre 2013. Communiqué de presse.", "2013-11-07"),
    ("en", "Monday, 5 March 2001, 4:53 pm", "2001-03-05"),
    ("it", "Roma, 15 maggio 2008", "2008-05-15"),
    ("nl", "Zaandam, 28 maart 2024", "2024-03-28"),
    ("en", "2005-04-17 German Young Social Democrats and Green Youth against software patents", "2005-04-17"),
    ("en", "4 February 2021 was the day we met in Geneva", None),
])
def test_a_line_that_opens_with_a_date(language, line, expected):
    tag = "h1" if line[:4].isdigit() else "p"
    body = (f"<html><body><{tag}>{line}</{tag}><p>We call on the council to act now, and to do so in public.</p>"
            "</body></html>")
    assert parsed(body, language=language).date == expected


@pytest.mark.parametrize("text, publisher", [
    ("**Press Release: Workers Party of New Zealand**\n\nWe call on the minister to act.\n",
     "Workers Party of New Zealand"),
    ("Press release of the Workers Party of New Zealand\n\nWe call on the minister to act.\n",
     "Workers Party of New Zealand"),
    ("Initially published by [petites singularités](https://example.org/). English translation below.\n\n"
     "We urge you to act.\n", "petites singularités"),
    ("We denounce the agreement.\n\n## A propos du CNLL\n\nLe CNLL représente les entreprises.\n", "CNLL"),
    ("We denounce it.\n\n## About April\n\nApril defends.\n\n## About Framasoft\n\nFramasoft educates.\n", None),
    ("---\nsummary: \"Zaankanters voor Palestina spreekt zich uit voor het demonstratierecht.\"\n---\n"
     "Wij verenigen ons in dit statement.\n", "Zaankanters voor Palestina"),
    ("---\nauthor: \"Health for Future Göttingen\"\n---\nSehr geehrte Damen und Herren,\n",
     "Health for Future Göttingen"),
    ("---\nauthor: Anushka Jain\n---\nWe call on the government to act.\n", None),
    ("---\nauthors: [drw]\n---\nWe call on the government to act.\n", None),
    ("---\nauthor: workers-party-of-new-zealand\n---\nWe call on the government to act.\n", None),
])
def test_the_publisher_from_the_statements_words_never_a_person_or_a_slug(text, publisher):
    language = "nl" if "Zaankanters" in text else "en"
    assert parsed(text, "text/markdown", language=language).publisher == publisher


@pytest.mark.parametrize("language, written, expected", [
    ("en", "6 Dec. 2021", "2021-12-06"),
    ("en", "the 22nd of June, 2020", "2020-06-22"),
    ("fr", "3 févr. 2020", "2020-02-03"),
    ("de", "1. Okt. 2019", "2019-10-01"),
    ("en", "6 Decembre 2021", None),  # not an abbreviation: a misspelt word
])
def test_abbreviated_months_and_ordinals(language, written, expected):
    assert read_date(written, lexicon(language)) == expected


PROSE = "<p>We call on the council to act now, and to do so in public, for everyone in the city.</p>"


@pytest.mark.parametrize("line, expected", [
    ("Union Members Support Coal Phase Out Date: Wed, 01/29/2020 - 16:07 Source: https://example.org/node/3361",
     "2020-01-29"),
    ("An Open Letter Date: Fri, 09/02/2016 - 15:36 Source: https://example.org/node/1769", "2016-09-02"),
    ("An Open Letter Date: 09/02/2016 - 15:36", None),  # month or day first: nothing says which
    ("An Open Letter Date: 13/02/2016", "2016-02-13"),
    ("Gemeinsame Pressemitteilung von BUND, Campact, Germanwatch, Greenpeace und WWF, 16.08.2019", "2019-08-16"),
    ("Open Letter, January 2020", "2020-01"),
    ("(Chinese Human Rights Defenders—July 25, 2019) The Chinese government has continued to persecute labor "
     "organizers and labor rights activists, and we call for their release.", "2019-07-25"),
    ("Today, Monday, the 22nd of June, 2020, the Centre is pleased to announce the start of a campaign for the "
     "freedom of all who write online.", "2020-06-22"),
    ("Updated on April 19, 2021", None),  # the date of a list, not of the statement
    ("📅 6 March 2025", None),  # an event's date
    ("We object to the policy, as stated in a letter dated September 22, 2020 to all the editors of the city.",
     None),  # another document's date
])
def test_a_date_the_statements_opening_writes(line, expected):
    body = f"<html><body><p>{line}</p>{PROSE}</body></html>"
    assert parsed(body, language="en").date == expected


def test_a_slashed_date_is_day_first_outside_english():
    body = "<html><body><p>Bruxelles, le 12/03/2021</p><p>Nous demandons au gouvernement de retirer le texte.</p>"
    assert parsed(body, language="fr").date == "2021-03-12"
    assert parsed(body, language="en").date is None


def test_a_date_that_ends_the_statement_before_its_signatories_or_ends_the_page():
    assert parsed(f"<html><body>{PROSE}<p>Letter written August 6th, 2021.</p></body></html>").date == "2021-08-06"
    signers = "".join(f"<li>Comitê de Solidariedade {n}</li>" for n in range(8))
    prose = "<p>Nós repudiamos a decisão e exigimos que o governo respeite a paz na região e no continente.</p>" * 9
    statement = parsed(f"<html><body>{prose}<p>São Paulo, 12 de setembro de 2019.</p><p>Assinam:</p><ul>{signers}"
                       "</ul></body></html>", language="pt")
    assert statement.date == "2019-09-12"



def test_a_markdown_date_line_that_opens_with_its_day_is_a_date_not_a_list():
    prose = "Wir fordern die Regierung auf, die Daten der Menschen zu schützen und das Gesetz zu ändern.\n\n"
    statement = parsed(f"# Erklärung\n\n{prose * 4}12. März 2024\n\nUnterzeichnende:\n\n- BUND\n- NABU\n",
                       "text/markdown", language="de")
    assert statement.date == "2024-03-12"
    html = parsed(f"<html><body><h1>Erklärung</h1>{('<p>' + prose.strip() + '</p>') * 4}<p>12. März 2024</p>"
                  "<p>Unterzeichnende:</p><ul><li>BUND</li><li>NABU</li></ul></body></html>", language="de")
    assert html.date == "2024-03-12"  # in a page's own markup, a line of text, not an item numbered 12


@pytest.mark.parametrize("language, opening, closing, expected", [
    ("de", "<span>Jänner 2013</span>", "", "2013-01"),
    ("es", "", "<p><em>Barcelona, mayo de 2019.</em></p>", "2019-05"),
    ("de", "<p>📅 6. März 2025</p>", "", None),  # a day alone on a line is more often an event's
])
def test_a_month_and_year_alone_or_after_a_place(language, opening, closing, expected):
    prose = "<p>Wir fordern die Regierung auf, die Daten der Menschen zu schützen und das Gesetz zu ändern.</p>"
    assert parsed(f"<html><body>{opening}<h3>Erklärung</h3>{prose * 4}{closing}</body></html>",
                  language=language).date == expected


def test_a_date_that_ends_the_header_line_naming_the_signers_wins_over_the_post_date():
    statement = parsed("---\ndate: 2019-08-18\n---\n**Gemeinsame Pressemitteilung von BUND, Campact, Deutsche "
                       "Umwelthilfe, Germanwatch, Greenpeace, Naturschutzbund Deutschland (Nabu), Naturfreunde "
                       "Deutschlands, Umweltinstitut München, WWF Deutschland und dem Deutschen Naturschutzring (DNR), "
                       "16.08.2019**\n\nDie Verbände fordern die Bundesregierung auf, endlich zu handeln.\n",
                       "text/markdown", language="de")
    assert statement.date == "2019-08-16"


def test_a_reprinted_letter_is_dated_by_its_own_date_after_its_addressees():
    addressees = "".join(f"<p>Song Yiya {n}, Director of Pingshan District Security Bureau</p>" for n in range(8))
    statement = parsed(f"""---
date: 2019-08-02
---
<p>Today a network of organizations is calling for the release of three editors. They have sent their letter to
the local authorities.</p>
<p>A Letter from a regional network to call on the release of three labour activists</p>
<p>区域性职业健康和安全网络要求释放劳权行动者</p><p>To:</p>{addressees}<p>宋逸阳，坪山区公安局局长</p>
<p>1st August 2019</p>
<p>On January 8th, the police stormed a residence and detained an editor of the website, and two more later.</p>
""" + PROSE * 6 + "<p>Signed by:</p><ul>" + "".join(f"<li>Labour Rights Network {n}</li>" for n in range(9)) + "</ul>")
    assert statement.title == "A Letter from a regional network to call on the release of three labour activists"
    assert statement.date == "2019-08-01"


@pytest.mark.parametrize("front_matter, expected", [
    ("post_date: 2016-08-03 12:00:16", "2016-08-03"),  # a WordPress export
    ("createdAt: 2025-03-21", "2025-03-21"),  # Nuxt Content
    ("date: Mon, 09 Sep 2019 08:25:04 +0200", "2019-09-09"),  # an e-mail date
    ("published: true\npubDate: 2024-01-22", "2024-01-22"),
    ("published: true\nposted_on: 2018-02-19", "2018-02-19"),  # a Jekyll theme's own key
    ("publication: 03-02-2026\nlang: nl", "2026-02-03"),  # a site's own key, the day first
])
def test_front_matter_dates_of_each_generator(front_matter, expected):
    assert parsed(f"---\n{front_matter}\n---\nText.\n", "text/markdown").date == expected


def test_the_heading_the_content_opens_with_after_a_label_line():
    statement = parsed(f"<html><body><p>@extends('layouts.pages')</p><p>PRESS STATEMENT</p>"
                       f"<h2>Voice Unveils Digital Freedom Advocacy</h2>{PROSE}</body></html>")
    assert statement.title == "Voice Unveils Digital Freedom Advocacy"


def test_a_sites_name_as_its_title_and_its_banner_heading_gives_way_to_the_articles_heading():
    letter = "<p>We call on the authorities to release all detained defenders immediately.</p>"
    page = ("<html><head><title>Coalition for Rights</title></head><body><h1><a href='/'>Coalition for Rights</a>"
            f"</h1><article><h2>Free the detained defenders now</h2>{letter}</article></body></html>")
    assert parsed(page).title == "Free the detained defenders now"
    unlinked = page.replace("<a href='/'>Coalition for Rights</a>", "Coalition for Rights")
    assert parsed(unlinked).title == "Coalition for Rights"  # a post's own title may stand above its article
    no_container = ("<html><head><title>Coalition for Rights</title></head><body><header><h1><a href='index.html'>"
                    f"Coalition for Rights</a></h1></header><div><h2>Free the detained defenders now</h2>{letter}"
                    "</div></body></html>")
    assert parsed(no_container).title == "Free the detained defenders now"  # the page's <header> holds its banner


def test_a_heading_right_before_the_articles_container_names_it_over_an_og_title():
    page = ("<html><head><title>OpenTF Foundation</title><meta property='og:title' content='OpenTF created a fork!'>"
            "</head><body><section><h2>OpenTF Announces Fork of Terraform</h2><article class='blog-post'><p>Two weeks "
            "ago, HashiCorp announced they are changing the license of their core products.</p><p>We call on "
            "HashiCorp to return to an open-source license.</p></article></section></body></html>")
    assert parsed(page).title == "OpenTF Announces Fork of Terraform"
    apart = page.replace("</h2><article", "</h2><p>Latest news</p><article")  # not right before it
    assert parsed(apart).title == "OpenTF created a fork!"


@pytest.mark.parametrize("shared", [
    "<meta name='twitter:title' content='Free the detained defenders now'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Free the detained defenders now\"}"
    "</script>",
])
def test_a_twitter_title_or_a_json_ld_headline_names_a_page_whose_head_names_only_the_site(shared):
    page = (f"<html><head><title>Alpha Network</title>{shared}</head><body><p>We call on the government to release "
            "the detained defenders.</p><p>Signed by:</p><ul><li>Alpha Network</li><li>Beta Coalition</li>"
            "<li>Gamma Foundation</li></ul></body></html>")
    assert parsed(page).title == "Free the detained defenders now"


def test_a_head_title_whose_site_part_is_the_og_title_and_a_tagline_heading():
    statement = parsed(f"""<html><head><title>#datibenecomune | Lettera aperta al Presidente del Consiglio</title>
<meta property="og:title" content="#datiBeneComune"><meta property="og:site_name" content="datibenecomune.it">
</head><body><h1>Chiediamo dati aperti sull'emergenza. Siamo firmatari e organizzazioni promotrici.</h1>{PROSE}
</body></html>""")
    assert statement.title == "Lettera aperta al Presidente del Consiglio"


@pytest.mark.parametrize("front_matter, title", [
    ("title: L'appel\nsubtitle: Appel des travailleurs du numérique pour une autre réforme",
     "Appel des travailleurs du numérique pour une autre réforme"),
    ("title: 'Open letter:'\nsubtitle: Keep the library open", "Open letter: Keep the library open"),
    ("title: Open Letter\nsubtitle: to the President, Members of Congress, and the People",
     "Open Letter to the President, Members of Congress, and the People"),  # a subtitle that goes on in lower case
    ("title: Don't Spy EU – end of campaign\nsubtitle: Final statement by Hermes Center and info.nodes",
     "Don't Spy EU – end of campaign"),  # a title of its own keeps it
    ("title: A Joint Statement in Support of a Scholar 全球聯合聲明：聲援獎學金得主",
     "A Joint Statement in Support of a Scholar"),
])
def test_a_bare_label_continued_by_its_subtitle_and_a_title_followed_by_its_translation(front_matter, title):
    assert parsed(f"---\n{front_matter}\n---\nWe call on the council to act now.\n", "text/markdown").title == title


def test_a_slugged_title_as_the_text_writes_it():
    statement = parsed("---\ntitle: An Open Letter To the Labor Movement Stand in Solidarity With Nodapl\n---\n"
                       "An Open Letter to the Labor Movement: Stand in Solidarity With #NoDAPL Date: Fri, 09/02/2016"
                       "\n\n"
                       "We call on every union to oppose the pipeline.\n", "text/markdown")
    assert statement.title == "An Open Letter to the Labor Movement: Stand in Solidarity With #NoDAPL"
    kept = parsed("---\ntitle: 'Lettre ouverte : la plainte doit être retirée !'\n---\n"
                  "Lettre ouverte : la plainte doit être retirée\n\nNous demandons le retrait.\n", "text/markdown")
    assert kept.title == "Lettre ouverte : la plainte doit être retirée !"
    quoted = parsed("---\ntitle: Draft Principles on Communications Surveillance\n---\n"
                    "**\"Draft Principles on Communications Surveillance\"** is a post by the Centre.\n\n"
                    "We call on every government to adopt the principles.\n", "text/markdown")
    assert quoted.title == "Draft Principles on Communications Surveillance"  # not the quotation mark before it


@pytest.mark.parametrize("title, text, expected", [
    ("Positionspapier zur Tabakentwoehnung", "Die Task Force Tabakentwöhnung fordert ein Ende des Rauchens.",
     "Positionspapier zur Tabakentwöhnung"),
    ("Declaration des associations", "Cette déclaration des associations demande le retrait du texte.",
     "Déclaration des associations"),
    ("Tage der Solidaritaet", "Die Tage der Solidarität, oder der Solidaritaet, wie das Plakat schreibt.",
     "Tage der Solidaritaet"),  # the text writes it as the title does too: left as it is
])
def test_a_title_written_in_ascii_takes_the_texts_spelling_of_its_words(title, text, expected):
    page = (f"<html><head><title>{title}</title></head><body><p>{text}</p><p>We call on the council to act.</p>"
            "</body></html>")
    assert parsed(page).title == expected


@pytest.mark.parametrize("text, publisher", [
    ("<p>To endorse this letter, fill out the form. This letter is jointly organized by the Electronic Frontier "
     "Foundation and Fight For the Future.</p><p>We call on Congress to oppose the bill.</p>",
     "Electronic Frontier Foundation and Fight For the Future"),
    ("<p>The surrender arrangements will be coordinated by the Chief Executive alone, by way of a certificate.</p>"
     "<p>We call on the Government to withdraw the bill.</p>", None),  # said of something else
    ("<p>We call on the Government to release the activists.</p><p>Reposted from China Human Rights Defenders: "
     "https://www.nchrd.org/2019/07/release/</p>", "China Human Rights Defenders"),
    ("<p>An Open Letter Date: Fri, 09/02/2016 Source: https://ecology.iww.org/node/1769 Tags: unions</p>"
     "<p>We call on every union in the country to oppose the pipeline and to join the camps.</p>", "ecology.iww.org"),
    ("<p>We call on every union in the country to oppose the pipeline and to join the camps.</p>"
     "<p>Source: https://www.climateocean.com/2019/09/25/ngos-call-on-eu/</p>", None),  # a source it cites
    ("<p>We call on the Government to release the activists.</p><p>Reposted from https://www.example-rights.org/"
     "2019/07/release/</p>", "example-rights.org"),  # an address, not the name "https"
    ("<p>We call on the Government to release the activists.</p><p><img src='/photo.jpg' alt='La foto di Anna Rossi "
     "è tratta da https://www.example-photos.org/'></p>", None),  # where a picture comes from
    ("<p>Sign by opening an issue on <a href='https://github.com/onestlatech/onestlatech.github.io/issues/new'>our "
     "repository</a>.</p><p>Nous demandons le retrait de la réforme.</p>", "onestlatech"),
])
def test_the_publisher_a_page_names_or_its_site(text, publisher):
    head = '<html><head><meta property="og:site_name" content="Tech Companies Against TPA"></head>' \
        if "organized" in text else "<html>"
    assert parsed(f"{head}<body>{text}</body></html>").publisher == publisher


@pytest.mark.parametrize("front_matter, publisher", [
    ("permalink: https://www.comunicacionabierta.net/2016/08/acceso-abierto/", "comunicacionabierta.net"),
    ("url: /news/2024-08-27-portugal-nao-pode-ser-cumplice/", None),  # a path names no site
    ("externe_link: https://www.telegraaf.nl/nieuws/1062900695/regering\nurl: https://leestmeer.nl/x/", "telegraaf.nl"),
    ("organization: Example Climate Network\nurl: https://leestmeer.nl/x/", "Example Climate Network"),
    ("Herausgeber: Bündnis F5\npermalink: https://buendnis-f5.de/x/", "Bündnis F5"),
    # a web archive publishes nothing of its own: its copy names the site it copied, or none
    ("permalink: https://web.archive.org/web/20210712025034/https://www.example-news.com/article/19676/",
     "example-news.com"),
    ("permalink: https://archive.ph/Xy7Zq", None),
])
def test_the_site_a_front_matter_address_names(front_matter, publisher):
    """An issuer the front matter names comes before the site's address."""
    assert parsed(f"---\n{front_matter}\n---\nWe call on the Government to act.\n", "text/markdown").publisher \
        == publisher


@pytest.mark.parametrize("head, body, publisher", [
    ('<meta property="og:url" content="https://techforfreedomandjustice.github.io/">',
     "<h1>Tech for Freedom and Justice</h1><p>We call for a ceasefire now.</p>", "Tech for Freedom and Justice"),
    ('<meta property="og:site_name" content="datibenecomune.it"><title>#datibenecomune | Lettera aperta</title>',
     "<p>Chiediamo dati aperti.</p>", "#datibenecomune"),
    ('<meta property="og:url" content="https://www.comunicacionabierta.net/2018/02/ley/">',
     "<p>Publicado en ComunicacionAbierta.net, un blog colectivo.</p>", "ComunicacionAbierta.net"),
    ('<meta property="og:url" content="https://onestlatech.github.io/">',
     "<p>Écrivez-nous à onestlatech@protonmail.com.</p>", "onestlatech"),  # a platform's site: its account
    ('<meta property="og:url" content="https://onestlatech.github.io/">',
     "<p>Le site OnEstLaTech.github.io est à nous.</p>", "OnEstLaTech"),
    ('<meta property="og:url" content="https://www.example-rights.org/">',
     "<p>Escribe a contacto@examplerights.org.</p>", "example-rights.org"),  # an address, not a spelling
])
def test_a_sites_address_as_the_page_spells_its_name(head, body, publisher):
    assert parsed(f"<html><head>{head}</head><body>{body}</body></html>").publisher == publisher


def test_a_place_that_opens_the_statement_is_not_its_publisher():
    assert parsed("The UK is in crisis. People are struggling with their bills.\n\nWe call on the government to "
                  "act.\n", "text/markdown", language="en").publisher is None


@pytest.mark.parametrize("author, line, publisher", [
    ("celia-zafra", "Contactos: Celia Zafra, Political Watch / 630033112 / celia@example.org", "Political Watch"),
    ("Anushka Jain", "For questions write to Anushka Jain, Director of Policy, at anushka@example.org.", None),
    ("anushka-jain", "Anushka Jain (Delhi) wrote this.", None),
    ("Ricardo Bermeo", "Responsable de la publicación: Ricardo Bermeo", None),
])
def test_the_organisation_a_posts_author_is_named_with(author, line, publisher):
    statement = parsed(f"---\nauthor: {author}\n---\nWe call on the government to act.\n\n{line}\n", "text/markdown",
                       language="en")
    assert statement.publisher == publisher


@pytest.mark.parametrize("front_matter, text, publisher", [
    ('subtitle = "Final statement by Hermes Center, The Good Lobby and info.nodes"',
     "While **Hermes Center for Transparency and Digital Human Rights,** along with The Good Lobby, welcomes the deal, "
     "we call on the Council to act.", "Hermes Center for Transparency and Digital Human Rights"),
    ('title = "Erklärung von Digitalcourage und Wikimedia Deutschland"', "Wir fordern den Bundestag auf.",
     "Digitalcourage"),
    ('title = "A statement by President Ramaphosa"', "We call on the members to act.", None),  # a role
    ('title = "Declaration of Principles"', "We call on the members to act.", None),  # "of" is no byline
    ('title = "Letter from CSOs to UNCTAD"', "We call on the secretariat to act.", None),  # a kind of group
    ('title = "Statement by Jane Smith"', "We call on the members to act.", None),  # a person
])
def test_the_first_issuer_a_byline_names_as_fully_as_the_page_names_it(front_matter, text, publisher):
    assert parsed(f"+++\n{front_matter}\n+++\n{text}\n", "text/markdown", language="en").publisher == publisher


@pytest.mark.parametrize("author", ["José", "RAFAEL MONTES", "MARIA DA SILVA"])
def test_an_author_that_is_a_given_name_alone_or_a_persons_name_in_capitals_is_no_publisher(author):
    statement = parsed(f"---\nauthor: {author}\n---\nWe call on the government to act.\n", "text/markdown",
                       language="en")
    assert statement.publisher is None
    assert parsed("---\nauthor: Ethos\n---\nWe call on the government to act.\n", "text/markdown",
                  language="en").publisher == "Ethos"  # one word that is no one's given name: the site's own


@pytest.mark.parametrize("language, author", [
    ("en", "Admin"), ("en", "Editorial Team"), ("fr", "La rédaction"), ("de", "Redaktion"),
    ("es", "Equipo de redacción"), ("pt", "Redação"), ("it", "Redazione"), ("nl", "Redactie"),
])
def test_an_author_that_is_a_sites_role_is_no_publisher(language, author):
    statement = parsed(f"---\nauthor: \"{author}\"\n---\nWe call on the government to act.\n", "text/markdown",
                       language=language)
    assert statement.publisher is None


@pytest.mark.parametrize("language, author", [
    ("fr", "Un collectif de responsables syndicaux et d'organisations syndicales"),
    ("en", "A group of scientists and doctors"),
    ("de", "Als Studierende der Heidelberger Hochschulen"),
    ("es", "Varias organizaciones de la sociedad civil"),
    ("en", "Six National Drug Policy Organizations"),
    ("pt", "Coletivos e Associações"),
    ("it", "Alcune associazioni del territorio"),
    ("nl", "Als bezorgde ouders"),
])
def test_an_author_or_an_opening_that_describes_who_speaks_is_no_publisher(language, author):
    statement = parsed(f"---\nauthor: \"{author}\"\n---\nWe call on the government to act.\n", "text/markdown",
                       language=language)
    assert statement.publisher is None
    opening = parsed(f"{author} demand that the government act at once.\n", "text/markdown", language=language)
    assert opening.publisher is None


def test_a_name_made_of_groups_by_what_joins_them_is_still_a_name():
    text = "---\nauthor: Federation of Tenants Associations\n---\nWe call on the government to act.\n"
    assert parsed(text, "text/markdown", language="en").publisher == "Federation of Tenants Associations"


@pytest.mark.parametrize("heading, publisher", [
    ("Über viele Arten gibt es keine Informationen", None),  # a heading about something, not an About section
    ("Über Digitalcourage", "Digitalcourage"),
])
def test_an_about_section_names_a_publisher_only_where_a_name_follows(heading, publisher):
    text = f"Wir fordern den Bundestag auf, das Gesetz zu stoppen.\n\n## {heading}\n\nEin Absatz darüber.\n"
    assert parsed(text, "text/markdown", language="de").publisher == publisher


@pytest.mark.parametrize("title, publisher", [
    ("Public letter from IT specialists in support of the defendants", None),  # who the specialists are
    ("Open letter from Amnesty International to the Minister", "Amnesty International"),
    ("Joint statement by Digitalcourage, Wikimedia and others", "Digitalcourage"),
    ("Open letter from Amnesty International calling for a moratorium", "Amnesty International"),
])
def test_capitalised_words_that_describe_the_noun_after_them_are_no_byline_name(title, publisher):
    assert parsed(f"+++\ntitle = \"{title}\"\n+++\nWe call on the Minister to act.\n", "text/markdown",
                  language="en").publisher == publisher


def test_the_site_a_repost_comes_from_before_the_signers_its_title_names():
    text = ("---\ntitle: Joint Statement by University Journalism Educators on the Police Proposal\n"
            "source: https://www.hkcnews.com/article/34149/\n---\nWe call on the police to withdraw it.\n")
    assert parsed(text, "text/markdown", language="en").publisher == "hkcnews.com"


@pytest.mark.parametrize("contact, publisher", [
    ("Contact: Evan Greer, 978-852-6457, press@fightforthefuture.org", "Fight for the Future"),
    ("Contact: Evan Greer, evan.greer@gmail.com", None),  # a mail service's address
    ("Contact: Evan Greer, press@fftf-campaigns.org", None),  # an address the page names no one by
])
def test_the_organisation_a_contact_lines_address_belongs_to(contact, publisher):
    """The address may stand on the next line, after the letter's signatories; several organisations' contacts
    name none."""
    text = (f"<p>FOR IMMEDIATE RELEASE</p><p>{contact}</p><p>Groups from Fight for the Future to Gmail Users "
            "United oppose the bill.</p><p>We urge Congress to oppose the bill.</p>")
    assert parsed(f"<html><body>{text}</body></html>").publisher == publisher


@pytest.mark.parametrize("closing, publisher", [
    ("For any questions regarding this letter, please contact Benjamin Henrion\n\nbhenrion@ffii.org +32-2-4148403",
     "FFII"),
    ("Press contact: info@ffii.org\n\nPress contact: media@april.org", None),
])
def test_a_contact_line_after_the_signatories_with_its_address_below(closing, publisher):
    text = ("We urge the Commission to open the task force to small firms.\n\nSincerely,\n\n- Pieter Hintjens, "
            f"President of FFII\n- Jan Novak, President of April\n- Eva Kralj, CEO of Example SME Forum\n\n{closing}\n")
    assert parsed(text, "text/markdown", language="en").publisher == publisher


@pytest.mark.parametrize("author, text, publisher", [
    ("workers-party-of-new-zealand", "The Workers Party of New Zealand calls for his reinstatement.",
     "Workers Party of New Zealand"),
    ("[drw]", "We urge you to keep encryption.\n\nSigned,\n\n- Access Now\n- Digital Rights Watch\n- Derechos "
     "Digitales\n- Electronic Frontier Foundation", "Digital Rights Watch"),
    ("celia-zafra", "Celia Zafra wrote this post. We call on the government to act.", None),  # a person
    ("bh", "We stand with Bosnia and Herzegovina.", None),  # initials of a place
])
def test_the_organisation_an_author_slug_stands_for_as_the_page_writes_it(author, text, publisher):
    assert parsed(f"---\nauthor: {author}\n---\n{text}\n", "text/markdown", language="en").publisher == publisher


@pytest.mark.parametrize("language, text, publisher", [
    ("es", "Más de 210 colectivos impulsan la campaña “Parad el racismo”, que apoyamos desde Political Watch.",
     "Political Watch"),
    ("en", "We at Example Climate Network join the call for a ceasefire.", "Example Climate Network"),
    ("de", "Wir von Digitalcourage fordern den Bundestag auf, das Gesetz zu stoppen.", "Digitalcourage"),
    ("es", "Trabajamos desde Madrid con muchas organizaciones de la región.", None),  # a place
    ("en", "We at Example Climate Network join the call", None),  # a heading, not the page's voice
])
def test_the_organisation_the_pages_own_voice_speaks_for(language, text, publisher):
    markdown = f"# {text}\n\nWe call on the government to act.\n" if publisher is None and language == "en" \
        else f"{text}\n\nWe call on the government to act.\n"
    assert parsed(markdown, "text/markdown", language=language).publisher == publisher


GRAPH = ('{"@context": "https://schema.org", "@graph": [{"@type": "Article", "datePublished": "2021-03-04", '
         '"publisher": {"@id": "https://example.org/#org"}}, {"@type": "NewsMediaOrganization", '
         '"@id": "https://example.org/#org", "name": "Example Climate Network"}]}')


@pytest.mark.parametrize("head, footer, publisher", [
    (f'<script type="application/ld+json">{GRAPH}</script>', "", "Example Climate Network"),
    ('<script type="application/ld+json">{"@type": "WebSite", "name": "Example Rights Watch"}</script>', "",
     "Example Rights Watch"),
    ("", "<footer><p>Copyright © 2015-2019 Fight for the Future. All rights reserved.</p></footer>",
     "Fight for the Future"),
    ("", "<footer><p>© 2020 Frank Meeuwsen</p></footer>", None),  # a person's blog: never a person
])
def test_the_site_owner_its_json_ld_graph_or_its_footers_copyright_names(head, footer, publisher):
    body = f"<main><p>We call on the government to act.</p></main>{footer}"
    assert parsed(f"<html><head>{head}</head><body>{body}</body></html>").publisher == publisher


def test_a_footer_line_that_dates_the_statement():
    page = (f"<html><body><div id='letter'>{PROSE}</div><div id='footer'><p><a href='/share'>Tweet</a>"
            "<span>Letter written August 6th, 2021.</span></p><p>Site built on 3 May 2022</p></div></body></html>")
    assert parsed(page).date == "2021-08-06"
    assert parsed(page.replace("Letter written August 6th, 2021.", "Share it")).date is None  # the build date is not


def test_a_plain_texts_title_set_apart_by_rules():
    text = ("======================\nStatement on Backdoors\n======================\n\nOctober 5, 2010\n\n"
            "We, the undersigned, are the developers of the project and we oppose the bill.\n")
    statement = parsed(text, "text/plain")
    assert (statement.title, statement.date) == ("Statement on Backdoors", "2010-10-05")


@pytest.mark.parametrize("address, expected", [
    ("https://comunicacionabierta.net/2016/08/acceso-abierto-ciencia-derecho/", "2016-08"),
    ("/news/2024-08-27-portugal-nao-pode-ser-cumplice/", "2024-08-27"),
    ("https://example.org/2016/13/x/", None),
    ("https://example.org/node/2016/", None),
])
def test_a_permalinks_date_where_nothing_else_dates_the_page(address, expected):
    statement = parsed(f"---\nurl: {address}\n---\nWe call on the Government to act.\n", "text/markdown")
    assert statement.date == expected


@pytest.mark.parametrize("line, expected", [
    ("Leeds, 3 March 2021", "2021-03-03"), ("12 March 2021", "2021-03-12"), ("12.03.2021", "2021-03-12"),
    ("We met on 12 March 2021 with the council.", None),
])
def test_a_line_that_is_only_a_date_dates_an_otherwise_undated_page_wherever_it_stands(line, expected):
    letter = "".join(f"<p>Paragraph {n} of the letter, which asks the council to act.</p>" for n in range(10))
    annex = "".join(f"<p>Paragraph {n} of the annex on the eviction plan.</p>" for n in range(8))
    statement = parsed(f"<h1>Open letter</h1>{letter}<p>{line}</p><h2>Annex</h2>{annex}")
    assert statement.date == expected


def test_a_letters_date_above_its_salutation_after_a_press_release_paragraph():
    navigation = "".join(f"<p>Link {n} |</p>" for n in range(5))
    statement = parsed(f"<html><body><h1>Open Letter on the Task Force</h1>{navigation}<p>In an open letter to the "
                       "Commission, six associations have called for the inclusion of small firms in the task "
                       "force.</p><p>Brussels, London, Berlin</p><p>3rd July 2006</p><p>Open Letter on the Task "
                       "Force</p><p>Dear Commissioner Verheugen,</p><p>We write to you about the task force and ask "
                       f"you to include small firms in it.</p>{PROSE * 6}</body></html>")
    assert statement.date == "2006-07-03"


def test_a_front_matter_date_written_day_first_with_slashes_is_read():
    statement = parsed("---\ntitle: Parmi les signataires récents\ndate: 30/04/2015\n---\n\nNous demandons le retrait "
                       "du projet de loi.\n", "text/markdown")
    assert statement.date == "2015-04-30"
    assert not any("unreadable date" in warning for warning in statement.warnings)


def test_the_og_prefixed_published_time_dates_the_page():
    statement = parsed('<html><head><meta property="og:article:published_time" content="2016-05-04T08:33:46+02:00">'
                       '</head><body><h1>Pour le droit à la non-mixité</h1><p>Nous défendons ce droit.</p>'
                       '<p>Publié le 15 mai 2020 dans les commentaires</p></body></html>')
    assert statement.date == "2016-05-04"


def test_entities_in_a_front_matter_title_are_decoded():
    statement = parsed('---\ntitle: "Ato contra a Lei Azeredo (&#8220;AI-5 digital&#8221;) &amp; mais"\n---\n\n'
                       'Texto.\n', "text/markdown")
    assert statement.title == "Ato contra a Lei Azeredo (“AI-5 digital”) & mais"


@pytest.mark.parametrize("opening", [
    "Milano, 10 Luglio 2025\n\nAlla cortese attenzione del Garante,\n\n## Lettera aperta sul modello Pay or OK\n\n",
    "Paris, le 3 mars 2024\n\n## Lettre ouverte au ministre de l'Intérieur\n\n",
])
def test_a_heading_naming_the_statement_under_a_dateline_and_the_addressee_is_its_title(opening):
    body = opening + "# 1. Una consultazione tardiva\n\n" + PROSE * 2
    assert parsed(body, "text/markdown").title == opening.split("## ")[1].strip()


@pytest.mark.parametrize("head, body", [
    ('<meta name="date" content="2021-03-03">', ""),
    ('<meta name="DC.date.issued" content="2021-03-03">', ""),
    ('<meta name="citation_publication_date" content="2021/03/03">', ""),
    ('<script type="application/ld+json">{"@type": "Article", "dateCreated": "2021-03-03T10:00:00Z"}</script>', ""),
    ("", '<span itemprop="datePublished" content="2021-03-03">3 March</span>'),
    ("", '<header class="entry-header"><time>March 3, 2021</time></header>'),  # a theme's, out of the text
    ('<meta property="article:published_time" content="sometime">',
     '<span itemprop="datePublished" content="2021-03-03">3 March</span>'),  # an unreadable one passed over
])
def test_the_publication_date_a_pages_markup_gives_in_any_of_its_usual_places(head, body):
    statement = parsed(f"<html><head><title>Open letter on the bill</title>{head}</head><body>"
                       f"<h1>Open letter on the bill</h1>{body}{PROSE}</body></html>")
    assert statement.date == "2021-03-03"


def test_an_unreadable_front_matter_date_is_said_and_the_pages_other_dates_read_on():
    statement = parsed("---\ndate: été\nurl: /2021/03/lettre-ouverte/\n---\nNous demandons le retrait du texte.\n",
                       "text/markdown")
    assert statement.date == "2021-03"
    assert "unreadable date 'été'" in statement.warnings


@pytest.mark.parametrize("language, written, expected", [
    ("es", "15 de setiembre de 2020", "2020-09-15"),
    ("de", "3. Jänner 2021", "2021-01-03"),
    ("de", "3. Maerz 2021", "2021-03-03"),
    ("nl", "3 mrt 2021", "2021-03-03"),
    ("en", "15 setiembre 2020", None),  # a Spanish spelling, not an English one
])
def test_a_months_other_usual_spelling(language, written, expected):
    assert read_date(written, lexicon(language)) == expected


@pytest.mark.parametrize("language, line, expected", [
    ("nl", "Amsterdam, 3-3-2021", "2021-03-03"),  # day first with dashes, as with slashes
    ("en", "Posted 09-02-2016", None),  # month or day first: nothing says which
    ("en", "March 3, 2021 at 10:00 am", "2021-03-03"),
    ("fr", "3 mars 2021 à 14h30", "2021-03-03"),
    ("es", "3 de marzo de 2021 a las 10.00", "2021-03-03"),
    ("en", "4 February 2021 was the day we met", None),
])
def test_a_dateline_with_dashes_or_a_time_after_it(language, line, expected):
    body = f"<html><body><p>{line}</p>{PROSE}</body></html>"
    assert parsed(body, language=language).date == expected


@pytest.mark.parametrize("closing, expected", [
    ("To: the Council, 01.06.2022 — in time for the summer session", "2021-09-05"),  # later: a day planned
    ("Geneva, 3 September 2021", "2021-09-03"),  # earlier: the day it was written
])
def test_a_date_at_the_end_later_than_the_posts_date_is_not_the_statements(closing, expected):
    letter = "We call on the Council to act now, and to do so in public, for everyone in the city.\n\n" * 9
    statement = parsed(f"---\ndate: 2021-09-05\n---\n{letter}{closing}\n", "text/markdown")
    assert statement.date == expected


LETTER = "We, the undersigned organisations, call on the government to withdraw the bill and to hear us.\n"


@pytest.mark.parametrize("opening, title", [
    ("Berlin, 3 March 2021\n\nOpen letter on the surveillance bill\n\n", "Open letter on the surveillance bill"),
    ("Joint statement\n\nNo to the surveillance bill\n\n", "Joint statement: No to the surveillance bill"),
    ("Lettre ouverte\n\nNon à la loi de surveillance\n\n", "Lettre ouverte: Non à la loi de surveillance"),
    ("Open letter on the surveillance bill\n\nNo to the surveillance bill\n\n",
     "Open letter on the surveillance bill"),  # a title of its own: the next line is not joined
    ("To: the Minister of the Interior\n\nOpen letter on the surveillance bill\n\n",
     "Open letter on the surveillance bill"),
    ("An: Bundesministerium des Innern\n\nOffener Brief zum Überwachungsgesetz\n\n",
     "Offener Brief zum Überwachungsgesetz"),
])
def test_a_first_line_title_under_a_dateline_or_continued_by_its_subtitle(opening, title):
    assert parsed(opening + LETTER, "text/plain").title == title


@pytest.mark.parametrize("label", ["Carta abierta", "Gemeinsame Erklärung", "Lettera aperta", "Open brief"])
def test_a_label_that_only_says_what_kind_of_statement_is_continued_by_its_subtitle(label):
    statement = parsed(f"---\ntitle: {label}\nsubtitle: Stop the bill\n---\n{LETTER}", "text/markdown")
    assert statement.title == f"{label}: Stop the bill"


@pytest.mark.parametrize("head_title, title", [
    ("Open letter on the bill « Digital Rights", "Open letter on the bill"),
    ("Digital Rights » Open letter on the bill", "Open letter on the bill"),
    ("Open letter on the bill · Digital Rights", "Open letter on the bill"),
    ("Open letter on the bill • Digital Rights", "Open letter on the bill"),
    ("Tribune « Non à la loi de surveillance »", "Tribune « Non à la loi de surveillance »"),  # a quotation
])
def test_a_head_titles_site_part_after_any_usual_separator(head_title, title):
    assert parsed(f"<html><head><title>{head_title}</title></head><body>{PROSE}</body></html>").title == title


@pytest.mark.parametrize("page, title", [
    ("<html><head><title>Open letter</title></head><body><h1>Open letter</h1><h2>Stop the surveillance bill</h2>"
     f"{PROSE}</body></html>", "Open letter: Stop the surveillance bill"),
    ("<html><head><title>Open letter on the bill</title></head><body><h1>Open letter on the bill</h1>"
     f"<h2>Background</h2>{PROSE}</body></html>", "Open letter on the bill"),  # a title of its own
])
def test_a_bare_label_title_continued_by_the_heading_under_it(page, title):
    assert parsed(page).title == title


@pytest.mark.parametrize("marker", ["PRESS RELEASE", "Communiqué de presse :", "For immediate release",
                                    "EMBARGOED UNTIL 00:01 GMT"])
def test_a_line_that_only_says_a_release_follows_is_not_its_title(marker):
    text = f"{marker}\n\nNGOs demand the withdrawal of the bill\n\n{LETTER}"
    assert parsed(text, "text/plain").title == "NGOs demand the withdrawal of the bill"


@pytest.mark.parametrize("language, opening, expected", [
    ("en", "BRUSSELS, 3 March 2021 – Fifty organisations today called on the Council to withdraw the bill, which "
     "would harm the rights of everyone in the Union.", "2021-03-03"),
    ("en", "London (3 March 2021) – Fifty organisations today called on the Council to withdraw the bill, which "
     "would harm the rights of everyone in the country.", "2021-03-03"),
    ("en", "WASHINGTON, D.C. — March 3, 2021 — Fifty organisations today called on Congress to withdraw the bill, "
     "which would harm the rights of everyone in the country.", "2021-03-03"),
    ("fr", "Paris, le 3 mars 2021 – Cinquante organisations ont appelé aujourd'hui le gouvernement à retirer le "
     "projet de loi, qui porterait atteinte aux droits de tous.", "2021-03-03"),
    ("es", "Ciudad de México, 3 de marzo de 2021.- Cincuenta organizaciones exigieron hoy al gobierno retirar el "
     "proyecto de ley, que dañaría los derechos de todas las personas.", "2021-03-03"),
    ("es", "Baños de Agua Santa · 3 de marzo de 2021. Un llamado a discutir con datos la distribución de los "
     "beneficios del turismo en la ciudad.", "2021-03-03"),
    ("de", "Berlin | 03.03.2021 – Fünfzig Organisationen fordern die Bundesregierung auf, das Gesetz zurückzuziehen, "
     "das die Rechte aller verletzen würde.", "2021-03-03"),
    ("en", "On 3 March 2021, the Council adopted the bill, which will harm the rights of everyone in the Union and "
     "which we ask it to withdraw.", None),  # a day the prose tells of
    ("en", "In Brussels, on 3 March 2021, the Council adopted the bill, which will harm the rights of everyone in the "
     "Union and which we ask it to withdraw.", None),  # after a place, too
    ("en", "Update (2021-04-12) – The Council has answered our letter, and we stand by every word of the call "
     "below, which we renew today.", None),  # an update's date
])
def test_the_place_and_date_a_releases_first_paragraph_opens_with(language, opening, expected):
    body = f"<html><body><h1>Open letter on the bill</h1><p>{opening}</p>{PROSE}</body></html>"
    assert parsed(body, language=language).date == expected


SIGNERS = "\n".join(f"- Organisation number {n} for rights" for n in range(12))
NL = "\n"
CONTACTS = "\n\n".join(f"Contact line {n}: press{n}@example.org" for n in range(8))


@pytest.mark.parametrize("text", [
    f"Open letter on the bill\n\n{(LETTER + NL) * 9}Signed:\n\n{SIGNERS}\n\nBrussels, 3 March 2021\n\n{CONTACTS}\n",
    f"Open letter on the bill\n\n{(LETTER + NL) * 9}Signed on 3 March 2021 by:\n\n{SIGNERS}\n\n{CONTACTS}\n",
])
def test_a_signatures_date_in_the_lead_in_or_right_after_the_list(text):
    assert parsed(text, "text/markdown").date == "2021-03-03"


@pytest.mark.parametrize("language, line, expected", [
    ("de", "Berlin, 03.03.21", "2021-03-03"),
    ("fr", "Paris, le 12/03/21", "2021-03-12"),  # day first outside English
    ("en", "3/13/21", "2021-03-13"),
    ("en", "12.3.99", "1999-03-12"),
    ("en", "3/3/21 was the day", None),
])
def test_a_datelines_year_in_two_digits(language, line, expected):
    assert parsed(f"<html><body><p>{line}</p>{PROSE}</body></html>", language=language).date == expected


def test_a_toml_front_matter_made_invalid_by_a_line_break_in_a_quoted_value_still_gives_its_strings():
    from ingest.parse.formats import front_matter
    text = ('+++\ntitle = "Die Deutsche Bahn in Amazonien?"\ntype = "event"\n'
            'description = "Sprache: Portugiesisch mit Verdolmetschung ins Deutsche\n'
            'Gemeinsam veranstaltet von Rosa-Luxemburg-Stiftung und KoBra"\n+++\nDer Text.\n')
    metadata, rest = front_matter(text)
    assert metadata["title"] == "Die Deutsche Bahn in Amazonien?"
    assert metadata["summary"].endswith("Gemeinsam veranstaltet von Rosa-Luxemburg-Stiftung und KoBra")
    assert rest.strip() == "Der Text."


def test_the_articles_date_in_a_json_ld_graph_that_names_the_site_first():
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Lettre ouverte", '
             '"publisher": {"@id": "#afup"}}, {"@type": "Organization", "@id": "#afup", "name": "AFUP"}, '
             '{"@type": "Article", "headline": "Lettre ouverte", "datePublished": "2026-09-02T08:00:00+02:00"}]}')
    page = (f'<html><head><script type="application/ld+json">{graph}</script></head><body><main><p>Nous appelons '
            "les entreprises à sponsoriser les événements techniques.</p></main></body></html>")
    assert parsed(page).date == "2026-09-02"


def test_a_footer_line_that_places_and_dates_the_call_before_naming_it():
    prose = "<p>Nous appelons les institutions à soutenir la bibliodiversité et la science ouverte, dès maintenant.</p>"
    page = (f"<html><body><main>{prose}</main><footer><p>Appel de Jussieu</p><p>A Paris, le 10 octobre 2017, Appel "
            "de Jussieu pour la science ouverte et la bibliodiversité</p><p>Mentions</p></footer></body></html>")
    assert parsed(page).date == "2017-10-10"


def test_the_side_of_a_titles_dash_that_the_pages_heading_repeats_is_the_page_the_other_the_site():
    page = ("<html><head><title>De Coalitie &mdash; Een Oproep</title></head><body><main><h1>Een Oproep</h1><p>De "
            "problemen die voor ons liggen als student zijn duidelijk, en wij vragen de universiteit om te handelen."
            "</p></main></body></html>")
    assert parsed(page).title == "Een Oproep"


@pytest.mark.parametrize("stub", ["---\n_template: coalition_meeting\n---\n\n\n", "+++\nweight = 3\n+++\n"])
def test_a_front_matter_block_a_cms_left_before_the_real_one_does_not_hide_it(stub):
    text = (stub + '+++\ntitle = "Unions raise concerns about proctoring software"\ndate = 2020-07-02T04:00:00Z\n+++\n'
            "Dear Minister,\n\nWe ask that the ministry protect students' privacy.\n")
    statement = parsed(text, "text/markdown", language="en")
    assert (statement.title, statement.date) == ("Unions raise concerns about proctoring software", "2020-07-02")
    assert "+++" not in statement.text


def test_a_front_matter_title_under_a_key_of_another_name_titles_the_page():
    prose = "Exigim al Govern que aturi les identificacions per perfil ètnic i que en rendeixi comptes.\n"
    page = "---\norder: 2\ntitol_seccio: Identificacions per perfil ètnic\n---\n" + prose
    assert parsed(page, "text/markdown", language="ca").title == "Identificacions per perfil ètnic"
    pictured = parsed("---\ntitle_image: img/perfil.png\n---\n" + prose, "text/markdown", language="ca")
    assert pictured.title != "img/perfil.png"


PLAIN_TEXT = "We call on the city council to withdraw the eviction plan and to meet the residents.\n\n"


@pytest.mark.parametrize("above", [
    "Contact: press@tenants.example.org",
    "From: Tenants Coalition <press@tenants.example.org>\nTo: coalition list\nSubject: for release\n"
    "Date: Tue, 12 Mar 2024 10:00:00 +0100",
])
@pytest.mark.parametrize("title", [
    "Stop the evictions in the east district\n=======================================",
    "Stop the evictions in the east district\n--------------------",  # half its length
    "=======================================\nStop the evictions in the east district\n"
    "=======================================",
])
def test_a_plain_texts_underlined_line_under_a_contact_or_a_senders_lines_is_its_title(above, title):
    statement = parsed(f"{above}\n\n{title}\n\n{PLAIN_TEXT}", "text/plain")
    assert statement.title == "Stop the evictions in the east district"


def test_a_rule_shorter_than_half_the_line_over_it_is_no_underline():
    statement = parsed("Contact: press@tenants.example.org\n\nStop the evictions in the east district\n---\n\n"
                       f"{PLAIN_TEXT}", "text/plain")
    assert statement.title != "Stop the evictions in the east district"


@pytest.mark.parametrize("salutation", ["Dear Councillors,", "Bonjour Madame la maire,"])
def test_an_underlined_heading_after_a_letters_salutation_heads_a_section_not_the_letter(salutation):
    statement = parsed(f"{salutation}\n\n{PLAIN_TEXT}Background of the plan\n======================\n\n{PLAIN_TEXT}",
                       "text/plain")
    assert statement.title is None


@pytest.mark.parametrize("key", ["publishedOn", "published_on", "datePosted", "releaseDate", "date_created", "issued"])
def test_a_front_matter_date_under_the_names_cms_exports_give_it(key):
    statement = parsed(f"---\ntitle: Stop the evictions\n{key}: 2021-03-04T10:00:00Z\n---\n\n{PLAIN_TEXT}",
                       "text/markdown")
    assert statement.date == "2021-03-04"


def test_nikolas_metadata_comment_titles_and_dates_a_markdown_post_and_stays_out_of_its_text():
    statement = parsed("<!--\n.. title: Stop the evictions: a call\n.. slug: stop-the-evictions\n"
                       f".. date: 2021-03-04 10:00:00 UTC+01:00\n.. tags: housing\n-->\n\n{PLAIN_TEXT}",
                       "text/markdown")
    assert (statement.title, statement.date) == ("Stop the evictions: a call", "2021-03-04")
    assert statement.text.startswith("We call on")
