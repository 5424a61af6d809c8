"""The parser on the seed statement and on fixtures of other layouts: exact records."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.files import read_file
from ingest.parse import parse
from ingest.parse.blocks import blocks_from_text
from ingest.parse.signatories import split_country
from ingest.records import Document, Statement

from .conftest import FIXTURES, SAMPLE, SEED, SEED_GOLD


def parsed(text: str, content_type: str = "text/html") -> Statement:
    """A fixture of our own, parsed as a page of that type."""
    return parse(Document("fixture", text.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc)))


@pytest.fixture(scope="module")
def seed():
    return parse(read_file(SAMPLE))


def test_seed_has_the_four_demands_of_governments_on_china(seed):
    assert [d.position for d in seed.demands] == [1, 2, 3, 4]
    for demand, gold in zip(seed.demands, SEED_GOLD["demands"]["items"], strict=True):
        assert demand.text.startswith(gold)
    assert {(d.addressee, d.target) for d in seed.demands} == {("governments", "China")}
    assert [d.verb for d in seed.demands] == ["respect", "allow", "end", "release"]


def test_seed_signatories_are_the_121_groups_in_printed_order(seed):
    assert [s.name_as_written for s in seed.signatories] == SEED_GOLD["signatories"]["organisations"]
    assert [s.position for s in seed.signatories] == list(range(1, 122))
    assert {s.kind for s in seed.signatories} == {"organisation"}
    assert seed.stated_signatory_count == 121


def test_seed_metadata_comes_from_the_sidecar_and_nothing_is_uncertain(seed):
    assert (seed.url, seed.publisher, seed.date, seed.language) == (
        "https://tibetnetwork.org/remembering-tiananmen-2023", "International Tibet Network", "2023-06-04", "en")
    assert seed.title is None  # the text carries none, and none is invented
    assert seed.warnings == []


def test_seed_text_keeps_the_body_and_the_demands_but_not_the_list(seed):
    assert seed.text.startswith("International Tibet Network Members are today joining")
    assert "Ürümchi" in seed.text
    assert "• Immediately release all individuals" in seed.text
    assert "Supported by the following" not in seed.text
    assert "Alaskans for Tibet" not in seed.text


def test_seed_without_metadata_infers_its_date_and_says_so():
    statement = parse(read_file(SEED))
    assert statement.date == "2023-06-04"
    assert statement.warnings == ["date 2023-06-04 inferred from an anniversary the text marks"]


def test_wordpress_page_drops_the_theme_and_reads_metadata_from_markup():
    statement = parse(read_file(FIXTURES / "wordpress-statement.html"))
    assert statement.title == "Joint statement: Free the Lhasa Three"
    assert (statement.date, statement.publisher, statement.language) == ("2024-03-10", "Example Tibet Coalition", "en")
    assert [d.verb for d in statement.demands] == ["release", "disclose", "end"]
    assert statement.demands[0].addressee == "Government of the People’s Republic of China"
    assert [(s.name, s.country) for s in statement.signatories] == [
        ("Tibet Advocacy Group", "DE"), ("Friends of Tibet", "CH"), ("Snow Lion Solidarity", "BR"),
        ("The Tibet Justice Circle", None), ("Himalayan Voices & Allies", None)]
    assert statement.stated_signatory_count == 5
    for theme_text in ("Donate", "Related posts", "Share this", "window.tracking", "List updated", "info@example.org"):
        assert theme_text not in statement.text
    assert statement.warnings == []


def test_markdown_post_with_front_matter_and_one_signatory_per_line():
    statement = parse(read_file(FIXTURES / "markdown-letter.md"))
    assert statement.title == "Open letter on the Uyghur forced labour import ban"
    assert (statement.date, statement.publisher) == ("2025-02-27", "Example Rights Network")
    assert [d.text for d in statement.demands] == [
        "adopt the regulation without further delay;",
        "include a rebuttable presumption of forced labour for goods from the Uyghur Region;",
        "ensure that affected workers have access to remedy."]
    assert {d.addressee for d in statement.demands} == {"Members of the European Parliament"}
    assert [(s.name_as_written, s.country, s.kind) for s in statement.signatories] == [
        ("Uyghur Solidarity Campaign, United Kingdom", "GB", "organisation"),
        ("Campaign for Workers' Dignity (Amsterdam, Netherlands)", "NL", "organisation"),
        ("Anti-Slavery Allies – Ireland", "IE", "organisation"),
        ("Dr. Jane Example, Professor of Law", None, "individual"),
        ("Rights Watch Collective", None, "organisation")]


def test_a_statement_with_no_signatories_or_demands_says_so():
    from datetime import datetime, timezone

    from ingest.records import Document

    document = Document("note.txt", b"A short news item about a concert.\n", "text/plain", "utf-8",
                        datetime.now(timezone.utc))
    statement = parse(document)
    assert (statement.demands, statement.signatories) == ([], [])
    assert statement.warnings == ["language not recognised; English word lists were used",
                                  "no signatory block found", "no demands found"]


@pytest.mark.parametrize("written, expected", [
    ("Casa del Tibet – Spain", ("Casa del Tibet", "ES")),
    ("Students for a Free Tibet – UK", ("Students for a Free Tibet", "GB")),
    ("Liberté au Tibet (Colmar, France)", ("Liberté au Tibet", "FR")),
    ("Circle of Friends (Philippines)", ("Circle of Friends", "PH")),
    ("Le Club Français, Paraguay", ("Le Club Français", "PY")),
    ("Bharrat Tibbat Sahyog Manch (BTSM)", ("Bharrat Tibbat Sahyog Manch (BTSM)", None)),
    ("Tibetan Women’s Association (Central)", ("Tibetan Women’s Association (Central)", None)),
    ("Maison du Tibet – Tibet Info", ("Maison du Tibet – Tibet Info", None)),
    ("Human Rights Network for Tibet & Taiwan", ("Human Rights Network for Tibet & Taiwan", None)),
    ("Friends of Free Asia – Tibet", ("Friends of Free Asia – Tibet", None)),
    ("Amigos de Tibet, La Unión Chile", ("Amigos de Tibet, La Unión Chile", None)),
])
def test_only_a_real_country_is_split_off_a_name(written, expected):
    assert split_country(written) == expected


def test_text_blocks_tell_bullets_line_lists_and_wrapped_prose_apart():
    text = ("We call on them to:\n• first ask;\n  wrapped on a second line\n• second ask\n\n"
            "Alpha Group\nBeta Network\nGamma e.V.\n\n"
            "This paragraph was wrapped\nby an editor at a fixed\nwidth of a few words.")
    kinds = [(b.kind, b.text) for b in blocks_from_text(text)]
    assert kinds == [
        ("paragraph", "We call on them to:"),
        ("item", "first ask; wrapped on a second line"),
        ("item", "second ask"),
        ("line", "Alpha Group"), ("line", "Beta Network"), ("line", "Gamma e.V."),
        ("paragraph", "This paragraph was wrapped by an editor at a fixed width of a few words."),
    ]


def test_a_line_list_keeps_its_few_long_entries_and_its_initials():
    people = ["Steve Willett, UPTE-CWA Local 9119, Oakland, California, US",
              "Laurence Shoup, National Writers Union, UAW 1981 (retired) former member of executive, former "
              "representative on Central Labor Council of Alameda County, Oakland, California, US",
              "Robert B. Allen VP Local 125 Brotherhood of Locomotive Engineers and Trainmen",
              "F. S. Hussain, UAW Local 6950, Storrs, Connecticut, US", "Daniel August Dannenberg, IWW, at large"]
    assert [(b.kind, b.text) for b in blocks_from_text("\n".join(people))] == [("line", p) for p in people]


def test_long_sentences_one_per_line_and_a_list_lettered_from_a_stay_what_they_are():
    sentences = ["We, the undersigned organisations, write to express our deep concern about the draft law on "
                 "foreign agents that the parliament is due to adopt next week, without any public consultation.",
                 "Under it every organisation receiving support from abroad would register as an agent",
                 "Journalists, lawyers and human rights defenders would face fines", "Its authors say",
                 "It must be withdrawn."]
    assert [b.kind for b in blocks_from_text("\n".join(sentences))] == ["paragraph"]
    halves = ["Since the coup the military has detained thousands of protesters, journalists, doctors and teachers, "
              "many of them held without charge in prisons far from their families,",
              "It has tried hundreds of them before military tribunals that deny them a lawyer of their choice, "
              "a public hearing and any appeal to the civilian courts"]
    assert [b.kind for b in blocks_from_text("\n".join(halves))] == ["paragraph"]
    lettered = blocks_from_text("A. Repeal the law\nB. Release the detained")
    assert [(b.kind, b.text) for b in lettered] == [("item", "Repeal the law"), ("item", "Release the detained")]


@pytest.mark.parametrize("lines", [
    ["A. García", "J. Müller", "S. de Vries", "M. O'Brien"],  # an initial "A." first, no "B." after it
    ["A. García"],
    ["A. de Vries"],
])
def test_initials_before_surnames_are_no_list_lettered_from_a(lines):
    assert [(b.kind, b.text) for b in blocks_from_text("\n".join(lines))] == \
        [("line" if len(lines) > 1 else "paragraph", line) for line in lines]


def test_an_item_lettered_a_alone_opens_a_list_where_no_surname_follows():
    assert [(b.kind, b.text) for b in blocks_from_text("A. Repeal the law")] == [("item", "Repeal the law")]


def test_parse_json_contract_keys(seed):
    record = seed.to_json()
    assert set(record) == {"title", "date", "publisher", "language", "url", "text", "demands", "signatories",
                           "stated_signatory_count", "warnings", "kind", "date_updated", "stated_signatory_minimum",
                           "needs_review"}
    assert set(record["demands"][0]) == {"position", "addressee", "target", "verb", "text", "action_category"}
    assert set(record["signatories"][0]) == {"position", "name", "name_as_written", "country", "kind", "role",
                                             "affiliation"}


def test_seed_demands_are_general_then_specific_on_the_upr_scale(seed):
    assert [d.action_category for d in seed.demands] == [4, 5, 5, 5]


@pytest.mark.parametrize("language, text, verb, category", [
    ("en", "Immediately release all political prisoners.", "release", 5),
    ("en", "Transparently disclosing all technical details.", "disclose", 5),
    ("en", "Continue to engage with civil society.", "continue", 2),
    ("en", "Consider ratifying the Convention.", "consider", 3),
    ("en", "Ensure that workers have access to remedy.", "ensure", 4),
    ("en", "Seek technical assistance from the OHCHR.", "seek", 1),
    ("en", "A series of regular official briefings.", None, None),
    ("de", "Die biometrische Massenüberwachung wird verboten.", None, 5),
    ("fr", "Libérez les prisonniers.", "libérez", 5),
    ("it", "Completamente ritirare il decreto.", "ritirare", 5),
    ("fr", "Rapidement libérer les prisonniers.", "libérer", 5),
    ("nl", "Onmiddellijk stoppen met de uitzettingen.", "stoppen", 5),
])
def test_demand_verbs_and_action_categories(language, text, verb, category):
    from ingest.parse.actions import action_category, leading_verb
    from ingest.parse.lexicon import lexicon

    assert (leading_verb(text, lexicon(language)), action_category(text, language)) == (verb, category)


def test_a_demand_starts_at_the_clause_that_asks():
    from ingest.parse.asks import sentence_asks
    from ingest.parse.lexicon import lexicon

    def starts(sentence: str) -> list[str]:
        return [sentence[ask.start:ask.end] for ask in sentence_asks(sentence, lexicon("en"))]

    preamble = "Being deeply concerned with access to medicines and to other public goods in the poorest countries"
    assert starts(f"{preamble}, we call on WTO Members to grant the request.") == [
        "we call on WTO Members to grant the request."]
    assert starts("To that end, we strongly urge you to act.") == ["we strongly urge you to act."]
    assert starts("We, the undersigned groups, representing a diverse group of consumer, media, technology, library "
                  "and civil rights advocates, urge you to act.") == ["urge you to act."]
    assert starts("We, the undersigned groups, urge you to act.") == ["We, the undersigned groups, urge you to act."]


def test_a_header_inside_the_article_is_its_heading_not_the_sites():
    page = ("<html><head><title>Geld für Bus und Bahn</title></head><body><header><nav><a href='/'>Start</a></nav>"
            "</header><div id='main'><article><header class='major'><h2>Erklärung</h2></header><nav>Teilen</nav><p>Die "
            "Situation im "
            "öffentlichen Nahverkehr wird immer katastrophaler, und die Politik schaut zu.</p><p>Wir fordern eine "
            "Verdopplung der Mittel für Bus und Bahn bis 2030.</p></article></div></body></html>")
    statement = parsed(page)
    assert statement.title == "Erklärung"
    assert "Start" not in statement.text and "Teilen" not in statement.text


def test_a_div_classed_as_the_articles_header_in_the_main_content_keeps_its_title_and_date():
    page = ("<html><head><title>Lunge e.V.</title></head><body><div class='site-header'><a href='/'>Start</a></div>"
            "<main><div class='artikel-header'><span class='artikel-datum'>11.08.2023</span>"
            "<h1>Rauchfrei 2030</h1></div><div class='artikel-body'><p>Die Belastung durch das Rauchen ist "
            "schwerwiegend.</p><p>Wir fordern ein Verbot der Werbung für Tabak bis 2025.</p></div>"
            "<div class='share-header'><p>Teilen</p></div></main></body></html>")
    statement = parsed(page)
    assert statement.date == "2023-08-11"
    assert "Rauchfrei 2030" in statement.text
    assert "Start" not in statement.text and "Teilen" not in statement.text  # a header that holds no title


def test_a_header_that_holds_the_pages_introduction_in_paragraphs_is_read():
    page = ("<html><head><title>Marea Verde: la escuela por el clima</title></head><body><div class='header'>"
            "<img src='logo.png' alt='Marea Verde'><div class='intro'><p>Organizaciones de docentes y familias de "
            "todos los niveles educativos nos hemos constituido como plataforma estatal por el clima.</p><p>Exigimos "
            "al Gobierno un plan de adaptación climática para todos los centros educativos del país antes de 2027.</p>"
            "</div></div><div class='actions'><h2>Acciones</h2><ul>"
            + "".join(f"<li>Plantación colectiva de olivos en el patio del centro número {n}</li>" for n in range(6))
            + "</ul></div>"
            "</body></html>")
    statement = parsed(page)
    assert "Exigimos al Gobierno" in statement.text
    assert statement.title == "Marea Verde: la escuela por el clima"
    tagline_over_the_letter = page.replace("<p>Exigimos", "</div></div><div><p>Exigimos")
    assert "Organizaciones de docentes" not in parsed(tagline_over_the_letter).text  # one paragraph: a tagline


def test_text_set_straight_in_an_article_keeps_the_paragraphs_its_blank_lines_make():
    page = ("<html><body><main><article>\n    A indústria gráfica vem se manifestar diante da crise econômica.\n\n"
            "    O setor recusa o aumento de impostos anunciado pelo governo.\n   \n"
            "    Rio de Janeiro, 2 de outubro de 2015.\n</article></main></body></html>")
    statement = parsed(page)
    assert statement.text.count("\n\n") == 2
    assert statement.date == "2015-10-02"
    in_a_paragraph = page.replace("<article>", "<article><p>").replace("</article>", "</p></article>")
    assert "\n\n" not in parsed(in_a_paragraph).text


def test_a_page_held_whole_in_a_nav_never_closed_is_read_all_the_same():
    letter = ("<html><body><header><a href='/'>Home</a></header><nav><h2>Open Letter to Facebook</h2>"
              "<div>Give Black researchers and communities access to our data. We urge Facebook to commit to the "
              "following:</div><div>1. Commit anonymized Facebook data to a Public Data Trust.</div>"
              "<div>2. Work with researchers to develop a data code of ethics.</div></body></html>")
    statement = parsed(letter)
    assert statement.title == "Open Letter to Facebook"
    assert [demand.text for demand in statement.demands] == [
        "Commit anonymized Facebook data to a Public Data Trust.",
        "Work with researchers to develop a data code of ethics."]


def test_a_theme_built_of_divs_loses_its_menu_sidebar_share_related_and_comments():
    statement = parse(read_file(FIXTURES / "div-theme-letter.html"))
    assert (statement.title, statement.date, statement.kind) == (
        "Open letter on Hong Kong's Article 23 law", "2024-03-19", "open_letter")
    assert statement.text.startswith("Open letter on Hong Kong's Article 23 law\n\n19 March 2024")
    for furniture in ("Donate", "Recent posts", "newsletter", "Facebook", "You may also like", "Great work", "©"):
        assert furniture not in statement.text
    assert [d.verb for d in statement.demands] == ["sanction", "review"]
    assert [(s.name, s.country) for s in statement.signatories] == [
        ("Hong Kong Democracy Council", None), ("Example Hong Kong Watch", None), ("Stand with Hong Kong", "AU")]


def test_a_page_that_is_not_a_statement_keeps_no_demands():
    """A post that reports what a coalition asks, or one group's own release, asks nothing as a statement."""
    report = ("# Over 50 NGOs write to the EU\n\nThe groups have written to the Commission. They say the EU must "
              "enforce the rules of the Common Fisheries Policy in full.\n\nWe call on the Commission to end "
              "overfishing by 2025.\n")
    statement = parsed(report, "text/markdown")
    assert not statement.is_statement
    assert statement.demands == []
    assert any("not kept as demands" in warning for warning in statement.warnings)



def test_a_page_laid_out_in_a_table_is_read_as_its_blocks_and_a_table_of_signers_as_rows():
    from ingest.parse.blocks import blocks_from_soup, soup_of

    story = "".join(f"<p>The students held a protest on campus, and the university answered it with citations "
                    f"that barred them for two weeks; paragraph {n} of the report tells what followed.</p>"
                    for n in range(8))
    layout = (f"<table><tr><td>Menu</td><td><b>An attack on the right to protest</b><p>May 26, 2006 | Page 2</p>"
              f"{story}</td></tr></table>")
    blocks = blocks_from_soup(soup_of(layout))
    assert [block.text for block in blocks[:3]] == ["Menu", "An attack on the right to protest",
                                                    "May 26, 2006 | Page 2"]
    assert parsed(f"<html><body>{layout}</body></html>").date == "2006-05-26"
    signers = "<table><tr><td><p>Friends of the Earth</p><p>UK</p></td></tr><tr><td><p>Oxfam</p></td></tr></table>"
    assert [block.kind for block in blocks_from_soup(soup_of(signers))] == ["row", "row"]


def test_a_page_laid_out_in_one_table_cell_of_lines_is_read_as_its_lines():
    from ingest.parse.blocks import blocks_from_soup, soup_of

    prose = "<br>".join("The students held a protest on campus, and the university answered it with citations that "
                        f"barred them for two weeks; line {n} of the report tells what followed." for n in range(8))
    signers = "<br>".join(f"Campus Group {n} for Justice" for n in range(6))
    layout = (f"<table><tr><td><span>We call on the university to lift the citations.</span><br><br>{prose}"
              f"<br><br><span>Signed by:</span><br>{signers}</td></tr></table>")
    blocks = blocks_from_soup(soup_of(layout))
    assert [block.kind for block in blocks[-6:]] == ["line"] * 6
    statement = parsed(f"<html><body>{layout}</body></html>")
    assert [signatory.name for signatory in statement.signatories] == [f"Campus Group {n} for Justice"
                                                                       for n in range(6)]
    short = "<table><tr><td>Friends of the Earth<br>UK</td></tr></table>"  # a row of data with a line break
    assert [block.kind for block in blocks_from_soup(soup_of(short))] == ["row"]


def test_spans_of_two_classes_are_two_fields_of_a_line_unless_a_line_break_parts_them():
    from ingest.parse.blocks import blocks_from_soup, soup_of

    prose = "The new social security bill takes from women the rights they had won over decades of work. " * 3
    page = (f'<div><span class="bigtitle"><br />Women\'s declaration on the social security bill<br />25 March 2008'
            f'<br /><br /></span><span class="bodytext">{prose}<br /><br />{prose}</span></div>')
    assert [block.text for block in blocks_from_soup(soup_of(page))[:2]] == [
        "Women's declaration on the social security bill", "25 March 2008"]
    card = '<div><span class="sig_name">Jez Humble</span> <span class="sig_org">Google</span></div>'
    assert [block.text for block in blocks_from_soup(soup_of(card))] == ["Jez Humble, Google"]


def test_a_table_body_of_rows_with_a_stray_cell_among_them_is_read_row_by_row():
    from ingest.parse.blocks import blocks_from_soup, soup_of

    rows = "".join(f"<tr><td>Cloud Company {n}</td><td>Company</td><td>Engineering time</td></tr>" for n in range(5))
    table = (f"<table><thead><th>Name</th><th>Type</th><th>How you'd like to help</th></thead><tbody>{rows}"
             "<td>Jane Doe</td><td>Individual</td><td>Development</td>"  # a row whose <tr> was left out
             f"{rows}</tbody></table>")
    blocks = [block for block in blocks_from_soup(soup_of(table)) if block.kind == "row"]
    assert [block.cells for block in blocks if not block.header][:2] == [
        ("Cloud Company 0", "Company", "Engineering time"), ("Cloud Company 1", "Company", "Engineering time")]
    assert len([block for block in blocks if block.cells and block.cells[0].startswith("Cloud")]) == 10
    header_only = "<table><thead><td>Name</td><td>Firma</td></thead></table>"  # cells with no <tr> at all: a row
    assert [block.cells for block in blocks_from_soup(soup_of(header_only))] == [("Name", "Firma")]


def test_a_template_files_server_code_is_no_text_of_the_page():
    from ingest.parse.formats import without_server_code

    page = ('<%@ Page Language="C#" MasterPageFile="~/Master.master" Title="Basın Açıklaması" %>'
            '<asp:Content ID="Content1" runat="server"><p><b>Joint statement on the closure of the shelter</b></p>'
            "<p>We call on the city council to keep the shelter open and to fund it for the next five years.</p>"
            "<p>Posted on <%= Date %> by the coalition.</p></asp:Content>")
    statement = parsed(page)
    assert statement.title == "Joint statement on the closure of the shelter"
    assert "<%" not in statement.text and "Page Language" not in statement.text
    assert without_server_code("a <% b") == "a <% b"  # never closed: left as it is
    assert without_server_code("<%" * 1000 + "x") == "<%" * 1000 + "x"


def test_a_page_kept_as_its_react_components_source_is_read_as_the_markup_it_returns():
    from ingest.parse.formats import markup_of_a_component

    signers = "<br />".join(f"Clean Air Group {n}" for n in range(6))
    source = ("import React from 'react'\nimport Layout from '../containers/layout'\n\n"
              "export const query = graphql`\n  query PageQuery { site { title } }\n`\n\n"
              "const Page = props => {\n  const { data, errors } = props\n  if (errors) {\n    return (\n"
              "      <Layout><GraphQLErrorList errors={errors} /></Layout>\n    )\n  }\n  return (\n    <Layout>\n"
              "      {/* <Hero /> */}\n      <h1>Turn Out for Texas</h1>\n"
              "      <p>We, the undersigned organizations, believe our democracy works best when everyone takes part, "
              "and we call on the legislature to reject both bills.</p>\n"
              f"      <p>{signers}</p>\n    </Layout>\n  )\n}}\n\nexport default Page\n")
    statement = parsed(source)
    assert statement.title == "Turn Out for Texas"
    assert [signatory.name for signatory in statement.signatories] == [f"Clean Air Group {n}" for n in range(6)]
    assert "import" not in statement.text and "Hero" not in statement.text
    page = "<p>We import goods; return (them) to <b>us</b>.</p>"
    assert markup_of_a_component(page) == page  # no module's opening: a page as it is
    assert markup_of_a_component("import x\nreturn (<p>a {/* b</p>") == "<p>a {/* b</p>"  # a comment never closed


def test_a_page_kept_as_its_vue_component_is_read_as_the_markup_of_its_template():
    signers = "".join(f"<li>Open Network Group {n}</li>" for n in range(6))
    source = ("<script setup>\nconst signed = true\n</script>\n\n<template>\n  <div>\n    <h1>Open letter on the "
              "blocking platform</h1>\n    <p>We, the undersigned organisations, call on the regulator to publish the "
              "platform's source code and to open a public consultation.</p>\n    <template v-if=\"signed\">\n"
              f"      <h2>Signatories</h2>\n      <ul>{signers}</ul>\n    </template>\n  </div>\n</template>\n\n"
              "<style scoped>\n.list { margin: 0 }\n</style>\n")
    statement = parsed(source)
    assert statement.title == "Open letter on the blocking platform"
    assert [signatory.name for signatory in statement.signatories] == [f"Open Network Group {n}" for n in range(6)]
    assert "margin" not in statement.text and "const signed" not in statement.text
    letter = source.split("<template v-if")[0].split("<template>")[1]
    page = parsed(f"<html><body>{letter}\n<template>\n<ul>{signers}</ul>\n</template>\n</body></html>")
    assert "call on the regulator" in page.text
    assert page.signatories == []  # a page's own template is inert until a script draws it


def test_a_heading_past_the_signers_heads_no_reprinted_statement():
    # an English letter, its signatures, then a teaser of another post whose heading names a declaration
    people = "".join(f"-   **{name}** Professor of journalism\n" for name in
                     ["Anna Puig Serra", "Jordi Vila Costa", "Marta Soler Roca", "Pere Font Mas", "Laia Riera Pons"])
    text = ("---\ntitle: 'Open Letter to the Broadcaster'\n---\n\nOpen letter to the Broadcaster\n\n"
            "Given the gravity of the climate emergency, we are calling on the media to fulfil their responsibility "
            "to the people by clearly recognising this emergency in their reporting.\n\n"
            "With this letter we ask the Broadcaster to report the scientific consensus and to give the emergency "
            "the space it needs.\n\n### Signatures to the letter\n\n" + people
            + "\n### XR Barcelona Declaració de Rebel·lió\n\n"
            "La humanitat es troba davant d'un esdeveniment sense precedents en la seva història, i cal actuar ara. "
            "[Llegir més](/ca/blog/declaracio/)\n")
    statement = parse(Document("letter.md", text.encode(), "text/markdown", "utf-8", datetime.now(timezone.utc)))
    assert statement.title.casefold() == "open letter to the broadcaster"


def test_a_label_naming_a_version_gives_way_to_the_heading_below_the_addressees():
    page = ("<html><head><title>Appeal (ENG)</title></head><body><main><h1>Appeal (ENG)</h1>"
            "<p>TO THE VENICE BIENNALE<br>THE VENICE FILM FESTIVAL<br>ALL FILM AND CULTURE WORKERS</p>"
            "<h1>AND YET GAZA KEEPS BURNING</h1><p>A year has passed since thousands of people answered the call to "
            "place Palestine in the spotlight at the festival, and we call on the festival to act now.</p>"
            "</main></body></html>")
    statement = parsed(page)
    assert statement.title == "AND YET GAZA KEEPS BURNING"


def test_a_title_given_per_language_in_front_matter_is_read_in_the_first_language():
    body = ("---\ntitle_es: \"La constitución es nuestra\"\ncontent_block_es: Hola\ntitle_en: \"The constitution is "
            "ours\"\n---\n\nMás de cien organizaciones sociales participaron en el primer encuentro.\n")
    statement = parsed(body, "text/markdown")
    assert statement.title == "La constitución es nuestra"


def test_a_php_templates_shebang_line_is_no_text_of_the_statement():
    page = ("#!/usr/bin/php\n<?php include 'head.php' ?>\n<div id='content'><h1>Letter to the Secretariat</h1>\n"
            "Dear Deputy Secretary General,<br><br>We write to you as networks of civil society and request regular "
            "briefings.</div>")
    statement = parsed(page)
    assert "#!" not in statement.text and "php" not in statement.text
