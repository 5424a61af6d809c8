"""Statement or not: which pages are listed, each kind of page as a small document of our own."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.parse import parse
from ingest.records import Document

from .conftest import CORPUS

ASK = "<p>We call on the Government to release all political prisoners held for their beliefs.</p>"
GROUPS = "".join(f"<li>{name}</li>" for name in ("Alpha Network", "Beta Rights Watch", "Gamma Foundation",
                                                  "Delta Coalition for Justice", "Epsilon Society"))


def parsed(body: str, content_type: str = "text/html", **metadata):
    return parse(Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc),
                          metadata=metadata))


def kind(body: str, **metadata) -> str:
    return parsed(f"<html><body>{body}</body></html>", **metadata).kind


@pytest.mark.parametrize("title", ["FSM Newsletter 10 March 2008", "October Newsletter", "Nieuwsbrief april"])
def test_a_page_whose_title_says_it_is_a_newsletter_is_not_listed(title):
    assert kind(f"<h1>{title}</h1>{ASK}<p>Signed by:</p><ul>{GROUPS}</ul>") == "other"
    assert kind(f"<h1>Open letter, not a newsletter</h1>{ASK}<p>Signed by:</p><ul>{GROUPS}</ul>") == "open_letter"


def test_an_announced_meeting_with_its_time_of_day_is_an_event():
    body = ("<h1>Convocata la prima assemblea provinciale</h1><p>Sabato 2 maggio 2020, alle ore 15.00, si terrà la "
            "prima assemblea online del progetto nella città.</p><p>Bisogna che la Regione ripensi il turismo e "
            "chiediamo al Presidente della Regione di ritirare il piano.</p><p>Il coordinamento è composto da:</p>"
            f"<ul>{GROUPS}</ul>")
    assert kind(body, language="it") == "other"


def test_a_day_of_action_called_for_an_hour_on_the_clock_is_an_event_whatever_demands_it_passes_on():
    demands = "".join(f"<li>{ask}</li>" for ask in ("Cut off the regime's financial lifelines in full",
                                                    "Ensure free internet and communications for the people",
                                                    "Immediate release of all political prisoners"))
    body = ("<h1>Solidarity with the people of Iran</h1><p>Global Day of Action, 14 February, at 13:00 on the "
            f"Theresienwiese, Munich.</p><p>Our three demands are clear:</p><ol>{demands}</ol>")
    assert kind(body) == "other"
    assert kind(body.replace(", at 13:00", "")) == "joint_statement"  # a day of action alone may be a statement's


@pytest.mark.parametrize("title", ["COMMUNIQUE COMMUN", "DECLARACION CONJUNTA"])
def test_a_title_in_capitals_that_drops_its_accents_still_labels_the_page(title):
    body = (f"<h1>{title}</h1><p>Les sections syndicales appellent la direction à retirer le dispositif.</p>"
            "<p>Nous demandons à la direction de retirer le dispositif mis en place.</p>")
    assert kind(body) == "joint_statement"
    assert kind(body.replace(title, "Retour au bureau")) == "other"


def test_a_statement_titled_so_that_tells_of_an_event_is_still_a_statement():
    body = ("<h1>Joint statement on the raid on the union's office</h1><p>The raid took place on Monday at 6 am, "
            "and the speakers of the union were taken away.</p><p>We call on the police to release them.</p>"
            f"<p>Signed by:</p><ul>{GROUPS}</ul>")
    assert kind(body) == "joint_statement"
    untitled = body.replace("Joint statement on the raid", "The raid")
    assert kind(untitled) == "joint_statement"  # asks that a line signs, names under it: no event's page
    assert kind(untitled.replace("<p>Signed by:</p>", "")) == "other"
    assert kind(untitled.replace("<p>We call on the police to release them.</p>", "")) == "other"


def test_an_event_that_lists_its_supporters_under_a_line_is_still_an_event():
    body = ("<h1>Panel on digital rights</h1><p>The panel discussion will take place on Monday at 6 pm in the town "
            "hall, and our speakers will look back on a year of campaigning.</p>"
            f"<p>Supported by:</p><ul>{GROUPS}</ul>")
    assert kind(body) == "other"


def test_a_list_of_members_is_not_listed_but_a_list_under_a_line_that_signs_is():
    prose = ("<h1>Who we are</h1><p>We are a broad and inclusive alliance of groups from across the country, "
             "working together on the climate.</p>")
    assert kind(f"{prose}<p>Some of our members include:</p><ul>{GROUPS}</ul>") == "other"
    assert kind(f"{prose}<p>Signed by:</p><ul>{GROUPS}</ul>") == "joint_statement"



@pytest.mark.parametrize("title", ["Our members", "Mitglieder", "Membres du réseau", "Nuestros socios"])
def test_a_page_titled_by_the_word_for_members_lists_a_membership_whatever_its_mission_asks(title):
    mission = "<p>The alliance brings together groups from across Europe. We call for a fair and open internet.</p>"
    assert kind(f"<h1>{title}</h1>{mission}<ul>{GROUPS}</ul>") == "other"
    signed = f"{mission}<p>Signed by:</p><ul>{GROUPS}</ul>"
    assert kind(f"<h1>Members of the coalition call for an open internet</h1>{signed}") == "joint_statement"
    assert kind(f"<h1>Sociedad civil exige internet</h1>{signed}") == "joint_statement"  # "soci", a whole word


def test_our_adherents_in_italian_are_members_and_adherents_alone_are_signers():
    mission = "<p>La rete riunisce comitati di inquilini di tutto il paese. Chiediamo una casa per tutte e tutti.</p>"
    assert kind(f"<h1>I nostri aderenti</h1>{mission}<ul>{GROUPS}</ul>", language="it") == "other"
    assert kind(f"<h1>Casa per tutti</h1>{mission}<p>Aderenti:</p><ul>{GROUPS}</ul>", language="it") != "other"

@pytest.mark.parametrize("title, addressed, language", [
    ("Our Demands", "Our Demands to the Government", "en"),
    ("Nos revendications", "Nos revendications au gouvernement", "fr"),
    ("Unsere Forderungen", "Unsere Forderungen an die Bundesregierung", "de"),
])
def test_a_page_titled_as_a_groups_own_demands_is_not_listed_unless_someone_signs_them(title, addressed, language):
    asks = {"en": "<p>We demand that the Government declare a climate emergency and act on it this year.</p>"
                  "<p>We demand that the national curriculum teach the ecological crisis in every school.</p>"
                  "<p>We demand that the Government end every subsidy for fossil fuels by next spring.</p>",
            "fr": "<p>Nous exigeons que le gouvernement relève le plafond des pensions cette année.</p>"
                  "<p>Nous demandons une commission nationale indépendante sur les caisses sociales.</p>"
                  "<p>Nous exigeons une transparence totale des caisses sociales dès maintenant.</p>",
            "de": "<p>Wir fordern, dass die Regierung den Klimanotstand noch in diesem Jahr ausruft.</p>"
                  "<p>Wir fordern, dass jede Schule die ökologische Krise im Unterricht behandelt.</p>"
                  "<p>Wir fordern, dass alle Subventionen für fossile Brennstoffe enden.</p>"}[language]
    assert kind(f"<h1>{title}</h1>{asks}", language=language) == "other"
    assert kind(f"<h1>{addressed}</h1>{asks}", language=language) == "joint_statement"
    signed = {"en": "Signed by:", "fr": "Signataires :", "de": "Unterzeichnet von:"}[language]
    assert kind(f"<h1>{title}</h1>{asks}<p>{signed}</p><ul>{GROUPS}</ul>", language=language) == "joint_statement"


def test_asks_closed_by_a_run_of_names_are_a_statement_with_no_label():
    assert kind(f"{ASK}<ul>{GROUPS}</ul>") == "joint_statement"


@pytest.mark.parametrize("closing, expected", [
    ("", "other"),  # one group's post that asks something: nothing presents it as a statement
    ("<p>Atentamente: grupo de trabajo del Segundo Foro</p>", "joint_statement"),  # a line that signs
    ("<p>This statement was put together by activists in the union.</p>", "joint_statement"),  # speaks of itself
    ("<p>Sign our petition, which can be found on our website.</p>", "other"),  # its text is on another page
    ("<p>Notre pétition, disponible sur notre site, sera remise au préfet.</p>", "other"),
])
def test_asks_without_signatories_are_listed_only_where_the_page_presents_itself_as_a_statement(closing, expected):
    body = ("<p>Last month the prefect asked the city to withdraw its grant to the festival, and the court has now "
            "ruled in our favour.</p><p>We demand, once again, that the government repeal the decree.</p>")
    assert kind(body + closing) == expected



@pytest.mark.parametrize("asks, expected", [
    (3, "joint_statement"),  # a desplegado whose signers are kept elsewhere ("Firma aquí")
    (2, "other"),  # a post that asks a thing or two
])
def test_a_page_that_asks_three_things_in_its_own_voice_is_a_statement_without_signers(asks, expected):
    sentences = ["Exigimos a los legisladores que aprueben la reforma del código penal este mismo año.",
                 "Pedimos al gobierno que financie programas amplios de educación sexual en las escuelas.",
                 "Reclamamos que se garantice la seguridad de las clínicas públicas y privadas del país."]
    body = "<p>La ciudad vive un debate que no puede esperar más.</p>" + "".join(
        f"<p>{sentence}</p>" for sentence in sentences[:asks])
    assert kind(body, language="es") == expected


def test_three_obligations_in_no_ones_voice_do_not_make_a_statement():
    body = "<p>La ciudad vive un debate que no puede esperar más.</p>" + "".join(f"<p>{sentence}</p>" for sentence in (
        "El gobierno debe aprobar la reforma del código penal este mismo año.",
        "El ministerio debe financiar programas amplios de educación sexual en las escuelas.",
        "Las autoridades deben garantizar la seguridad de las clínicas públicas y privadas."))
    assert kind(body, language="es") == "other"

@pytest.mark.parametrize("title, expected", [
    ("Appello per la pace in Europa", "joint_statement"),
    ("La lettera dei medici al ministro", "joint_statement"),
    ("Perché l'appello conta ancora", "other"),
])
def test_asks_under_a_title_that_opens_by_naming_a_statement(title, expected):
    body = f"<h1>{title}</h1><p>Chiediamo al governo di ritirare subito il decreto sulle armi.</p>"
    assert kind(body, language="it") == expected


def test_a_headline_that_counts_a_statements_signers_is_a_report_unless_the_page_carries_the_list():
    report = ("<h1>Over 50 NGOs sign open letter to the EU</h1><p>The organisations, among them our own, ask the "
              "Commission to end overfishing by 2025.</p><ol><li>End overfishing by 2025.</li>"
              "<li>Protect the high seas.</li></ol><p>The letter can be downloaded from the coalition's site.</p>")
    assert kind(report) == "other"
    assert kind(report + f"<p>Signatories:</p><ul>{GROUPS}</ul>") == "open_letter"
    assert kind(report + f"<ul>{GROUPS}</ul>") == "open_letter"  # the list alone


SWEDISH_TEXT = "".join(f"<p>{paragraph}</p>" for paragraph in (
    "Vi samlas på torget i morgon för att tillsammans visa att vi står upp för människorna i staden. Det är inte "
    "bara regeringens ansvar att agera, utan vårt gemensamma ansvar som medborgare och grannar.",
    "Under det senaste året har hyrorna stigit kraftigt, och många familjer har tvingats lämna sina hem utan att "
    "någon har tagit ansvar för vad som hänt i kvarteren.",
    "Därför står vi i dag tillsammans, föreningar från hela landet, och säger att det måste bli ett slut på detta, "
    "att bostaden är en rättighet och inte en vara som säljs till den som betalar mest. Vi kommer att fortsätta att "
    "samlas, vecka efter vecka, tills de som bestämmer lyssnar.",
))
TOWNS = ("Malmö", "Lund", "Umeå", "Luleå", "Gävle", "Växjö", "Borås", "Falun", "Kalmar", "Visby", "Kiruna", "Ystad")
ORGANISATIONS = "".join(f"<p>Hyresgästföreningen {town}</p>" for town in TOWNS)


def test_many_organisations_under_running_text_in_a_language_without_word_lists_are_a_statements_signers():
    statement = parsed(f"<html><body>{SWEDISH_TEXT}{ORGANISATIONS}</body></html>")
    assert statement.language == "sv"
    assert statement.kind == "joint_statement"
    assert len(statement.organisations) == 12
    assert kind(SWEDISH_TEXT + "".join(f"<p>Hyresgästföreningen {town}</p>" for town in TOWNS[:4])) == "other"
    english = ("<p>The residents gathered in the square to talk about the rents, which have risen sharply in the last "
               "year, and about the families who had to leave their homes.</p><p>Many of them had lived in the "
               "district for decades, and the meeting went on until late in the evening, when the last of the "
               "speakers told of the street where she grew up and of the shops that have closed there.</p><p>The "
               "meeting was the third of its kind this year, and the organisers expect more people at the next one, "
               "which is planned for the spring in the hall of the old school on the hill, where the first of them "
               "was held two years ago.</p><p>Those who could not come to the meeting were sent its minutes by post "
               "a week later.</p>")
    # in a language read here, words decide: a list under a report that neither asks nor signs is no statement
    assert kind(english + "".join(f"<p>Tenants Union of {town}</p>" for town in TOWNS)) == "other"


PEOPLE = [f"{given} {family}" for given in ("Anna", "Erik", "Karin", "Lars", "Maria") for family in
          ("Andersson", "Berg", "Holm", "Lind", "Nyström")]


def test_many_people_under_running_text_in_a_language_without_word_lists_are_a_statements_signers():
    signed = "".join(f"<p>{person}</p>" for person in PEOPLE)
    assert kind(SWEDISH_TEXT + signed) == "joint_statement"
    assert kind(SWEDISH_TEXT + "".join(f"<p>{person}</p>" for person in PEOPLE[:8])) == "other"  # a team, a board


def test_one_organisations_press_statement_is_a_press_release_even_where_it_calls_itself_a_coalition():
    body = ("<p>PRESS STATEMENT</p><h2>The Centre launches its digital freedom campaign</h2><p>The Centre for "
            "Liberty is a non-governmental organization and a coalition of rightsholders committed to social "
            "change.</p><p>We urge the Senate to immediately withdraw the social media bill.</p>")
    assert kind(body) == "press_release"


def test_a_release_that_opens_with_its_issuer_in_brackets_is_one_organisations():
    body = ("<h1>China Must Release Detained Labor Rights Advocates</h1><p>(Chinese Human Rights Defenders—July 25, "
            "2019) The Chinese government has continued to persecute labor organizers and activists in the south "
            "of the country.</p><p>CHRD urges the Chinese government to release the detained activists.</p>"
            "<p>From left to right: Li Zhan, Liu Penghua, Mi Jiuping, Yu Juncong, and Fu Changguo</p>"
            "<p>The arrests continued through the spring, and more workers were taken away in May.</p>")
    statement = parsed(f"<html><body>{body}</body></html>")
    assert (statement.kind, statement.publisher, statement.date) == (
        "press_release", "Chinese Human Rights Defenders", "2019-07-25")


def test_a_label_at_the_end_of_a_long_archive_line_still_names_the_page():
    body = ("<p>Union Members Support the Ordinance Date: Wed, 01/29/2020 - 16:07 Source: https://example.org/node/"
            "3361 Tags: green unionism, just transition, coal, fossil fuel capitalism, Green New Deal, Operating "
            "Engineers, Richmond, Sheet Metal Workers By Steve Morse, Martha Hawthorne and Jud Peake - Open</p>"
            "<h2>Letter, January 2020</h2><p>We are rank-and-file union members who support the ordinance.</p>"
            "<p>We ask the company to withdraw its threat to litigate.</p>")
    assert kind(body) == "open_letter"


def test_a_press_release_whose_opening_sentence_names_several_issuers_is_a_joint_statement():
    body = ("<p>Paris, le 7 novembre 2013. Communiqué de presse.</p><p>Deux ans après la convocation des inspecteurs "
            "au siège de Microsoft, l'April, Framasoft, le CNLL et l'Aful s'étonnent d'une nouvelle entorse à la "
            "neutralité scolaire.</p><p>Nous demandons un véritable enseignement de l'informatique à l'école.</p>")
    assert kind(body, language="fr") == "joint_statement"


@pytest.mark.parametrize("section, listed", [
    ("statements", True), ("Erklärungen", True), ("[Open letters, Klima]", True), ("news", False), ("posts", False),
])
def test_a_page_its_site_files_among_statements_is_listed_on_its_asks(section, listed):
    body = ("---\ntitle: Support for the union\ntype: " + section + "\n---\n\n"
            "The company fired the chair of the union last month.\n\n"
            "We call on the company to withdraw the dismissals and to respect the Labour Code.\n")
    assert parsed(body, "text/markdown").is_statement == listed


@pytest.mark.parametrize("section, title, expected", [
    ("categories: [ events ]", "Announcing the first #FREEBASSELDAY on March 15", "other"),
    ("category: Veranstaltungen", "Announcing the first #FREEBASSELDAY on March 15", "other"),
    ("categories: [ events ]", "Open letter for Bassel", "open_letter"),  # a title naming a statement outweighs it
    ("categories: [ news ]", "Announcing the first #FREEBASSELDAY on March 15", "open_letter"),
])
def test_a_page_its_site_files_among_events_is_not_listed_whatever_it_asks(section, title, expected):
    body = (f"---\ntitle: {title}\n{section}\n---\n\n"
            "He has been detained for a year. Below is our open letter, then a guide to help.\n\n"
            "We demand that his captors release him. We call on every person to make an event in their city.\n\n"
            "We urge the leaders of the open web to release software in his name.\n")
    assert parsed(body, "text/markdown").kind == expected


@pytest.mark.parametrize("front_matter, listed", [
    ("type: statements", True),
    ("description: Register of the letters, statements and petitions we sent this year", False),
])
def test_a_summary_that_speaks_of_statements_does_not_file_the_page_among_them(front_matter, listed):
    body = ("---\ntitle: The year 2020\n" + front_matter + "\n---\n\n"
            "The residents wrote to the rector about the closure of the buildings in March.\n\n"
            "- Daily Courier\n- Evening Standard Post\n- Radio Capital News\n- The Metro Gazette\n"
            "- National Broadcasting Network\n")
    assert parsed(body, "text/markdown").is_statement == listed


@pytest.mark.parametrize("title, listed", [("Demands to H&M", True), ("Our demands to H&M", True),
                                           ("Our demands", False),  # a group's own page: see below
                                           ("Why wages matter", False)])
def test_a_page_titled_as_its_demands_with_asks_in_it_is_listed(title, listed):
    body = (f"<h1>{title}</h1><p>Below are the measures we want to see.</p><h2>Living wage</h2>"
            "<ul><li>Pay workers making clothes a living wage.</li>"
            "<li>Show how much workers earn without overtime and bonuses.</li></ul>")
    assert kind(body) == ("joint_statement" if listed else "other")


@pytest.mark.parametrize("opening, language", [
    ("The Alpha Network has signed the open letter to the Minister, and encourages every group to do the same.", "en"),
    ("We are proud to be co-signers of the following letter, which the coalition sent to the Minister.", "en"),
    ("Le Collectif Alpha se joint aux signataires du communiqué et dénonce ces mesures.", "fr"),
    ("Das Bündnis Alpha unterzeichnet den Aufruf an die Ministerin und unterstützt sein Anliegen.", "de"),
])
def test_a_post_that_tells_of_joining_a_statement_made_elsewhere_is_a_report(opening, language):
    ask = {"en": "<p>We call on the Minister to withdraw the decree on public assembly at once.</p>",
           "fr": "<p>Nous exigeons le retrait immédiat du décret sur les rassemblements.</p>",
           "de": "<p>Wir fordern die Ministerin auf, das Dekret sofort zurückzunehmen.</p>"}[language]
    report = f"<p>{opening}</p>{ask}"
    assert kind(report, language=language) == "other"
    assert kind(report + f"<p>Signed by:</p><ul>{GROUPS}</ul>", language=language) != "other"  # it carries it


REPORTS = {  # a page that tells of a statement from outside: who wrote it, what it asks, quoted
    "en": ("In an open letter, more than 300 scientists have voiced their concern for the rivers of the region.",
           "The scientists call on every country to protect its rivers.",
           '"We believe the causes are known and must be tackled," the scientists write.',
           "We call on every country to protect its rivers and their fish at once."),
    "fr": ("Dans une lettre ouverte, plus de 300 scientifiques expriment leur inquiétude pour les rivières.",
           "Les scientifiques appellent tous les pays à protéger leurs rivières.",
           "« Nous savons quelles en sont les causes », écrivent les scientifiques.",
           "Nous appelons tous les pays à protéger leurs rivières sans attendre."),
    "de": ("In einem offenen Brief haben über 300 Fachleute ihre Sorge um die Flüsse der Region geäußert.",
           "Die Fachleute rufen alle Länder auf, ihre Flüsse zu schützen.",
           "„Wir kennen die Ursachen“, schreiben die Fachleute.",
           "Wir fordern alle Länder auf, ihre Flüsse sofort zu schützen."),
    "es": ("En una carta abierta, más de 300 científicos expresan su preocupación por los ríos de la región.",
           "Los científicos piden a todos los países que protejan sus ríos.",
           "«Conocemos las causas», escriben los científicos.",
           "Exigimos a todos los países que protejan sus ríos de inmediato."),
    "pt": ("Numa carta aberta, mais de 300 cientistas expressam a sua preocupação com os rios da região.",
           "Os cientistas pedem a todos os países que protejam os seus rios.",
           "«Conhecemos as causas», escrevem os cientistas.",
           "Exigimos que todos os países protejam os seus rios imediatamente."),
    "it": ("In una lettera aperta, oltre 300 scienziati esprimono la loro preoccupazione per i fiumi della regione.",
           "Gli scienziati chiedono a tutti i paesi di proteggere i loro fiumi.",
           "«Conosciamo le cause», scrivono gli scienziati.",
           "Chiediamo a tutti i paesi di proteggere subito i loro fiumi."),
    "nl": ("In een open brief uiten meer dan 300 wetenschappers hun zorg over de rivieren van de regio.",
           "De wetenschappers roepen alle landen op hun rivieren te beschermen.",
           "„Wij kennen de oorzaken”, schrijven de wetenschappers.",
           "Wij roepen alle landen op hun rivieren onmiddellijk te beschermen."),
}


@pytest.mark.parametrize("opening, asks, language", [
    ("On Monday, five organisations sent an open letter to the housing minister.",
     "The letter calls on the government to open the empty flats.", "en"),
    ("El lunes, cinco organizaciones enviaron una carta abierta al ministro de vivienda.",
     "La carta exige al gobierno abrir los pisos vacíos.", "es"),
    ("Lundi, cinq associations ont adressé une lettre ouverte au ministre du logement.",
     "La lettre demande au gouvernement d'ouvrir les logements vides.", "fr"),
    ("Lundi, 300 associations ont adressé une lettre ouverte au ministre du logement.",  # "-ons", no verb of "we"
     "La lettre demande au gouvernement d'ouvrir les logements vides.", "fr"),
])
def test_a_page_that_tells_of_a_letter_sent_is_a_report_unless_it_speaks_as_we(opening, asks, language):
    report = f"<h1>Groups write to the minister</h1><p>{opening}</p><p>{asks}</p>"
    assert kind(report, language=language) == "other"
    own = {"en": "We call on the government to open the empty flats.",
           "es": "Exigimos al gobierno que abra los pisos vacíos.",
           "fr": "Nous demandons au gouvernement d'ouvrir les logements vides."}[language]
    assert kind(report.replace(asks, own), language=language) != "other"


@pytest.mark.parametrize("language", sorted(REPORTS))
def test_a_page_that_tells_of_a_statement_from_outside_is_a_report_unless_it_speaks_as_we(language):
    opening, reported_ask, quotation, own_ask = REPORTS[language]
    sources = "<p>Sources: Alpha Network, Beta Rights Watch, Gamma Foundation, Delta Coalition and Epsilon Society</p>"
    report = f"<h1>Rivers in danger</h1><p>{opening}</p><p>{quotation}</p><p>{reported_ask}</p>{sources}"
    assert kind(report, language=language) == "other"
    # the same opening on a page that speaks for itself, or that a line signs, is the statement
    assert kind(report.replace(reported_ask, own_ask), language=language) != "other"
    assert kind(f"{report}<p>Signed by:</p><ul>{GROUPS}</ul>", language=language) != "other"


@pytest.mark.parametrize("opening", [
    "In a letter sent on Monday, Alpha Network, Beta Rights Watch, Gamma Foundation, Delta Coalition and Epsilon "
    "Society urge the Commission to ban spyware.",
    "In their statement, Alpha Network, Beta Rights Watch and Gamma Foundation urge the Commission to ban spyware.",
])
def test_a_report_that_names_a_statements_signers_in_its_opening_is_still_a_report(opening):
    quotation = '<p>"We call on the Commission to act now," the groups wrote.</p>'
    report = f"<h1>Groups urge the EU to act</h1><p>{opening}</p>{quotation}"
    assert kind(report) == "other"
    assert kind(f"{report}<p>Signed by:</p><ul>{GROUPS}</ul>") != "other"  # the statement itself, signed


@pytest.mark.parametrize("language, opening, aside", [
    ("fr", "Dans un communiqué commun publié lundi, Attac Rennes, Alternatiba Grenoble, Droit au Logement Paris et "
           "Greenpeace Bordeaux ont demandé à la mairie de retirer son plan d'expulsions.",
     "La mairie a indiqué qu'elle répondrait la semaine prochaine aux associations."),
    ("de", "In einer am Montag veröffentlichten gemeinsamen Erklärung forderten Bündnis Klimaneustart, Seebrücke "
           "Hamburg, Mieterverein Leipzig und Attac Österreich die Stadt auf, den Räumungsplan zurückzunehmen.",
     "Die Stadt kündigte an, nächste Woche zu antworten."),
])
def test_a_report_of_a_statement_is_not_one_where_its_nouns_end_as_we_would_speak(language, opening, aside):
    """ "des expulsions", "aux associations" end as "demandons" does, but after an article or a preposition they are
    nouns, not the page speaking as "we"; "In einer am Montag veröffentlichten gemeinsamen Erklärung" tells of a
    statement, words between its article and its noun."""
    assert kind(f"<h1>Les associations contre les expulsions</h1><p>{opening}</p><p>{aside}</p>",
                language=language) == "other"


def test_a_report_that_cites_a_statement_as_its_source_is_a_report():
    report = ("<h1>Groups urge council to drop eviction plan</h1><p>Leeds Tenants Union, Acorn Sheffield, Glasgow "
              "Refugee Network and Fossil Free London are urging the city council to withdraw its eviction plan, "
              "according to a statement released on Monday.</p><p>The council said it would respond next week.</p>")
    assert kind(report) == "other"
    own = ("<h1>No evictions</h1><p>According to the Universal Declaration of Human Rights, everyone has the right to "
           "housing.</p><p>We call on the city council to withdraw its eviction plan.</p><p>Signed by:</p>"
           f"<ul>{GROUPS}</ul>")
    assert kind(own) != "other"


def test_a_statement_that_says_its_signers_signed_it_is_no_report():
    body = ("<h1>Open letter to the Minister</h1><p>Forty groups across the country have signed this letter.</p>"
            "<p>We call on the Minister to withdraw the decree on public assembly at once.</p>")
    assert kind(body) == "open_letter"


@pytest.mark.parametrize("signed, language", [
    ("Signed", "en"), ("Signé :", "fr"), ("Gezeichnet", "de"), ("Firmado", "es"), ("Assinado", "pt"), ("FIRMATO", "it"),
    ("Getekend", "nl"),
])
def test_a_line_that_is_only_the_word_signed_signs_the_names_under_it(signed, language):
    body = ("<h1>Interrogazione al Ministro</h1><p>Il consiglio ha esaminato la questione della lingua "
            "dell'insegnamento nelle università e la sentenza del tribunale amministrativo.</p>"
            "<p>ROSSI Maria, BIANCHI Giovanni, VERDI Luca, NERI Anna, RUSSO Paolo, ESPOSITO Chiara</p>")
    assert kind(body, language=language) == "other"  # names under prose, with nothing that signs
    signed_body = body.replace("<p>ROSSI", f"<p>{signed}</p><p>ROSSI")
    statement = parsed(f"<html><body>{signed_body}</body></html>", language=language)
    assert statement.kind == "joint_statement"
    assert [signatory.name for signatory in statement.signatories][:2] == ["ROSSI Maria", "BIANCHI Giovanni"]


@pytest.mark.parametrize("subtitle, expected", [
    ("Final statement by Alpha Network, Beta Rights Watch and Gamma Foundation", "joint_statement"),
    ("Final words from Alpha Network, Beta Rights Watch and Gamma Foundation", "other"),
])
def test_a_subtitle_that_opens_by_naming_a_statement_presents_the_page_as_one(subtitle, expected):
    body = ('+++\ntitle = "End of the campaign"\nsubtitle = "' + subtitle + '"\n+++\n\n'
            "While **Alpha Network**, along with fellow partners **Beta Rights Watch** and **Gamma Foundation**, are "
            "glad that the negotiators have reached an agreement on the law, they believe that some important aspects "
            "still need to be tackled.\n\nThe deal was reached after long negotiations, and some politicians have said "
            "there is nothing to worry about.\n\nWe will continue to fight for digital rights.\n")
    assert parsed(body, "text/markdown").kind == expected


@pytest.mark.parametrize("title, opening, language, expected", [
    ("Declaration of the Cities for Clean Air", "We, the undersigned cities, formally come together to protect the air "
     "our residents breathe.", "en", "joint_statement"),
    ("Déclaration des villes pour un air pur", "Nous, soussignées, villes d'Europe, nous unissons pour protéger l'air "
     "que respirent nos habitants.", "fr", "joint_statement"),
    ("Why clean air matters to cities", "We, the undersigned cities, formally come together to protect the air our "
     "residents breathe.", "en", "other"),  # the voice without a title that names a statement
    ("Declaration of the Cities for Clean Air", "The cities have come together to protect the air their residents "
     "breathe.", "en", "other"),  # the title without the voice
])
def test_a_declaration_spoken_by_its_undersigned_is_listed_though_its_signers_are_elsewhere(title, opening, language,
                                                                                             expected):
    body = (f"<h1>{title}</h1><p>{opening}</p><h2>01 Access</h2><p>Everyone should have access to clean air on equal "
            "terms, in every district of every city.</p><p><a href='/cities'>See all the joined cities</a></p>")
    assert kind(body, language=language) == expected


@pytest.mark.parametrize("sentence_end, listed", [
    ("et de nombreux autres ont rejoint la campagne récemment.", False),  # news of who signed up
    ("et de nombreux autres signent cet appel.", True),  # the statement speaking of itself
])
def test_names_that_a_sentence_says_have_joined_are_news_of_sign_ups(sentence_end, listed):
    body = ("---\ntitle: Parmi les signataires récents\ndate: 30/04/2015\n---\n\n"
            "Alpha, Beta Libre, gamma.org, Delta France, L'EPSILON, Zeta France, Eta, la Theta Academy, Iota Digitale "
            f"{sentence_end}\n\nContinuons de rassembler, plus nous serons nombreux et plus nous serons entendus !\n")
    statement = parsed(body, "text/markdown")
    assert len(statement.signatories) == (9 if listed else 0)
    assert statement.is_statement == listed


@pytest.mark.parametrize("voice, expected", [
    ("Jede dritte Bedarfsgemeinschaft sei eine Familie mit minderjährigen Kindern, betonen die Unterzeichnenden. "
     "Sanktionen blieben daher nicht auf einzelne Personen begrenzt.", "other"),  # a report's third person
    ("Jede dritte Bedarfsgemeinschaft ist eine Familie mit minderjährigen Kindern, betonen wir Unterzeichnenden. "
     "Sanktionen bleiben daher nicht auf einzelne Personen begrenzt.", "open_letter"),
])
def test_a_page_telling_of_an_open_letter_in_the_third_person_reports_it(voice, expected):
    body = ("<h1>Offener Brief zur Reform von SGB II</h1><p>Berlin, 19.02.2026 – Ein breites Bündnis aus 38 "
            "Organisationen und Verbänden wendet sich in einem Offenen Brief an die Bundesregierung.</p>"
            f"<p>{voice}</p><p>Die Bundesregierung muss auf Sanktionen verzichten, die Kinder mitbestrafen.</p>"
            "<p>Die Bundesregierung muss die Karenzzeit für Wohnkosten beibehalten.</p>")
    assert kind(body, language="de") == expected


@pytest.mark.parametrize("opening, expected", [
    ("This is a list of the current organisational signatories which have signed on to and contributed to The "
     "People's Manifesto.", "other"),
    ("We, the undersigned organisations, have signed on to The People's Manifesto.", "joint_statement"),
    ("Singapore's workers, migrants and minorities have too long been left out of the decisions that shape their "
     "lives, their wages and their homes. " * 4 + "Below is the list of signatories of this manifesto.",
     "joint_statement"),  # the statement's own text, then its list
])
def test_a_page_that_only_lists_a_statements_signers_is_not_the_statement(opening, expected):
    groups = "".join(f"<p>{name}</p>" for name in ("Beyond the Hijab Singapore", "For The Children SG", "Function 8",
                                                    "IndigNation", "Living Soil Asia", "MARUAH", "New Naratif"))
    assert kind(f"<h1>The People's Manifesto</h1><p>{opening}</p>{groups}") == expected


@pytest.mark.parametrize("title, expected", [
    ("Apoiadores", "other"),
    ("Signatories", "other"),
    ("Manifesto pela ciência", "joint_statement"),
])
def test_a_page_titled_as_its_supporters_with_a_note_above_them_is_not_the_statement(title, expected):
    note = ("Agradecemos o apoio de todos nessa lista. Queremos deixar claro que a presença de um apoiador nessa lista "
            "não significa que defendemos ideologias que estes possam apresentar.")
    names = ("Associação Brasileira de Agroecologia", "Instituto Serrapilheira", "Sociedade Brasileira de Física",
             "Rede Análise COVID-19", "Associação dos Geógrafos Brasileiros", "Instituto Questão de Ciência")
    groups = "".join(f"<p>{name}</p>" for name in names)
    assert kind(f"<h1>{title}</h1><p>{note}</p>{groups}", language="pt") == expected


def test_a_page_whose_title_tag_says_signatories_lists_them_however_many_there_are():
    names = "".join(f"<p>{name}</p>" for name in (
        "La Marche des Solidarités", "C.I.S.P.M.", "Collectif des jeunes du parc de Belleville",
        "Intercollectif des sans-papiers Ile-de-France", "Accueil Migrants de la Vallée du Doux", "Attac France",
        "Droit au Logement", "Union syndicale Solidaires", "Ligue des droits de l'Homme", "Cimade Ile-de-France",
        "Réseau Education Sans Frontières", "Collectif des travailleurs sans-papiers de Vitry",
        "Accueil Hébergement Accompagnement d'exilés au Sud de Rennes", "Fédération des Associations de Solidarité",
        "Syndicat des avocats de France", "Emmaüs International", "Utopia 56", "Coordination Sans-Papiers 75",
        *(f"Collectif des jeunes mineurs et majeurs isolés de la ville de {town}" for town in (
            "Rouen", "Lille", "Nantes", "Rennes", "Lyon", "Marseille", "Grenoble", "Toulouse", "Bordeaux", "Metz"))))
    page = ("<html><head><title>Signataires — Journée Sans Nous</title></head><body><header><h2>Journée Sans Nous"
            "</h2></header><main><p>Une mobilisation historique. Nous appelons à la grève des sans-papiers le 18 "
            f"décembre, dans toute la France.</p><h2>Organisations signataires</h2>{names}</main></body></html>")
    assert kind(page, language="fr") == "other"
    assert kind(page.replace("Signataires — ", "Appel — "), language="fr") == "joint_statement"


def test_a_post_body_that_opens_on_how_many_groups_sent_a_letter_reports_it():
    body = ("<p>Il 25 marzo, 61 associazioni di giornalisti e di attivisti hanno inviato una lettera congiunta ai "
            "membri del Parlamento europeo, esortandoli a votare contro la proposta di regolamento.</p>"
            "<p>Come ultimo passo del processo legislativo, il Parlamento europeo deve decidere se approvare il testo, "
            "se pensiamo al Digital Services Act.</p><p>Il governo deve ritirare il regolamento proposto.</p>")
    assert kind(body, language="it") == "other"
    assert kind(body.replace("61 associazioni", "le associazioni"), language="it") == "joint_statement"


def test_a_media_advisory_of_a_press_conference_with_its_hour_is_an_event():
    parties = "".join(f"<p><strong>• {name},</strong> 416-462-9541, <a href='https://x.ca'>x.ca</a></p>" for name in (
        "Animal Alliance Environment Voters Party of Canada", "Canadian Action Party", "Christian Heritage Party",
        "Communist Party of Canada", "Libertarian Party of Canada", "Pirate Party of Canada"))
    advisory = ("<h1>Parties to Hold Joint Press Conference in Ottawa in Opposition to C-23</h1>"
                "<p>Date: <strong>Friday, April 11, 2014</strong></p><p>Time: <strong>10:30 am</strong></p>"
                "<p>Place: <strong>Charles Lynch Room, Centre Block, Parliament Hill</strong></p>"
                "<p>Registered political parties without representation in the House of Commons are holding a press "
                "conference on Friday, April 11 to present their views on Bill C-23. The parties listed below will be "
                "participating.</p><p>For further information contact:</p>" + parties)
    assert kind(advisory) == "other"
    letter = advisory.replace("Hold Joint Press Conference", "Sign a Joint Letter").replace(
        "<p>Time: <strong>10:30 am</strong></p>", "").replace("holding a press conference", "writing")
    assert kind(letter) != "other"


@pytest.mark.parametrize("language, held", [
    ("es", "El evento se realizará a través de la plataforma Zoom."),
    ("pt", "O evento acontecerá na plataforma Zoom."),
    ("ca", "L'esdeveniment es farà a través de la plataforma Zoom."),
])
def test_a_meeting_called_with_its_hour_and_how_the_event_is_held_is_not_listed(language, held):
    hour, ask = {"es": ("el jueves 14 de enero, a las 10 horas", "Exigimos al Gobierno que pague sus deudas."),
                 "pt": ("na quinta-feira, 14 de janeiro, às 10h", "Exigimos que o Governo pague as suas dívidas."),
                 "ca": ("dijous 14 de gener, a les 10 hores", "Exigim al Govern que pagui els seus deutes.")}[language]
    body = (f"<h1>Convocatoria Nacional</h1><p>Convocamos a todos los prestadores a una transmisión {hour}.</p>"
            f"<p>{held}</p><p>{ask}</p><p>La Federación está conformada por:</p><ul>{GROUPS}</ul>")
    assert kind(body, language=language) == "other"


def test_a_report_that_one_group_together_with_others_presented_a_commitment_is_not_listed():
    report = ("<h1>Commitment for the right to housing in the new constitution</h1><p>As Chile drafts its new "
              "constitution, GI-ESCR, together with a group of citizen organisations, presented members of the "
              "convention their Commitment to dignified housing, calling on them to enshrine the right in it.</p>"
              "<p>More than 81,000 families live in camps throughout Chile, most of them in precarious housing.</p>")
    assert kind(report) == "other"
    asks_twice = report.replace("</p><p>More", " We urge the convention to end forced evictions. We call on the "
                                "government to fund public housing.</p><p>More")
    assert kind(asks_twice) == "joint_statement"


@pytest.mark.parametrize("label", ["Für das Präsidium:", "For the Board:", "Namens het bestuur:"])
def test_a_statement_that_asks_nothing_signed_by_people_for_their_board_is_the_organisations_own(label):
    statement = (CORPUS / "dev-40" / "jcha-dkr-hanau-stellungnahme-2020.md").read_text("utf-8")
    assert "Für das Präsidium:" in statement
    assert parsed(statement.replace("Für das Präsidium:", label), "text/markdown").kind == "other"
    assert parsed(statement.replace("Für das Präsidium:", "Unterzeichnet von:"), "text/markdown").kind == \
        "joint_statement"
    asking = statement.replace("Tief erschüttert", "Wir fordern die Bundesregierung auf, den Opferfonds sofort "
                               "aufzustocken.\n<br>\nTief erschüttert")
    assert parsed(asking, "text/markdown").kind == "joint_statement"
    with_organisations = statement.replace("Friedhelm Pieper", "Friedhelm Pieper, Amnesty International")
    assert parsed(with_organisations, "text/markdown").kind == "joint_statement"


def test_a_post_signed_by_its_own_author_alone_that_asks_nothing_is_not_listed():
    body = ("---\ntitle: \"Clearing the air on the new party - our statement\"\nauthor: \"Riverside Tenants Union\"\n"
            "---\n\nDear members,\n\nSome of you may have seen petitioners at the market this weekend, collecting "
            "signatures for a new party that nobody here knows.\n\nWe are not affiliated with it, and we will write "
            "again as soon as we know more about who is behind it.\n\nIn Solidarity,\n\nRiverside Tenants Union\n")
    assert parsed(body, "text/markdown").kind == "other"
    assert parsed(body.replace("author: \"Riverside Tenants Union\"", "author: \"Jane Doe\""),
                  "text/markdown").kind == "joint_statement"  # signed by an organisation other than its author


@pytest.mark.parametrize("sent, language", [
    ("On Monday we sent an open letter to the housing minister about the eviction plan.", "en"),
    ("Lundi, nous avons envoyé une lettre ouverte au ministre du logement.", "fr"),
    ("Am Montag haben wir einen offenen Brief an die Bauministerin geschickt.", "de"),
    ("El lunes enviamos una carta abierta a la ministra de vivienda.", "es"),
])
def test_a_post_telling_of_an_open_letter_its_writers_sent_is_not_the_letter(sent, language):
    about = (f"<article><h1>Open letter</h1><p>{sent}</p><p>In the letter, we ask the minister to withdraw the plan. "
             "It was signed by twelve tenant groups.</p></article>")
    assert kind(about, language=language) == "other"
    signers = "<p>Signed:</p><ul><li>Acorn Sheffield</li><li>Leeds Tenants Union</li><li>Fossil Free London</li></ul>"
    letter = about.replace("It was signed by twelve tenant groups.</p>", "</p>" + signers)
    assert kind(letter, language=language) != "other"  # the letter itself, with its signers, sent or not
