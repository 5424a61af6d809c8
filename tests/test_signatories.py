"""Signatory blocks found by their structure, each layout as a small document of our own."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timezone

import pytest

from ingest.parse import countries, parse
from ingest.parse.countries import fold
from ingest.parse.entries import Entry, names_on_one_line
from ingest.parse.formats import read_page
from ingest.parse.inline import split_inline_list
from ingest.parse.lexicon import lexicon
from ingest.parse.names import _data, _word_starts, name_likeness, on_behalf_of, person_evidence, read_person
from ingest.records import Document

LETTER = "<p>We call on the Government to release all political prisoners held for their beliefs.</p>"


def parsed(body: str, content_type: str = "text/html"):
    return parse(Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc)))


def names(statement, kind: str | None = None) -> list[str]:
    return [s.name_as_written for s in statement.signatories if kind is None or s.kind == kind]


@pytest.mark.parametrize("language, letter, organisations_label, people_label", [
    ("en", LETTER, "Organisations", "Individuals"),
    ("es", "<p>Exigimos al Gobierno la liberación de todas las personas presas por sus ideas.</p>",
     "Organizaciones firmantes", "Personas firmantes"),  # the groups' names as a Spanish page would give them
    ("de", "<p>Wir fordern die Regierung auf, alle politischen Gefangenen freizulassen.</p>",
     "Organisationen", "Einzelpersonen"),
    ("nl", "<p>Wij roepen de regering op om alle politieke gevangenen vrij te laten.</p>",
     "Organisaties", "Individuele ondertekenaars"),
    ("it", "<p>Chiediamo al Governo di liberare tutti i prigionieri politici.</p>",
     "Organizzazioni firmatarie", "Firme individuali"),
])
@pytest.mark.parametrize("layout", ["paragraphs", "inline"])
def test_a_bold_label_without_a_colon_says_what_the_entries_under_it_are(language, letter, organisations_label,
                                                                           people_label, layout):
    groups = ["Sindicato de Inquilinas de Madrid", "Colectivo Feminista de Tijuana", "Red de Mujeres del Sur",
              "Stop Desahucios Granada"] if language == "es" else \
        ["Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network", "Fossil Free London"]
    people = ["Ana María López", "Jean Dupont", "Maria Rossi", "Pieter de Vries"]
    listed = (lambda entries: "".join(f"<p>{entry}</p>" for entry in entries)) if layout == "paragraphs" else \
        (lambda entries: f"<p>{', '.join(entries)}</p>")
    statement = parsed(f"<html lang='{language}'><body>{letter}<p><strong>{organisations_label}</strong></p>"
                       f"{listed(groups)}<p><strong>{people_label}</strong></p>{listed(people)}</body></html>")
    assert names(statement, "organisation") == groups
    assert names(statement, "individual") == people


GROUPS = ["Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network", "Fossil Free London",
          "Unite Community Bristol", "Clean Air Coalition", "Friends of the Earth Scotland", "Amnesty International UK",
          "Sindicato de Inquilinas de Madrid"]


@pytest.mark.parametrize("columns", [2, 3])
def test_a_small_table_that_is_a_grid_of_names_gives_every_cell(columns):
    rows = [GROUPS[i:i + columns] for i in range(0, len(GROUPS), columns)]
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{name}</td>" for name in row) + "</tr>" for row in rows) + \
        "</table>"
    assert sorted(names(parsed(LETTER + "<h2>Signatories</h2>" + table))) == sorted(GROUPS)


def test_a_table_with_names_in_two_columns_beside_a_description_is_no_grid_of_names():
    rows = "".join(f"<tr><td>{name}</td><td>{what}</td><td>{source}</td></tr>" for name, what, source in [
        ("OpenAI", "Agents escaped their sandbox and broke into another company's production servers", "Hugging Face"),
        ("Anthropic", "A model broke into the systems of three outside organisations during a safety test", "Axios"),
        ("Meta", "An agent attacked at least one outside organisation during an evaluation", "Axios")])
    assert not {"Hugging Face", "Axios"} & set(names(parsed(LETTER + f"<table>{rows}</table>")))


def test_a_table_whose_column_repeats_a_few_types_keeps_it_as_the_type_column():
    rows = "".join(f"<tr><td>{name}</td><td>{kind}</td></tr>" for name, kind in zip(
        GROUPS[:6], ["Union", "NGO", "Union", "NGO", "Union", "NGO"], strict=True))
    assert names(parsed(LETTER + f"<h2>Signatories</h2><table>{rows}</table>")) == GROUPS[:6]


def test_a_place_on_the_line_under_each_signers_name_goes_with_it():
    cards = "".join(f"<div><p><strong>{name}</strong><br>{place}</p></div>" for name, place in zip(
        GROUPS[:4], ["Leeds", "Sheffield", "Glasgow", "London"], strict=True))
    assert names(parsed(LETTER + f"<h2>Signatories</h2>{cards}")) == [
        "Leeds Tenants Union, Leeds", "Acorn Sheffield, Sheffield", "Glasgow Refugee Network, Glasgow",
        "Fossil Free London, London"]
    grouped = "<p>Germany<br>Digitalcourage</p><p>France<br>La Quadrature du Net</p>"
    assert names(parsed(LETTER + f"<h2>Signatories</h2>{grouped}")) == ["Digitalcourage", "La Quadrature du Net"]


@pytest.mark.parametrize("language, share", [
    ("de", ["Auf Facebook teilen", "Per E-Mail teilen"]), ("es", ["Compartir en Facebook", "Compartir en Twitter"]),
    ("nl", ["Delen op Facebook", "Delen op Twitter"]), ("en", ["Share on Facebook", "Share on Twitter"]),
])
def test_sharing_links_under_a_list_of_signers_end_it(language, share):
    signers = "".join(f"<li>{name}</li>" for name in GROUPS[:4])
    links = "".join(f"<li>{link}</li>" for link in share)
    statement = parsed(f"<html lang='{language}'><body>{LETTER}<h2>Signatories</h2><ul>{signers}</ul>"
                       f"<ul>{links}</ul></body></html>")
    assert names(statement) == GROUPS[:4]


@pytest.mark.parametrize("heading", ["Individual signatories", "Einzelpersonen", "Signataires individuels"])
def test_a_heading_that_says_its_entries_are_people_makes_names_our_lists_do_not_know_people(heading):
    people = ["Tenzin Dorjee", "Lhamo Tsering", "Dolkar Lhamo", "Kunchok Tsundue", "Enghebatu Togochog"]
    entries = "".join(f"<li>{person}</li>" for person in people)
    statement = parsed(LETTER + f"<h2>{heading}</h2><ul>{entries}</ul>")
    assert names(statement, "individual") == people


@pytest.mark.parametrize("language, line", [
    ("de", "Die unterzeichnenden Organisationen fordern: Mietenstopp, Räumungsmoratorium, Sozialwohnungen für alle und "
           "Beratung für Mieterinnen."),
    ("en", "We, the undersigned organisations, demand: An End to Evictions, A Rent Freeze and More Social Housing."),
    ("en", "We, the undersigned organisations, demand: An End to Evictions; A Rent Freeze; More Social Housing; A "
           "Winter Eviction Ban; Protection for Families; Independent Advice; More Staff; Transparency in Sales; A "
           "Right of First Refusal."),  # as many as a wall of text's signers parted by semicolons
])
def test_what_the_signers_ask_for_after_a_colon_names_no_signers(language, line):
    groups = "".join(f"<p>{name}</p>" for name in GROUPS[:4])
    statement = parsed(f"<html lang='{language}'><body><p>The city plans to evict two hundred families.</p>"
                       f"<p>{line}</p>{groups}</body></html>")
    assert names(statement) == GROUPS[:4]
    if language == "de":  # its nouns capitalised as German writes them; English title case reads as names, no ask
        assert [demand.text for demand in statement.demands] == [line]


def test_a_statement_that_just_ends_with_a_run_of_names():
    statement = parsed(LETTER + "<p>Alpha Network</p><p>Beta Coalition for Justice</p><p>Gamma Foundation</p>"
                                "<p>Delta Rights Watch</p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation",
                                "Delta Rights Watch"]


def test_a_paragraph_between_the_lead_in_and_the_list():
    statement = parsed(LETTER + "<p>Signed by 3 organisations:</p><p>(in alphabetical order)</p>"
                                "<ul><li>Alpha Network</li><li>Beta Coalition</li><li>Gamma Foundation</li></ul>")
    assert names(statement) == ["Alpha Network", "Beta Coalition", "Gamma Foundation"]
    assert statement.stated_signatory_count == 3


@pytest.mark.parametrize("language, ask, label", [
    ("en", LETTER, "Co-signers:"),
    ("en", LETTER, "Cosignatories:"),
    ("en", LETTER, "These groups signed on to the letter:"),
    ("es", "<p>Exigimos al Gobierno que libere a todos los presos políticos.</p>", "Cofirmantes:"),
    ("fr", "<p>Nous demandons au gouvernement de libérer tous les prisonniers politiques.</p>", "Cosignataires :"),
    ("pt", "<p>Exigimos que o Governo liberte todos os presos políticos.</p>", "Cossignatários:"),
])
def test_two_names_after_a_label_that_says_they_cosign(language, ask, label):
    page = f"<html lang='{language}'><body>{ask}<p>{label} Alpha Network, Beta Coalition.</p></body></html>"
    statement = parsed(page)
    assert names(statement) == ["Alpha Network", "Beta Coalition"]


@pytest.mark.parametrize("label", ["Signatories:", "<strong>Signed by:</strong>"])
def test_the_first_name_on_the_line_of_the_label_over_a_run_of_names(label):
    statement = parsed(LETTER + f"<p>{label} Alpha Network<br>Beta Coalition for Justice<br>Gamma Foundation<br>"
                                "Delta Rights Watch</p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation",
                                "Delta Rights Watch"]


def test_a_signing_line_that_names_its_signers_gives_them_once():
    statement = parsed(LETTER + "<p><strong>Signed: Alpha Network and Beta Coalition for Justice</strong></p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice"]


def test_a_list_of_demands_after_an_ask_is_not_a_list_of_signatories():
    statement = parsed("<p>We call on the Commission to:</p><ul><li>Ensure that the regulation is aligned with "
                       "rights</li><li>Refrain from forcing companies to scan messages</li><li>Protect "
                       "encryption for everyone</li></ul><p>Signed,</p><ul><li>Blacknight Solutions (Ireland)</li>"
                       "<li>Element (United Kingdom)</li><li>Nextcloud (Germany)</li></ul>")
    assert names(statement) == ["Blacknight Solutions (Ireland)", "Element (United Kingdom)", "Nextcloud (Germany)"]
    assert [s.country for s in statement.signatories] == ["IE", "GB", "DE"]


def test_labels_inside_a_list_and_a_label_with_its_names_on_one_line():
    statement = parsed(LETTER + "<p>Signatories:</p><p>Europe:</p><ul><li>Alpha Network</li><li>Beta Coalition</li>"
                                "</ul><p>Supporters: Mondo senza guerre, Partito Umanista and Rete Lilliput "
                                "(Vicenza)</p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition", "Mondo senza guerre", "Partito Umanista",
                                "Rete Lilliput (Vicenza)"]



@pytest.mark.parametrize("label", ["<h3>{}</h3>", "<p><strong>{}</strong></p>", "<p>{}</p>"])
def test_groups_under_labels_of_one_kind_are_one_list_however_few_names_each_holds(label):
    groups = {"United Kingdom": ["Liberty", "Open Rights Group", "Privacy International"],
              "Germany": ["Digitalcourage"], "Brazil": ["Coding Rights", "Intervozes"], "Kenya": ["KICTANet"],
              "India": ["Internet Freedom Foundation"]}
    entries = "<ul>{}</ul>" if label.startswith("<h") else "{}"  # names as paragraphs, like bold or plain labels
    item = "<li>{}</li>" if label.startswith("<h") else "<p>{}</p>"
    listed = "".join(label.format(country) + entries.format("".join(item.format(name) for name in group))
                     for country, group in groups.items())
    statement = parsed(LETTER + "<h2>Signatories</h2>" + listed)
    assert [(s.name, s.country) for s in statement.signatories] == [
        ("Liberty", "GB"), ("Open Rights Group", "GB"), ("Privacy International", "GB"), ("Digitalcourage", "DE"),
        ("Coding Rights", "BR"), ("Intervozes", "BR"), ("KICTANet", "KE"), ("Internet Freedom Foundation", "IN")]

def test_a_table_without_a_header_skips_running_numbers_and_reads_countries():
    rows = "".join(f"<tr><td>{n}</td><td>{name}</td><td>{country}</td></tr>" for n, name, country in [
        (1, "Alpha Network", "France"), (2, "Beta Coalition", "Germany"), (3, "Gamma Foundation", "Spain"),
        (4, "Delta Rights Watch", "Italy")])
    statement = parsed(LETTER + f"<p>Signatories</p><table>{rows}</table>")
    assert names(statement) == ["Alpha Network", "Beta Coalition", "Gamma Foundation", "Delta Rights Watch"]
    assert [s.country for s in statement.signatories] == ["FR", "DE", "ES", "IT"]


def test_people_with_roles_and_affiliations_are_individuals():
    statement = parsed(LETTER + "<p>Yours sincerely,</p><p>The signatories,</p><p>Pieter Hintjens, President of FFII"
                                "<br>David Ramsden, Chairman of PCG UK<br>Maria Lopez, professor at the University "
                                "of Barcelona<br>For any questions regarding this letter, please contact us.</p>")
    people = [s for s in statement.signatories]
    assert [(p.kind, p.name, p.affiliation) for p in people] == [
        ("individual", "Pieter Hintjens", "FFII"), ("individual", "David Ramsden", "PCG UK"),
        ("individual", "Maria Lopez", "University of Barcelona")]
    assert people[0].role == "President of FFII"


def test_a_list_of_people_keeps_its_odd_entries_people_and_names_its_organisations():
    entries = ["BEAUFILS Bruno, enseignant-chercheur, Université de Lille", "Adam Bradley (@adamdbradley), mainteneur",
               "MummyDing (@MummyDing), développeur Android", "Clara Martin, développeuse", "Julien Petit, Mozilla",
               "Sophie Binet et Marie Dupont, cosecrétaires générales", "Amnesty International France"]
    statement = parsed("<p>Nous demandons au gouvernement de retirer la plainte déposée contre les étudiants et de "
                       "renoncer à toute procédure disciplinaire.</p><p>Signataires :</p><ul>"
                       + "".join(f"<li>{e}</li>" for e in entries) + "</ul>")
    assert statement.language == "fr"
    assert names(statement, "organisation") == ["Amnesty International France"]
    assert len(names(statement, "individual")) == 7


def test_an_organisation_list_keeps_its_two_word_names_organisations():
    groups = ["Media Justice", "Secure Justice", "Demand Progress", "Oakland Privacy", "Urban Librarians Unite",
              "Breda Solidair", "Color of Change"]
    statement = parsed(LETTER + "<p>Signed by:</p><ul>" + "".join(f"<li>{g}</li>" for g in groups) + "</ul>")
    assert names(statement, "organisation") == groups


def test_people_in_a_list_of_organisations_are_kept_people_however_long_their_role():
    groups = ["ABJD - Associação Brasileira de Juristas pela Democracia", "Brasil de Fato",
              "Levante Popular da Juventude", "Marcha Mundial das Mulheres",
              "MST - Movimento dos Trabalhadores Rurais Sem Terra", "UNE - União Nacional dos Estudantes",
              "CUT - Central Única dos Trabalhadores", "Consulta Popular"]
    people = ["Mônica Valente, secretária executiva do Foro de São Paulo e secretária de relações internacionais "
              "do PT",
              "Anisio Pires Rodríguez", "Nereide Saviani, diretora de formação da Fundação Maurício Grabois"]
    entries = [people[0], *groups[:4], people[1], *groups[4:], people[2]]
    statement = parsed("<p>Repudiamos todas as sanções econômicas aplicadas à Venezuela.</p><p>Assinam:</p>"
                       + "".join(f"<p>{number}. {entry}</p>" for number, entry in enumerate(entries, start=1)))
    assert names(statement, "individual") == people
    assert names(statement, "organisation") == groups


@pytest.mark.parametrize("line, expected", [
    ("These five key areas are: Our Ocean, Our Islands, Our Connection with Nature, Implementation and Call to "
     "Action.", []),
    ("The signatories are: Amnesty International, Human Rights Watch and Article 19.",
     ["Amnesty International", "Human Rights Watch", "Article 19"]),
    ("Signatories: Amnesty International, Greenpeace e.V. and Oxfam Ltd.",
     ["Amnesty International", "Greenpeace e.V.", "Oxfam Ltd."]),
])
def test_a_sentence_that_enumerates_things_before_its_colon_names_no_signers_and_ends_no_name(line, expected):
    assert names(parsed(f"{LETTER}<p>{line}</p>")) == expected


def test_an_embedded_post_quoted_after_the_signers_is_none_of_them_nor_the_statements_text():
    tweet = ('<blockquote class="twitter-tweet"><p lang="ca">PROU IMPUNITAT DIRECCIONS. @educaciocat encobreix casos '
             "d'assetjament laboral.</p>&mdash; Ustec-stes (@ustec) <a href=\"#\">December 3, 2019</a></blockquote>")
    statement = parsed(f"{LETTER}<p>Signed by:</p><ul><li>Ustec-stes</li><li>CCOO</li><li>CGT</li></ul>{tweet}")
    assert names(statement) == ["Ustec-stes", "CCOO", "CGT"]
    assert "IMPUNITAT" not in statement.text and "December 3, 2019" not in statement.text


@pytest.mark.parametrize("line, expected", [
    ("#AixequemLaCatifa<br>Junta de Personal del Baix Llobregat. Ustec-stes, CCOO, CGT, Intersindical-CSC, Fesp-UGT, "
     "ANPE",
     ["Ustec-stes", "CCOO", "CGT", "Intersindical-CSC", "Fesp-UGT", "ANPE"]),
    ("St. Mary's Church, Friends of the Earth, Oxfam, Greenpeace, Amnesty International",
     ["St. Mary's Church", "Friends of the Earth", "Oxfam", "Greenpeace", "Amnesty International"]),
])
def test_a_sentence_before_a_line_of_names_is_none_of_them(line, expected):
    opening = "<p>Els sindicats sotasignants exigim la retirada immediata de la resolució del Departament.</p>"
    assert names(parsed(f"{opening}<p>{line}</p>")) == expected


GERMAN_GROUPS = ["Frauen helfen Frauen e.V.", "Bündnis Grundeinkommen", "Mehr Demokratie", "Attac Deutschland",
                 "Seebrücke Hamburg", "Omas gegen Rechts", "Pro Asyl", "Flüchtlingsrat Berlin", "Volkssolidarität",
                 "Sozialverband VdK", "Diakonie Deutschland", "Paritätischer Gesamtverband"]


@pytest.mark.parametrize("ask, expected", [
    ("Wir fordern die Bundesregierung auf, das Gesetz zurückzuziehen.", GERMAN_GROUPS),
    ("Wir fordern die Bundesregierung auf, folgende Schritte zu unternehmen.", []),  # points to what it asks
])
def test_a_list_of_names_after_an_ask_that_ended_its_sentence(ask, expected):
    opening = "<p>Wir, die unterzeichnenden Organisationen, sind besorgt über das neue Versammlungsgesetz.</p>"
    items = "".join(f"<li>{name}</li>" for name in GERMAN_GROUPS)
    assert names(parsed(f"<html lang='de'><body>{opening}<p>{ask}</p><ul>{items}</ul></body></html>")) == expected


def test_organisations_after_the_people_of_one_list_are_organisations():
    people = [f"{given} {family} - {role} (Italia)" for given, family, role in (
        ("Giorgia", "Villa", "montatrice"), ("Claudio", "Casazza", "regista"), ("Valentina", "Pellitteri", "filmmaker"),
        ("Beppe", "Leonetti", "montatore"), ("Francesca", "Polici", "ufficio stampa"), ("Patrizia", "Roletti",
        "produttrice"), ("Armando", "Andria", "produttore"), ("Alessandro", "Aniballi", "critico"),
        ("Silvia", "Scaglione", "attrice"), ("Rossana", "Casalegno", "insegnante"), ("Marco", "Bellini", "regista"),
        ("Giulia", "Ferri", "attrice"), ("Luca", "Moretti", "montatore"), ("Paola", "Conti", "produttrice"),
        ("Davide", "Greco", "critico"), ("Elena", "Rinaldi", "sceneggiatrice"), ("Matteo", "Gallo", "fotografo"),
        ("Sara", "Fontana", "attrice"), ("Andrea", "Costa", "musicista"), ("Chiara", "Marino", "docente"))]
    unknown_names_with_roles = [  # given names our lists lack, and a role with no comma before it
        "Martí Boada Juncà Professor i investigador, Dept. Geografia i ICTA-UAB",
        "Meritxell Batalla Mercadé Ambientòlogia i Tècnica del CREAF",
        "Meritxell Martínez Bellafont Directora de l'entitat La Xixa",
        "Mercè Otero i Vidal Professora jubilada i activista feminista Ca la Dona",
        "Miquel Carrillo Ponce President de la Federació d'Enginyeria Sense Fronteres"]
    groups = ["#siamoaititolidicoda", "Agorà", "Amleta", "BDS Italia", "Artisti #NoBavaglio", "Diari di cineclub",
              "Patria e Costituzione", "Postmodernissimo Perugia", "Ubulibri", "Voci per la Palestina"]
    signers = people + unknown_names_with_roles
    statement = parsed(f"{LETTER}<p>Signed by:</p><p>{'<br>'.join(signers + groups)}</p>")
    assert names(statement, "organisation") == groups
    assert len(names(statement, "individual")) == len(signers)


def test_names_our_lists_lack_in_a_list_of_people_stay_people():
    people = ["Giorgia Villa", "Claudio Casazza", "Valentina Pellitteri", "Beppe Leonetti", "Francesca Polici",
              "Patrizia Roletti", "Armando Andria", "Alessandro Aniballi", "Silvia Scaglione", "Rossana Casalegno"]
    unknown = ["Azza Hararah", "Bartlomiej Wronski", "Sherif Abdelwahab", "Abdigani Diriye", "Amine Jadid",
               "Haider Najeeb"]  # each may be an organisation's name by its shape, none surely is
    statement = parsed(f"{LETTER}<p>Signed by:</p><p>{'<br>'.join(people[:5] + unknown + people[5:])}</p>")
    assert names(statement, "organisation") == []


def test_union_leaders_under_an_organisations_label_are_people_initials_and_all():
    groups = ["Alliance for Minorities", "Law and Society Trust (LST)", "Women’s Action Network (WAN)",
              "Movement for Land and Agrarian Reform (MONLAR)"]
    people = ["A.M.S.D. Perera - President, All Ceylon Telecommunication Employees Union",
              "Amila Sandaruwan - Joint Teachers Service Union",
              "D.G.N.U.K. Jayarathna - Joint Railway Employees Union",
              "Dammika Munasinghe - Joint Development Officers Centre", "Devinda Kodagoda - Private Workers Centre",
              "Joseph Stalin - General Secretary, Ceylon Teachers’ Union (CTU)"]
    lines = "".join(f"<p>{number}..{entry}</p>" for number, entry in enumerate(groups + people, start=105))
    statement = parsed(f"{LETTER}<p>Signed by:</p><p>Organisations/Movements</p>{lines}")
    assert names(statement, "organisation") == groups
    assert names(statement, "individual") == people


@pytest.mark.parametrize("body, expected", [
    ("<h1>Joint Statement of Grüne Jugend and Jusos</h1><p>We demand that the first reading be passed.</p>",
     ["Grüne Jugend", "Jusos"]),
    ("<p>Deux ans après la convocation des inspecteurs au siège de Microsoft, l'April, Framasoft, le CNLL et "
     "l'Aful s'étonnent d'une nouvelle entorse à la neutralité scolaire et à la mission de service public.</p>"
     "<p>Nous demandons un véritable enseignement de l'informatique dans les écoles.</p>",
     ["April", "Framasoft", "CNLL", "Aful"]),
    ("<p>Die unterzeichnenden Organisationen (Brot für die Welt, BUND, DEEPWAVE, Deutsche Umwelthilfe, "
     "Greenpeace, NABU, fair oceans) wenden sich an die Bundesregierung.</p>",
     ["Brot für die Welt", "BUND", "DEEPWAVE", "Deutsche Umwelthilfe", "Greenpeace", "NABU", "fair oceans"]),
    ("<p>Les associations La Quadrature du Net, Framasoft, April et Attac France demandent au gouvernement de "
     "retirer le projet de loi.</p><p>Le projet menace les libertés de tous les citoyens.</p>",
     ["La Quadrature du Net", "Framasoft", "April", "Attac France"]),
    ("<h1>Comunicat conjunt dels grups municipals de Crida Premià de Dalt i ERC-AM en relació amb el contracte "
     "amb Desokupa</h1><p>Exigim la rescissió immediata del contracte amb aquesta empresa.</p>",
     ["Crida Premià de Dalt", "ERC-AM"]),
    ("<p>Per tots aquests motius, els grups municipals de Crida Premià de Dalt i Esquerra Republicana exigim la "
     "dimissió de l’alcalde.</p>", ["Crida Premià de Dalt", "Esquerra Republicana"]),
    ("<h1>Gemeinsame Presseerklärung der CDU Walzbachtal und der Bürgerinitiative Pro Jöhlingen e. V.</h1>"
     "<p>Wir fordern eine Erhöhung der Taktfrequenz der Linie S4.</p>",
     ["CDU Walzbachtal", "Bürgerinitiative Pro Jöhlingen e. V."]),
    ("<p>Der Lungenverband e.V. und die Deutsche Lungenstiftung e.V. fordern die Bundesregierung auf, den Plan "
     "umzusetzen.</p><p>Wir fordern einen nationalen Präventionsplan.</p>",
     ["Der Lungenverband e.V.", "Deutsche Lungenstiftung e.V."]),  # the legal form, in lower case, ends the name
])
def test_signers_named_only_in_a_heading_or_the_opening(body, expected):
    assert names(parsed(body)) == expected


def test_an_and_before_a_legal_form_is_inside_a_name_not_between_two():
    statement = parsed("<p>Die Gesellschaft für Pneumologie und Beatmungsmedizin e.V. und die Deutsche Lungenstiftung "
                       "e.V. fordern die Bundesregierung auf, den Plan umzusetzen.</p><p>Wir fordern einen nationalen "
                       "Präventionsplan.</p>")
    assert not {"Beatmungsmedizin", "Beatmungsmedizin e.V.", "Die Gesellschaft für Pneumologie"} & set(names(statement))


def test_a_word_spelled_like_a_legal_form_is_no_part_of_a_name_in_running_text():
    statement = parsed("<p>Oxfam and Amnesty as partners call on the Government to withdraw the bill.</p>"
                       "<p>We demand that the bill be withdrawn.</p>")
    assert "Amnesty as" not in names(statement)


@pytest.mark.parametrize("body", [
    "<p>Neben unserem Ziel, themenspezifische Bildungsangebote mit Hilfe der Organisation von Vorträgen, "
    "Wissenssammlungen und Veranstaltungen bereitzustellen, hat sich die Gruppe auch zur Förderung freier Software "
    "ausgesprochen.</p>",
    "<p>Wir danken der Unterstützung von Oxfam, Amnesty International und Greenpeace bei der Kampagne.</p>",
    "<p>Kommt am Samstag vor das Rathaus! Bringt Transparente, Freundinnen und Familie mit.</p>",  # a verb's particle
])
def test_an_enumeration_that_began_as_a_prepositions_object_is_no_subject(body):
    assert names(parsed(body + "<p>Wir fordern die Universität auf, freie Software zu nutzen.</p>")) == []


@pytest.mark.parametrize("linked", ["Omas gegen Rechts Berlin", "Coordinadora contra la Represión"])
def test_a_name_joined_by_a_long_preposition_keeps_its_enumeration_in_running_text(linked):
    signers = ["Sindicato de Inquilinas de Madrid", "Leeds Tenants Union", "Friends of the Earth Scotland", linked,
               "Extinction Rebellion Bristol", "Bündnis Klimaneustart", "Attac Österreich", "Seebrücke Hamburg"]
    body = ("<p>We call on the council to stop all evictions.</p>"
            f"<p>This letter was signed by {', '.join(signers[:-1])} and {signers[-1]}.</p>")
    assert names(parsed(body)) == signers


def test_a_closing_line_with_the_signature_of_the_groups_names_them():
    signers = ["Sindicato de Inquilinas de Madrid", "Colectivo Feminista de Tijuana", "Red de Mujeres del Sur",
               "Stop Desahucios Granada"]
    body = ("<p>El Ayuntamiento ha anunciado un plan para desalojar a doscientas familias este invierno.</p>"
            "<p>Exigimos al Ayuntamiento la retirada inmediata del plan de desalojos.</p>"
            f"<p>Con la firma de {', '.join(signers[:-1])} y {signers[-1]}.</p>")
    assert names(parsed(body)) == signers


def test_a_name_with_words_that_join_its_parts_is_the_subject_of_an_ask_after_it():
    body = ("<p>Alpha Network, Beta Coalition and Friends of the Earth Scotland call on the council to stop all "
            "evictions.</p><p>The council has evicted forty families since January.</p>")
    assert names(parsed(body)) == ["Alpha Network", "Beta Coalition", "Friends of the Earth Scotland"]
    told = ("<p>Alpha Network and Beta Coalition of the Western Region marched through the city on Monday.</p>"
            "<p>We call on the council to stop all evictions.</p>")
    assert names(parsed(told)) == []


LOCAL_GROUPS = ["Sindicato de Inquilinas de Madrid", "Colectivo Feminista de Tijuana", "Red de Mujeres del Sur",
                "Stop Desahucios Granada", "Asamblea Vecinal de Tetuán", "Ecologistas en Acción Cádiz",
                "Coordinadora de Barrios", "Plataforma Salvemos el Cabanyal"]
ENUMERATED = f"{', '.join(LOCAL_GROUPS[:-1])} y {LOCAL_GROUPS[-1]}"


@pytest.mark.parametrize("sentence", [
    f"Las organizaciones abajo firmantes, {ENUMERATED}, exigimos al Ayuntamiento la retirada del plan de desalojos.",
    f"Nosotras, {ENUMERATED}, exigimos al Ayuntamiento la retirada del plan de desalojos.",
    f"{ENUMERATED} manifestamos nuestro rechazo al plan de desalojos y exigimos su retirada.",
    f"Desde {ENUMERATED} exigimos al Ayuntamiento la retirada del plan de desalojos.",
])
def test_an_enumeration_in_a_sentence_gives_the_names_without_the_words_around_them(sentence):
    for count in (3, 8):
        groups = LOCAL_GROUPS[:count - 1] + LOCAL_GROUPS[-1:]
        text = sentence.replace(ENUMERATED, f"{', '.join(groups[:-1])} y {groups[-1]}")
        body = ("<p>El Ayuntamiento ha anunciado un plan para desalojar a doscientas familias del barrio este "
                f"invierno.</p><p>{text}</p>")
        assert names(parsed(f"<html lang='es'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize("sentence", [
    "Die Initiativen {} fordern die Rücknahme des Räumungsplans.",
    "{} fordern die Stadt auf, den Räumungsplan zurückzunehmen.",
])
def test_a_long_enumeration_before_its_verb_ends_at_the_last_name(sentence):
    groups = ["Bündnis Klimaneustart", "Attac Österreich", "Seebrücke Hamburg", "Omas gegen Rechts Berlin",
              "Mieterverein Leipzig", "BUND Kreisgruppe Freiburg", "Fridays for Future Köln",
              "Initiative Rad Entscheid Bonn"]
    for count in (5, 8):
        listed = f"{', '.join(groups[:count - 1])} und {groups[count - 1]}"
        body = ("<p>Die Stadt hat angekündigt, zweihundert Familien in diesem Winter aus dem Viertel zu räumen.</p>"
                f"<p>{sentence.format(listed)}</p>")
        assert names(parsed(f"<html lang='de'><body>{body}</body></html>")) == groups[:count]


def test_an_enumeration_a_coalition_is_made_of_ends_at_its_last_name_before_a_singular_verb():
    groups = ["Bündnis Klimaneustart", "Attac Österreich", "Seebrücke Hamburg", "Omas gegen Rechts Berlin",
              "Mieterverein Leipzig"]
    body = ("<p>Die Stadt hat angekündigt, zweihundert Familien in diesem Winter aus dem Viertel zu räumen.</p>"
            f"<p>Das Bündnis aus {', '.join(groups[:-1])} und {groups[-1]} fordert die Rücknahme des Plans.</p>")
    assert names(parsed(f"<html lang='de'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize("language, intro, sentence, groups", [
    ("en", "The city will evict two hundred families this winter.",
     "The coalition of {} and {} calls on the city council to withdraw the eviction plan.",
     ["Leeds Tenants Union", "Acorn Sheffield", "Glasgow Refugee Network"]),
    ("fr", "La mairie veut expulser deux cents familles cet hiver.",
     "La coalition de {} et {} demande à la mairie de retirer le plan d'expulsions.",
     ["Droit au Logement Paris", "Attac Rennes", "Collectif Vélo Lyon"]),
    ("es", "El Ayuntamiento quiere desalojar a doscientas familias este invierno.",
     "La coalición de {} y {} pide al Ayuntamiento que retire el plan de desalojos.",
     ["Sindicato de Inquilinas de Madrid", "Stop Desahucios Granada", "Asamblea Vecinal de Tetuán"]),
    ("fr", "La mairie veut expulser deux cents familles cet hiver.",  # who called for it, not a coalition
     "À l'appel de {} et {}, nous demandons à la mairie de retirer le plan d'expulsions.",
     ["Droit au Logement Paris", "Attac Rennes", "Collectif Vélo Lyon"]),
])
def test_the_first_member_a_coalition_is_named_of_is_a_signer_without_the_words_for_the_coalition(
        language, intro, sentence, groups):
    body = f"<p>{intro}</p><p>{sentence.format(', '.join(groups[:-1]), groups[-1])}</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize("language, sentence, last", [
    ("es", "{} manifestamos nuestro rechazo al plan de desalojos.", "Red de Mujeres del Sur"),  # first person plural
    ("fr", "{} demandent à la mairie de retirer le plan d'expulsions.", "Association Droit au Logement Paris"),  # "au"
])
def test_the_last_name_of_a_subject_keeps_the_words_that_join_its_parts(language, sentence, last):
    groups = {"es": ["Sindicato de Inquilinas de Madrid", "Colectivo Feminista de Tijuana"],
              "fr": ["Collectif Vélo Lyon", "Attac Rennes"]}[language] + [last]
    listed = f"{groups[0]}, {groups[1]} {CONJUNCTIONS[language]} {last}"
    opening = {"es": "El plan se anunció ayer.", "fr": "Le plan a été annoncé hier."}[language]
    body = f"<p>{opening}</p><p>{sentence.format(listed)}</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == groups


CONJUNCTIONS = {"es": "y", "fr": "et"}

VERB_SECOND_GROUPS = {"de": ["Bündnis Klimaneustart", "Attac Österreich", "Seebrücke Hamburg",
                             "Omas gegen Rechts Berlin", "Bund der Steuerzahler Berlin"],
                      "nl": ["Milieudefensie Utrecht", "Vereniging Huurders Amsterdam", "Vluchtelingenwerk Oost"]}


@pytest.mark.parametrize("language, sentence, count", [
    ("de", "Gemeinsam fordern {} die Rücknahme des Räumungsplans.", 3),
    ("de", "Gemeinsam fordern {} die Rücknahme des Räumungsplans.", 5),
    ("de", "Heute fordern {} die Stadt auf, den Räumungsplan zurückzunehmen.", 5),
    ("nl", "Vandaag roepen {} de gemeente op om het plan in te trekken.", 3),
])
def test_names_after_the_verb_that_stands_second_are_its_subject(language, sentence, count):
    groups = VERB_SECOND_GROUPS[language][:count]
    listed = ", ".join(groups[:-1]) + {"de": " und ", "nl": " en "}[language] + groups[-1]
    opening = {"de": "Die Stadt will Familien räumen.", "nl": "De gemeente wil gezinnen uitzetten."}[language]
    body = f"<p>{opening}</p><p>{sentence.format(listed)}</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == groups


def test_a_name_with_words_that_join_its_parts_is_the_subject_of_an_ask_after_an_auxiliary():
    body = ("<p>Leeds Tenants Union, Acorn Sheffield and Clean Air Coalition of Manchester are calling on the city "
            "council to withdraw the eviction plan.</p><p>The council has evicted forty families since January.</p>")
    assert names(parsed(body)) == ["Leeds Tenants Union", "Acorn Sheffield", "Clean Air Coalition of Manchester"]


def test_a_name_in_brackets_may_go_on_in_lower_case_after_a_word_that_joins_it():
    groups = ["Collectif Vélo Lyon", "Attac Rennes", "Alternatiba Grenoble", "Réseau Sortir du nucléaire",
              "Greenpeace Bordeaux"]
    body = ("<p>La mairie a annoncé un plan pour expulser deux cents familles du quartier cet hiver.</p>"
            f"<p>Les organisations signataires ({', '.join(groups[:-1])} et {groups[-1]}) demandent à la mairie de "
            "retirer le plan d'expulsions.</p>")
    assert names(parsed(f"<html lang='fr'><body>{body}</body></html>")) == groups


def test_a_name_whose_lower_case_words_follow_an_organisation_word_stands_in_an_enumeration():
    groups = ["Collectif Vélo Lyon", "Attac Rennes", "Ligue des droits de l'Homme Toulouse",
              "Association Droit au Logement Paris"]
    body = ("<p>La mairie a annoncé un plan pour expulser deux cents familles du quartier cet hiver.</p>"
            f"<p>{', '.join(groups[:-1])} et {groups[-1]} demandent à la mairie de retirer le plan d'expulsions.</p>")
    assert names(parsed(f"<html lang='fr'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "Today {} call on the city council to withdraw the eviction plan."),
    ("es", "Hoy {} exigimos al Ayuntamiento la retirada del plan de desalojos."),
])
def test_an_adverb_before_the_enumeration_is_no_part_of_its_first_name(language, sentence):
    groups = {"en": ["Leeds Tenants Union", "Acorn Sheffield", "Clean Air Coalition of Manchester"],
              "es": LOCAL_GROUPS[:3]}[language]
    conjunction = {"en": "and", "es": "y"}[language]
    text = sentence.format(f"{', '.join(groups[:-1])} {conjunction} {groups[-1]}")
    opening = {"en": "The city plans to evict two hundred families this winter.",
               "es": "El Ayuntamiento ha anunciado un plan para desalojar a doscientas familias del barrio."}[language]
    body = f"<p>{opening}</p><p>{text}</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == groups


def test_a_heading_that_joins_two_nouns_before_a_genitive_names_no_signers():
    body = ("<h2>Inhalt und Formate der Konferenz</h2><p>Es gab verschiedene Formate und Zugänge.</p>"
            "<p>Wir fordern die Universität auf, freie Software zu nutzen.</p>")
    assert names(parsed(f"<html lang='de'><body>{body}</body></html>")) == []


SPANISH_LETTER = ("<h1>No a los desalojos</h1><p>El Ayuntamiento ha anunciado un plan para desalojar a doscientas "
                  "familias del barrio. Exigimos al Ayuntamiento la retirada inmediata del plan de desalojos.</p>")


@pytest.mark.parametrize("layout", ["<p>Firman: {}</p>", "<p>Organizaciones firmantes:</p><p>{}</p>", "<p>{}</p>"])
def test_names_each_closed_by_a_full_stop_in_one_paragraph(layout):
    groups = LOCAL_GROUPS[:5]
    body = SPANISH_LETTER + layout.format(". ".join(groups) + ".")
    assert names(parsed(f"<html lang='es'><body>{body}</body></html>")) == groups


def test_names_parted_by_semicolons_one_per_item_lose_them_and_the_last_ones_full_stop():
    groups = LOCAL_GROUPS[:5]
    items = "".join(f"<li>{name};</li>" for name in groups[:-1]) + f"<li>{groups[-1]}.</li>"
    body = SPANISH_LETTER + f"<p>Organizaciones firmantes:</p><ul>{items}</ul>"
    assert names(parsed(f"<html lang='es'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize("language, slogans", [("es", "Vivienda. Trabajo. Educación. Salud."),
                                               ("de", "Wohnen. Arbeit. Bildung. Gesundheit.")])
def test_single_words_each_closed_by_a_full_stop_are_slogans_not_names(language, slogans):
    body = SPANISH_LETTER + f"<p>{slogans}</p><p>El plan dejaría sin hogar a doscientas familias este invierno.</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == []


ITALIAN_GROUPS = ["ARCI Milano", "Emergency - Roma", "Legambiente Lazio",
                  "Coordinamento Nazionale delle Comunità di Accoglienza e dei Centri Sociali del Lazio Meridionale",
                  "Libera - Roma", "Rete della Conoscenza"]


@pytest.mark.parametrize("lead", ["Primi firmatari (in ordine alfabetico) ", "Hanno firmato: ", ""])
def test_names_parted_by_slashes_some_with_a_dash_of_their_own_and_a_bracketed_label_before(lead):
    body = ("<h1>Fermare gli sgomberi</h1><p>Il Comune ha annunciato lo sgombero di duecento famiglie. Chiediamo al "
            f"Comune di ritirare il piano di sgombero.</p><p>{lead}{' / '.join(ITALIAN_GROUPS)}</p>")
    assert names(parsed(f"<html lang='it'><body>{body}</body></html>")) == ITALIAN_GROUPS


WALL_ENTRIES = ["Sindicato de Inquilinas de Madrid, España", "Colectivo Feminista de Tijuana, Baja California, México",
                "Red de Mujeres del Sur, Argentina", "Stop Desahucios Granada", "Asamblea Vecinal de Tetuán, Madrid",
                "Ecologistas en Acción Cádiz",
                "Centro de Derechos Humanos Miguel Agustín Pro Juárez de la Ciudad de México y Centroamérica",
                "Coordinadora de Barrios, Madrid, España",
                "Centro de Derechos Humanos Fray Francisco de Vitoria O.P. A.C.", "Plataforma Salvemos el Cabanyal"]
WALL_TEXT = ("El Ayuntamiento ha anunciado un plan para desalojar a doscientas familias del barrio este invierno. Las "
             "familias llevan años viviendo en el barrio. Exigimos al Ayuntamiento la retirada inmediata del plan.")


@pytest.mark.parametrize("content_type", ["text/html", "text/plain"])
def test_a_wall_of_text_that_lists_its_signers_as_sentences(content_type):
    wall = (f"{WALL_TEXT} Firman las siguientes organizaciones: {'. '.join(WALL_ENTRIES).removesuffix('.')}. Para "
            "adhesiones escribir a contacto@ejemplo.org. Madrid, 3 de marzo de 2021.")
    page = f"<html lang='es'><body><h1>No a los desalojos</h1><p>{wall}</p></body></html>" \
        if content_type == "text/html" else f"No a los desalojos\n\n{wall}\n"
    statement = parsed(page, content_type)
    assert names(statement) == WALL_ENTRIES
    assert [demand.text for demand in statement.demands] == ["Exigimos al Ayuntamiento la retirada inmediata del plan."]


def test_a_wall_of_text_with_a_run_of_organisations_and_then_one_of_people():
    people = ["María López, periodista", "Juan Pérez, abogado", "Ana García, profesora", "Luis Martínez, médico",
              "Carmen Ruiz, investigadora", "José Fernández, sindicalista", "Laura Sánchez, activista",
              "Pedro Gómez, escritor"]
    wall = (f"{WALL_TEXT} Organizaciones firmantes: {'. '.join(WALL_ENTRIES).removesuffix('.')}. Personas firmantes: "
            f"{'. '.join(people)}. Madrid, 3 de marzo de 2021.")
    statement = parsed(f"<html lang='es'><body><h1>No a los desalojos</h1><p>{wall}</p></body></html>")
    assert names(statement, "organisation") == WALL_ENTRIES
    assert names(statement, "individual") == people


@pytest.mark.parametrize("lead", ["Organizaciones firmantes: ", "Lo suscriben las organizaciones firmantes. ",
                                  "Firman las siguientes organizaciones: "])
def test_a_wall_of_text_that_parts_its_signers_by_semicolons_after_saying_they_sign(lead):
    wall = (f"{WALL_TEXT} {lead}{'; '.join(WALL_ENTRIES)}. Para adhesiones escribir a contacto@ejemplo.org. Madrid, 3 "
            "de marzo de 2021.")
    assert names(parsed(f"<html lang='es'><body><h1>No a los desalojos</h1><p>{wall}</p></body></html>")) == \
        WALL_ENTRIES


def test_names_a_report_parts_by_semicolons_in_a_wall_of_text_are_no_signers():
    artists = ["Danilo Amerio", "Manuel Aspidi", "Vincenzo Capua", "Claudio Carlucci", "Marco Catania", "Mimmo Cavallo",
               "Mariella Nava", "Renzo Rubino", "Elisabetta Russo"]
    wall = ("La manifestazione si aprirà con un corteo e si chiuderà con un concerto in piazza del Popolo. Sul palco "
            f"si esibiranno: {'; '.join(artists)}. La sindaca ha annunciato nuovi servizi per le persone disabili.")
    assert [block.kind for block in read_page(f"<h1>Disability Pride</h1><p>{wall}</p>", "text/html").blocks] == \
        ["heading", "paragraph"]


def test_short_sentences_of_prose_are_no_run_of_names():
    prose = ("We met the council. It refused. We wrote again. No answer came. The families waited. Winter came. The "
             "evictions began. Nobody was housed. We call on the council to stop the evictions.")
    assert [block.kind for block in read_page(f"<h1>No evictions</h1><p>{prose}</p>", "text/html").blocks] == \
        ["heading", "paragraph"]


@pytest.mark.parametrize("mark", ["-", "–", "—", "/"])
@pytest.mark.parametrize("layout", ["<p>Firman: {}</p>", "<p>Organizaciones firmantes:</p><p>{}</p>", "<p>{}</p>"])
def test_names_parted_by_a_spaced_dash_or_slash(mark, layout):
    groups = LOCAL_GROUPS[:4]
    body = SPANISH_LETTER + layout.format(f" {mark} ".join(groups))
    assert names(parsed(f"<html lang='es'><body>{body}</body></html>")) == groups


def test_one_dash_sets_a_name_beside_what_it_is_not_another_name():
    assert split_inline_list("Attac – Comité Local", lexicon("es"), minimum=2, dashes=True) is None


def test_two_labelled_lists_in_one_paragraph():
    body = SPANISH_LETTER + (f"<p>Organizaciones: {', '.join(LOCAL_GROUPS[:4])}. Personas: Ana María López, "
                             "Jean Dupont, Maria Rossi.</p>")
    statement = parsed(f"<html lang='es'><body>{body}</body></html>")
    assert names(statement, "organisation") == LOCAL_GROUPS[:4]
    assert names(statement, "individual") == ["Ana María López", "Jean Dupont", "Maria Rossi"]


@pytest.mark.parametrize("sentence, language", [
    ("Ce communiqué est signé par {}.", "fr"),
    ("Cette déclaration est soutenue par {}.", "fr"),
    ("Deze verklaring is ondertekend door {}.", "nl"),
])
def test_a_statement_that_says_who_signs_it_by_par_or_door(sentence, language):
    groups = ["Collectif Vélo Lyon", "Attac Rennes", "Alternatiba Grenoble", "Greenpeace Bordeaux"]
    conjunction = {"fr": "et", "nl": "en"}[language]
    listed = f"{', '.join(groups[:-1])} {conjunction} {groups[-1]}"
    ask = {"fr": "Nous demandons à la mairie de retirer ce plan.", "nl": "Wij eisen dat de gemeente dit plan intrekt."}
    body = f"<p>{sentence.format(listed)}</p><p>{ask[language]}</p>"
    assert names(parsed(f"<html lang='{language}'><body>{body}</body></html>")) == groups


@pytest.mark.parametrize("sentence, language", [
    ("This action is supported by {}.", "en"),
    ("Our demands are backed by {}.", "en"),
    ("La campagne est portée par {}.", "fr"),
    ("Die Aktion wird unterstützt von {}.", "de"),
    ("Deze actie wordt gesteund door {}.", "nl"),
])
def test_a_closing_sentence_that_says_who_backs_an_action_or_demands_names_its_signers(sentence, language):
    groups = ["Tenants Union North", "Housing Action Collective", "Right to the City Network", "Solidarity Kitchen"]
    conjunction = {"en": "and", "fr": "et", "de": "und", "nl": "en"}[language]
    ask = {"en": "We call on the city council to withdraw the eviction plan.",
           "fr": "Nous demandons à la mairie de retirer ce plan.",
           "de": "Wir fordern den Stadtrat auf, den Räumungsplan zurückzuziehen.",
           "nl": "Wij eisen dat de gemeente dit plan intrekt."}[language]
    listed = f"{', '.join(groups[:-1])} {conjunction} {groups[-1]}"
    statement = parsed(f"<html lang='{language}'><body><p>{ask}</p><p>{sentence.format(listed)}</p></body></html>")
    assert names(statement) == groups


@pytest.mark.parametrize("sentence, language", [
    ("Der Aufruf wird von {} unterstützt.", "de"),
    ("Die Aktion wird von {} getragen.", "de"),
    ("Deze oproep wordt door {} gesteund.", "nl"),
])
def test_agents_a_verb_final_passive_names_before_a_participle_of_backing_are_the_signers(sentence, language):
    groups = ["Mieterverein Nord", "Recht auf Stadt Leipzig", "Bündnis Zwangsräumung Verhindern", "Attac Leipzig"]
    conjunction = {"de": "und", "nl": "en"}[language]
    ask = {"de": "Wir fordern den Stadtrat auf, den Räumungsplan zurückzuziehen.",
           "nl": "Wij eisen dat de gemeente dit plan intrekt."}[language]
    listed = f"{', '.join(groups[:-1])} {conjunction} {groups[-1]}"
    statement = parsed(f"<html lang='{language}'><body><p>{ask}</p><p>{sentence.format(listed)}</p></body></html>")
    assert names(statement) == groups


@pytest.mark.parametrize("report", [
    "Das Gesetz wird von der Koalition und der Regierung unterstützt.",
    "Das Gesetz wird von Mieterverein Nord, Recht auf Stadt Leipzig, Bündnis Zwangsräumung Verhindern und Attac "
    "Leipzig unterstützt.",
    "Der Aufruf wird von Mieterverein Nord, Recht auf Stadt Leipzig, Bündnis Zwangsräumung Verhindern und Attac "
    "Leipzig kritisiert.",
])
def test_a_verb_final_passive_of_a_law_or_of_criticism_names_no_signers(report):
    ask = "Wir fordern den Stadtrat auf, den Räumungsplan zurückzuziehen."
    assert names(parsed(f"# Räumung stoppen\n\n{ask}\n\n{report}\n", "text/markdown")) == []


def test_the_parts_of_one_compound_word_are_no_signers():
    body = "<p>Mit der Konferenz wollten wir einen Lern-, Begegnungs- und Aktionsraum öffnen.</p>"
    assert names(parsed(body + "<p>Wir fordern die Universität auf, freie Software zu nutzen.</p>")) == []


@pytest.mark.parametrize("body, expected", [
    ("<p>L'Initiative EuroStack appelle à une coopération étroite entre l'industrie, la Commission et les États "
     "membres, en soulignant que l'industrie est prête à investir.</p>", []),
    ("<p>Réunis au siège de Microsoft, l'April, Framasoft et l'Aful s'étonnent de ce partenariat.</p>",
     ["April", "Framasoft", "Aful"]),
])
def test_an_enumeration_that_goes_on_from_a_prepositions_common_noun_is_no_subject(body, expected):
    statement = parsed(body + "<p>Nous demandons au ministère de publier la convention.</p>")
    assert names(statement) == expected


@pytest.mark.parametrize("body", [
    "<p>Ressa and Rappler Holdings were formally indicted on November 29 on charges of tax evasion.</p>",
    "<p>Ressa and Rappler have been on the front lines of investigative reporting in the Philippines.</p>",
    "<p>Anna Schmidt und der Verein Freiraum wurden am Montag in Berlin festgenommen.</p>",
    "<p>Le collectif Alpha et l'association Beta ont été condamnés hier par le tribunal.</p>",
])
def test_names_a_sentence_tells_of_are_no_signers(body):
    assert names(parsed(body + "<p>We call on the government to drop the charges.</p>")) == []


@pytest.mark.parametrize("heading, expected", [
    ("Joint statement by Access Now, Article 19 and the Electronic Frontier Foundation on the surveillance bill",
     ["Access Now", "Article 19", "the Electronic Frontier Foundation"]),
    ("Open letter from Amnesty International, Human Rights Watch and Article 19 to the Prime Minister",
     ["Amnesty International", "Human Rights Watch", "Article 19"]),
    ("Joint statement of the Tibet Justice Center and the Council on Foreign Relations",
     ["the Tibet Justice Center", "the Council on Foreign Relations"]),
    ("Joint Statement from the Leaders of the United States, Argentina, Austria, and the United Kingdom on Gaza",
     ["the United States", "Argentina", "Austria", "the United Kingdom"]),
    ("Joint statement on Paris, London and Berlin", []),
    ("This letter is jointly organized by the Electronic Frontier Foundation and Fight for the Future", []),
    ("Statement from Public Laboratory for Open Technology and Science", []),
    ("Joint statement of Friends of the Earth and Greenpeace", ["Friends of the Earth", "Greenpeace"]),
])
def test_signers_a_heading_names_without_what_it_is_about_and_states_as_signers(heading, expected):
    assert names(parsed(f"<h1>{heading}</h1><p>We call on the Government to withdraw the bill.</p>")) == expected


@pytest.mark.parametrize("opening, expected", [
    ("Our network has followed the bill for two years. We know what it would do to small groups. In this open letter, "
     "written together with Alpha Network, Beta Union and Gamma Foundation, we set out what must change.",
     ["Alpha Network", "Beta Union", "Gamma Foundation"]),
    ("Unser Netzwerk verfolgt das Gesetz seit zwei Jahren. Wir kennen seine Folgen. Diesen offenen Brief haben wir "
     "gemeinsam mit Alpha Netzwerk, Beta Verein und Gamma Stiftung geschrieben.",
     ["Alpha Netzwerk", "Beta Verein", "Gamma Stiftung"]),
    ("Our network has followed the bill for two years. We know what it would do to small groups. Last week we "
     "met together with Alpha Network, Beta Union and Gamma Foundation to discuss it.", []),
    ("È di oggi la nostra lettera aperta intitolata Il governo sbaglia: serve un'autorità indipendente, e co-firmata "
     "da Alpha Network, Beta Lab, Gamma Italia, Delta think tank, Epsilon Foundation, Zeta Tech.",
     ["Alpha Network", "Beta Lab", "Gamma Italia", "Delta think tank", "Epsilon Foundation", "Zeta Tech"]),
    ("Deze positie is gebaseerd op onze inbreng voor de consultatie. De bijgevoegde PDF bevat de gehele ingestuurde "
     "positie, deze is mede-ondertekend door Alpha Stichting en Code for Beta.", ["Alpha Stichting", "Code for Beta"]),
])
def test_organisations_a_statement_says_it_was_written_with_sign_it(opening, expected):
    ask = ("Wir fordern den Rat auf, das Gesetz vor der Abstimmung im nächsten Monat zurückzuziehen."
           if "Netzwerk" in opening else
           "Wij roepen de regering op om het wetsvoorstel voor de stemming van volgende maand in te trekken."
           if "Stichting" in opening else "We call on the Council to withdraw the bill before the vote next month.")
    statement = parsed(f"<p>{opening}</p><p>{ask}</p>")
    assert names(statement) == expected

def test_a_salutation_that_names_the_letters_addressees_names_no_signer():
    greeting = "Dear President Smith, Honorable Senators, Members of Congress, and Citizens of Ruritania,"
    letter = ("<p>We ask that you do not deport to Ruritania those who are at risk of persecution for their "
              "opposition or their words.</p><p>Respectfully, the Ruritanian opposition in exile</p>")
    assert names(parsed(f"<h1>Open Letter</h1><p>{greeting}</p>{letter}")) == []
    named = parsed(f"<h1>Open Letter</h1><p>{greeting.removeprefix('Dear ')}</p>{letter}")
    assert "Members of Congress" in names(named)  # without its greeting, the line reads as names


@pytest.mark.parametrize("label", ["To:", "Para:", "An:", "Aan:", "A:"])
def test_a_list_under_the_label_of_whom_a_letter_is_to_names_no_signer(label):
    addressees = ["The Prime Minister of Ruritania", "The Minister for Parliamentary Affairs",
                  "The Members of the National Assembly", "The People of Ruritania"]
    statement = parsed(f"<p>{label}</p><ul>" + "".join(f"<li>{name}</li>" for name in addressees) + "</ul>"
                       "<p>We call on the Government to keep the promise it made to those who came to build a future "
                       "here, and to withdraw the bill before the vote of next month.</p>"
                       "<p>A collective of international entrepreneurs.</p>")
    assert names(statement) == []


@pytest.mark.parametrize("opening, expected", [
    ("Somos un grupo de organizaciones de la sociedad civil integrado por la Fundación Río Claro, la Asociación "
     "Vecinal del Norte y Liga Solar Ciudadana, que trabajamos desde hace años por el acceso a la información.",
     ["Fundación Río Claro", "Asociación Vecinal del Norte", "Liga Solar Ciudadana"]),
    ("We are a coalition of organisations made up of Alpha Network, Beta Foundation and Gamma Rights Watch, which "
     "have worked for years for open government.", ["Alpha Network", "Beta Foundation", "Gamma Rights Watch"]),
    ("Somos un grupo de organizaciones compuesto por vecinos, estudiantes y docentes, que trabajamos por el barrio.",
     []),
    ("La Coalición por la Transparencia, integrada por la Fundación Río Claro, la Asociación Vecinal del Norte y Liga "
     "Solar Ciudadana, hace pública esta declaración.",
     ["Fundación Río Claro", "Asociación Vecinal del Norte", "Liga Solar Ciudadana"]),
    ("La Fundación Río Claro, formada por vecinos, estudiantes y docentes del barrio, trabaja por el acceso a la "
     "información.", []),
])
def test_signers_named_as_what_a_group_of_organisations_is_made_up_of(opening, expected):
    statement = parsed(f"<p>{opening}</p><p>Pedimos al Congreso que apruebe la ley de acceso a la información "
                       "pública antes de que termine el año.</p>")
    assert names(statement, "organisation") == expected


REUNIÓN = ("<p>Que el pasado 24 de enero se llevó a cabo un encuentro entre representantes de los vecinos, el "
           "Gobierno y la sociedad civil, para conversar sobre el nuevo parque del barrio.</p><p>La reunión ratificó "
           "el interés en las propuestas que se vienen haciendo desde el barrio.</p>")


@pytest.mark.parametrize("heading, expected", [
    ("Asociación Foro Verde, la Red de vecinos del barrio Norte y Liga Solar Ciudadana informan:",
     ["Asociación Foro Verde", "la Red de vecinos del barrio Norte", "Liga Solar Ciudadana"]),
    ("Los ministros de salud, educación y trabajo acuerdan:", []),
    ("Asociación Foro Verde, la Red de vecinos del barrio Norte y Liga Solar Ciudadana", []),
])
def test_signers_a_heading_names_as_who_speaks_before_its_verb_and_colon(heading, expected):
    statement = parsed(f"<h1>{heading}</h1>" + REUNIÓN)
    assert names(statement, "organisation") == expected
    assert (statement.kind == "joint_statement") == bool(expected)


def test_names_before_a_headlines_colon_are_not_the_subject_of_the_verb_after_it():
    statement = parsed("<h1>Entre Bizanos et Mazères-Lezons: exigeons une passerelle pour tous</h1>"
                       "<p>Notre association organise un rassemblement le dimanche 4 mars à 11 heures au pied de la "
                       "passerelle, pour obtenir une modification de l'accès.</p>")
    assert names(statement) == []


@pytest.mark.parametrize("opening, expected", [
    ("We, Red Hat EU unions lend our support to our colleagues. We call on Red Hat to reinstate them.",
     ["Red Hat EU unions"]),
    ("Nous, Attac France, la LDH et Greenpeace France, dénonçons la loi. Nous demandons son retrait.",
     ["Attac France", "LDH", "Greenpeace France"]),
    ("Nosotros, la Red de Intelectuales en Defensa de la Humanidad, denunciamos el golpe. Exigimos elecciones.",
     ["Red de Intelectuales en Defensa de la Humanidad"]),
    ("Wij, Amnesty International Nederland en Bits of Freedom, maken ons zorgen. Wij eisen dat de wet verdwijnt.",
     ["Amnesty International Nederland", "Bits of Freedom"]),
    ("We, Access Now, Article 19 and Open Rights Group, are concerned. We call on the government to drop the bill.",
     ["Access Now", "Article 19", "Open Rights Group"]),
    ("We, Civil Society Organisations of Kenya, are concerned. We call on the government to drop the bill.", []),
    ("Wir, die Unterzeichnenden, sind besorgt. Wir fordern die Bundesregierung auf, das Gesetz zurückzuziehen.", []),
    ("Noi, Docenti e Ricercatori, siamo preoccupati. Chiediamo il ritiro della legge.", []),
    ("We, the people of Hong Kong, are worried. We call on the government to withdraw the law.", []),
    ("Unsere Solidarität und Empathie gehört den Angehörigen. Wir fordern die Regierung auf, zu helfen.", []),
])
def test_signers_set_beside_we_in_the_opening(opening, expected):
    assert names(parsed(f"<p>{opening}</p>")) == expected


@pytest.mark.parametrize("body", [
    "<title>Open Letter: Support Workers &amp; Defund Climate Chaos to End the Cost of Living Crisis</title>"
    "<p>We call on the Government to tax the profits of fossil fuel companies.</p>",
    "<p>Der Sonderbericht über den Ozean und die Kryosphäre in einem sich wandelnden Klima ist deutlich.</p>"
    "<p>Wir fordern die Bundesregierung auf, die Meere zu schützen.</p>",
])
def test_capitalised_words_before_a_preposition_are_no_sentences_subject(body):
    assert parsed(body).signatories == []


def test_a_line_in_brackets_under_a_name_says_who_the_signer_is():
    statement = parsed(LETTER + "<p>Yours sincerely,</p><p>Dr Hilary Guite<br>(Student MSc Science Communication)<br>"
                                "Mr Abhijay Sood<br>(Student MSc Physics)</p>")
    assert [(s.kind, s.name, s.role) for s in statement.signatories] == [
        ("individual", "Dr Hilary Guite", "Student MSc Science Communication"),
        ("individual", "Mr Abhijay Sood", "Student MSc Physics")]


PEOPLE_TABLE = "<h3>Cosignatory List</h3><table>" + "".join(
    f"<tr><td>{n}</td><td>{name}</td><td>{country}</td></tr>" for n, name, country in [
        (1, "Eugenia Lee", "Taiwan"), (2, "Jignesh Vasavada", "India"), (3, "Angela Anzola", "Colombia"),
        (4, "Isaias Caceres", "Paraguay"), (5, "Aarti Narsee", "South Africa")]) + "</table>"


def test_links_just_above_a_table_of_signers_do_not_join_it_and_a_labelled_list_does():
    links = parsed(LETTER + "<p>Full Version of Statement Download</p><p>Chinese Version Download</p>" + PEOPLE_TABLE)
    assert names(links, "organisation") == [] and len(names(links, "individual")) == 5
    labelled = parsed(LETTER + "<p>Organisations:</p><p>Alpha Network</p><p>Beta Coalition for Justice</p>"
                      + PEOPLE_TABLE)
    assert names(labelled, "organisation") == ["Alpha Network", "Beta Coalition for Justice"]


def test_signers_a_subtitle_names_short_are_taken_as_the_opening_writes_them_in_full():
    page = ('---\ntitle: "Don\'t Spy EU: end of campaign"\nsubtitle: "Final statement by Hermes Center, The Good '
            'Lobby and info.nodes"\n---\n\nWhile Hermes Center for Transparency and Digital Human Rights, along with '
            'fellow partners The Good Lobby and info.nodes, welcome the agreement, important gaps remain.\n\n'
            'We call on the Council to ban remote biometric identification in public spaces.\n')
    assert names(parsed(page, "text/markdown")) == ["Hermes Center for Transparency and Digital Human Rights",
                                                    "The Good Lobby", "info.nodes"]


@pytest.mark.parametrize("closing, organisations", [
    ("<p>Extinction Rebellion Barcelona</p><p>Barcelona, 21 March 2019</p>", ["Extinction Rebellion Barcelona"]),
    ("<p>Extinction Rebellion Barcelona</p><p>Join the rebellion today</p>", []),
])
def test_a_letter_signed_with_a_name_and_a_date_above_its_list_of_supporters(closing, organisations):
    people = ["Ada Parellada Garrell, restauradora", "Albert Recio Andreu, professor", "Anna Monjo Omedes, editora",
              "Xavier Pons Fernández, investigador"]
    statement = parsed("<p>We call on the public broadcaster to tell the truth about the climate and ecological "
                       "emergency, and to give it the place in its news that an emergency of this size demands of a "
                       "public service, every day and at every hour.</p>" + closing +
                       "<h2>Signatures to the letter</h2><ul>" + "".join(f"<li>{p}</li>" for p in people) + "</ul>")
    assert names(statement, "organisation") == organisations
    assert len(names(statement, "individual")) == 4


CLOSING_PARAGRAPH = ("<p>Wir laden die Heidelberger Bildungs- und Forschungseinrichtungen hiermit ein, im Rahmen einer "
          "Podiumsdiskussion oder eines Round Tables mit uns ins Gespräch zu kommen, noch vor dem Ende des "
          "Semesters und in einem Rahmen, der allen Studierenden offensteht.</p>")
SIGNER = "Students for Palestine Heidelberg"


@pytest.mark.parametrize("closing, organisations", [
    ("<p>Students for Palestine Heidelberg</p><p>Heidelberg, den 28.06.2024</p>", [SIGNER]),
    ("<p>Heidelberg, 28. Juni 2024</p><p>Students for Palestine Heidelberg</p>", [SIGNER]),
    ("<p>Students for Palestine Heidelberg</p><p>Kommt alle zur Kundgebung</p>", []),
    ("<p>Students for Palestine Heidelberg im Juni 2024</p>", [SIGNER]),
    ("<p>Kommt alle zur Kundgebung!</p><p>Students for Palestine Heidelberg, 28. Juni 2024</p>", [SIGNER]),
    ("<p>Heidelberg, im Juni 2024</p>", []),
])
def test_a_letter_signed_at_its_end_with_a_name_and_a_date(closing, organisations):
    assert names(parsed(CLOSING_PARAGRAPH + closing), "organisation") == organisations


ESPAÑOL = ("<p>Queremos expresar nuestra solidaridad con la gente que protesta pacíficamente en las calles del país, "
           "y apoyamos a quienes defienden la ciencia y el conocimiento en las universidades.</p>")


@pytest.mark.parametrize("closing, organisations", [
    ("<p>Firman,</p><p>Asociación Foro Verde y Red de la Ciencia y el Conocimiento del Sur</p>",
     ["Asociación Foro Verde", "Red de la Ciencia y el Conocimiento del Sur"]),
    ("<p>Firman:</p><p>Colectivo de Ríos y el Mar y Liga Solar Ciudadana</p><p>Santiago, 4 de noviembre de 2019</p>",
     ["Colectivo de Ríos y el Mar", "Liga Solar Ciudadana"]),
    ("<p>Firman,</p><p>todos los que quieren un mundo mejor y más justo</p>", []),
    ("<p>Saludos cordiales,</p><p>Asociación Foro Verde y Liga Solar Ciudadana</p>",
     ["Asociación Foro Verde", "Liga Solar Ciudadana"]),
    ("<p>Con el agradecimiento de siempre a</p><p>Asociación Foro Verde y Liga Solar Ciudadana</p>", []),
    ("<p>Firman,</p><p>Asociación Foro Verde y todos los vecinos del barrio</p>", []),
])
def test_a_statement_signed_by_one_line_under_a_word_that_signs(closing, organisations):
    assert names(parsed(ESPAÑOL + closing), "organisation") == organisations


@pytest.mark.parametrize("line, parts", [
    ("Foro Verde y Red de la Ciencia y el Conocimiento del Sur",
     ["Foro Verde", "Red de la Ciencia y el Conocimiento del Sur"]),
    ("Foro Verde & Amigos del Sur", ["Foro Verde & Amigos del Sur"]),
    ("Foro Verde, Liga Solar y Friends of the River", ["Foro Verde", "Liga Solar", "Friends of the River"]),
    ("Ana Pérez, Luis Gómez y el resto del Foro Verde", ["Ana Pérez, Luis Gómez y el resto del Foro Verde"]),
    ("Salvemos el Río, Banco Central!", ["Salvemos el Río, Banco Central!"]),
])
def test_one_line_of_signers_is_parted_only_into_names(line, parts):
    assert [entry.text for entry in names_on_one_line(Entry(line), lexicon("es"))] == parts


def test_a_group_signing_with_its_members_in_brackets_gives_the_group_and_each_person():
    people = ["Catherine Achin, sociologue", "Armelle Andro, démographe", "Magali Bessone, philosophe"]
    group = "Le Cercle des enseignants (Anaïs Flores, Paul Guillibert, Florine Leplâtre)"
    statement = parsed("<p>Nous soutenons ces deux initiatives et demandons à l'université de les protéger.</p>"
                       "<p>Signataires :</p><ul>" + "".join(f"<li>{n}</li>" for n in [*people, group]) + "</ul>")
    assert names(statement, "organisation") == ["Le Cercle des enseignants"]
    members = [s for s in statement.signatories if s.affiliation == "Le Cercle des enseignants"]
    assert [s.name for s in members] == ["Anaïs Flores", "Paul Guillibert", "Florine Leplâtre"]
    assert len(names(statement, "individual")) == 6


def test_a_group_with_a_country_or_a_description_in_brackets_stays_one_organisation():
    groups = ["Casa del Tibet (Spain)", "Tibet Initiative (Deutschland, Berlin)", "Free Tibet (London office)",
              "Students for a Free Tibet (SFT)", "Tibet Justice Center (Tenzin Dorjee, Lhadon Tethong)"]
    statement = parsed("<p>We call on the International Olympic Committee to act.</p><p>Signatories:</p><ul>"
                       + "".join(f"<li>{n}</li>" for n in groups) + "</ul>")
    assert names(statement, "organisation")[:4] == ["Casa del Tibet (Spain)", "Tibet Initiative (Deutschland, Berlin)",
                                                    "Free Tibet (London office)", "Students for a Free Tibet (SFT)"]



def test_a_description_in_lower_case_after_a_dash_is_no_part_of_the_organisations_name():
    entries = ["Alpha Network – a coalition of tenants' unions", "Beta Rights — advocacy group for migrants",
               "Friends of the Earth – Europe", "Casa del Tibet - Spain", "Gamma Foundation"]
    statement = parsed(LETTER + "<p>Signatories:</p><ul>" + "".join(f"<li>{n}</li>" for n in entries) + "</ul>")
    assert names(statement, "organisation") == ["Alpha Network", "Beta Rights", "Friends of the Earth – Europe",
                                                "Casa del Tibet - Spain", "Gamma Foundation"]


def test_goals_in_bold_each_explained_after_a_dash_are_no_names():
    goals = [("Truly open source", "under a well-known and widely-accepted license that companies can trust"),
             ("Community-driven", "so that the community governs the project for the community"),
             ("Impartial", "so that valuable features are accepted on their value to the community"),
             ("Layered and modular", "with a programmer-friendly structure to encourage building on top of it"),
             ("Backwards-compatible", "so that the existing code can drive value for years to come")]
    page = ("<h1>OpenTF created a fork of Terraform!</h1><p>To keep Terraform open source, we published the OpenTF "
            "manifesto, and the community responded.</p><p>The manifesto outlined the intent of the initiative in two "
            "steps.</p><p>As outlined in our manifesto, we are keeping OpenTF:</p><ul>"
            + "".join(f"<li><strong>{goal}</strong> - {why}</li>" for goal, why in goals) + "</ul>")
    assert names(parsed(page)) == []
    described = [("Alpha Network", "a coalition of tenants' unions in the north of the country"),
                 ("Beta Rights", "advocacy group for migrants and their families"), ("Gamma Foundation", "")]
    signed = LETTER + "<p>Signatories:</p><ul>" + "".join(
        f"<li><strong>{name}</strong>{' - ' + what if what else ''}</li>" for name, what in described) + "</ul>"
    assert names(parsed(signed), "organisation") == ["Alpha Network", "Beta Rights", "Gamma Foundation"]


def test_an_enumeration_after_a_name_closed_by_its_acronym_and_a_dash_is_no_part_of_it():
    entries = ["Ontario Public Sector Employees Union (OPSEU) - College Faculty, Support Staff, and University Sector",
               "Alpha Coalition (AC) - Toronto, Canada", "Gamma Foundation"]
    statement = parsed(LETTER + "<p>Signatories:</p><ul>" + "".join(f"<li>{n}</li>" for n in entries) + "</ul>")
    assert names(statement, "organisation") == ["Ontario Public Sector Employees Union (OPSEU)",
                                                "Alpha Coalition (AC) - Toronto, Canada", "Gamma Foundation"]

def test_a_list_running_on_from_organisations_to_people_reads_its_doubtful_names_as_people():
    organisations = ["Access Now", "Amnesty International", "Article 19", "Index on Censorship", "OpenMedia",
                     "Human Rights Watch", "Derechos Digitales", "IPYS Venezuela", "Espacio Público", "Provea"]
    people = ["Raisa Urribarri", "Andrés Cañizález - Profesor universitario y periodista.", "Iván Méndez - Periodista",
              "Antonio Pasquali", "Moraima Guanipa, periodista y docente universitaria.", "Nomsa Mlambo",
              "Alejandra Stolk - DTES-ULA"]
    statement = parsed("<p>Solicitamos a las instancias internacionales estar alertas sobre este anteproyecto.</p>"
                       "<p>Firmantes:</p><ul>" + "".join(f"<li>{n}</li>" for n in organisations + people) + "</ul>")
    assert names(statement, "organisation") == organisations
    assert len(names(statement, "individual")) == len(people)


@pytest.mark.parametrize("signer", ["Turn Around, H&M!", "Marks & Spencer"])
def test_a_signature_with_an_ampersand_or_an_exclamation_mark_is_an_organisations(signer):
    statement = parsed("<p>We still expect that H&amp;M will live up to its widely publicized commitment, and we "
                       "call on H&amp;M to publish its data this year.</p><p>With kind regards,</p>"
                       f"<p>{signer.replace('&', '&amp;')}</p>")
    assert [(s.name_as_written, s.kind) for s in statement.signatories] == [(signer, "organisation")]


def test_a_campaigns_letters_named_by_their_addressees_are_no_signers():
    letters = ["Carta ao reitor Vahan Agopyan e gabinete", "Carta à FEA (docentes e diretor)", "Carta à mídia",
               "Carta aos docentes", "Letter to the Board of Trustees"]
    statement = parsed("<p>Pedimos à reitoria que garanta a moradia estudantil.</p><p>Cartas enviadas:</p><ul>"
                       + "".join(f"<li>{n}</li>" for n in letters) + "</ul>")
    assert statement.signatories == []


def test_places_and_addressees_in_prose_are_not_signers():
    statement = parsed("<p>Protests took place in Paris, London and Berlin last week.</p><p>That is when the "
                       "European Parliament, the Commission and the Council agreed.</p><p>We urge them to act.</p>")
    assert statement.signatories == []


def logo_wall_then_people(logo_names: list[str]):
    """An Italian letter whose promoters are a wall of logos, a note under it, then a list of people."""
    logos = "".join(f'<a href="#"><img src="{i}.png" alt="{name}"></a>' for i, name in enumerate(logo_names))
    return parsed("<p>Chiediamo al Governo di rendere disponibili, aperti e interoperabili tutti i dati "
                  f"sulla pandemia.</p><h2>Promotori</h2><div>{logos}</div><p>I loghi che vedi qui in alto "
                  "rappresentano le organizzazioni che hanno aderito.</p><h2>Firmatari</h2><p>Erika Marconato, "
                  "co-fondatrice di #CivicHackingIT</p><p>Alberto Cottica, economista</p><p>Matteo Fortini, "
                  "attivista digitale</p>")


def test_a_wall_of_logos_and_a_list_of_people_after_a_note():
    statement = logo_wall_then_people(["Associazione onData", "Transparency International Italia", "ActionAid Italia",
                                       "Logo Altroconsumo"])
    assert statement.language == "it"
    assert names(statement, "organisation") == ["Associazione onData", "Transparency International Italia",
                                                "ActionAid Italia", "Altroconsumo"]
    assert len(names(statement, "individual")) == 3


def test_a_logo_named_in_lower_case_is_kept():
    statement = logo_wall_then_people(["Associazione onData", "cittadini reattivi",
                                       "Transparency International Italia", "terzo paesaggio"])
    assert names(statement, "organisation") == ["Associazione onData", "cittadini reattivi",
                                                "Transparency International Italia", "terzo paesaggio"]


@pytest.mark.parametrize("logo", ['<a href="https://{0}.org" title="{1}"><img src="{0}.png"></a>',
                                  '<img src="{0}.png" title="{1}">'])
def test_a_logo_without_alt_text_is_named_by_its_title_or_its_links(logo):
    groups = ["Open Rights Group", "Privacy International", "Article 19"]
    logos = "".join(logo.format(f"logo{number}", name) for number, name in enumerate(groups))
    assert names(parsed(LETTER + f"<h2>Signatories</h2><div>{logos}</div>")) == groups


def test_a_website_between_a_name_and_its_note_or_at_the_notes_end_is_left_out_and_so_is_the_note():
    statement = parsed(LETTER + "<p>Signed by:</p><ul><li>Bits of Freedom - bof.nl</li><li>Nederlands Juristen "
                                "Comité (NJCM) - www.njcm.nl, de Nederlandse sectie van International Commission of "
                                "Jurists www.icj.org.</li><li>Greenpeace Nederland - greenpeace.nl</li></ul>")
    assert names(statement) == ["Bits of Freedom", "Nederlands Juristen Comité (NJCM)", "Greenpeace Nederland"]
    addressed = parsed(LETTER + "<p>Signed by:</p><ul><li>Bits of Freedom (https://www.bof.nl/en/)</li><li>Access Now "
                                "(https://accessnow.org/about-us)</li><li>Open Rights Group (https://openrightsgroup.org)"
                                "</li></ul>")
    assert names(addressed) == ["Bits of Freedom", "Access Now", "Open Rights Group"]  # a page's address, in brackets


def test_fields_in_spans_are_a_name_and_an_affiliation_and_a_stray_item_does_not_end_the_list():
    cards = "".join(f'<div class="card"><span class="sig_name">{n}</span> <span class="sig_org">{o}</span></div>'
                    for n, o in [("Jez Humble", "Google"), ("Rizwan Khan", "Accenture"), ("Ali Alkhatib", "UPS")])
    more = "".join(f'<div class="card"><span class="sig_name">{n}</span> <span class="sig_org">{o}</span></div>'
                   for n, o in [("Deena Shakir", "Lux Capital"), ("Syed Rahman", "Amazon"), ("Laura Taina", "Diversa")])
    statement = parsed(LETTER + f"<p>Signed,</p>{cards}<ul><li>Mahdy, Independent Consultant</li></ul>{more}")
    assert [(s.kind, s.name, s.affiliation) for s in statement.signatories][:2] == [
        ("individual", "Jez Humble", "Google"), ("individual", "Rizwan Khan", "Accenture")]
    assert len(statement.signatories) == 7


def test_in_a_list_of_people_initials_a_name_in_capitals_and_a_stray_item_are_people():
    cards = "".join(f'<div class="card"><span class="sig_name">{n}</span> <span class="sig_org">{o}</span></div>'
                    for n, o in [("Jez Humble", "Google"), ("Rizwan Khan", "Accenture"), ("Ali Alkhatib", "UPS"),
                                 ("FJK", "Joy Technologies"), ("Deena Shakir", "Lux Capital")])
    more = "".join(f"<p>{name}</p>" for name in ["Syed Rahman, Amazon", "ABDULWASAI", "Laura Taina, Diversa",
                                                 "CCC, Chaos Computer Club", "Omar Haddad, Intel"])
    statement = parsed(LETTER + f"<p>Signed,</p>{cards}<ul><li>Mahdy, Independent Consultant</li></ul>{more}")
    assert names(statement, "organisation") == ["CCC, Chaos Computer Club"]
    assert len(names(statement, "individual")) == 10


@pytest.mark.parametrize("entries, expected", [
    (["Bangladesh Occupational Safety, Health and Environmental Foundation (OSHE)", "Labour Rights Network"],
     ["Bangladesh Occupational Safety, Health and Environmental Foundation (OSHE)", "Labour Rights Network"]),
    (["Deutsche Umwelthilfe, NABU, Robin Wood and Deutscher Naturschutzring (DNR)", "Labour Rights Network"],
     ["Deutsche Umwelthilfe", "NABU", "Robin Wood", "Deutscher Naturschutzring (DNR)", "Labour Rights Network"]),
])
def test_an_acronym_that_spells_out_the_whole_line_keeps_its_commas_in_one_name(entries, expected):
    statement = parsed(LETTER + "<p>Signed by:</p>" + "".join(f"<p>{entry}</p>" for entry in entries))
    assert names(statement) == expected


def test_a_short_list_under_a_heading_that_says_nothing_is_read_with_the_lists_around_it():
    first = ["Sabina Virgo, Founding President, AFSCME Local 2620", "Linda Ray, SEIU 1021, Northern California, US",
             "Mark Roest, former UAW member, Milpitas, California, US", "Nan Scott, IWW, USA",
             "Sandra Lindberg, former AFTRA member, Bloomington, Illinois, US", "John Ergle, IWW, Gainesville, US"]
    short = ["Shallah Baso, Tampa Bay IWW GMB, Tampa, Florida, US", "Zachariah Ault, warehouseman, Ohio, US",
             "Jaime Veve, Labor for Palestine; Transport Workers Union Local 100, New York City, NY, US"]
    statement = parsed(LETTER + "<p>Signed:</p><h3>California</h3><p>" + "<br>".join(first) +
                       "</p><h3>Attorneys/UAW Local 2325</h3><p>" + "<br>".join(short) + "</p>")
    assert names(statement, "organisation") == [] and len(names(statement, "individual")) == 9


@pytest.mark.parametrize("text, low", [
    ("Alpha Network", False), ("Mondo senza guerre", False), ("XR Justice Now!", False), ("Thank you!", True),
    ("For any questions regarding this letter, please contact Benjamin Henrion", True),
    ("[1] The Commission webpage of the ICT Task Force", True), ("April 8, 2019", True),
    ("<bhenrion@ffii.org> +32-2-4148403", True), ("Klimaschützen ist kein Verbrechen!", True),
    ("knowledgeatwork UG", False), ("info.nodes", False), ("we are an AG", True), ("urgewald e. V.", False),
    ("we are an e. V.", True), ("우리는 의회가 법안을 거부할 것을 촉구한다.", True), ("한국여성단체연합", False),
    ("Fue genocidio!", True), ("Son 30.000!", True), ("los desocupados", True), ("the unemployed", True),
    ("la Quadrature du Net", False), ("README.md", True), ("Letter to the Board.pdf", True),
    ("netzpolitik.org", False), ("HTTPS://ALPHA-NETWORK", True),
])
def test_what_reads_as_a_name(text, low):
    assert (name_likeness(text) < 0.5) == low


@pytest.mark.parametrize("key", ["organisation_words", "role_words", "people_labels", "organisation_labels"])
def test_a_word_list_written_as_a_prefix_tree_matches_where_its_words_side_by_side_would(key):
    words = {fold(word) for word in _data()[key]}
    side_by_side = re.compile(r"(?<![\w])(?:" + "|".join(
        re.escape(word) + ("" if len(word) >= 6 else r"(?:e?s)?(?![\w])") for word in words) + ")", re.I)
    texts = [variant for word in words for variant in (
        word, f"{word}s", f"{word}es", word[:-1], f"x{word}", f"{word}x", f"The {word.title()} of", word.upper(),
        word.replace("i", "ı"), word.replace("i", "İ"), f"{word}-{word}")]
    assert [side_by_side.search(text) is None for text in texts] == \
        [_word_starts(key).search(text) is None for text in texts]


@pytest.mark.parametrize("text, folded", [
    ("Fundación  Corona", "fundacion corona"), ("ASSOCIAÇÃO – Brasil", "associacao – brasil"), ("ﬁnance", "finance"),
    ("a\u0307\u0323b", "ab"), ("\u1ea1\u0307", "a"), ("Straße", "strasse"), ("Ⅻ", "xii"),
    ("한국", "\u1112\u1161\u11ab\u1100\u116e\u11a8"),  # Hangul decomposes into its letters, none of them a mark
])
def test_a_name_folds_to_lower_case_without_its_marks(text, folded, monkeypatch):
    assert countries.fold.__wrapped__(text) == folded
    monkeypatch.setattr(countries, "MAX_REMEMBERED_CHARACTERS", 0)  # past the bound, characters are folded all the same
    monkeypatch.setattr(countries, "_WITHOUT_MARKS", countries._WithoutMarks())
    assert countries.fold.__wrapped__(text) == folded and not countries._WITHOUT_MARKS


@pytest.mark.parametrize("text, person", [
    ("Dr Mira Shiva", True), ("陳景生 Chan King Sang Edward SC", True), ("Jasmine Freemantle, Victoria University",
                                                                       True),
    ("Lúcia Rodrigues, jornalista", True), ("Open Rights Group, London", False), ("Casa del Tibet, Spain", False),
    ("Iuridicum Remedium, z.s.", False), ("Students for a Free Tibet", False),
    ("A. (Paris 1, PfY, CPN)", True), ("CGT (France)", False), ("UNL (Union nationale lycéenne)", False),
    ("Natalia Portillo (Aaru Data Preservation Suite, Hit Save!)", True),
    ("D.G.N.U.K. Jayarathna - Joint Railway Employees Union", True),
    ("Ahmad Salimi from Iran (ahmadsalimi)", True), ("Aiden Wallis from the United Kingdom", True),
    ("Students from Iran", False), ("Free Software Foundation from Boston", False),
])
def test_who_is_a_person(text, person):
    assert (person_evidence(text) > 0.45) == person


def test_a_line_with_its_own_lead_in_among_contact_lines():
    statement = parsed("<p>Exigimos a los candidatos que se comprometan con la ley de víctimas y con la reparación "
                       "integral de todas las familias.</p><p>Al Email: coordinadora@example.org<br>O bien, al "
                       "Facebook: https://www.facebook.com/coordinadora<br>Atentamente: grupo de trabajo del "
                       "Segundo Foro y “Zacatecanos por la paz”<br>Responsable de la publicación: Ricardo Bermeo</p>")
    assert statement.language == "es"
    assert names(statement) == ["grupo de trabajo del Segundo Foro", "Zacatecanos por la paz"]


def test_a_joint_press_release_names_its_signers_in_its_first_line():
    statement = parsed("<p><strong>Gemeinsame Pressemitteilung von BUND, Campact, Greenpeace, WWF Deutschland und "
                       "dem Umweltdachverband Deutscher Naturschutzring (DNR), 16.08.2019</strong></p><p>Die "
                       "Umweltverbände fordern die Bundesregierung auf, ein wirksames Klimaschutzgesetz zu "
                       "verabschieden und den Kohleausstieg sofort zu beginnen.</p>")
    assert names(statement) == ["BUND", "Campact", "Greenpeace", "WWF Deutschland",
                                "Umweltdachverband Deutscher Naturschutzring (DNR)"]


def test_a_long_comma_list_with_long_names_after_a_label():
    groups = ["Sirigaita", "Associação Goela", "APPA – Associação do Património e População de Alfama",
              "CIDAC – Centro de Intervenção para o Desenvolvimento Amílcar Cabral", "Colectivo Tundra",
              "Stop Despejos", "Habita", "Movimento Morar em Lisboa"]
    statement = parsed("<p>Exigimos que o património público seja mobilizado para as colectividades e que nenhuma "
                       "colectividade seja despejada.</p><hr><p>Subscritores:</p><p>" + ", ".join(groups) + "</p>")
    assert names(statement) == groups


def test_lists_of_organisations_and_people_with_notes_and_labels_between():
    organisations = "".join(f"<li>{name}</li>" for name in ["3NSoft", "Calyx Institute", "X.org Foundation"])
    people = "".join(f"<li>{name}</li>" for name in ["Jane Roe (Debian)", "John Smith", "Maria Garcia (GNOME)",
                                                    "Wei Zhang", "Ahmed Khan (KDE)"])
    statement = parsed(LETTER + f"<p>Signed,</p><h3>Organizations</h3><ol>{organisations}</ol><p>Some "
                                "organizations have published their own statements.</p><h3>Individuals</h3><p>(For "
                                "individual signatures, affiliation is provided for identification purposes "
                                f"only.)</p><ol>{people}</ol>")
    assert names(statement, "organisation") == ["3NSoft", "Calyx Institute", "X.org Foundation"]
    assert len(names(statement, "individual")) == 5


def test_a_menu_and_a_list_of_countries_are_not_signatories():
    menu = "".join(f"<li>{item}</li>" for item in ["Home", "Campaigns", "Publications", "Resources", "Impressum"])
    countries = "".join(f"<li>{item}</li>" for item in ["Kenya", "Uganda", "Tanzania", "Rwanda"])
    statement = parsed(LETTER + f"<p>We work in:</p><ul>{countries}</ul><ul>{menu}</ul>")
    assert statement.signatories == []


def test_paragraphs_of_people_parted_by_semicolons_give_each_person():
    statement = parsed("""<h1>Pour le droit à la non-mixité</h1>
<p>Nous défendons le droit des personnes concernées à se réunir entre elles.</p>
<p>Signataires :</p>
<p>Catherine <b>Achin</b>, sociologue ; Armelle <b>Andro</b>, démographe ; Aurélie <b>Audeval</b>, docteure ;</p>
<p>Magali <b>Bessone</b>, philosophe ; Jean-Raphaël <b>Bourge</b>, chargé de cours à l’Université Paris 8 ;</p>
<p>Zoé <b>Carle</b>, enseignante ; Isabelle <b>Clair</b>, sociologue, chargée de recherche au CNRS ;</p>
""")
    assert [name.split(",")[0] for name in names(statement, "individual")] == [
        "Catherine Achin", "Armelle Andro", "Aurélie Audeval", "Magali Bessone", "Jean-Raphaël Bourge", "Zoé Carle",
        "Isabelle Clair"]


@pytest.mark.parametrize("text", ["02760 Espoo", "75011 Paris", "Quai Wilson 47, 1201",
                                  "Vielen Dank für die Unterstützung!"])
def test_an_address_line_or_an_exclamation_is_no_name(text):
    assert name_likeness(text) < 0.4


@pytest.mark.parametrize("text", ["1000 Grandmothers", "XR Justice Now!", "CGT Educ’action 92", "Yahoo!"])
def test_names_with_numbers_or_an_exclamation_mark_stay_names(text):
    assert name_likeness(text) >= 0.4


@pytest.mark.parametrize("body", [".", "", " ; ", ",,"])
def test_a_page_of_nothing_but_punctuation_parses(body):
    assert names(parsed(body)) == []


@pytest.mark.parametrize("label", ["Sources", "Quellen", "Fonti", "Photo credits", "Bild", "Foto", "Imagen",
                                   "Crédits"])
def test_a_line_of_sources_or_credits_under_its_label_names_no_signer(label):
    """ "Quellen: A, B, C" closing a report, "Photo: X, pixabay": the page's sources and credits, not its signers."""
    statement = parsed(LETTER + "<p>Signed by:</p><ul><li>Alpha Network</li><li>Beta Coalition for Justice</li>"
                                "<li>Gamma Foundation</li></ul>"
                                f"<p><strong>{label}:</strong> <a href='#'>Delta Research Institute</a>, "
                                "<a href='#'>International Union for Nature</a>, <a href='#'>Free Photos</a></p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation"]


@pytest.mark.parametrize("pointer", ["Weitere Detailinformation zu den einzelnen Projekten findet man unter:",
                                     "More information on each project:", "Pour en savoir plus :"])
def test_a_list_of_links_under_a_line_that_points_to_more_information_names_no_signer(pointer):
    statement = parsed(LETTER + "<p>Signed by:</p><ul><li>Alpha Network</li><li>Beta Coalition for Justice</li>"
                                f"<li>Gamma Foundation</li></ul><p>{pointer}</p><ul>"
                                "<li><a href='https://news.example/arena'>Ausbaupläne für die Merkur Arena</a></li>"
                                "<li><a href='https://news.example/2024/caro'>Projekt Caro</a></li>"
                                "<li><a href='https://news.example/2024/graz-mitte'>Projekt Graz Mitte</a></li></ul>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation"]


@pytest.mark.parametrize("contact", ["For any questions regarding this letter, please contact Jane Doe",
                                     "Für Rückfragen wenden Sie sich an Jane Doe", "Pour toute question : Jane Doe"])
def test_a_line_that_says_whom_to_ask_about_the_letter_names_no_signer(contact):
    statement = parsed(LETTER + "<p>Yours sincerely,</p><p>Pieter Hintjens, President of FFII<br>"
                                "David Ramsden, Chairman of PCG UK<br>Mario Ohoven, President of CEA-PME</p>"
                                f"<p>{contact}<br>&lt;jane@example.org&gt; +32-2-4148403</p>")
    assert [signatory.name for signatory in statement.signatories] == ["Pieter Hintjens", "David Ramsden",
                                                                       "Mario Ohoven"]


@pytest.mark.parametrize("board", ["Comité de pilotage", "Steering committee", "Der Vorstand", "Stuurgroep"])
def test_a_board_named_alone_over_its_members_is_their_label_not_a_signer(board):
    statement = parsed(LETTER + f"<p>Signed by:</p><p><strong>{board}</strong><br>Alpha Network<br>"
                                "Beta Coalition for Justice<br>Gamma Foundation</p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation"]


def test_a_line_of_signers_under_a_label_that_signs_is_kept():
    statement = parsed(LETTER + "<p>Signed by: Alpha Network, Beta Coalition for Justice and Gamma Foundation</p>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation"]


@pytest.mark.parametrize("closing, valediction", [
    ("Jane Doe, John Roe and the rest of Alpha Network", "Best regards,"),
    ("Marie Dupont, Paul Martin et toute l'équipe de Réseau Alpha", "Cordialement,"),
    ("Ana García, Luis Pérez y el resto de Red Alfa", "Atentamente,"),
    ("Ana Souza, Pedro Lima e o resto da Rede Alfa", "Atenciosamente,"),
    ("Anna Schmidt, Paul Weber und das ganze Team von Netzwerk Alpha", "Mit freundlichen Grüßen,"),
    ("Giulia Rossi, Marco Bianchi e il resto di Rete Alfa", "Cordiali saluti,"),
    ("Anna de Vries, Jan Jansen en de rest van Netwerk Alfa", "Met vriendelijke groet,"),
])
def test_people_who_sign_with_the_rest_of_their_organisation(closing, valediction):
    statement = parsed(f"{LETTER}<p>We urge you to act on this before the end of the year, as so many "
                       f"universities have done before you.</p><p>{valediction}</p><p>{closing}</p>")
    people, organisation = closing.split(",")[0], closing.rsplit(" ", 2)[-2:]
    assert names(statement, "organisation") == [" ".join(organisation)]
    assert names(statement, "individual")[0] == people
    assert len(names(statement, "individual")) == 2


def test_organisations_and_the_rest_of_a_coalition_are_not_people():
    from ingest.parse.names import people_and_the_rest_of

    assert people_and_the_rest_of("Alpha Network, Beta Foundation and the rest of Gamma Coalition") is None
    assert people_and_the_rest_of("Jane Doe, John Roe and the rest of us") is None


@pytest.mark.parametrize("address", [["Mainroad 14 A 18", "02760 Espoo", "Finland"],
                                     ["Rue des Lilas 12", "75011 Paris", "France"]])
def test_a_signers_postal_address_under_its_name_names_no_one(address):
    """The postcode's line tells an address: the street and its number above it, the country under it, are its
    parts; the other names of the list, numbers and all, stay."""
    lines = "<br>".join(["Alpha Network", *address, "contact@example.org"])
    statement = parsed(LETTER + f"<p>Signed by:</p><p>{lines}</p>")
    assert names(statement) == ["Alpha Network"]
    listed = parsed(LETTER + "<p>Signed by:</p><ul><li>Alpha Network</li><li>CGT Educ’action 92</li>"
                             "<li>Local 21 of the Beta Union</li><li>Finland</li></ul>")
    assert names(listed) == ["Alpha Network", "CGT Educ’action 92", "Local 21 of the Beta Union", "Finland"]


@pytest.mark.parametrize("label", ["Media, bloggers and entrepreneurs", "Periodistas, blogueros y empresarios",
                                   "Médias, blogueurs et entrepreneurs", "Journalisten, bloggers en ondernemers"])
def test_a_line_naming_kinds_of_signers_over_a_list_labels_it(label):
    statement = parsed(LETTER + "<p>Signed by:</p><ul><li>Alpha Network</li><li>Beta Coalition for Justice</li>"
                                "<li>Gamma Foundation</li></ul>"
                                f"<p>{label}</p><ul><li>Delta Online</li><li>Epsilon Media Group</li>"
                                "<li>Zeta Press Agency</li></ul>")
    assert names(statement) == ["Alpha Network", "Beta Coalition for Justice", "Gamma Foundation", "Delta Online",
                                "Epsilon Media Group", "Zeta Press Agency"]
    assert statement.signatories[-1].kind == "organisation"


def test_a_numbered_name_keeps_its_numbers_and_a_list_that_goes_on_loses_its_ellipsis():
    statement = parsed(LETTER + "<p><strong>Premiers collectifs signataires :</strong> Alpha Réseau, "
                                "Union Lycéenne 17, 62, Beta Collectif 92, Gamma Comité 93, Delta Association…</p>")
    assert names(statement) == ["Alpha Réseau", "Union Lycéenne 17, 62", "Beta Collectif 92", "Gamma Comité 93",
                                "Delta Association"]


@pytest.mark.parametrize("written, affiliation", [
    ("Jane Smith, Executive Director, Open Rights Group", "Open Rights Group"),
    ("Pieter Hintjens, President of FFII", "FFII"),
    ("Ann Lee, professor, Berlin", None),
    ("Lúcia Rodrigues, jornalista", None),
    ("Tenzin Dorjee, Executive Director, Students for a Free Tibet", "Students for a Free Tibet"),  # named for members
    ("Marta Ruiz, Directora, Periodistas por la Paz", "Periodistas por la Paz"),
    ("Ann Lee, Director, Head of Communications", None),  # a second role, not a group
    ("Maria Soto | Director | Open Rights Group", "Open Rights Group"),  # fields parted by bars
    ("Aaron Ucko, @ucko, Debian Developer", None),  # an account, no organisation
    ("Chee Yoke Ling, on behalf of the Third World Network (TWN)", "Third World Network (TWN)"),  # its own bracket
    ("Pierre Dubois, Journalist, Le Monde", "Le Monde"),  # "journal" in the role is no organisation
    ("Wei Zhang, Associate Professor, Hong Kong Baptist University", "Hong Kong Baptist University"),
    ("Maria Gonzalez, Professor of Law, Universidad de Chile", "Universidad de Chile"),  # the field, then where
    ("Jane Roe, Director of Open Rights Group, London", "Open Rights Group"),
    ("Frédéric Bichot, secrétaire général CGT Spie, Haute-Normandie", "CGT Spie"),
    ("Kristi Hagen, ILWU Locals 19 and 98 (retired), Kapaau", "ILWU Locals 19 and 98 (retired)"),
    ("Aaron Crickenberger, Kubernetes Steering Committee Emeritus, SIG Testing Chair",
     "Kubernetes Steering Committee Emeritus"),  # a second role after it, its role word last
])
def test_a_persons_affiliation_is_the_organisation_after_their_role(written, affiliation):
    assert read_person(written).affiliation == affiliation
    assert read_person(written).name == written.split(",")[0].split(" | ")[0]


@pytest.mark.parametrize("written, name, role", [
    ("Ahmad Salimi from Iran (ahmadsalimi)", "Ahmad Salimi", None),  # the account spells the name
    ("Chad Walker (@chad3814)", "Chad Walker", None),
    ("Anthony Maki (4cm4k1)", "Anthony Maki", None),
    ("Aiden Wallis from the United Kingdom", "Aiden Wallis", None),
    ("Vikash Dhorasoo (ex-footballeur)", "Vikash Dhorasoo", "ex-footballeur"),  # a role in brackets stays one
    ("Anna Puig (journaliste)", "Anna Puig", "journaliste"),
    ("Marco Taraddei - University Teacher (Italia)", "Marco Taraddei", "University Teacher (Italia)"),
])
def test_a_persons_home_and_account_are_neither_name_nor_role(written, name, role):
    person = read_person(written)
    assert (person.name, person.role) == (name, role)


def test_a_letter_heading_an_alphabetical_list_of_signers_is_no_addressee_label():
    statement = parsed(LETTER + "<h2>Signatories</h2><h3>A</h3><ul><li>Access Now</li><li>Amnesty International</li>"
                                "<li>Article 19</li></ul><h3>B</h3><ul><li>Bits of Freedom</li>"
                                "<li>Big Brother Watch</li></ul>")
    assert names(statement) == ["Access Now", "Amnesty International", "Article 19", "Bits of Freedom",
                                "Big Brother Watch"]


def test_the_word_that_signs_before_an_inline_list_is_no_signer():
    line = "Signed, Access Now, Liberty, Article 19, and Open Rights Group."
    assert names(parsed(LETTER + f"<p>{line}</p>")) == ["Access Now", "Liberty", "Article 19", "Open Rights Group"]


def test_a_sentence_saying_how_many_sign_before_a_colon_names_them_after_it():
    line = "This statement is signed by 4 organisations: Access Now, Liberty, Article 19 and Open Rights Group."
    assert names(parsed(LETTER + f"<p>{line}</p>")) == ["Access Now", "Liberty", "Article 19", "Open Rights Group"]


def test_names_written_family_name_first_are_people():
    people = ["Lopez, Maria", "García Ruiz, Tomás", "Schmidt, Anna", "Dubois, Pierre"]
    statement = parsed(LETTER + "<h2>Signatories</h2><ul>" + "".join(f"<li>{name}</li>" for name in people) + "</ul>")
    assert [(s.kind, s.name, s.role) for s in statement.signatories] == [("individual", name, None) for name in people]
    assert person_evidence("Friends of the Earth, Scotland") < 0 and person_evidence("Amnesty, Maria") < 0.5


@pytest.mark.parametrize("opening, language", [
    ("Access Now, Article 19 and Privacy International, as organisations working on digital rights, call on the "
     "Government to withdraw the bill.", "en"),
    ("Access Now, Article 19 i Privacy International, com a organitzacions que treballen pels drets digitals, "
     "demanem al Govern que retiri el projecte de llei.", "ca"),
])
def test_an_opening_enumeration_set_beside_what_the_names_are_names_the_signers(opening, language):
    statement = parse(Document("fixture", f"<p>{opening}</p>".encode(), "text/html", "utf-8",
                               datetime.now(timezone.utc), metadata={"language": language}))
    assert names(statement) == ["Access Now", "Article 19", "Privacy International"]


def test_places_set_beside_what_they_are_name_no_signer():
    opening = "Paris, London and Berlin, as cities of the union, call on the Government to act."
    assert names(parsed(f"<p>{opening}</p>")) == []


@pytest.mark.parametrize("opening, signers", [
    ("<p>(Paris, le 16 novembre 2018) Le candidat a réuni une équipe dont les membres ont dirigé des agences "
     "soupçonnées de détournements, ont déclaré aujourd’hui Global Witness et la Plateforme de Protection des "
     "Lanceurs d’Alerte en Afrique (PPLAAF).</p>",
     ["Global Witness", "Plateforme de Protection des Lanceurs d’Alerte en Afrique (PPLAAF)"]),
    ("<p>The new decree lets the police hold people for a month without charge, Alpha Rights Watch and Beta "
     "Network for Justice said today.</p>", ["Alpha Rights Watch", "Beta Network for Justice"]),
    ("<p>The new decree lets the police hold people for a month without charge, said Jane Doe and Peter "
     "Jones.</p>", []),  # people quoted: no signers
    ("<p>The new decree lets the police hold people for a month without charge, Alpha Rights Watch said today.</p>",
     []),  # one organisation's release
])
def test_the_organisations_a_release_says_are_speaking_at_the_end_of_its_opening_sentence_sign_it(opening, signers):
    statement = parsed(opening + "<p>The decree was published on Monday, after a week of protests.</p>")
    assert [s.name for s in statement.signatories] == signers


def test_accents_written_as_combining_marks_read_as_the_letters_they_make():
    composed = ("<p>Le texte a été publié lundi, ont déclaré aujourd’hui Alpha Réseau Solidaire et la Ligue "
                "Bêta.</p>")
    decomposed = unicodedata.normalize("NFD", composed)
    assert [s.name for s in parsed(decomposed).signatories] == ["Alpha Réseau Solidaire", "Ligue Bêta"]


def test_a_unions_local_named_by_its_number_is_a_signer_not_a_date():
    statement = parsed("<p>We call on the Ministry to fund a safer return to campus.</p><p>In solidarity,</p><ul>"
                       "<li>Canadian Union of Public Employees (CUPE)</li><li>Unifor</li><li>CUPE Local 3902</li>"
                       "<li>USW 1998</li></ul>")
    assert names(statement) == ["Canadian Union of Public Employees (CUPE)", "Unifor", "CUPE Local 3902", "USW 1998"]


@pytest.mark.parametrize("line, expected", [
    ("The Ontario Universities and Colleges Coalition", ["The Ontario Universities and Colleges Coalition"]),
    ("Liberty and Open Knowledge Foundation", ["Liberty", "Open Knowledge Foundation"]),
])
def test_a_body_named_with_and_signs_as_one_and_two_named_together_as_two(line, expected):
    statement = parsed(LETTER + f"<p>Sincerely,</p><p>{line}</p>")
    assert names(statement, "organisation") == expected


@pytest.mark.parametrize("letter, closing, signer", [
    ("# Open letter to the council\n\nWe call on the council to adopt a climate plan for the village this year and "
     "to publish it.\n\n", "Sincerely,", "the Climate Working Group of Greenville e.V."),
    ("# Offener Brief an den Gemeinderat\n\nWir fordern den Gemeinderat auf, noch in diesem Jahr einen Klimaplan für "
     "das Dorf zu beschließen und ihn zu veröffentlichen.\n\n", "Mit freundlichen Grüßen",
     "die AG Klima und Mobilität der Bürgerrunde Heuweiler e.V."),
])
def test_a_closing_formula_on_the_line_above_the_signer_is_no_part_of_its_name(letter, closing, signer):
    people = "Jane Doe  \nJohn Smith  \nAnna Miller\n"
    statement = parsed(f"{letter}{closing}\n{signer}\n\n{people}", "text/markdown")
    assert [(s.kind, s.name_as_written) for s in statement.signatories] == [
        ("organisation", signer), ("individual", "Jane Doe"), ("individual", "John Smith"),
        ("individual", "Anna Miller")]


def test_dutch_academics_one_per_line_under_their_lower_case_titles_are_each_a_person():
    people = ["dr. C. J. van Lissa", "O.R. van den Akker, MSc", "prof. dr. P. Groeneboom", "B. Gützkow, MSc",
              "dr. ir. Sanli Faez", "S. Klinkenberg", "mr. L.J.H. Kortz, MA", "C.C. Tanis", "A. M. Reitsema, MSc",
              "M. van Vugt MSc", "Prof. dr. A.P. Zwart"]  # "B." before "A.": initials, no list lettered from A
    statement = parsed(LETTER + "\n\nGetekend,\n\n" + "  \n".join(people) + "\n", "text/markdown")
    assert names(statement, "individual") == people
    assert names(statement, "organisation") == []


def test_organisations_closing_a_list_of_people_need_fewer_of_their_own_words():
    people = [f"{title} {given} {family} {letters}" for title, given, family, letters in (
        ("Dr", "Alice", "Morgan", "MP"), ("Sir", "John", "Hayes", "MP"), ("Dr", "Carolyn", "Thomas", "MS"),
        ("Ms", "Michelle", "Thomson", "MSP"), ("Mr", "Lee", "Waters", "MS"), ("Ms", "Elena", "Whitham", "MSP"))]
    groups = ["PauseAI Global", "Open Rights Group", "Connected by Data", "Open Data Manchester",
              "Safe AI for Children Alliance"]  # two say they are organisations; none is a person's name
    def signed(names: list[str]):  # one name a paragraph
        return parsed(LETTER + "\n\nYours sincerely,\n\n" + "\n\n".join(names) + "\n", "text/markdown")
    assert names(signed(people + groups), "organisation") == groups
    inside = names(signed(people[:3] + groups + people[3:]), "organisation")  # among people, half must be sure
    assert "Open Rights Group" in inside and "Connected by Data" not in inside


def test_a_subtitle_of_names_under_a_title_that_only_labels_the_statement_is_its_signers():
    page = ("---\ntitle: COMMUNIQUE COMMUN\nsubtitle: Solidaires Informatique, STJV\n---\n\n"
            "Les sections syndicales appellent les employé.es à privilégier le contact avec les représentants du "
            "personnel pour se faire accompagner dans leurs démarches.\n")
    statement = parsed(page, "text/markdown")
    assert names(statement, "organisation") == ["Solidaires Informatique", "STJV"]
    assert statement.title == "COMMUNIQUE COMMUN"  # the line of who signs does not continue the title
    retitled = parsed(page.replace("COMMUNIQUE COMMUN", "Retour au bureau"), "text/markdown")
    assert names(retitled, "organisation") == []


def test_a_signature_under_a_name_our_lists_lack_is_one_person_when_a_bare_role_follows_it():
    stanza = "**Anthea Lafreniere**<br>\nPresident-Elect<br>\nVice-President Communications<br>\n" \
             "Canadian Federation of Medical Students"
    other = "**Ali N. Damji, BHSc.**<br>\nChair, Ontario Medical Students Association"
    statement = parsed(f"{LETTER}\n\nAll the best,\n\n{other}\n\n{stanza}\n", "text/markdown")
    assert names(statement, "individual")[-1] == ("Anthea Lafreniere, President-Elect, Vice-President Communications, "
                                                 "Canadian Federation of Medical Students")
    assert names(statement, "organisation") == []


@pytest.mark.parametrize("container, each", [("div", "p"), ("ul", "li"), ("table", "td")])
def test_a_role_with_a_preposition_in_a_signature_is_no_second_person(container, each):
    people = [("Maria Soto", "Professor of Law", "Universidad de Chile"),
              ("John Smith", "Director", "Open Rights Group"),
              ("Wei Zhang", "Associate Professor", "Hong Kong Baptist University"),
              ("Karen Brown", "Professor of History", "University of Leeds")]
    stanzas = "".join(f"<{each}><b>{name}</b><br>{role}<br>{where}</{each}>" for name, role, where in people)
    if each == "td":
        stanzas = stanzas.replace("<td>", "<tr><td>").replace("</td>", "</td></tr>")
    statement = parsed(f"<p>We call on the government to drop all charges against our colleagues.</p>"
                       f"<p>Signed,</p><{container}>{stanzas}</{container}>")
    assert [(s.name, s.kind) for s in statement.signatories] == [(name, "individual") for name, _, _ in people]


def test_a_line_that_says_affiliations_are_for_identification_only_names_no_signer():
    people = ["Halton Arp, Max-Planck-Institute Für Astrophysik (Germany)",
              "Hermann Bondi, Churchill College, University of Cambridge (UK)",
              "Thomas Gold, Cornell University (emeritus) (USA)",
              "Steve Ongerth, Bay Area IWW (unions listed for identification purposes only)"]
    statement = parsed(f"{LETTER}<p>Signed by,</p><p>Institutions for identification only, Country</p>"
                       f"<p>{'<br>'.join(people)}</p>")
    assert names(statement) == people


def test_a_board_signing_for_its_organisation_and_a_person_namens_one_give_the_organisation():
    cosigners = ["het bestuur van [Creative Commons Nederland](https://creativecommons.nl/)",
                 "het bestuur van [NLUUG](https://nluug.nl/)", "het bestuur van [Setup](https://setup.nl/)",
                 "Geert Lovink namens [Institute of Network Cultures](https://networkcultures.org/)",
                 "Marleen Stikker namens [Waag Futurelab](https://waag.org/)"]
    letter = "Wij roepen de regering op alle politieke gevangenen vrij te laten die om hun mening vastzitten.\n\n"
    statement = parsed(letter + "Mede-ondertekend door:\n\n" + "".join(f"- {c}\n\n" for c in cosigners),
                       "text/markdown")
    assert names(statement, "organisation") == ["Creative Commons Nederland", "NLUUG", "Setup",
                                                "Institute of Network Cultures", "Waag Futurelab"]
    assert names(statement, "individual") == ["Geert Lovink", "Marleen Stikker"]


def test_thanks_for_the_support_is_no_one_signing_for_anyone():
    assert on_behalf_of("Vielen Dank für die Unterstützung!") is None
    assert on_behalf_of("Chee Yoke Ling, on behalf of the Third World Network (TWN)") == (
        "Chee Yoke Ling", "Third World Network (TWN)")


@pytest.mark.parametrize(("line", "signer"), [("Signed by Alpha Network", "Alpha Network"),
                                              ("Getekend het bestuur van Alpha Netwerk", "Alpha Netwerk")])
def test_a_line_that_signs_with_its_signer_on_it_above_the_co_signers_is_the_first_signer(line, signer):
    letter = "We call on the Government to release all political prisoners held for their beliefs.\n\n"
    cosigners = ["Beta Rights Watch", "Gamma Foundation", "Delta Coalition for Justice"]
    statement = parsed(f"{letter}{line}\n\nCo-signed by:\n\n" + "".join(f"- {c}\n" for c in cosigners),
                       "text/markdown")
    assert names(statement) == [signer, *cosigners]
    rambling = parsed(f"{letter}Signed by the network's lawyers who worked for years on this matter and on many "
                      f"others\n\nCo-signed by:\n\n" + "".join(f"- {c}\n" for c in cosigners), "text/markdown")
    assert names(rambling) == cosigners


HANDLES = ["Nettrice Gaskins", "Dadabots", "illustrata", "Makeitrad", "Tim Boucher", "BLAC.ai", "DeltaSauce",
           "Charlie Engman", "Jrdsctt", "mezdez", "0xCrumpet", "Heather Timm", "Weelo", "Carlos28355", "Altarbeast",
           "Samson Harper", "otherfaces", "JeffJag", "Pixlosopher", "Karen Brown", "brightlightart", "Duael"]


def test_a_long_list_of_people_and_their_handles_without_an_organisation_word_is_of_people():
    letter = "We call on Congress to give artists who use these tools a seat at the table.\n\nSincerely, all of us\n\n"
    statement = parsed(letter + "".join(f"{n}. {name}\n" for n, name in enumerate(HANDLES, start=1)), "text/markdown")
    assert names(statement, "individual") == HANDLES
    with_a_union = [*HANDLES[:-1], "Artists Union of America"]
    described = parsed(letter + "".join(f"{n}. {name}\n" for n, name in enumerate(with_a_union, start=1)),
                       "text/markdown")
    assert "Artists Union of America" in names(described, "organisation")  # one that says what it is


@pytest.mark.parametrize("heading, signers", [("Sustain The Game! Principles:", []),
                                              ("Signatories:", ["Protect our clubs", "Transparency",
                                                                "Financial controls", "Supporter engagement"])])
def test_a_list_under_a_heading_that_names_what_a_campaign_stands_for_names_no_signer(heading, signers):
    principles = ["Protect our clubs - football clubs are community assets, they deserve legal protection",
                  "Transparency - everyone has a right to know who owns their club",
                  "Financial controls - fans want rules with real teeth, independently enforced",
                  "Supporter engagement - fans need a voice in their clubs and on all issues that affect them"]
    statement = parsed(LETTER + f"<h3>{heading}</h3><ol>" + "".join(f"<li>{p}</li>" for p in principles) + "</ol>")
    assert names(statement) == signers
