"""Signatory and demand layouts seen in real statements, each as a small document of our own."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from ingest.files import read_file
from ingest.parse import parse, read
from ingest.parse.candidates import looks_like_sentence
from ingest.records import Document


def parsed(body: str, content_type: str = "text/html"):
    return parse(Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc)))


def entries(statement) -> list[tuple[str, str | None, str]]:
    return [(s.name_as_written, s.country, s.kind) for s in statement.signatories]


def test_numbered_br_list_under_region_headings_with_hard_wrapped_entries():
    statement = parsed("""<html><body><p>We call on the Members to act.</p>
<h2>Signatories</h2>
Global
<p>
1. Health Access Project<br>
2. Peoples Health
Movement<br>
</p>
Kenya
<p>
99. Madhira Institute<br>
100.
Mouvement de Réflexion (MROD-
BF), Burkina Faso<br>
101. Life Concern
</p>
<p>Share this page with your friends and colleagues today.</p>
</body></html>""")
    assert entries(statement) == [
        ("Health Access Project", None, "organisation"),
        ("Peoples Health Movement", None, "organisation"),
        ("Madhira Institute", "KE", "organisation"),
        ("Mouvement de Réflexion (MROD-BF), Burkina Faso", "BF", "organisation"),
        ("Life Concern", "KE", "organisation"),
    ]


def test_tabbed_lists_keep_people_apart_and_prose_after_the_lists_out():
    statement = parsed("""<html><body><ol><li>We urge Congress to enact reform.</li></ol>
<h5>Selected Signatories:</h5>
<ul data-category="organizations"><li>Access</li><li>Library Association</li></ul>
<ul class="signatory-category off" data-category="individuals"><li>Jane Doe</li><li>John Roe</li></ul>
<ul data-category="businesses"><li>Example Search</li></ul>
<div id="thanks">Thanks to Example Domains for providing the domain name.</div>
</body></html>""")
    assert entries(statement) == [
        ("Access", None, "organisation"), ("Library Association", None, "organisation"),
        ("Jane Doe", None, "individual"), ("John Roe", None, "individual"),
        ("Example Search", None, "organisation"),
    ]


def test_markdown_table_with_header_picks_name_country_and_kind_columns():
    statement = parsed("""# Open letter

We urge the Commission to keep funding free software.

## Signataires / Signatories
Signatories must publish the letter before completing the table below:

| Nom / Name | Statut / Organization type | Pays / Country | Lien / Link |
|-|-|-|-|
| [Hackers Club](https://example.org) | Association | France | https://example.org/letter |
|Jane Doe|Free software user and contributor|Germany|https://example.net|
| Example Project | Open source project | The Netherlands | |
| Someone's Blog | Researcher | Italy | |
""", "text/markdown")
    assert entries(statement) == [
        ("Hackers Club", "FR", "organisation"), ("Jane Doe", "DE", "individual"),
        ("Example Project", "NL", "organisation"), ("Someone's Blog", "IT", "individual"),
    ]



def test_a_header_row_in_thead_without_tr_naming_an_employer_column_makes_the_rows_people():
    rows = "".join(f"<tr><td>{name}</td><td>{firm}</td><td>Berlin</td></tr>" for name, firm in (
        ("Anonym", "Majorel"), ("Anonym", "Telus"), ("Jana Beispiel", "-"), ("Anonym", "Majorel"),
        ("Anonym", "Telus"), ("Tomás Ejemplo", "-"), ("Anonym", "Majorel"), ("Anonym", "Telus")))
    statement = parsed(f"""<html><body><h1>Our manifesto</h1><p>We demand that companies pay a hazard bonus.</p>
<h3>Signatories</h3>
<table><thead><td>Name</td><td>Firma</td><td>Stadt</td></thead>{rows}</table></body></html>""")
    assert [(s.name_as_written, s.kind) for s in statement.signatories] == [
        (name, "individual") for name in ("Anonym", "Anonym", "Jana Beispiel", "Anonym", "Anonym", "Tomás Ejemplo",
                                          "Anonym", "Anonym")]


def test_a_row_in_thead_is_no_entry_whatever_its_cells_say():
    rows = "".join(f"<tr><td>{name}</td><td>Berlin</td></tr>" for name in (
        "Chaos Computer Club", "Digitalcourage e.V.", "Foodwatch e.V.", "Attac Deutschland", "Campact e.V."))
    statement = parsed(f"""<html><body><h1>Offener Brief</h1>
<p>Wir fordern die Regierung auf, das Gesetz zu stoppen.</p>
<h3>Unterzeichnende</h3>
<table><thead><tr><td>Wer</td><td>Wo</td></tr></thead><tbody>{rows}</tbody></table></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == [
        "Chaos Computer Club", "Digitalcourage e.V.", "Foodwatch e.V.", "Attac Deutschland", "Campact e.V."]


def test_a_list_past_a_heading_that_ends_the_signers_section_is_no_signers():
    references = "\n".join(f"{n}. Amnesty International report {n} - On Trial: https://example.org/{n}.pdf"
                            for n in range(1, 8))
    statement = parsed(f"""# Demands

We demand that the University of Cambridge and all its colleges announce plans to divest from fossil fuels now.

**Signed: Extinction Rebellion Cambridge and Extinction Rebellion Youth Cambridge**

## References

{references}
""", "text/markdown")
    assert [s.name_as_written for s in statement.signatories] == [
        "Extinction Rebellion Cambridge", "Extinction Rebellion Youth Cambridge"]


@pytest.mark.parametrize("end", ["Notes for editors", "Notes to Editors:", "References", "Hinweise für Redaktionen"])
def test_a_list_under_a_line_that_ends_the_statement_is_no_signers(end):
    sources = "".join(f"<li><a href='https://example.org/{n}.pdf'>{title}</a></li>" for n, title in enumerate(
        ["Biofuelwatch’s briefing on Drax", "Dogwood Alliance - Community Voices Fact Sheet",
         "The Injustice of Bioenergy Production", "Biomass and air pollution", "Drax subsidies"]))
    statement = parsed("<h1>End the Train of Destruction</h1><p>The Axe Drax group are taking action on the 14th "
                       "of August against Drax Power Station.</p><p>We demand that our government invests money in "
                       f"genuine renewables.</p><h3>{end}</h3><ul>{sources}</ul>")
    assert statement.signatories == []


def test_a_list_above_the_blocks_own_lead_in_past_notes_is_another_list():
    statement = parsed("""# Wir sind Hürther

Wir sind Menschen aus verschiedenen Religionen, Vereinen und Parteien, die für eine offene Stadt eintreten.

### Hier finden Sie einige unserer Ideen und Projekte:

- Demokratie in Schulen
- Was Europa für uns bedeutet
- Lesungen
- Migration und Wirtschaft

### Wir sind nicht allein, wir sind viele!

![Wir sind Hürther](eins.png)

![Wir sind Hürther](zwei.png)

# Erstunterzeichnende

- Alpha Musikinitiative e.V.
- Brücke der Kulturen e.V.
- Alevitische Gemeinde im Kreis
- Kinderschutzbund der Stadt
- Stadtsportverband e.V.
""", "text/markdown")
    assert [s.name_as_written for s in statement.signatories] == [
        "Alpha Musikinitiative e.V.", "Brücke der Kulturen e.V.", "Alevitische Gemeinde im Kreis",
        "Kinderschutzbund der Stadt", "Stadtsportverband e.V."]

def test_one_column_tables_headed_organisations_and_individuals():
    statement = parsed("""+++
title = 'Joint Statement: Say no'
date = 2021-04-14T05:57:55Z
+++

_We call on the Government and public officials, specifically Shri R.S. Sharma to :_

* ___Issue a public statement.___
* ___Disclose all details.___

### List of existing signatories (Organisations and Individuals)

| Organisations |
|---------------|
| Health, Ethics, and Law Institute |
| Jan Swasthya Abhiyan, India |

| Individuals |
|-------------|
| Dr Mira Shiva |
| A |
""", "text/markdown")
    assert (statement.title, statement.date) == ("Joint Statement: Say no", "2021-04-14")
    assert [(d.addressee, d.text) for d in statement.demands] == [
        ("Government and public officials", "Issue a public statement."),
        ("Government and public officials", "Disclose all details.")]
    assert entries(statement) == [
        ("Health, Ethics, and Law Institute", None, "organisation"),
        ("Jan Swasthya Abhiyan, India", "IN", "organisation"),
        ("Dr Mira Shiva", None, "individual"), ("A", None, "individual")]


def test_a_closing_salutation_leads_into_one_organisation_per_line():
    statement = parsed("""---
title: "Open Letter: Encryption"
---
_Dear Mr. Zuckerberg,_

_Given the reach of your services, and we urge you, in no uncertain terms, to proceed with encryption._

_Sincerely,_

AfroLeadership
Access Now
Asociación por los Derechos Civiles (ADC), Argentina
Iuridicum Remedium, z.s.
""", "text/markdown")
    assert [(d.addressee, d.text) for d in statement.demands] == [
        ("you", "we urge you, in no uncertain terms, to proceed with encryption.")]
    assert entries(statement) == [
        ("AfroLeadership", None, "organisation"), ("Access Now", None, "organisation"),
        ("Asociación por los Derechos Civiles (ADC), Argentina", "AR", "organisation"),
        ("Iuridicum Remedium, z.s.", None, "organisation")]


def test_german_demands_one_per_line_after_wir_fordern_and_a_german_signatory_list():
    statement = parsed("""---
title: "Zivilgesellschaft fordert digitale Brandmauer"
---
Ein breites Bündnis von mehr als 20 Organisationen fordert die Union und SPD zur Errichtung einer Brandmauer auf.

**Wir fordern:**
Die biometrische Massenüberwachung wird verboten.
Anlasslose Vorratsdatenspeicherung wird abgelehnt. Stattdessen wird Quick-Freeze eingeführt.
Die Überwachungsgesamtrechnung wird veröffentlicht.

## Liste der Unterzeichnenden (alphabetisch sortiert):
Agora Digitale Transformation gGmbH

D64 – Zentrum für Digitalen Fortschritt

Digitalcourage e. V.
""", "text/markdown")
    assert statement.language == "de"
    assert [d.text for d in statement.demands] == [
        "Die biometrische Massenüberwachung wird verboten.",
        "Anlasslose Vorratsdatenspeicherung wird abgelehnt. Stattdessen wird Quick-Freeze eingeführt.",
        "Die Überwachungsgesamtrechnung wird veröffentlicht."]
    assert [s.name_as_written for s in statement.signatories] == [
        "Agora Digitale Transformation gGmbH", "D64 – Zentrum für Digitalen Fortschritt", "Digitalcourage e. V."]
    assert statement.stated_signatory_count is None


def test_a_translated_copy_of_the_letter_does_not_repeat_its_demands(monkeypatch):
    monkeypatch.setattr("ingest.parse.page_kind", lambda evidence: "open_letter")  # a fragment of a letter
    statement = parsed("""# The Union must keep funding free software

In this perspective, we urge you to claim for preserving the programme in 2025.

# FR : L'Union doit poursuivre le financement

Dans ces perspectives, nous vous demandons urgemment de réclamer la préservation du programme.
""", "text/markdown")
    assert [d.text for d in statement.demands] == ["we urge you to claim for preserving the programme in 2025."]


def test_asks_reported_of_others_are_not_the_statements_demands(monkeypatch):
    monkeypatch.setattr("ingest.parse.page_kind", lambda evidence: "open_letter")  # a fragment of a letter
    statement = parsed("""UN General Assembly resolutions have called on WTO Members to consider extensions.
The LDC Group has asked Members to act. In conclusion we request that WTO Members honour their obligation.
""", "text/plain")
    assert [d.text for d in statement.demands] == ["we request that WTO Members honour their obligation."]


def test_portuguese_manifesto_positions_and_a_list_mixing_people_and_organisations():
    statement = parsed("""<p>As 20 entidades que assinam o manifesto ressaltam que a medida é ideológica.</p>
<p><br />N&oacute;s, organiza&ccedil;&otilde;es e todos os que assinam este manifesto, manifestamos que:</p>
<p><br />- Defendemos a paz na Venezuela;</p>
<p>- Repudiamos todas as sanções econômicas;</p>
<p><br /><strong>Assinam&nbsp;</strong></p>
<p><br />1.&nbsp; &nbsp; &nbsp;Celso Amorim, diplomata e ex-chanceler brasileiro</p>
<p>2.&nbsp; &nbsp; &nbsp;ABJD - Associa&ccedil;&atilde;o Brasileira de Juristas pela Democracia</p>
<p>3.&nbsp; &nbsp; &nbsp;Resist&ecirc;ncia, corrente interna do PSOL</p>
<p>4.&nbsp; &nbsp; &nbsp;L&uacute;cia Rodrigues, jornalista</p>
""")
    assert statement.language == "pt"
    assert [d.text for d in statement.demands] == ["Defendemos a paz na Venezuela;",
                                                   "Repudiamos todas as sanções econômicas;"]
    assert entries(statement) == [
        ("Celso Amorim, diplomata e ex-chanceler brasileiro", None, "individual"),
        ("ABJD - Associação Brasileira de Juristas pela Democracia", None, "organisation"),
        ("Resistência, corrente interna do PSOL", None, "organisation"),
        ("Lúcia Rodrigues, jornalista", None, "individual")]


def test_a_legal_form_or_a_name_with_of_after_a_comma_is_still_an_organisation():
    from ingest.parse.names import person_evidence

    assert person_evidence("Iuridicum Remedium, z.s.") < 0
    assert person_evidence("Friends of Tibet, in Bulgaria") < 0
    assert person_evidence("ACT UP, a coalition") < 0
    assert person_evidence("Pedro Oto de Quadros, promotor de justiça em Brasília") > 0.45


@pytest.mark.parametrize("body, kind", [
    ("<h1>Open letter to the Commission</h1><p>We urge you to act.</p>", "open_letter"),
    ("<h1>Offener Brief an den Rat</h1><p>Wir fordern den Rat auf, das Gesetz zurückzuziehen.</p>", "open_letter"),
    ("<p>Press release: Alpha Network</p><p>We call on the minister to resign.</p>", "press_release"),
    ("<p>FOR IMMEDIATE RELEASE</p><p>We call on X to act.</p><p>Signed by:</p><ul><li>Alpha Group</li>"
     "<li>Beta Network</li></ul>", "joint_statement"),
    ("<h1>Déclaration commune</h1><p>Nous demandons au gouvernement de libérer les prisonniers.</p>",
     "joint_statement"),
    ("<p>We call on X to act.</p><p>Signed by:</p><ul><li>Alpha Group</li><li>Beta Network</li></ul>",
     "joint_statement"),
    ("<h1>Concert on Saturday</h1><p>Join us for music and food in the park.</p>", "other"),
    ("<h1>Open letter to the Commission</h1><p>A short note on what we read this week.</p>", "other"),
    ("<h1>Rückblick: Podiumsdiskussion</h1><p>Die Veranstaltung fand am Abend statt. Wir fordern den Rat auf, das "
     "Gesetz zurückzuziehen, sagte eine Rednerin.</p>", "other"),
])
def test_the_kind_of_page(body, kind):
    statement = parsed(f"<html><body>{body}</body></html>")
    assert statement.kind == kind
    assert statement.is_statement == (kind in ("open_letter", "joint_statement"))


def test_a_lower_bound_is_kept_apart_from_an_exact_count_and_an_update_line_is_read():
    statement = parsed("""<html><body><p>We urge the Council to act.</p>
<p>Signed by over 85 organisations:</p><ul><li>Alpha Group</li><li>Beta Network</li></ul>
<p>List updated on 12 March 2024.</p></body></html>""")
    assert (statement.stated_signatory_count, statement.stated_signatory_minimum) == (None, 85)
    assert statement.date_updated == "2024-03-12"
    assert statement.warnings[-1] == "the statement says more than 85 signatories but 2 were parsed"
    assert statement.needs_review


def test_inline_demands_and_a_closing_inline_list_of_groups_in_wrapped_german():
    statement = parsed("""---
title: "Offener Brief"
---
Fridays For Future wird wie bisher Proteste durchführen. Wir unterstützen die
Forderungen der Letzten Generation: ein deutschlandweites 9€-Ticket, ein Tempolimit auf
Autobahnen sowie die Schaffung eines Bürger*innenrates. Wir fordern, dass die Proteste und
Forderungen ernst genommen werden.

Die Fridays For Future Ortsgruppen Gießen, Göttingen, Karlsruhe,
Schwäbisch Hall, Altkreis Halle Westfalen, Neuburg
und Hannover.
""", "text/markdown")
    assert [d.text for d in statement.demands] == [
        "ein deutschlandweites 9€-Ticket", "ein Tempolimit auf Autobahnen", "die Schaffung eines Bürger*innenrates",
        "Wir fordern, dass die Proteste und Forderungen ernst genommen werden."]
    assert [s.name_as_written for s in statement.signatories] == [
        "Gießen", "Göttingen", "Karlsruhe", "Schwäbisch Hall", "Altkreis Halle Westfalen", "Neuburg", "Hannover"]


def test_an_inline_list_after_a_lead_in_and_a_closing_list_of_places_that_is_not_one():
    signed = parsed("<p>We call on the Council to act.</p><p>Signed by:</p>"
                    "<p>Alpha Group, Beta Network, Tibet Support Group – UK and Gamma e.V.</p>")
    assert entries(signed) == [("Alpha Group", None, "organisation"), ("Beta Network", None, "organisation"),
                               ("Tibet Support Group – UK", "GB", "organisation"), ("Gamma e.V.", None, "organisation")]
    solidarity = parsed("<p>We call on the Council to act.</p>"
                        "<p>We stand with the people of Tibet, Hong Kong, Xinjiang, Mongolia, Macau and Taiwan.</p>")
    assert solidarity.signatories == []


def test_a_french_statement():
    statement = parsed("""<html lang="fr"><body>
<h1>Lettre ouverte au gouvernement</h1>
<p>Paris, le 10 mars 2024</p>
<p>Depuis plusieurs mois, des militants tibétains sont détenus sans procès.</p>
<p>Nous appelons le gouvernement français à :</p>
<ol><li>Exiger la libération immédiate des prisonniers politiques ;</li>
<li>Soutenir une enquête indépendante des Nations unies.</li></ol>
<p>Organisations signataires :</p>
<ul><li>Comité de soutien au peuple tibétain</li><li>Les Amis du Tibet (Lyon, France)</li>
<li>Mme Claire Dupont, avocate</li></ul>
</body></html>""")
    assert (statement.language, statement.kind, statement.date) == ("fr", "open_letter", "2024-03-10")
    assert [(d.addressee, d.text[:30]) for d in statement.demands] == [
        ("gouvernement français", "Exiger la libération immédiate"),
        ("gouvernement français", "Soutenir une enquête indépenda")]
    assert entries(statement) == [("Comité de soutien au peuple tibétain", None, "organisation"),
                                  ("Les Amis du Tibet (Lyon, France)", "FR", "organisation"),
                                  ("Mme Claire Dupont, avocate", None, "individual")]


def test_a_spanish_statement():
    statement = parsed("""<html><body>
<h1>Declaración conjunta sobre el Tíbet</h1>
<p>Santiago, 27 de febrero de 2025</p>
<p>Las organizaciones firmantes expresan su profunda preocupación por la situación en el Tíbet.</p>
<p>Instamos al Gobierno de Chile a:</p>
<ul><li>Pedir la liberación de los presos políticos;</li><li>Considerar una declaración pública.</li></ul>
<p>Firman:</p>
<p>Amigos del Tíbet, Chile<br>Casa del Tíbet – España<br>Sra. Ana Pérez</p>
</body></html>""")
    assert (statement.language, statement.kind, statement.date) == ("es", "joint_statement", "2025-02-27")
    assert [(d.addressee, d.action_category) for d in statement.demands] == [
        ("Gobierno de Chile", 1), ("Gobierno de Chile", 3)]
    assert entries(statement) == [("Amigos del Tíbet, Chile", "CL", "organisation"),
                                  ("Casa del Tíbet – España", "ES", "organisation"),
                                  ("Sra. Ana Pérez", None, "individual")]


def test_a_press_release_that_reprints_a_signed_statement_is_listed():
    statement = parsed("""<html><body><p>Press Release: Workers Party of New Zealand</p>
<p>Over 30 academics have signed an open letter in support of the teacher.</p>
<p>Open Letter: No to restrictions on political speech!</p>
<p>We the undersigned believe this is wrong and call on the government to repeal the provision.</p>
</body></html>""")
    assert (statement.kind, statement.is_statement) == ("open_letter", True)


def test_a_joint_press_release_is_a_joint_statement():
    statement = parsed("""<html><body><p>Communiqué de presse.</p>
<p>Les organisations signataires de ce communiqué demandent au gouvernement de retirer le texte.</p>
</body></html>""")
    assert (statement.kind, statement.is_statement) == ("joint_statement", True)


def test_tables_of_a_letters_data_are_no_signatories_and_numbered_proposals_under_a_heading_are_its_demands():
    """A Markdown open letter (tests/corpus/dev-3) whose four numbered '###' proposals stand under '## Propostas
    de alterações ...', with long tables of prize finalists after it in which 'Sim' and 'Não' fill most cells."""
    path = Path(__file__).parent / "corpus" / "dev-3" / "fititnt-carta-aberta-premio-acessibilidade-web-2016.md"
    statement = parse(read_file(path))
    assert statement.signatories == []
    assert [demand.text[:30] for demand in statement.demands] == [
        "Dar chance REAL e proporcional", 'Já em 2016, imediatamente, cri', "Deixar, de forma clara, quem é",
        "Modificar critérios de avaliaç"]


GRID_LETTER = """# Open letter

We urge the Council to reject the surveillance bill and to publish its impact assessment.

The first signatories of this letter are:

"""


def test_a_pandoc_grid_table_of_logos_and_names_over_descriptions():
    """Pandoc's grid table: "+---+" borders, cells wrapped over lines (a link's address cut at the border), a
    column of logos, and in the other a name and its country, a hard line break, then what the group does."""
    statement = parsed(GRID_LETTER + r"""+--------------------------------+--------------------------------+
| [![](https://example.org/a.png | [Alpha Digital                 |
| )](https://example.org)        | Rights](https://example.org) - |
|                                | Germany\                       |
|                                | Alpha has defended privacy and |
|                                | free speech online since 1999, |
|                                | with lawyers, technologists    |
|                                | and volunteers in every        |
|                                | region.                        |
+--------------------------------+--------------------------------+
| [![](https://example.net/b.png | [Beta Freedom                  |
| )](https://example.net)        | Network](https://example.net/a |
|                                | bout/index.html) - The         |
|                                | Netherlands\                   |
|                                | Beta is a network of           |
|                                | volunteers working for open    |
|                                | access to knowledge, to public |
|                                | data and to public code.       |
+--------------------------------+--------------------------------+
| [![](https://example.com/c.png | [Gamma                         |
| )](https://example.com)        | Collective](https://example.co |
|                                | m) - Europe\                   |
|                                | Gamma gathers hackers, artists |
|                                | and researchers who build free |
|                                | tools for the neighbourhood    |
|                                | groups around them.            |
+--------------------------------+--------------------------------+
| [![](https://example.info/d.pn | [Delta Library                 |
| g)](https://example.info)      | Association](https://example.i |
|                                | nfo/en/) - Ireland\            |
|                                | The association of the         |
|                                | libraries of a country, for    |
|                                | the right to read, to lend and |
|                                | to keep what is published.     |
+--------------------------------+--------------------------------+

Contact: press@example.org
""", "text/markdown")
    assert entries(statement) == [
        ("Alpha Digital Rights - Germany", "DE", "organisation"),
        ("Beta Freedom Network - The Netherlands", "NL", "organisation"),
        ("Gamma Collective - Europe", None, "organisation"),
        ("Delta Library Association - Ireland", "IE", "organisation"),
    ]


def test_a_pandoc_grid_tables_header_row_is_no_entry_and_its_columns_are_read_by_content():
    statement = parsed(GRID_LETTER + """+----------------------+---------------+
| Who                  | From          |
+======================+===============+
| Alpha Digital Rights | Germany       |
+----------------------+---------------+
| Beta Freedom Network | The           |
|                      | Netherlands   |
+----------------------+---------------+
| Gamma Collective     | France        |
+----------------------+---------------+
""", "text/markdown")
    assert entries(statement) == [
        ("Alpha Digital Rights", "DE", "organisation"),
        ("Beta Freedom Network", "NL", "organisation"),
        ("Gamma Collective", "FR", "organisation"),
    ]


def test_an_html_table_whose_cells_give_a_name_then_a_description_after_a_line_break():
    rows = "".join(f"<tr><td><img src='{n}.png' alt=''></td><td><a href='#'>{name}</a> - {country}<br>{about}</td></tr>"
                   for n, (name, country, about) in enumerate([
                       ("Alpha Digital Rights", "Germany", "Alpha has defended privacy and free speech online "
                        "since 1999, with lawyers, technologists and volunteers in every region of the country."),
                       ("Beta Freedom Network", "Belgium", "Beta is a network of volunteers working for open "
                        "access to knowledge, to public data and to the code that runs public services."),
                       ("Gamma Collective", "Spain", "Gamma gathers hackers, artists and researchers who build "
                        "free tools for the communities and neighbourhood groups around them."),
                       ("Delta Library Association", "Ireland", "The association of the libraries of a country, for "
                        "the right to read, to lend and to keep what is published, online and on paper.")]))
    statement = parsed(f"<p>We urge the Council to reject the bill.</p><p>Signed by:</p><table>{rows}</table>")
    assert entries(statement) == [
        ("Alpha Digital Rights - Germany", "DE", "organisation"),
        ("Beta Freedom Network - Belgium", "BE", "organisation"),
        ("Gamma Collective - Spain", "ES", "organisation"),
        ("Delta Library Association - Ireland", "IE", "organisation"),
    ]


def test_lines_that_only_look_like_a_grid_table_stay_text():
    from ingest.parse.pandoc_tables import grid_tables_as_html

    broken = "+-----+-----+\n| a   | b\n+-----+-----+\n"
    assert grid_tables_as_html(broken, str.upper) == broken
    table = grid_tables_as_html("+-----+\n| a b |\n| c   |\n+-----+\n", lambda text: f"<b>{text}</b>")
    assert "<table><tr><td><b>a b c</b></td></tr></table>" in table


@pytest.mark.parametrize("page", ["+----+\n|  x |\n| y\n" * 300, "+----+\n" * 900, "+----+\n" + "| ab |\n" * 900])
def test_each_line_of_a_page_of_broken_grid_tables_is_looked_at_a_bounded_number_of_times(page, monkeypatch):
    """Hostile input: every border used to be read to the end of the run of pipes after it, again for each
    border (a 720 KB page took 447 s)."""
    import ingest.parse.pandoc_tables as pandoc_tables

    looked_at = []
    continues = pandoc_tables._continues
    monkeypatch.setattr(pandoc_tables, "_continues", lambda *args: looked_at.append(1) or continues(*args))
    pandoc_tables.grid_tables_as_html(page, str)
    assert len(looked_at) <= 2 * page.count("\n")


@pytest.mark.parametrize("table", [
    """  Who                      Where
  ------------------------ ----------------
  Alpha Digital Rights     Germany
  Beta Freedom Network     The Netherlands
  Gamma Collective         France
  Delta Library Group      Ireland
""",
    """-------------------------------------------
  Who                      Where
  ------------------------ ----------------
  Alpha Digital Rights     Germany

  Beta Freedom             The Netherlands
  Network

  Gamma Collective         France

  Delta Library Group      Ireland
-------------------------------------------
""",
    """  ------------------------ ----------------
  Alpha Digital Rights     Germany
  Beta Freedom Network     The Netherlands
  Gamma Collective         France
  Delta Library Group      Ireland
  ------------------------ ----------------
"""], ids=["simple", "multiline", "headerless"])
def test_pandoc_simple_and_multiline_tables_are_tables(table):
    """Columns set by a line of dashes: the header is no signer, and a name is not run together with its country."""
    statement = parsed(GRID_LETTER + table + "\nContact: press@example.org\n", "text/markdown")
    assert entries(statement) == [
        ("Alpha Digital Rights", "DE", "organisation"),
        ("Beta Freedom Network", "NL", "organisation"),
        ("Gamma Collective", "FR", "organisation"),
        ("Delta Library Group", "IE", "organisation"),
    ]


def test_lines_of_dashes_around_prose_are_no_table():
    from ingest.parse.pandoc_tables import dashed_tables_as_html

    prose = "Intro\n\n---- ----\nWe call on the Council to act now, and the Commission too.\nThanks.\n---\n"
    assert dashed_tables_as_html(prose, str.upper) == prose


LETTER_IN_FRONT_MATTER = """---
title: Open letter on the river
letter: >-
  We are residents, fishers and scientists who live along the river. We call on the regional government
  to stop the dredging of the estuary at once and to publish every study it has made of the river bed.


  The dredging has already destroyed the spawning grounds of three species. We urge the port authority to
  halt its expansion until an independent study of the estuary is published. We will not stay silent.
signatories:
  - name: Maria Lopes
    description: Fisher, Porto
  - name: Jan de Vries
    description: Ecologist, Utrecht
  - name: Amira Haddad
    description: Teacher
  - name: Lukas Becker
    description: Student, Hamburg
tags:
  - river
  - letters
  - estuary
---
{{< signature-form >}}
"""


def test_a_letter_kept_in_the_front_matter_with_its_signatories_as_records():
    statement = parsed(LETTER_IN_FRONT_MATTER, "text/markdown")
    assert "spawning grounds" in statement.text and statement.language == "en"
    assert [(signer.kind, signer.name, signer.role) for signer in statement.signatories] == [
        ("individual", "Maria Lopes", "Fisher, Porto"), ("individual", "Jan de Vries", "Ecologist, Utrecht"),
        ("individual", "Amira Haddad", "Teacher"), ("individual", "Lukas Becker", "Student, Hamburg")]
    assert any("stop the dredging" in demand.text for demand in statement.demands)



def test_front_matter_records_that_say_each_signers_type_are_a_table_read_by_its_columns():
    records = "".join(f"  - type: {kind}\n    name: {name}\n    shortDescription: {about}\n"
                      for kind, name, about in [("organization", "Barrakudes de Begur", "Festes i Joventut"),
                                                ("organization", "Comissió Carnaval Begur", "Carnaval"),
                                                ("person", "Maria Puig", "Veïna"),
                                                ("organization", "Grup de Teatre Es Mutis", "Teatre")])
    page = LETTER_IN_FRONT_MATTER.replace("signatories:\n", "signatories:\n" + records).replace(
        "  - name: Maria Lopes\n    description: Fisher, Porto\n", "")
    statement = parsed(page, "text/markdown")
    assert [(signer.kind, signer.name) for signer in statement.signatories][:4] == [
        ("organisation", "Barrakudes de Begur"), ("organisation", "Comissió Carnaval Begur"),
        ("individual", "Maria Puig"), ("organisation", "Grup de Teatre Es Mutis")]

def test_a_front_matter_list_of_names_under_a_key_that_signs_and_not_under_tags():
    names = ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation", "Delta Rights Watch",
             "Epsilon Tenants Union", "Zeta Climate Action"]
    listed = "".join(f"  - {name}\n" for name in names)
    body = "We call on the council to stop all evictions and to open the empty public flats to families.\n"
    signed = parsed(f"---\ntitle: Open letter on evictions\nsignatories:\n{listed}---\n\n{body}", "text/markdown")
    assert [signer.name for signer in signed.signatories] == names
    tagged = parsed(f"---\ntitle: Open letter on evictions\ntags:\n{listed}---\n\n{body}", "text/markdown")
    assert tagged.signatories == []


SCRIPT_NAMES = ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation", "Delta Rights Watch"]


def _drawn_by_a_script(script: str, heading: str = "<h2>Signatories</h2>", listed: str = "") -> str:
    return ("<html><body><main><h1>Stop the evictions</h1><p>We, the undersigned organisations, call on the council "
            f"to withdraw the eviction plan.</p>{heading}<ul id='list'>{listed}</ul></main>"
            f"<script>{script}</script><footer><p>Tenants Coalition</p></footer></body></html>")


def test_names_a_script_draws_into_the_signers_empty_list_are_read_there():
    quoted = ", ".join(f'"{name}"' for name in SCRIPT_NAMES)
    statement = parsed(_drawn_by_a_script(f"var organisations = [{quoted}];\ndraw(organisations);"))
    assert [signer.name for signer in statement.signatories] == SCRIPT_NAMES


def test_records_a_script_keeps_as_its_signers_are_read_by_name_under_a_heading_of_their_own():
    records = ", ".join(f'{{"name": "{name}", "logo": "/logos/{index}.png"}}'
                        for index, name in enumerate(SCRIPT_NAMES))
    statement = parsed(_drawn_by_a_script(f"window.signers = [{records}]; draw(window.signers);", heading=""))
    assert [signer.name for signer in statement.signatories] == SCRIPT_NAMES


def test_a_script_array_under_another_name_or_of_names_the_markup_lists_adds_no_signer():
    quoted = ", ".join(f'"{name}"' for name in SCRIPT_NAMES)
    assert parsed(_drawn_by_a_script(f"var slides = [{quoted}];")).signatories == []
    listed = "".join(f"<li>{name}</li>" for name in SCRIPT_NAMES)
    twice = parsed(_drawn_by_a_script(f"var organisations = [{quoted}];", listed=listed))
    assert [signer.name for signer in twice.signatories] == SCRIPT_NAMES


def test_an_array_named_as_a_signers_heading_is_named_is_read_under_that_heading():
    quoted = ", ".join(f'"{name}"' for name in SCRIPT_NAMES)
    statement = parsed(_drawn_by_a_script(f"var endorsedBy = [{quoted}];", heading="<h2>Endorsed by</h2>"))
    assert [signer.name for signer in statement.signatories] == SCRIPT_NAMES


def test_a_script_is_read_for_its_first_ten_arrays_of_signers_only():
    arrays = "".join(f'var signers{number} = ["Group {number} Alpha", "Group {number} Beta", "Group {number} Gamma"];'
                     for number in range(12))
    statement = parsed(_drawn_by_a_script(arrays, heading=""))
    assert {signer.name.split()[1] for signer in statement.signatories} == {str(number) for number in range(10)}


def test_a_front_matter_summary_beside_a_body_and_short_lists_stay_out_of_the_text():
    body = LETTER_IN_FRONT_MATTER.replace("{{< signature-form >}}", "The page's own text. " * 20)
    short = body.replace("  - name: Amira Haddad\n    description: Teacher\n", "").replace(
        "  - name: Lukas Becker\n    description: Student, Hamburg\n", "")
    statement = parsed(short, "text/markdown")
    assert "spawning grounds" not in statement.text and entries(statement) == []


def test_names_in_preformatted_text_keep_their_lines():
    statement = parsed("""<html><body><h1>Joint letter</h1><p>We call on the Parliament to reject the bill.</p>
<h2>Signatories</h2>
<pre>Open Rights Group
Privacy International
Article 19</pre>
</body></html>""")
    assert entries(statement) == [("Open Rights Group", None, "organisation"),
                                  ("Privacy International", None, "organisation"),
                                  ("Article 19", None, "organisation")]


def test_a_linked_or_bold_name_is_kept_without_the_words_that_describe_it():
    statement = parsed("""---
title: Joint letter
---

We call on the Parliament to reject the bill.

## Signatories

- **Open Rights Group** – a campaign for digital rights in the United Kingdom
- [Aquilenet](https://aquilenet.fr), fournisseur d'accès à Internet associatif en Gironde
- [Free Tibet](https://freetibet.org), UK
- [Casa del Tibet](https://casadeltibet.es), Barcelona
- Privacy International
- [Jane Doe](https://example.org/jane), software developer at Example Labs
""", "text/markdown")
    assert [(s.name_as_written, s.kind) for s in statement.signatories] == [
        ("Open Rights Group", "organisation"), ("Aquilenet", "organisation"), ("Free Tibet, UK", "organisation"),
        ("Casa del Tibet, Barcelona", "organisation"), ("Privacy International", "organisation"),
        ("Jane Doe, software developer at Example Labs", "individual")]


STATEMENT_TEXT = """<h1>Joint letter on the surveillance bill</h1>
<p>We, the undersigned organisations, are deeply concerned about the bill now before Parliament. It would allow
the bulk interception of communications without a judge's warrant and weaken the encryption people rely on.</p>
<p>We call on the Parliament to reject the bill and to protect the encryption of private communications.</p>"""


def test_a_label_saying_what_kind_of_signers_introduces_a_short_list_after_a_statement():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}
<h2>Organisations</h2><ul><li>Open Rights Group</li><li>Privacy International</li></ul>
<h2>Individuals</h2><ul><li>Jane Smith</li><li>John Doe</li></ul></body></html>""")
    assert [(s.name_as_written, s.kind) for s in statement.signatories] == [
        ("Open Rights Group", "organisation"), ("Privacy International", "organisation"),
        ("Jane Smith", "individual"), ("John Doe", "individual")]


def test_a_page_that_only_asks_readers_to_add_their_names_below_has_no_signers():
    statement = parsed("""<html><body><p>To sign the manifesto, add your name or your organisation's name to the list
below, in alphabetical order.</p>
<h2>Organisations</h2><ul><li>@alpha-group</li><li>@beta-network</li></ul></body></html>""")
    assert statement.signatories == []


def test_a_signature_of_name_role_and_organisation_on_lines_of_their_own_is_one_person():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}
<p>Sincerely,</p>
<p>Jane Smith<br>Executive Director<br>Open Rights Group</p>
<p>John Doe<br>President<br>Free Press</p>
<p>Maria Garcia<br>Coordinator<br>Derechos Digitales</p></body></html>""")
    assert [(s.name, s.kind, s.affiliation) for s in statement.signatories] == [
        ("Jane Smith", "individual", "Open Rights Group"), ("John Doe", "individual", "Free Press"),
        ("Maria Garcia", "individual", "Derechos Digitales")]


def test_a_name_over_a_role_in_an_organisation_whose_name_has_a_conjunction_is_one_person():
    statement = parsed("Mit großer Bestürzung hören wir vom Anschlag auf Ihre Gemeinde. Wir bekräftigen unsere "
                       "Freundschaft und Verbundenheit miteinander.\n\nHerzlichst\nKlaus Müller,\n"
                       "Vorsitzender der Konferenz Landeskirchlicher Arbeitskreise Christen und Juden\n",
                       "text/markdown")
    assert [(s.name, s.kind, s.affiliation) for s in statement.signatories] == [
        ("Klaus Müller", "individual", "Konferenz Landeskirchlicher Arbeitskreise Christen und Juden")]


def test_people_with_their_roles_parted_by_semicolons_in_one_paragraph_are_each_a_person():
    statement = parsed(f"""{STATEMENT_TEXT}
<p>Signataires :</p>
<p>Catherine Achin, sociologue ; Armelle Andro, démographe ; Aurélie Audeval, docteure en histoire ; Magali Bessone,
professeure de philosophie</p></body></html>""")
    assert [(s.name, s.kind) for s in statement.signatories] == [
        ("Catherine Achin", "individual"), ("Armelle Andro", "individual"), ("Aurélie Audeval", "individual"),
        ("Magali Bessone", "individual")]


def test_a_role_set_off_by_a_dash_under_a_name_makes_it_a_persons_signature():
    statement = parsed(f"""{STATEMENT_TEXT}\n\nSincerely,\n\nCayden Mak\n-- Executive Director of 18MillionRising.org
\nDavid Inoue\n-- President of the Japanese American Citizens League\n""", "text/markdown")
    assert [(s.name, s.kind, s.role) for s in statement.signatories] == [
        ("Cayden Mak", "individual", "Executive Director of 18MillionRising.org"),
        ("David Inoue", "individual", "President of the Japanese American Citizens League")]


@pytest.mark.parametrize("letter, closing", [
    ("Sehr geehrte Frau Ministerin,\n\nwir fordern Sie auf, die Verträge mit Microsoft offenzulegen und den Auftrag "
     "neu auszuschreiben.", "Herzlichst, Ihr"),
    ("Madame la Ministre,\n\nnous vous demandons de publier les contrats passés avec Microsoft et de relancer "
     "l'appel d'offres.", "Salutations solidaires,"),
    ("Señora Ministra:\n\nle pedimos que publique los contratos firmados con Microsoft y que convoque un nuevo "
     "concurso.", "Un cordial saludo,"),
    ("Senhora Ministra,\n\nsolicitamos que publique os contratos assinados com a Microsoft e abra um novo "
     "concurso.", "Saudações cordiais,"),
])
def test_a_closing_formula_over_a_signers_name_and_address_signs_the_letter(letter, closing):
    statement = parsed(f"{letter}\n\n{closing}  \nChaos Computer Club Stuttgart  \nvorstand@cccs.de\n", "text/markdown")
    assert [s.name_as_written for s in statement.signatories] == ["Chaos Computer Club Stuttgart"]


def test_lines_that_name_another_person_are_each_a_signer():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}
<p>Signed,</p>
<p>Jane Smith<br>John Doe, journalist<br>Open Rights Group</p></body></html>""")
    assert [(s.name, s.kind) for s in statement.signatories] == [
        ("Jane Smith", "individual"), ("John Doe", "individual"), ("Open Rights Group", "organisation")]


def test_numbers_glued_to_names_and_letters_glued_to_asks_mark_two_lists():
    names = "\n\n".join(f"{n}.{name}" for n, name in enumerate([
        "Anuratha Rajaretnam", "Balasingham Skanthakumar – Journalist", "Channaka Jayasinghe",
        "D.B.S. Jeyaraj - Journalist", "Kanagasabai Sarojinidevi: Vice Treasurer, ARED",
        "Dr. Ranil Guneratne", "Chintaka Rajapakse – Freelance Journalist", "Vinayagamoorthy Rubesh",
        "Law and Society Trust (LST)", "National Peace Council"], start=1))
    statement = parsed(f"""# Unions and activists urge the Government to withdraw the bill

[https://www.example.lk/opinion/activists-urge-Govt-to-withdraw-the-Bill/14-786389](https://www.example.lk/a)

We the undersigned write to you with regard to the proposed Bill published on your Ministry's website.

Therefore we as citizens call on you forthwith to;

a)Uphold your election promise of abolishing the Act, and withdraw this bill with immediate effect

b)Introduce a bill for the repeal of the Act

{names}
""", "text/markdown")
    assert [d.text for d in statement.demands] == [
        "Uphold your election promise of abolishing the Act, and withdraw this bill with immediate effect",
        "Introduce a bill for the repeal of the Act"]
    people = [s.name for s in statement.signatories if s.kind == "individual"]
    assert people == ["Anuratha Rajaretnam", "Balasingham Skanthakumar", "Channaka Jayasinghe", "D.B.S. Jeyaraj",
                      "Kanagasabai Sarojinidevi", "Dr. Ranil Guneratne", "Chintaka Rajapakse",
                      "Vinayagamoorthy Rubesh"]
    assert [s.name for s in statement.signatories if s.kind == "organisation"] == [
        "Law and Society Trust (LST)", "National Peace Council"]


def test_invisible_characters_are_no_part_of_a_name():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2>
<ul><li>\u2060Open Rights Group</li><li>Privacy\u00adInternational</li><li>Article\u200b 19</li></ul></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == [
        "Open Rights Group", "PrivacyInternational", "Article 19"]


def test_template_markup_left_in_a_page_is_no_part_of_its_text():
    statement = parsed(f"""<html><body><h1>{{% trans "Stop the algorithm" %}}</h1>
{STATEMENT_TEXT.replace("<h1>Joint letter on the surveillance bill</h1>", "")}
<h2>{{% trans 'Signatories' %}}</h2>
<ul><li>Open Rights Group</li><li>Privacy International</li>{{# a comment #}}</ul></body></html>""")
    assert statement.title == "Stop the algorithm"
    assert [s.name_as_written for s in statement.signatories] == ["Open Rights Group", "Privacy International"]


LIQUID_LOOP = ("{% for s in site.data.signatories.individuals %}- **{{ s.name }}**"
               "{% if s.affiliation %}, {{ s.affiliation }}{% endif %}"
               "{% if s.link %} · [profile]({{ s.link }}){% endif %}\n{% endfor %}")


def test_a_template_loop_over_data_kept_elsewhere_names_no_one():
    statement = parsed(f"""---
title: Open letter on the hash standard
---

We ask the Institute to begin a pre-competition phase toward a new standard.

## Signatories

{LIQUID_LOOP}
""", "text/markdown")
    assert statement.signatories == []


def test_a_sentence_that_says_who_signs_then_a_colon_lists_the_signers():
    statement = parsed("""---
title: Open government, a decoy?
---

Assessment of open government in France, co-signed by the following associations and collectives: April, BLOOM,
DemocracyOS France, Framasoft, La Quadrature du Net, Regards Citoyens.

The signatory associations call on the government to review its choices.
""", "text/markdown")
    assert [s.name_as_written for s in statement.signatories] == [
        "April", "BLOOM", "DemocracyOS France", "Framasoft", "La Quadrature du Net", "Regards Citoyens"]


def test_a_sentence_that_lists_its_signers_after_a_colon_on_one_line():
    statement = parsed("""---
title: Open government, a decoy?
---

Assessment of open government, co-signed by the following associations: April, BLOOM, Framasoft, Regards Citoyens.

The signatory associations call on the government to review its choices.
""", "text/markdown")
    assert [s.name_as_written for s in statement.signatories] == ["April", "BLOOM", "Framasoft", "Regards Citoyens"]


def test_a_sentence_that_names_others_after_a_colon_names_no_signers():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}
<p>The report names the worst offenders, in the order of their emissions last year: Shell, BP, TotalEnergies,
Exxon Mobil, Chevron.</p></body></html>""")
    assert statement.signatories == []


@pytest.mark.parametrize("lines, expected", [
    ("<p>Initiated by: Access Now, Article 19</p><p>Supported by: Free Press, Privacy International</p>",
     ["Access Now", "Article 19", "Free Press", "Privacy International"]),
    ("<p>À l'initiative de : La Quadrature du Net, Framasoft</p><p>Soutenu par : April, Attac France</p>",
     ["La Quadrature du Net", "Framasoft", "April", "Attac France"]),
    ("<p>Die Einführung des Algorithmus ist ein gefährlicher Präzedenzfall. Wir fordern die Bundesregierung auf, "
     "den Einsatz des Algorithmus sofort zu stoppen und die Daten der Betroffenen zu löschen. Computer dürfen "
     "nicht über Menschen entscheiden, und niemand darf nach Merkmalen bewertet werden, auf die er keinen "
     "Einfluss hat.</p>"
     "<h2>Unterstützer*innen</h2><p>Die Kampagne wird von folgenden Organisationen getragen:</p>"
     "<div><img src='a.png' alt='epicenter.works'></div><div><img src='b.png' alt='AK Oberösterreich'></div>"
     "<div><img src='c.png' alt='Volkshilfe'></div>",
     ["epicenter.works", "AK Oberösterreich", "Volkshilfe"]),
])
def test_short_lines_that_say_who_initiated_and_who_supports_list_the_signers(lines, expected):
    text = "" if lines.startswith("<p>Die") else STATEMENT_TEXT
    statement = parsed(f"<html><body>{text}{lines}</body></html>")
    assert [s.name_as_written for s in statement.signatories] == expected


def test_capitalised_asks_under_a_heading_that_names_demands_are_no_signers():
    asks = ["Die sofortige Freilassung aller politischen Gefangenen", "Die Aufhebung des Sicherheitsgesetzes",
            "Ein Ende der Überwachung von Journalist*innen", "Zugang für unabhängige Beobachter*innen"]
    statement = parsed("<html><body><h1>Gemeinsame Erklärung</h1><p>Wir, die unterzeichnenden Organisationen, "
                       "sind alarmiert über das harte Vorgehen gegen die Zivilgesellschaft seit Januar.</p>"
                       "<h2>Unsere Forderungen</h2><ul>" + "".join(f"<li>{a}</li>" for a in asks) + "</ul>"
                       "<h2>Unterzeichnende</h2><ul><li>Amnesty International</li><li>Digitale Gesellschaft</li>"
                       "<li>Chaos Computer Club</li></ul></body></html>")
    assert [d.text for d in statement.demands] == asks
    assert [s.name_as_written for s in statement.signatories] == [
        "Amnesty International", "Digitale Gesellschaft", "Chaos Computer Club"]


def test_a_column_that_marks_each_row_alike_names_no_one():
    rows = "".join(f"<tr><td>{name}</td><td>Yes</td></tr>" for name in (
        "Derechos Digitales", "Fundación Karisma", "Hiperderecho", "TEDIC", "IPANDETEC"))
    statement = parsed(f"<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><table>{rows}</table></body></html>")
    assert [s.name_as_written for s in statement.signatories] == [
        "Derechos Digitales", "Fundación Karisma", "Hiperderecho", "TEDIC", "IPANDETEC"]


@pytest.mark.parametrize("separator", [", ", " · ", " | ", " • "])
def test_names_inline_between_dots_bullets_or_bars(separator):
    names = ["Open Rights Group", "Privacy International", "Article 19", "Access Now", "Free Press"]
    statement = parsed(f"<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><p>{separator.join(names)}</p></body></html>")
    assert [s.name_as_written for s in statement.signatories] == names


def test_an_item_that_heads_a_nested_list_of_signers_is_their_group():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><ul>
<li>Chile<ul><li>Derechos Digitales</li><li>Fundación Datos Protegidos</li></ul></li>
<li>Paraguay<ul><li>TEDIC</li><li>Fundación Vencer</li></ul></li></ul></body></html>""")
    assert entries(statement) == [("Derechos Digitales", "CL", "organisation"),
                                  ("Fundación Datos Protegidos", "CL", "organisation"),
                                  ("TEDIC", "PY", "organisation"), ("Fundación Vencer", "PY", "organisation")]


def test_a_count_of_signers_not_named_closes_a_list_but_names_no_one():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><ul><li>Open Rights Group</li>
<li>Privacy International</li><li>Article 19</li><li>and 200 more organisations</li></ul></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == [
        "Open Rights Group", "Privacy International", "Article 19"]


def test_a_page_laid_out_in_several_articles_is_read_whole():
    statement = parsed("""<html><body><main><section>
<article><h2>What the law does</h2><p>The bill would create a new intelligence service with powers no court checks.</p>
</article>
<article><h2>Our demands</h2><p>The signatories call on the Government to:</p>
<ol><li>withdraw the bill</li><li>evaluate the surveillance powers it already has</li></ol></article>
<article><h2>Signatories</h2><ul><li>Open Rights Group</li><li>Privacy International</li><li>Article 19</li></ul>
</article></section></main></body></html>""")
    assert [d.text for d in statement.demands] == [
        "withdraw the bill", "evaluate the surveillance powers it already has"]
    assert len(statement.signatories) == 3


def test_a_timeline_is_no_list_of_signers():
    """dev-7's petition page: its timeline ("Juni 2014 Im Innenministerium werden Beratungen ...") is capitalised as
    German is, and stood in for the signers its footer holds."""
    statement = parse(read_file(Path(__file__).parent / "corpus/dev-7/akvorrat-staatsschutzgesetz-petition-2015.html"))
    assert not [s.name for s in statement.signatories if s.name[:1].isdigit() or s.name.startswith("Juni")]


@pytest.mark.parametrize("item", ["<li>{}</li>", "<p>{}</p>"])
def test_a_footnote_mark_is_no_part_of_a_name(item):
    names = "".join(item.format(name) for name in ("Open Rights Group<sup>1</sup>", "Privacy International<sup>*</sup>",
                                                   "Article 19"))
    listing = f"<ul>{names}</ul>" if item.startswith("<li>") else names
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2>{listing}
<p><sup>1</sup> Affiliations are given here for identification only.</p></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == [
        "Open Rights Group", "Privacy International", "Article 19"]


def test_a_flag_beside_a_name_gives_the_signers_country_and_an_emoji_is_no_part_of_a_name():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><ul><li>🇩🇪 Digitale Gesellschaft</li>
<li>🇫🇷 La Quadrature du Net</li><li>Climate Strike ✊</li></ul></body></html>""")
    assert entries(statement) == [("Digitale Gesellschaft", "DE", "organisation"),
                                  ("La Quadrature du Net", "FR", "organisation"),
                                  ("Climate Strike", None, "organisation")]


def test_a_definition_list_of_names_over_their_countries_is_read_as_a_table():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><dl>
<dt>Derechos Digitales</dt><dd>Chile</dd><dt>TEDIC</dt><dd>Paraguay</dd>
<dt>Open Rights Group</dt><dd>United Kingdom</dd>
</dl></body></html>""")
    assert entries(statement) == [("Derechos Digitales", "CL", "organisation"), ("TEDIC", "PY", "organisation"),
                                  ("Open Rights Group", "GB", "organisation")]


def test_a_term_over_several_descriptions_is_their_group():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2><dl>
<dt>Chile</dt><dd>Derechos Digitales</dd><dd>Fundación Datos Protegidos</dd>
<dt>Paraguay</dt><dd>TEDIC</dd><dd>Fundación Vencer</dd></dl></body></html>""")
    assert entries(statement) == [("Derechos Digitales", "CL", "organisation"),
                                  ("Fundación Datos Protegidos", "CL", "organisation"),
                                  ("TEDIC", "PY", "organisation"), ("Fundación Vencer", "PY", "organisation")]


def test_a_translations_list_of_signers_in_another_script_does_not_stand_for_the_statements_own():
    english = ["Ansan Women Workers Association", "Anyang Women’s Hotline", "Korea Church Women United",
               "Korean Womenlink", "Daegu Women’s Association"]
    korean = ["감리교여성지도력개발원", "경기여성단체연합", "경기여성연대", "경남여성회", "경산여성회",
              "고양여성민우회", "광주여성노동자회", "군포여성민우회"]
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<p><strong>Signatories</strong></p>
{"".join(f"<p>{name}</p>" for name in english)}
<h2>감시 법안에 관한 공동 서한</h2>
<p>우리 서명 단체들은 현재 의회에 계류 중인 법안에 깊은 우려를 표한다.
이 법안은 영장 없이 통신을 대량으로 감청할 수 있게 한다.</p>
<p>우리는 의회가 법안을 거부하고 사적 통신의 암호화를 보호할 것을 촉구한다.</p>
<p><strong>서명 단체</strong></p><p>{", ".join(korean)}</p></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == english


def test_a_country_standing_alone_over_lines_of_names_is_their_group():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<h2>Signatories</h2>
<p><strong>Kenya</strong></p><p>Kenya Human Rights Commission<br>Article 19 Eastern Africa<br>Haki Africa</p>
<p><strong>Chile</strong></p><p>Derechos Digitales<br>Fundación Datos Protegidos</p></body></html>""")
    assert entries(statement) == [
        ("Kenya Human Rights Commission", "KE", "organisation"), ("Article 19 Eastern Africa", "KE", "organisation"),
        ("Haki Africa", "KE", "organisation"), ("Derechos Digitales", "CL", "organisation"),
        ("Fundación Datos Protegidos", "CL", "organisation")]


def test_a_page_of_articles_each_wrapped_in_a_list_item_is_read_whole_and_block_by_block():
    news = ("<h2>{}</h2><p>Our newsroom reports on the week in the city: the council met, the market reopened and the "
            "river rose after the rain, as it does each spring, and the bridge was closed for two days.</p>" * 3)
    item = "<section><ul><li><article>{}</article></li></ul></section>"
    statement_article = (STATEMENT_TEXT.replace("h1", "h2") + "<p>We also call on the Parliament to hear the groups "
                         "that defend journalists before it votes, as the law on the press demands of it.</p>"
                         "<p>Open Rights Group</p><p>Privacy International</p><p>Article 19</p><p>Access Now</p>")
    statement = parsed("<html><body><div>" + item.format(news.format("City news", "Weather", "Sport")) +
                       item.format(statement_article) + "</div></body></html>")
    assert [s.name_as_written for s in statement.signatories] == [
        "Open Rights Group", "Privacy International", "Article 19", "Access Now"]
    assert statement.demands


def test_slogans_above_the_signers_are_no_signers():
    statement = parsed(f"""<html><body>{STATEMENT_TEXT}<p><strong>Son 30.000!</strong></p>
<p><strong>Fue genocidio!</strong></p><p>Madres de Plaza de Mayo Línea Fundadora</p>
<p>Asamblea Permanente por los Derechos Humanos</p><p>Fundación Memoria Histórica y Social Argentina</p>
<p>Comisión Memoria Verdad y Justicia Zona Norte</p></body></html>""")
    assert [s.name_as_written for s in statement.signatories] == [
        "Madres de Plaza de Mayo Línea Fundadora", "Asamblea Permanente por los Derechos Humanos",
        "Fundación Memoria Histórica y Social Argentina", "Comisión Memoria Verdad y Justicia Zona Norte"]


def test_a_page_of_spans_parted_by_empty_lines_keeps_its_paragraphs_and_its_signers():
    spans = ["As a result of the aggression the dam was destroyed and the town of Oleshki was flooded.",
             "We call on the international community to provide humanitarian aid to its people at once.",
             "Signed by:", "InTransit, Berlin Anti-War Initiative", "Media Partisans", "Vyvozhuk Evacuation Initiative",
             "Free Russians e.V. Munich", "Anastasia Shevchenko, member of the Anti-war Committee"]
    body = "<br><br>".join(f"<span>{text}</span>" for text in spans)
    statement = parsed(f"<html><body><div><h1>Appeal of the Coalition</h1>{body}</div></body></html>")
    assert [(s.name_as_written, s.kind) for s in statement.signatories] == [
        ("InTransit, Berlin Anti-War Initiative", "organisation"), ("Media Partisans", "organisation"),
        ("Vyvozhuk Evacuation Initiative", "organisation"), ("Free Russians e.V. Munich", "organisation"),
        ("Anastasia Shevchenko, member of the Anti-war Committee", "individual")]
    assert statement.text.count("\n\n") >= 1


def test_a_note_of_a_few_paragraphs_between_a_wall_of_logos_and_a_list_of_people_does_not_part_them():
    logos = "".join(f'<img alt="{name}" src="{number}.png">' for number, name in enumerate(
        ("Associazione onData", "Transparency International Italia", "ActionAid Italia", "Scienza in rete",
         "Altroconsumo", "Legambiente")))
    people = "".join(f"<p>{name}</p>" for name in ("Erika Marconato, co-fondatrice di CivicHackingIT",
                                                   "Moreno Colaiacovo, bioinformatico", "Matteo Fortini, attivista",
                                                   "Alberto Cottica, economista"))
    page = (f"<html><body><p>Chiediamo al Governo di pubblicare i dati aperti sul contagio ogni giorno.</p>"
            f"<h2>Promotori</h2>{logos}<div>I loghi qui in alto sono le organizzazioni che hanno aderito.<br><br>"
            "Se vuoi aderire, scrivici una mail.<br><br>Grazie!</div><h2>Firmatari</h2>"
            f"{people}</body></html>")
    statement = parsed(page)
    kinds = [s.kind for s in statement.signatories]
    assert (kinds.count("organisation"), kinds.count("individual")) == (6, 4)


def test_a_grid_of_cards_gives_each_card_as_the_signer_its_heading_names():
    def card(heading: str, line: str) -> str:
        return (f'<div class="col-md-3"><div class="blocsign"><div class="logo"><img src="x.png" alt="{line}"></div>'
                f'<h4>{heading}</h4><p class="member-title">{line} - <span class="country">France</span></p>'
                '<span class="date">10/10/2017</span></div></div>')
    cards = [("CLACSO", "Consejo Latinoamericano de Ciencias Sociales"), ("UL", "Université de Lorraine"),
             ("CPU", "Conférence des présidents d'université"), ("", "Cuadernos de Neuropsicologia"),
             ("Inria", "Institut national de recherche en informatique")]
    page = ("<html><body><main><p>Nous appelons les institutions à soutenir la science ouverte dès maintenant.</p>"
            "<h3>Institutions signataires :</h3><div class='row'><h3>Recherche et enseignement supérieur</h3>"
            f"{''.join(card(heading, line) for heading, line in cards)}</div></main></body></html>")
    statement = parsed(page)
    assert [s.name_as_written for s in statement.signatories] == [
        "CLACSO", "UL", "CPU", "Cuadernos de Neuropsicologia - France", "Inria"]


def test_signers_in_a_section_of_main_after_the_letters_article_are_read():
    sigs = "".join(f'<li class="sig"><a href="https://x.org/{n}"><span class="sig__mark"><img src="{n}.svg" '
                   f'alt="Logo de {name}"></span><span class="sig__name">{name}</span></a></li>'
                   for n, name in enumerate(("AFPY", "Agile Nantes", "BreizhCamp", "Paris Web", "PHP Foundation")))
    page = ("<html><head><title>Lettre ouverte</title></head><body><main><section class='hero'><h1>Lettre ouverte "
            "pour la survie des événements techniques</h1></section><section><article class='letter'><p>Les "
            "événements techniques traversent une crise silencieuse, et nous appelons les entreprises à les "
            "soutenir.</p></article></section><section id='signataires'><h2>5 organisations ont déjà signé</h2>"
            f"<ul class='sigs'>{sigs}</ul></section></main></body></html>")
    statement = parsed(page)
    assert [s.name_as_written for s in statement.signatories] == [
        "AFPY", "Agile Nantes", "BreizhCamp", "Paris Web", "PHP Foundation"]
    assert statement.title == "Lettre ouverte pour la survie des événements techniques"


def test_a_wall_of_logos_whose_alt_text_says_logo_of_gives_the_names_alone():
    logos = "".join(f'<img src="{n}.png" alt="{alt}">' for n, alt in enumerate(
        ("Logo de Agile Nantes", "Logo d’AlpesCraft", "Logo of Open Rights Group", "Logotipo del Colectivo Sur")))
    statement = parsed(f"<html><body><p>We call on the Government to withdraw the bill at once.</p>"
                       f"<h2>Signatories</h2>{logos}</body></html>")
    assert [s.name_as_written for s in statement.signatories] == [
        "Agile Nantes", "AlpesCraft", "Open Rights Group", "Colectivo Sur"]


def test_a_logo_over_a_caption_that_names_it_is_one_signer():
    names = ("Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network", "Fossil Free London")
    figures = "".join(f'<figure><img src="{n}.png" alt="{name}"><figcaption>{name}</figcaption></figure>'
                      for n, name in enumerate(names))
    statement = parsed(f"<html><body><p>We call on the council to withdraw the eviction plan at once.</p>"
                       f"<h2>Signatories</h2>{figures}</body></html>")
    assert [s.name_as_written for s in statement.signatories] == list(names)


def test_regions_in_bold_among_lines_of_names_group_them_and_sign_nothing():
    groups = {"Latin America": ["Techo Chile", "Habitat para la Humanidad Argentina"],
              "Europe": ["Droit au Logement Paris", "Attac Rennes"], "Africa": ["Abahlali baseMjondolo", "SDI Kenya"]}
    lines = "<br>".join(f"<strong>{region}</strong><br>" + "<br>".join(names) for region, names in groups.items())
    statement = parsed(f"<html><body><p>We call on the council to withdraw the eviction plan at once.</p>"
                       f"<h2>Signatories</h2><p>{lines}</p></body></html>")
    assert [s.name_as_written for s in statement.signatories] == [n for names in groups.values() for n in names]


def test_a_key_to_the_acronyms_after_the_signers_is_no_list_of_signers():
    body = """We call on the UN to keep the internet's governance open and multistakeholder.

Signed,

* Brian Carpenter *former IAB chair; former IETF chair*
* Stephen Farrell *Trinity College Dublin; former IESG*
* Geoff Huston *former ISOC BoT chair*
* Mallory Knodel *former IAB*

***

* *IAB*: [Internet Architecture Board](https://iab.org/)
* *IESG*: [Internet Engineering Steering Group](https://iesg.org/)
* *IETF*: [Internet Engineering Task Force](https://ietf.org/)
* *ISOC BoT*: [Internet Society](https://www.internetsociety.org/) Board of Trustees
* *W3C*: [World Wide Web Consortium](https://w3.org/)
"""
    statement = parsed(body, "text/markdown")
    assert [(s.name_as_written.split()[:2], s.kind) for s in statement.signatories] == [
        (["Brian", "Carpenter"], "individual"), (["Stephen", "Farrell"], "individual"),
        (["Geoff", "Huston"], "individual"), (["Mallory", "Knodel"], "individual")]


def test_a_campaign_page_whose_news_are_articles_is_read_whole_and_its_logo_strip_counted_once():
    news = "".join(f"<article><h3>{title}</h3><p>Mai, 2026</p><a href='#'>Weiterlesen</a></article>"
                   for title in ("Medienschau zur Vorstellung", "Wir veröffentlichen den Antrag", "Pressekonferenz"))
    partners = ("LieLa e.V.", "KARL Genossenschaft", "Solidarische Hilfe", "BEV Bremen", "SGH Hulsberg")
    strip = "".join(f"<div class='logo'><p>{name}</p></div>" for name in partners * 2)
    page = ("<html><body><main><section><h1>Mieten-Notstand stoppen!</h1><p>Wir fordern den Senat auf, die Mieten "
            "in Bremen sofort für fünf Jahre einzufrieren und den Leerstand zu beschlagnahmen.</p><p>Die Mieten in "
            "Bremen steigen seit Jahren schneller als die Löhne, und wer eine Wohnung sucht, findet keine mehr. "
            "Deshalb sammeln wir Unterschriften für einen Bürgerantrag an die Bürgerschaft.</p></section>"
            f"<section><h2>Aktuelles</h2><div class='grid'>{news}</div></section>"
            f"<section><h2>Unser Bündnis</h2><div class='strip'>{strip}</div></section></main></body></html>")
    statement = parsed(page)
    assert statement.title == "Mieten-Notstand stoppen!"
    assert [s.name_as_written for s in statement.signatories] == list(partners)


def test_a_table_of_contents_of_links_within_the_page_names_no_signers():
    body = """The initiative invited several organisations of the labor sector to answer these pressing issues:

- [Technological Inaccessibility and the Digital Divide](#topic1)
- [Precarious Platform-based Work](#topic2)
- [Hyper-surveillance](#topic3)
- [Worker Organizing Online](#topic4)

Workers call on the Government to provide free internet access to every community.
"""
    def read_signers(text: str) -> list[str]:
        document = Document("fixture", text.encode("utf-8"), "text/markdown", "utf-8", datetime.now(timezone.utc))
        return [signatory.name_as_written for signatory in read(document).signatories]
    assert read_signers(body) == []
    linked = body.replace("(#topic", "(https://example.org/topic")
    assert len(read_signers(linked)) == 4  # links to pages elsewhere may be signers' sites


def test_signers_set_after_the_main_content_under_a_heading_that_names_them_are_read():
    logos = "".join(f'<div><a href="https://{n}.fr"><img src="{n}.png" alt="{name}"></a></div>'
                    for n, name in enumerate(("Lunii", "Lib et Lou", "Le Jouet Simple", "Loca Loca")))
    related = ("<div><h2>À lire aussi</h2><ul><li>Noël Solidaire</li><li>Jouets Durables</li><li>Papa Noël</li>"
               "</ul></div>")
    page = ("<html><body><main><h1>Tous pour un Noël dans le bon sens</h1><p>Nous appelons les Français à acheter des "
            "jouets fabriqués en France pour ce Noël, et le gouvernement à soutenir nos ateliers.</p></main>"
            f"{related}<div class='bg'><h2>Signataires</h2><div class='grid'>{logos}</div></div></body></html>")
    assert [s.name_as_written for s in parsed(page).signatories] == [
        "Lunii", "Lib et Lou", "Le Jouet Simple", "Loca Loca"]


@pytest.mark.parametrize("heading", ["Les signataires", "Organisations signataires", "Our supporters", "Endorsed by",
                                     "Supporting organisations", "Organizaciones adheridas", "Who has signed",
                                     "Entidades signatárias", "Unterstützer*innen"])
def test_signers_after_the_statement_under_a_heading_that_names_them_anywhere_in_it_are_read(heading):
    names = ["Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network", "Fossil Free London"]
    page = ("<html><body><div class='content'><article><h1>Open letter on evictions</h1><p>We call on the council to "
            "withdraw the eviction plan immediately and to open talks with the residents.</p></article>"
            f"<section><h2>{heading}</h2><ul>" + "".join(f"<li>{name}</li>" for name in names) +
            "</ul></section></div></body></html>")
    assert [s.name_as_written for s in parsed(page).signatories] == names


@pytest.mark.parametrize("heading", ["", "<h2>The coalition</h2>"])
def test_a_list_of_names_right_after_the_statement_is_read_whatever_heads_it_and_the_sites_lists_are_not(heading):
    names = ["Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network", "Fossil Free London"]
    related = ("<div><h3>Related posts</h3><ul><li><a href='/a'>Tenants win rent freeze in Leeds</a></li>"
               "<li><a href='/b'>Why we marched on Saturday</a></li><li><a href='/c'>Our annual report 2023</a></li>"
               "<li><a href='/d'>Join the housing assembly</a></li></ul></div>")
    page = ("<html><body><div class='content'><article><h1>Open letter on evictions</h1><p>We call on the council to "
            f"withdraw the eviction plan immediately.</p></article><div>{heading}<ul>"
            + "".join(f"<li>{name}</li>" for name in names) + f"</ul></div>{related}</div></body></html>")
    assert [s.name_as_written for s in parsed(page).signatories] == names


def test_a_campaign_footer_that_opens_on_its_supporters_lists_them_but_a_funders_line_does_not():
    logos = "".join(f'<div class="col-xs-3"><a href="https://x.org/{n}"><img src="{n}.gif" alt="{name}"></a></div>'
                    for n, name in enumerate(("AKVorrat", "Amnesty International", "ATTAC", "Mehr Demokratie")))
    page = ("<html><body><main><h1>Petition gegen das Staatsschutzgesetz</h1><p>Wir fordern den Nationalrat auf, "
            "das Staatsschutzgesetz nicht zu beschließen und die Grundrechte aller Menschen zu schützen.</p></main>"
            f"<footer><p>Diese Kampagne wird unterstützt von</p><div class='row'>{logos}</div></footer></body></html>")
    assert [s.name_as_written for s in parsed(page).signatories] == [
        "AKVorrat", "Amnesty International", "ATTAC", "Mehr Demokratie"]
    funded = page.replace("Diese Kampagne wird unterstützt von", "Gefördert durch die Stadt Wien")
    assert parsed(funded).signatories == []


MATRIX_SIGNERS = ["Amnesty International", "Human Rights Watch", "ARTICLE 19", "Access Now",
                  "Chaos Computer Club e.V.", "Electronic Frontier Foundation", "La Quadrature du Net",
                  "Privacy International", "Derechos Digitales", "Fundación Karisma",
                  "Tibet Initiative Deutschland e.V.", "Uyghur Human Rights Project"]
MATRIX_COUNTRIES = ["UK", "USA", "UK", "Germany", "Germany", "USA", "France", "UK", "Chile", "Colombia", "Germany",
                    "USA"]
MATRIX_LETTERS = {
    "en": ("Signatories:", "<p>We, the undersigned organisations, are alarmed by the detention of human rights "
           "defenders in the region. Their families have not been told where they are held.</p><p>We call on the "
           "authorities to release all detained defenders immediately and to allow independent observers access to "
           "all places of detention.</p>"),
    "de": ("Unterzeichnende:", "<p>Wir, die unterzeichnenden Organisationen, sind alarmiert über die Inhaftierung von "
           "Menschenrechtsverteidigerinnen in der Region.</p><p>Wir fordern die Behörden auf, alle Inhaftierten sofort "
           "freizulassen und unabhängigen Beobachtern Zugang zu allen Haftorten zu gewähren.</p>"),
    "es": ("Firmantes:", "<p>Las organizaciones abajo firmantes expresamos nuestra alarma por la detención de "
           "defensores de derechos humanos en la región.</p><p>Exigimos a las autoridades que liberen de inmediato a "
           "todas las personas detenidas y que permitan el acceso de observadores independientes.</p>"),
    "fr": ("Signataires :", "<p>Nous, organisations soussignées, sommes alarmées par la détention de défenseurs des "
           "droits humains dans la région.</p><p>Nous demandons aux autorités de libérer immédiatement tous les "
           "défenseurs détenus et de permettre aux observateurs indépendants d'accéder aux lieux de détention.</p>"),
}
MATRIX_LAYOUTS = {
    "items": lambda names: "<ul>" + "".join(f"<li>{name}</li>" for name in names) + "</ul>",
    "lines": lambda names: "<p>" + "<br>".join(names) + "</p>",
    "paragraphs": lambda names: "".join(f"<p>{name}</p>" for name in names),
    "numbered table": lambda names: "<table>" + "".join(
        f"<tr><td>{number}</td><td>{name}</td><td>{country}</td></tr>"
        for number, (name, country) in enumerate(zip(names, MATRIX_COUNTRIES, strict=True), start=1)) + "</table>",
    "inline": lambda names: "<p>" + ", ".join(names[:-1]) + " and " + names[-1] + ".</p>",
    "described": lambda names: "<ul>" + "".join(
        f"<li><strong>{name}</strong> – works with lawyers and journalists on the rights of detained people</li>"
        for name in names) + "</ul>",
    "by country": lambda names: "".join(
        f"<h4>{country}</h4><ul>" + "".join(f"<li>{name}</li>" for name, where in zip(names, MATRIX_COUNTRIES,
                                                                                     strict=True) if where == country)
        + "</ul>" for country in dict.fromkeys(MATRIX_COUNTRIES)),
    "addresses": lambda names: "<ul>" + "".join(f"<li>{name} (https://example.org/{number}/about)</li>"
                                                 for number, name in enumerate(names)) + "</ul>",
    "comma-ended lines": lambda names: "<p>" + "<br>".join(f"{name}," for name in names) + "</p>",
    "dash-numbered lines": lambda names: "<p>" + "<br>".join(f"{number}- {name}" for number, name in
                                                             enumerate(names, start=1)) + "</p>",
    "columns": lambda names: "<div class='row'>" + "".join(
        "<div class='col'><ul>" + "".join(f"<li>{name}</li>" for name in names[start:start + 4]) + "</ul></div>"
        for start in (0, 4, 8)) + "</div>",
}


@pytest.mark.parametrize("language", sorted(MATRIX_LETTERS))
@pytest.mark.parametrize("layout", sorted(MATRIX_LAYOUTS))
@pytest.mark.parametrize("introduced", [True, False])
def test_one_list_of_signers_in_the_layouts_statements_use_in_each_language(language, layout, introduced):
    lead, letter = MATRIX_LETTERS[language]
    page = (f"<html lang='{language}'><body><article><h1>Statement</h1>{letter}"
            f"{f'<p>{lead}</p>' if introduced else ''}{MATRIX_LAYOUTS[layout](MATRIX_SIGNERS)}</article>"
            "<h3>Related posts</h3><ul><li>Another statement on the region</li></ul></body></html>")
    found = [signatory.name for signatory in parsed(page).signatories if signatory.kind == "organisation"]
    assert sorted(found) == sorted(MATRIX_SIGNERS)  # grouped by country, they are listed in another order


def test_a_list_of_names_wrapped_over_lines_that_end_in_commas_ends_with_its_conjunctions_line():
    lines = ["Die Ortsgruppen Gießen, Göttingen, Karlsruhe, Regensburg, Nürnberg,",
             "Darmstadt, Osnabrück, Bocholt, Bingen, Marburg, Fulda, Penzberg, Hanau,",
             "Leipzig, Norderstedt, Pforzheim, Ingolstadt, Goslar, Konstanz, Soest, Peine,",
             "Münster, Kronach, Schwäbisch Hall, Recklinghausen, Neuburg", "und Hannover."]
    statement = parsed("Wir fordern die politischen Verantwortlichen auf, die Menschen vor der Klimakatastrophe zu "
                       "schützen.\n\nKlimaschützen ist kein Verbrechen!\n\n" + "\n".join(lines) + "\n", "text/markdown")
    assert [signatory.name for signatory in statement.signatories][-3:] == ["Recklinghausen", "Neuburg", "Hannover"]


def test_a_label_set_in_bold_that_markdown_leaves_literal_is_the_label_not_a_signer():
    statement = parsed("We call on the Government to stop the roll-out until its effects are known.\n\n"
                       "[Read the full statement](statement.pdf)\n\n**On Behalf of: ** \n"
                       + "  \n".join(MEDICAL_GROUPS) + "\n", "text/markdown")
    assert [signatory.name for signatory in statement.signatories] == MEDICAL_GROUPS


MEDICAL_GROUPS = ["Alpha Initiative for Health (AIH)", "Beta Society for Medicine", "Gamma Medical Foundation",
                  "Delta Academy of Medicine (DAM)", "Epsilon College of Nutrition", "Zeta Doctors Association"]


def test_a_networks_members_in_brackets_one_to_a_line_are_each_a_signer():
    members = ["Alpha Council for Justice and Remembrance of the Victims", "Museum of the Victims (House of Sharing)",
               "Masan, Changwon and Jinhae Civil Assembly for the Victims", "Tongyeong & Geoje Civil Assembly",
               "Daegu Citizens’ Forum for Halmuni (DCF)"]
    lines = [f"({members[0]},", *(f"{member}," for member in members[1:-1]), f"{members[-1]})"]
    korean = ["‘인권의 최후 보루’로서 책무를 저버린 재판부를 규탄한다!",
              "오늘 법원은 피해자들이 낸 손해배상청구소송에서 원고 각하 판결을 내렸다."]
    statement = parsed("The Government should acknowledge its responsibility and apologise to the victims.\n\n"
                       "April 21, 2021  \nVictims’ support network  \n" + "  \n".join(lines) + "\n\n"
                       + "\n\n".join(korean) + "\n", "text/markdown")  # the statement again, in Korean: prose
    assert [signatory.name for signatory in statement.signatories][-5:] == members


def test_a_short_german_paragraph_that_ends_on_a_noun_is_prose_not_a_signer():
    statement = parsed("<html lang='de'><body><h1>Erklärung zur Lage</h1><p>Die Organisationen sind besorgt über die "
                       "Lage. Wir verlangen eine unabhängige Untersuchung der Vorfälle.</p><p>Alpha Netzwerk, Beta "
                       "Kollektiv, Gamma Verein</p></body></html>")
    assert [d.text for d in statement.demands] == ["Wir verlangen eine unabhängige Untersuchung der Vorfälle."]
    assert "Die Organisationen sind besorgt" in statement.text


@pytest.mark.parametrize("text, nouns_capitalised, expected", [
    ("Wir setzen uns für die sofortige Freilassung der Aktivisten ein.", True, True),
    ("Wij roepen de regering en de gemeenteraad met klem op.", False, True),
    ("Wir verlangen eine unabhängige Untersuchung der Vorfälle.", True, True),
    ("Wir verlangen eine unabhängige Untersuchung der Vorfälle.", False, False),
    ("Amnesty, Greenpeace, Oxfam, Attac, Campact und viele andere etc.", True, False),
])
def test_a_sentence_may_end_on_a_particle_or_where_nouns_are_capitalised_on_a_noun(text, nouns_capitalised, expected):
    assert looks_like_sentence(text, nouns_capitalised) is expected
