"""Demands read clause by clause, and lists that a lead-in introduces: each general behaviour on a small document."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.parse import parse
from ingest.parse.actions import is_action_word
from ingest.parse.asks import sentence_asks
from ingest.parse.demands import names_demands, reads_as_ask
from ingest.parse.lexicon import lexicon
from ingest.records import Document
from ingest.sources import read_file

from .conftest import CORPUS


@pytest.fixture(autouse=True)
def listed(monkeypatch):
    """These small documents test how asks are read; whether a page is a statement at all is test_kinds.py's
    matter, and parse() keeps demands only on pages it lists."""
    monkeypatch.setattr("ingest.parse.page_kind", lambda evidence: "joint_statement")


def demands(body: str, content_type: str = "text/markdown", language: str | None = None) -> list[tuple]:
    metadata = {"language": language} if language else {}
    document = Document("fixture", body.encode("utf-8"), content_type, "utf-8", datetime.now(timezone.utc),
                        metadata=metadata)
    return [(d.addressee, d.text) for d in parse(document).demands]


def asked(sentence: str, language: str = "en") -> list[str]:
    return [sentence[a.start:a.end] for a in sentence_asks(sentence, lexicon(language))]


def test_names_after_an_ask_are_not_demands_without_a_lead_in_that_introduces_them():
    names = "\n".join(f"- {name}" for name in ("Amnesty International", "Chaos Computer Club", "Free Press",
                                              "Fight for the Future", "Demand Progress"))
    assert demands(f"We urge the Council to reject the bill.\n\n{names}\n") == [
        ("Council", "We urge the Council to reject the bill.")]


def test_names_after_an_open_lead_in_are_not_demands():
    assert demands("""We call on the following to:

- Amnesty International
- Chaos Computer Club
- Fight for the Future
""") == []


def test_asks_listed_after_a_sentence_that_does_not_introduce_them_are_not_a_demand_list():
    assert demands("""We urge the Council to reject the bill.

- Release all political prisoners
- End the crackdown on the press
""") == [("Council", "We urge the Council to reject the bill.")]


def test_a_list_of_asks_after_an_open_lead_in_and_a_sentence_ask_after_it_are_both_demands():
    assert demands("""We call on the Government to:

- Release all political prisoners.
- Repeal the security law.

We also urge the European Union to suspend its trade talks with the Government.
""") == [("Government", "Release all political prisoners."), ("Government", "Repeal the security law."),
         ("European Union", "We also urge the European Union to suspend its trade talks with the Government.")]


def test_noun_phrases_after_wir_fordern_are_demands_but_arguments_after_an_ask_of_its_own_are_not():
    assert [text for _, text in demands("""**Wir fordern:**

- Ein wirksames Klimaschutzgesetz
- Die Abschaffung umweltschädlicher Subventionen
""")] == ["Ein wirksames Klimaschutzgesetz", "Die Abschaffung umweltschädlicher Subventionen"]
    assert [text for _, text in demands("""We call upon the Government to seriously consider the following points:

(1) The exclusion of the Mainland was a deliberate choice made by the legislature two decades ago.

(2) Such exclusion was a result of grave concerns over the protection of human rights.
""")] == ["We call upon the Government to seriously consider the following points:"]


@pytest.mark.parametrize("sentence", [
    "UN General Assembly resolutions have called on WTO Members to consider extensions.",
    "In 2019 the groups urged the minister to resign.",
    "The “We the People” petition calling on President Obama to stand for encryption reached 100,000 signatures.",
    "“We urge the police to stop,” said the spokesperson.",
    "Will you call on the Council to act?",
    "We note that the Special Rapporteur calls on States to end the practice.",
    "We thank Demand Progress for its support.",
])
def test_reported_past_quoted_and_questioned_asks_are_not_the_statements(sentence):
    assert asked(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The United States should once and for all repudiate any mandate for backdoors.",
     ["The United States should once and for all repudiate any mandate for backdoors."]),
    ("Therefore, the Commission must withdraw the proposal.", ["the Commission must withdraw the proposal."]),
    ("No surveillance partnership should be established without community engagement.", []),
    ("It must be clear that this is only a first step.", []),
    ("The European Union must not become a surveillance state.", []),
    ("We must keep organising.", []),
    ("We must consider the possibility that GitHub will be pressured to remove the repository.", []),
    ("Wir müssen damit rechnen, dass die Regierung das Gesetz ändert.", []),
    ("On our behalf, you demanded the information you need to know what you are building.", []),
    ("As ministers you must act now.", ["As ministers you must act now."]),
])
def test_an_obligation_put_on_a_named_party_is_a_demand(sentence, expected):
    assert asked(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("To meet this challenge, however, businesses, policymakers, and individuals must adopt a new way of thinking.",
     ["businesses, policymakers, and individuals must adopt a new way of thinking."]),
    ("The EU, its member states, and companies should stop the exports.",
     ["The EU, its member states, and companies should stop the exports."]),
    ("Once the law has passed, and this year has ended, we must keep organising.", []),
])
def test_an_obligation_put_on_parties_listed_with_a_comma_before_their_and_is_a_demand(sentence, expected):
    assert asked(sentence) == expected


def test_what_the_signers_must_ask_for_is_asked():
    sentence = "We must demand from our government that Canada change its course."
    assert set(asked(sentence)) == {sentence}
    letter = read_file(CORPUS / "dev-17" / "studentsforpalestine-mru-open-letter-2023.md")
    assert any(d.text.startswith("We must demand from our government") for d in parse(letter).demands)


@pytest.mark.parametrize("sentence, language, expected", [
    ("Global Witness et PPLAAF affirment qu'Ekanga et Yuma doivent assumer la responsabilité des fonds disparus.",
     "fr", ["Ekanga et Yuma doivent assumer la responsabilité des fonds disparus."]),
    ("Nous estimons qu'Ekanga et Yuma doivent assumer la responsabilité des fonds disparus.",
     "fr", ["Ekanga et Yuma doivent assumer la responsabilité des fonds disparus."]),
    ("Access Now and Alpha Rights Watch said that the Government must withdraw the decree.",
     "en", ["the Government must withdraw the decree."]),
    ("The court ruled that the Government must withdraw the decree.", "en", []),
    ("Jane Doe and Peter Jones said that the Government must withdraw the decree.", "en", []),
])
def test_an_obligation_that_organisations_named_together_or_the_signers_say_is_a_demand(sentence, language, expected):
    assert asked(sentence, language) == expected


@pytest.mark.parametrize("sentence, language, expected", [
    ("Because the council has failed the tenants, the government must act now.", "en",
     ["the government must act now."]),
    ("Si el Gobierno no actúa, la Fiscalía debe abrir una investigación.", "es",
     ["la Fiscalía debe abrir una investigación."]),
    ("While we respect the process, now is a time the W3C should take a stronger position.", "en", []),
    ("If we are to win, we must keep organising.", "en", []),
])
def test_an_obligation_in_the_main_clause_after_an_opening_subordinate_one_is_a_demand(sentence, language, expected):
    assert asked(sentence, language) == expected


def test_an_obligation_where_the_verb_comes_second():
    sentence = "Daher sollte auch der Rat der Stadt alle Möglichkeiten ausschöpfen, um das Projekt umzusetzen."
    assert asked(sentence, "de") == [sentence]
    assert asked("Private Überwachung muss bekämpft werden.", "de") == []


def test_several_asks_in_one_sentence_are_several_demands():
    assert asked("We strongly urge the police to rescind the proposal and call on the Government to halt it.") == [
        "We strongly urge the police to rescind the proposal", "call on the Government to halt it."]
    assert asked("To that end, we call on mayors to cancel all existing partnerships, and to pass oversight "
                 "ordinances in every city.") == [
        "we call on mayors to cancel all existing partnerships", "to pass oversight ordinances in every city."]
    assert asked("We the undersigned believe that this law violates workers' rights and demand that it be scrapped."
                 ) == ["demand that it be scrapped."]



@pytest.mark.parametrize("sentence, language, expected", [
    ("Chiediamo alla Commissione di pubblicare la bozza e di non firmare alcun accordo segreto.", "it",
     ["Chiediamo alla Commissione di pubblicare la bozza", "di non firmare alcun accordo segreto."]),
    ("Nous demandons au ministre de publier le texte et de ne pas signer un accord secret.", "fr",
     ["Nous demandons au ministre de publier le texte", "de ne pas signer un accord secret."]),
    ("Wij vragen de minister om het verbod te heroverwegen en om de Kamer te informeren over de gevolgen.", "nl",
     ["Wij vragen de minister om het verbod te heroverwegen", "om de Kamer te informeren over de gevolgen."]),
    ("Wij roepen de minister op om het verbod te heroverwegen en om de Kamer te informeren.", "nl",
     ["Wij roepen de minister op om het verbod te heroverwegen", "om de Kamer te informeren."]),
    ("Wij vragen de minister om een antwoord en om de stukken van de Kamer.", "nl",
     ["Wij vragen de minister om een antwoord en om de stukken van de Kamer."]),
])
def test_a_second_ask_may_open_with_a_negation_or_keep_its_infinitive_last(sentence, language, expected):
    """The marker again, then "non", "ne pas" or "niet" before the verb; or, in Dutch, the marker's clause ending
    in "te" and the verb. "om een antwoord en om de stukken" asks for things, not acts: one demand."""
    assert asked(sentence, language) == expected

@pytest.mark.parametrize("sentence, language, expected", [
    ("We call on the company to withdraw the dismissals of the union's officers, to respect the labour code and to "
     "stop intimidating its members.", "en",
     ["We call on the company to withdraw the dismissals of the union's officers", "to respect the labour code",
      "to stop intimidating its members."]),
    ("Our demand is to stop the persecution of protesters, stop the fabricated cases and release all of them.", "en",
     ["Our demand is to stop the persecution of protesters", "stop the fabricated cases", "release all of them."]),
    ("Nous demandons au gouvernement de retirer le projet de loi, de publier son avis et de consulter les syndicats.",
     "fr", ["Nous demandons au gouvernement de retirer le projet de loi", "de publier son avis",
            "de consulter les syndicats."]),
    ("Nous demandons au gouvernement de retirer le projet de loi, d'ouvrir une concertation et de publier son avis.",
     "fr", ["Nous demandons au gouvernement de retirer le projet de loi", "d'ouvrir une concertation",
            "de publier son avis."]),
    ("Nous demandons instamment au gouvernement d'ouvrir une concertation avec les syndicats et de retirer le projet.",
     "fr", ["Nous demandons instamment au gouvernement d'ouvrir une concertation avec les syndicats",
            "de retirer le projet."]),
    ("Nous demandons au gouvernement d'assurer un accès au logement et de meilleures conditions de vie.", "fr",
     ["Nous demandons au gouvernement d'assurer un accès au logement et de meilleures conditions de vie."]),
    ("We urge the Council to release the three workers, to the relief of their families.", "en",
     ["We urge the Council to release the three workers, to the relief of their families."]),
    ("We call on the Government to act on the report now, to avoid more deaths.", "en",
     ["We call on the Government to act on the report now, to avoid more deaths."]),
    ("We call on the Council to stop the raids (stop the arrests, stop the fines) and release the detainees.", "en",
     ["We call on the Council to stop the raids (stop the arrests, stop the fines)", "release the detainees."]),
])
def test_a_series_of_asks_parted_by_commas_and_closed_by_a_conjunction_is_one_demand_each(sentence, language,
                                                                                         expected):
    """A comma parts a series only where its next part asks again ("to respect", "stop") and a conjunction closes
    the series; a comma in brackets parts nothing."""
    assert asked(sentence, language) == expected


def test_a_nested_ask_names_the_target_not_a_second_demand():
    [ask] = sentence_asks("We call on governments to join together to call on China to free the prisoners.",
                          lexicon("en"))
    assert (ask.addressee, ask.target) == ("governments", "China")


@pytest.mark.parametrize("language, sentence, expected", [
    ("es", "Exigimos al Gobierno que retire la ley.", ["Exigimos al Gobierno que retire la ley."]),
    ("es", "El relator pide a los Estados que retiren la ley.", []),
    ("it", "Per questo chiediamo al Governo italiano di ritirare il decreto.",
     ["chiediamo al Governo italiano di ritirare il decreto."]),
    ("es", "Aprovechamos la ocasión para exhortar a los partidos a firmar el pacto.",
     ["exhortar a los partidos a firmar el pacto."]),
    ("nl", "Daarom roepen we de partijen op hun standpunt te herzien.",
     ["Daarom roepen we de partijen op hun standpunt te herzien."]),
    ("nl", "Wij roepen op om de investeringen in Big Tech te stoppen.",
     ["Wij roepen op om de investeringen in Big Tech te stoppen."]),
    ("fr", "Nous demandons au gouvernement de retirer le projet et de garantir le droit de manifester.",
     ["Nous demandons au gouvernement de retirer le projet", "de garantir le droit de manifester."]),
])
def test_first_person_asks_in_other_languages(language, sentence, expected):
    assert asked(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, asks", [
    ("en", "We are not asking for open borders.", False),
    ("en", "We don't demand special treatment for anyone.", False),
    ("en", "We are not only asking for their release but for justice.", True),
    ("en", "We urge the Council not to adopt the bill.", True),
    ("fr", "Nous ne demandons pas de privilèges.", False),
    ("fr", "Nous ne demandons pas seulement leur libération.", True),
    ("es", "No pedimos privilegios.", False),
    ("pt", "Não pedimos privilégios.", False),
    ("it", "Non chiediamo privilegi.", False),
])
def test_an_ask_verb_the_sentence_negates_asks_nothing(language, sentence, asks):
    assert bool(asked(sentence, language)) is asks


@pytest.mark.parametrize("language, sentence", [
    ("es", "Proponemos una verdadera reforma del derecho de propiedad intelectual orientada a su fin."),
    ("pt", "Propomos uma verdadeira reforma da lei de direitos autorais."),
    ("it", "Proponiamo una vera riforma del diritto d'autore."),
    ("ca", "Proposem una veritable reforma de la llei de propietat intel·lectual."),
])
def test_what_the_signers_propose_is_a_demand(language, sentence):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("sentence, expected", [
    ("Nous vous proposons de réfléchir ensemble à une coopération ouverte et constructive.",
     ["Nous vous proposons de réfléchir ensemble à une coopération ouverte et constructive."]),
    ("C'est en termes d'opportunités que nous vous proposons de penser ce débat.",
     ["nous vous proposons de penser ce débat."]),
    ("Nous proposons que la commune publie tous ses marchés publics.",
     ["Nous proposons que la commune publie tous ses marchés publics."]),
    ("Le ministre propose de retirer le projet.", []),
    ("Dans la présente lettre, nous préconisons la mise en place du revenu universel.",
     ["nous préconisons la mise en place du revenu universel."]),
])
def test_what_the_signers_propose_in_french_that_is_to_be_done_is_a_demand(sentence, expected):
    assert asked(sentence, "fr") == expected


# Ask verbs of each language written down from the language, not from a labelled document: the
# common ways a coalition asks, with and without an addressee, and impersonal musts.
@pytest.mark.parametrize("language, sentence", [
    ("en", "We expect the Government to release all political prisoners."),
    ("en", "We challenge the Prime Minister to publish the report."),
    ("en", "We appeal for the immediate release of all detainees."),
    ("en", "We also urge the release of Ilham Tohti."),
    ("en", "We seek the repeal of the law."),
    ("fr", "Nous encourageons les États membres à ratifier la convention."),
    ("fr", "Nous plaidons pour une régulation ambitieuse des plateformes."),
    ("fr", "C'est pourquoi nous plaidons ici avec force pour une régulation des plateformes."),
    ("fr", "Il faut mettre fin à l'impunité."),
    ("fr", "Nous insistons pour que cette réunion ait lieu avant la fin du mois."),
    ("fr", "Nous lançons un appel à toutes les organisations afin de construire la grève."),
    ("es", "Abogamos por una ley de acceso a la información."),
    ("es", "Es necesario que el Gobierno derogue la ley."),
    ("pt", "Reclamamos a libertação dos presos."),
    ("pt", "Recomendamos ao Governo que adote medidas urgentes."),
    ("de", "Wir verlangen eine unabhängige Untersuchung."),
    ("de", "Wir setzen uns für ein Verbot der Gesichtserkennung ein."),
    ("it", "Raccomandiamo al Governo di adottare misure urgenti."),
    ("it", "Occorre fermare le trivellazioni."),
    ("nl", "Wij adviseren de regering om het verdrag te ratificeren."),
    ("nl", "De ondertekenende organisaties eisen de intrekking van het besluit."),
    ("nl", "Wij, de ondertekenende organisaties, eisen een onmiddellijk staakt-het-vuren."),
    ("nl", "Daarom eisen de ondertekenende organisaties een onmiddellijk staakt-het-vuren."),
    ("de", "Daher fordern die unterzeichnenden Verbände den Stopp aller Rüstungsexporte."),
    ("en", "We suggest that the council publish the data."),
    ("fr", "Nous suggérons que la mairie publie les données."),
    ("es", "Sugerimos que el Ayuntamiento publique los datos."),
    ("pt", "Sugerimos que a prefeitura publique os dados."),
    ("it", "Suggeriamo che il Comune pubblichi i dati."),
    ("nl", "Wij stellen daarom voor dat de gemeente een woningfonds opricht."),
    ("de", "Wir schlagen deshalb vor, dass die Stadt einen Wohnungsfonds einrichtet."),
])
def test_common_ask_verbs_of_each_language(language, sentence):
    assert asked(sentence, language) != []


@pytest.mark.parametrize("language, body, expected", [
    ("en", "We ask you:\n\n- Take part in the vote.\n- Vote No!\n",
     [("you", "Take part in the vote."), ("you", "Vote No!")]),
    ("en", "We urge the Council: reject the bill.\n", [("Council", "We urge the Council: reject the bill.")]),
    ("de", "Wir bitten Sie:\n\n- Nehmen Sie an der Abstimmung teil.\n- Stimmen Sie mit Nein!\n",
     [("Sie", "Nehmen Sie an der Abstimmung teil."), ("Sie", "Stimmen Sie mit Nein!")]),
])
def test_an_ask_of_its_addressee_left_open_by_a_colon_leads_in_what_follows(language, body, expected):
    assert demands(f"The vote is near.\n\n{body}", language=language) == expected


# Written from each language: an ask verb, its addressee, a colon, then the list of what is asked.
@pytest.mark.parametrize("language, lead, items", [
    ("fr", "Nous appelons le Gouvernement :", ["Retirer le projet de loi.", "Financer les écoles."]),
    ("fr", "Nous exhortons la Commission :", ["Retirer le projet de loi.", "Financer les écoles."]),
    ("es", "Instamos al Gobierno:", ["Retirar el proyecto de ley.", "Financiar las escuelas."]),
    ("es", "Les pedimos:", ["Retirar el proyecto de ley.", "Financiar las escuelas."]),
    ("pt", "Apelamos ao Governo:", ["Retirar o projeto de lei.", "Financiar as escolas."]),
    ("it", "Esortiamo la Commissione:", ["Ritirare il disegno di legge.", "Finanziare le scuole."]),
    ("de", "Wir appellieren an die Bundesregierung:", ["Den Gesetzentwurf zurückziehen.", "Die Schulen finanzieren."]),
])
def test_an_ask_verb_and_its_addressee_before_a_colon_lead_in_a_list(language, lead, items):
    listed = "".join(f"- {item}\n" for item in items)
    assert [text for _, text in demands(f"Der Text.\n\n{lead}\n\n{listed}", language=language)] == items


def test_what_is_asked_after_a_colon_is_not_its_addressee():
    assert demands("We ask only one thing: do not deport them.\n") == [
        (None, "We ask only one thing: do not deport them.")]
    assert demands("We ask that the Council send a clear message: remove the listings.\n")[0][0] != "that the Council"


@pytest.mark.parametrize("language, sentence", [
    ("en", "Experts expect prices to rise next year."),
    ("en", "There is an urge to act among young people."),
    ("de", "Der Minister forderte die Länder auf, die Kontrollen zu verstärken."),
    ("it", "Il ministro ha chiesto ai prefetti di rafforzare i controlli."),
    ("en", "Studies suggest that the climate is changing faster than expected."),
])
def test_the_same_verbs_said_by_others_are_not_asks(language, sentence):
    assert asked(sentence, language) == []


# "We would like to ask X to", "Nous souhaitons demander à X de": a wish of the signers that opens their ask (the ask
# verb then stands in the infinitive); an addressee named by a pronoun before the verb ("Le pedimos que"); and what is
# asked for named after "um" ("Wir bitten Sie um ...").
@pytest.mark.parametrize("language, sentence, addressee", [
    ("en", "We would like to ask the mayor to reconsider the decision.", "mayor"),
    ("en", "We want to call on the government to withdraw the bill.", "government"),
    ("fr", "Nous souhaitons demander au maire de revenir sur sa décision.", "maire"),
    ("fr", "Nous voulons appeler le gouvernement à retirer le projet.", "gouvernement"),
    ("de", "Wir möchten die Bundesregierung auffordern, den Gesetzentwurf zurückzuziehen.", "Bundesregierung"),
    ("de", "Zuletzt möchten wir die Kommission dazu aufrufen, auf den Vorschlag zu verzichten.", "Kommission"),
    ("es", "Queremos pedir al alcalde que reconsidere su decisión.", "alcalde"),
    ("pt", "Gostaríamos de pedir ao prefeito que reconsidere a decisão.", "prefeito"),
    ("it", "Vorremmo chiedere al sindaco di riconsiderare la decisione.", "sindaco"),
    ("ca", "Voldríem demanar a l’Ajuntament que debati la viabilitat d'un local.", "Ajuntament"),
    ("es", "Le pedimos que retire el proyecto.", None),
    ("es", "Les instamos a respetar la sentencia.", None),
    ("pt", "Pedimos-lhe que retire o projeto.", None),
    ("fr", "Nous vous exhortons à agir sans délai.", None),
    ("de", "Wir bitten Sie um die Rücknahme des Gesetzentwurfs.", "Sie"),
    ("de", "Wir ersuchen die Landesregierung daher um eine Stellungnahme.", "Landesregierung"),
    ("de", "Wir bitten die Regierung um die Freilassung von Anna, Ben und Carl.", "Regierung"),
    ("de", "Wir bitten um die Freilassung der Inhaftierten.", None),
])
def test_a_wish_that_opens_an_ask_and_a_pronoun_addressee_ask(language, sentence, addressee):
    assert [(a.addressee, sentence[a.start:a.end]) for a in sentence_asks(sentence, lexicon(language))] == \
        [(addressee, sentence)]


@pytest.mark.parametrize("language, sentence", [
    ("en", "China must end the persecution of Uyghurs."),
    ("de", "China muss die Verfolgung der Uiguren beenden."),
    ("es", "China debe poner fin a la persecución de los uigures."),
])
def test_an_obligation_put_on_a_state_named_alone_asks_but_not_one_put_on_an_abstract_noun(language, sentence):
    assert [(a.addressee, sentence[a.start:a.end]) for a in sentence_asks(sentence, lexicon(language))] == \
        [("China", sentence)]
    assert asked("Freedom must prevail over fear.") == []


# "It is the duty of the Government to ...": an obligation put on a named party by a noun of duty; after "qu'" the
# clause that obliges, not what the signers "estiment", is the demand.
@pytest.mark.parametrize("language, sentence, expected", [
    ("en", "It is the duty of the government to protect journalists.",
     "It is the duty of the government to protect journalists."),
    ("fr", "Les associations patronales estiment qu'il est du devoir du Gouvernement de remédier à cet impair.",
     "il est du devoir du Gouvernement de remédier à cet impair."),
    ("de", "Es ist die Pflicht der Bundesregierung, die Menschen zu schützen.",
     "Es ist die Pflicht der Bundesregierung, die Menschen zu schützen."),
    ("es", "Es deber del Estado proteger a los periodistas.", "Es deber del Estado proteger a los periodistas."),
    ("pt", "É dever do governo proteger os jornalistas.", "É dever do governo proteger os jornalistas."),
    ("it", "È dovere del governo proteggere i giornalisti.", "È dovere del governo proteggere i giornalisti."),
    ("nl", "Het is de plicht van de regering om journalisten te beschermen.",
     "Het is de plicht van de regering om journalisten te beschermen."),
])
def test_a_duty_put_on_a_named_party_asks(language, sentence, expected):
    assert asked(sentence, language) == [expected]



def test_an_ask_in_the_infinitive_after_what_the_signers_want_to_do_is_theirs():
    sentence = ("Des de l’Associacionisme Begurenc volem promoure una iniciativa popular per tal d’instar a "
                "l’Ajuntament de Begur a debatre la viabilitat d’un local polivalent.")
    assert asked(sentence, "ca") == ["instar a l’Ajuntament de Begur a debatre la viabilitat d’un local polivalent."]
    assert asked("El ministre va instar els ajuntaments a actuar.", "ca") == []

@pytest.mark.parametrize("language, sentence", [
    ("en", "We would like to thank the mayor for his support."),
    ("de", "Wir möchten darauf hinweisen, dass die Regierung um Rat bitten muss."),
    ("de", "Die Polizei bittet um Hinweise."),
])
def test_a_wish_to_do_something_else_asks_nothing(language, sentence):
    assert asked(sentence, language) == []


@pytest.mark.parametrize("language, sentence", [
    ("fr", "Dans l'attente de votre réponse, nous vous prions d'agréer, Monsieur le Ministre, l'expression de "
           "notre haute considération."),
    ("en", "We ask you to accept the assurances of our highest consideration."),
])
def test_a_letters_closing_courtesy_is_not_an_ask(language, sentence):
    assert asked(sentence, language) == []


def test_an_ask_in_the_texts_own_voice_is_a_demand_but_a_call_to_sign_is_not():
    assert asked("It is time for the unions to look in the mirror.") == [
        "It is time for the unions to look in the mirror."]
    assert asked("We invite all organisations to sign this letter.") == []


@pytest.mark.parametrize("language, call", [
    ("en", "If you are willing to join our cause, please sign the manifesto as follows:"),
    ("en", "We invite every company to sign the pledge."),
    ("fr", "Nous invitons toutes les associations à signer ce manifeste."),
    ("de", "Wir bitten alle Vereine, das Manifest zu unterzeichnen."),
    ("nl", "Wij vragen alle organisaties het manifest te ondertekenen."),
])
def test_a_call_to_sign_a_manifesto_or_a_pledge_is_no_demand(language, call):
    body = f"We ask the Government to act now.\n\n{call}\n" if language == "en" else f"{call}\n"
    assert [text for _, text in demands(body, language=language)] == (
        ["We ask the Government to act now."] if language == "en" else [])


def test_a_call_to_join_the_signers_in_doing_something_asks_it():
    assert asked("We ask you to join us in rejecting these new, troubling flaws.") == [
        "We ask you to join us in rejecting these new, troubling flaws."]


def test_a_list_of_links_to_documents_under_a_label_naming_demands_is_no_demand_list():
    page = ("<p>Nous exigeons l'augmentation immédiate des salaires.</p><p><b>Synthèse des revendications :</b></p>"
            "<ul><li><a href='/a.pdf'>Synthèse des revendications des groupes locaux</a></li>"
            "<li><a href='/b.pdf'>Synthèse des propositions stratégiques</a></li>"
            "<li><a href='/c'>Autres documents</a></li></ul>")
    assert [text for _, text in demands(page, "text/html", "fr")] == [
        "Nous exigeons l'augmentation immédiate des salaires."]


def test_an_ask_word_used_as_a_noun_asks_nothing():
    assert asked("We support this ordinance, and the residents' demands, because we support clean air.") == []
    assert asked("Our request for a refund was refused.") == []
    assert asked("Our demand was ignored by the ministry for years.") == []


def test_the_groups_named_in_a_press_release_ask_only_where_no_one_asks_in_their_own_voice():
    assert [text for _, text in demands("""Más de 35 organizaciones lanzan un manifiesto.

Las organizaciones llaman a las instituciones a mejorar la democracia.
""", language="es")] == ["Las organizaciones llaman a las instituciones a mejorar la democracia."]
    assert [text for _, text in demands("""Nineteen groups are calling on the President to respond.

Dear President, we urge you to veto the bill.
""")] == ["we urge you to veto the bill."]


def test_sentence_asks_beside_a_list_restate_it_unless_they_ask_someone_else_afterwards():
    assert [text for _, text in demands("""Collectively, we call on you to ensure that your position is aligned.

For these reasons we call on you to:

- Ensure that the position is aligned with the Parliament's.
- Preserve the confidentiality of correspondence.

We also urge the Commission to withdraw the proposal.
""")] == ["Ensure that the position is aligned with the Parliament's.",
          "Preserve the confidentiality of correspondence.", "We also urge the Commission to withdraw the proposal."]


def test_numbered_headings_and_asking_paragraphs_after_a_colon_are_list_items():
    assert [text for _, text in demands("""Para que a cidade continue viva, exigimos:

### 1. Fim aos despejos: nenhuma colectividade pode ser despejada

Moratória imediata ao despejo de todas as colectividades.

### 2. Cedência de património público para associações

O património devoluto deve ser cedido.
""", language="pt")] == ["Fim aos despejos: nenhuma colectividade pode ser despejada",
                         "Cedência de património público para associações"]
    assert [(addressee, text) for addressee, text in demands("""The local government should ensure the following:

Release the three workers immediately and unconditionally.

Ensure that they are free from any form of torture.
""")] == [("local government", "Release the three workers immediately and unconditionally."),
          ("local government", "Ensure that they are free from any form of torture.")]


def test_what_the_section_under_a_headed_item_asks_is_that_item_and_an_ask_after_the_sections_is_its_own():
    assert [text for _, text in demands("""We call for the following:

### 1. Expose the facts

Secret surveillance bypasses democratic processes. We call on the Parliament to set up a committee of inquiry.

### 2. Protect whistleblowers

We call on all governments of Europe to grant asylum to whistleblowers.

## What comes next

We also urge the Commission to suspend the agreement.
""")] == ["Expose the facts", "Protect whistleblowers", "We also urge the Commission to suspend the agreement."]


def test_a_letter_given_again_in_another_language_asks_once_in_the_pages_own():
    italian = ("Di conseguenza, ci appelliamo al Parlamento affinché respinga ogni proposta che comprometta i diritti "
               "e le libertà dei cittadini europei.")
    english = ("Consequently, we urge the Parliament to reject any proposal which would undermine the rights and "
               "freedoms of European citizens.")
    body = f"""### Una minaccia globale alla libertà

L'accordo è negoziato in segreto da più di diciotto mesi, e il suo contenuto non è stato reso pubblico.

{italian}

### A global threat to freedoms

The agreement has been negotiated in secret for more than eighteen months, and its content has not been made public.

{english}
"""
    assert [text for _, text in demands(body, language="it")] == [italian.split(", ", 1)[1]]
    # where the page asks nothing in its own language, what it asks in another is all it asks
    assert [text for _, text in demands(f"{english}\n\nWe also urge the Council to publish the draft.\n", language="it")
            ] == [english.split(", ", 1)[1], "We also urge the Council to publish the draft."]


def test_an_ask_after_a_list_of_the_party_the_list_asks_however_named_restates_it_but_one_of_another_party_asks():
    assert [text for _, text in demands("""We call on the Board of the University to:

- Suspend the partnership with the arms maker.
- Publish every contract signed with it.

We urge the University to act on these demands without delay.

We also urge the Minister of Education to review the partnership.
""")] == ["Suspend the partnership with the arms maker.", "Publish every contract signed with it.",
          "We also urge the Minister of Education to review the partnership."]


def test_a_summary_list_repeated_in_full_later_counts_once():
    assert [text for _, text in demands("""Unsere Forderungen:

- Regulierung wirkungsvoll umsetzen
- Plattformen aufbauen und stärken

Wir fordern Sie deshalb auf, sich dafür einzusetzen. Zentral sind dabei zwei Handlungsfelder:

- Regulierung wirkungsvoll umsetzen: Die Bundesregierung hat die Aufgabe, Gesetze umzusetzen.
- Plattformen aufbauen und stärken: Dazu gilt es, Infrastrukturen zu fördern.
""", language="de")] == [
        "Regulierung wirkungsvoll umsetzen: Die Bundesregierung hat die Aufgabe, Gesetze umzusetzen.",
        "Plattformen aufbauen und stärken: Dazu gilt es, Infrastrukturen zu fördern."]


def test_a_ligature_copied_from_a_pdf_does_not_hide_who_asks():
    [(_, text)] = demands("El maniﬁesto urge la adopción de un código ético obligatorio.\n", language="es")
    assert text == "El manifiesto urge la adopción de un código ético obligatorio."


def test_a_translation_in_another_alphabet_after_each_paragraph_does_not_break_a_list_of_asks():
    assert [text for _, text in demands("""The local government should ensure the following:

Release the three workers immediately and unconditionally;

立即无条件释放三位工人；

Ensure that they are free from any form of torture.

确保他们免于遭受酷刑。
""")] == ["Release the three workers immediately and unconditionally;",
          "Ensure that they are free from any form of torture."]


@pytest.mark.parametrize("sentence", [
    "We have asked Felix to publish this open letter to urge you to write to the President.",
    "This is what we feel is happening in the open letter calling for his removal.",
    "Only then will the unrest we see all around us not turn into hatred nor encourage authoritarian solutions.",
])
def test_a_we_that_is_the_subject_of_another_verb_does_not_make_an_ask_ours(sentence):
    assert asked(sentence) == []


def test_the_signers_described_and_the_text_named_ask_together_where_no_one_says_we():
    assert [text for _, text in demands("""Las organizaciones firmantes del manifiesto, que nace del convencimiento \
de que la democracia importa, reclaman que se tomen medidas urgentes en el Plan de Acción.

Además, el manifiesto urge la adopción de un código ético obligatorio para los cargos públicos.
""", language="es")] == ["reclaman que se tomen medidas urgentes en el Plan de Acción.",
                         "el manifiesto urge la adopción de un código ético obligatorio para los cargos públicos."]


@pytest.mark.parametrize("language, sentence, expected", [
    ("en", "We believe that the Government must withdraw the bill.", ["the Government must withdraw the bill."]),
    ("es", "Creemos que en momentos donde los gobiernos tienen que tomar decisiones rápidas, la transparencia "
           "importa.", []),
    ("es", "La agenda de gobierno abierto debe guiar las decisiones.", []),
    ("es", "El Gobierno de Colombia debe retirar la ley.", ["El Gobierno de Colombia debe retirar la ley."]),
])
def test_an_obligation_is_ours_only_in_our_own_clause_and_on_a_party_named_before_any_of(language, sentence,
                                                                                          expected):
    assert asked(sentence, language) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("We would like the College to meet with us.", ["We would like the College to meet with us."]),
    ("We’d like issues to gain custom fields.", ["We’d like issues to gain custom fields."]),
    ("We need a new way to look at reality.", []),
    ("We want it to grow and grow.", []),
    ("What we need is those skilled laborers to be put to work.", []),
    ("We would like to address that helping workers to claim compensation is no crime.", []),
])
def test_a_wish_asks_only_where_it_names_who_is_to_act(sentence, expected):
    assert asked(sentence) == expected


def test_a_hope_that_a_party_will_leads_into_the_list_after_it_but_asks_nothing_in_a_sentence():
    items = ("- Let us download our private repositories and make them public.\n"
             "- Change their restriction policies so as not to limit users by nationality.\n"
             "- Announce their decision publicly and apologise for it.\n")
    found = demands(f"Eventually, we are hoping that GitHub's team will:\n\n{items}")
    assert [text for _, text in found] == ["Let us download our private repositories and make them public.",
                                           "Change their restriction policies so as not to limit users by "
                                           "nationality.", "Announce their decision publicly and apologise for it."]
    assert {addressee for addressee, _ in found} == {"GitHub's team"}
    assert asked("We hope that the Commission will seriously consider our proposal.") == []  # a courtesy


@pytest.mark.parametrize("language, lead_in, items", [
    ("de", "Schlussendlich hoffen wir, dass GitHub's Team:", ["uns unsere privaten Repositories herunterladen lässt.",
                                                             "seine Richtlinien zur Einschränkung ändert."]),
    ("fr", "Nous espérons que le gouvernement :", ["retire le décret sans délai.",
                                                   "ouvre une concertation avec les associations."]),
    ("es", "Esperamos que el Gobierno:", ["retire el decreto sin demora.", "abra un diálogo con las asociaciones."]),
    ("pt", "Esperamos que o Governo:", ["retire o decreto sem demora.", "abra um diálogo com as associações."]),
    ("it", "Speriamo che il Governo:", ["ritiri il decreto senza indugio.", "apra un dialogo con le associazioni."]),
    ("nl", "Wij hopen dat de regering:", ["het besluit onmiddellijk intrekt.",
                                          "een dialoog met de verenigingen opent."]),
    ("ca", "Esperem que el Govern:", ["retiri el decret sense demora.", "obri un diàleg amb les associacions."]),
])
def test_in_every_language_a_hope_that_a_party_will_leads_into_the_list_after_it(language, lead_in, items):
    # Spanish, Portuguese and Catalan read it already: "que" with the party named is a lead-in that addresses it
    body = f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items)
    assert [text for _, text in demands(body, language=language)] == items


def test_a_short_apposition_keeps_the_subject_in_the_demand_and_a_bracketed_note_stays_in_the_addressee():
    assert asked("We, members of the University and College Union (UCU), are calling on the authorities to release "
                 "them.") == ["We, members of the University and College Union (UCU), are calling on the authorities "
                              "to release them."]
    sentence = ("And it is in this context that we appeal to both the governing bodies of the CCMA (Catalonia Radio "
                "and Catalonia television), and to all the professionals who work there, to comply with this duty.")
    assert asked(sentence) == [sentence[sentence.index("we appeal"):]]


def test_what_is_asked_is_never_taken_for_whom_it_is_asked_of():
    assert [text for _, text in demands("Apelamos a que o governo português investigue esta situação e que, até lá, "
                                        "retire a bandeira do navio.\n", language="pt")] == [
        "Apelamos a que o governo português investigue esta situação",
        "que, até lá, retire a bandeira do navio."]


def test_items_that_each_ask_in_their_own_words_after_a_colon_are_the_demands():
    assert [text for _, text in demands("""The problems we most frequently have, and our best ideas for them, are:

- Issues are often filed without crucial information. We’d like issues to gain custom fields.
- Issues often accumulate content-less comments. We’d like issues to gain a voting system.
""")] == ["Issues are often filed without crucial information. We’d like issues to gain custom fields.",
          "Issues often accumulate content-less comments. We’d like issues to gain a voting system."]


def test_items_that_each_open_with_an_ask_verb_are_demands_without_a_lead_in_and_the_letter_restating_them_is_not():
    assert demands("""6 Dec. 2021

- Call for continued international attention to the detention of Huang Xueqin
- Call on the Chevening Leadership to send a letter to the Chevening community
- Urge the Chinese authorities to release Huang Xueqin and Wang Jianbing

Dear Chevening Leadership team,

We urge the Chevening leadership to stand with us and to write to the community.

Last but not least, we urge the Chinese authorities to release Huang Xueqin and Wang Jianbing.
""") == [(None, "Call for continued international attention to the detention of Huang Xueqin"),
         ("Chevening Leadership", "Call on the Chevening Leadership to send a letter to the Chevening community"),
         ("Chinese authorities", "Urge the Chinese authorities to release Huang Xueqin and Wang Jianbing")]


def test_a_lead_in_that_asks_before_leaving_its_last_ask_open_to_the_list():
    assert [text for _, text in demands("""Apelamos a que o governo português investigue esta situação e que, \
até lá, retire a bandeira do navio, e que:

- estabeleça normas que proíbam as embarcações com bandeira portuguesa de transportar armas;
- proíba o trânsito de navios que transportem armas;
""", language="pt")] == ["Apelamos a que o governo português investigue esta situação",
                         "que, até lá, retire a bandeira do navio",
                         "estabeleça normas que proíbam as embarcações com bandeira portuguesa de transportar armas;",
                         "proíba o trânsito de navios que transportem armas;"]


def test_a_lettered_list_goes_on_past_the_sections_between_its_items():
    assert [text for _, text in demands("""For these reasons, we urge you to:

**A) Lead the implementation of the following urgent policies.**

These are concrete measures that our movements prioritise.

#### 1. Stop the expansion of fossil fuel infrastructure

- The expansion of the motorway.
- A third terminal at the airport.

**C) Meet with us on the 27th September.**

We thank you for your attention.
""")] == ["Lead the implementation of the following urgent policies.", "Meet with us on the 27th September."]


@pytest.mark.parametrize("sentence, expected", [
    ("It's time to properly tax rich individuals and giant corporations and invest in a Global Green New Deal.",
     ["It's time to properly tax rich individuals and giant corporations", "invest in a Global Green New Deal."]),
    ("We urge the Board to respond constructively to our letters and not to dismiss the concerns of students.",
     ["We urge the Board to respond constructively to our letters", "not to dismiss the concerns of students."]),
    ("In conclusion we request that WTO Members honour their obligation and adopt the decision text.",
     ["we request that WTO Members honour their obligation and adopt the decision text."]),
    ("We strongly urge you to protect the free and open internet for all people.",
     ["We strongly urge you to protect the free and open internet for all people."]),
    ("We call on members to oppose the agenda so that we can fight for our interests and protect the health of all.",
     ["We call on members to oppose the agenda so that we can fight for our interests and protect the health of "
      "all."]),
])
def test_coordinated_verbs_are_two_asks_where_what_is_asked_opens_with_its_verb(sentence, expected):
    assert asked(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("We encourage Microsoft to keep the repository uncensored and available to everyone.",
     ["We encourage Microsoft to keep the repository uncensored and available to everyone."]),
    ("We call on the Council to withdraw the bill and Parliament to reject the amendment.",
     ["We call on the Council to withdraw the bill", "Parliament to reject the amendment."]),
])
def test_a_word_before_to_after_and_starts_a_second_ask_only_where_it_is_a_name_or_a_negation(sentence, expected):
    assert asked(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("FSF is an autonomous body that is capable of treating its members fairly, and should not give in to "
     "external pressures.", ["should not give in to external pressures."]),
    ("Members and supporters do not have to agree with his opinions, but should respect his right to speech.",
     ["should respect his right to speech."]),
    ("It is late in the day, and must end now.", []),
    ("The Council has met twice, and should be thanked for it.", []),
])
def test_a_modal_after_and_or_but_puts_the_obligation_on_the_sentences_opening_subject(sentence, expected):
    assert asked(sentence) == expected


def test_imperatives_ask_where_the_paragraph_asks_and_a_polite_one_where_the_letter_does():
    assert [text for _, text in demands("We urge those in a position to do so to stop supporting the Foundation. "
                                        "Refuse to contribute to its projects. Do not speak at its events. While "
                                        "doing these things, tell the Foundation why. Release of the report is due "
                                        "in May.\n")] == [
        "We urge those in a position to do so to stop supporting the Foundation.",
        "Refuse to contribute to its projects.", "Do not speak at its events.", "tell the Foundation why."]
    assert demands("Refuse to contribute to its projects. Do not speak at its events.\n") == []
    letter = "The undersigned organizations urge you to oppose the bill.\n\n"
    assert [text for _, text in demands(letter + "Please join us in rejecting these flaws.\n\nPlease sign as an "
                                                 "individual if you can.\n")] == [
        "The undersigned organizations urge you to oppose the bill.", "Please join us in rejecting these flaws."]
    assert demands("Please join us in rejecting these flaws.\n") == []


def test_a_sentence_asking_again_in_other_words_counts_once_but_shared_names_do_not_make_two_asks_one():
    assert [text for _, text in demands("""We, members of the union, are calling on the Chinese authorities to release \
without delay Huang Xueqin and Wang Jianbing.

We call for Huang Xueqin and Wang Jianbing to be released immediately and unconditionally.
""")] == ["We, members of the union, are calling on the Chinese authorities to release without delay Huang Xueqin "
          "and Wang Jianbing."]
    assert len(demands("""We urge the authorities to release Huang Xueqin and Wang Jianbing.

We urge the authorities to disclose where Huang Xueqin and Wang Jianbing are held.
""")) == 2


@pytest.mark.parametrize("sentence, language", [
    ("We remind you that under the national policy the State must ensure:", "en"),
    ("Les recordamos que en los dictámenes de la Política Nacional, el estado debe asumir:", "es"),
])
def test_an_obligation_left_open_to_what_follows_asks_nothing_by_itself(sentence, language):
    assert asked(sentence, language) == []
    assert asked(sentence.replace(":", " its duties."), language) != []


@pytest.mark.parametrize("sentence, language", [
    ("We would be most grateful if you would withdraw the bill.", "en"),
    ("Wir würden uns sehr freuen, wenn Sie diese Vorschläge in Ihr Wahlprogramm aufnehmen.", "de"),
    ("Nous vous serions reconnaissants de bien vouloir retirer ce projet de loi.", "fr"),
    ("Le saremmo grati se volesse ritirare il decreto.", "it"),
    ("Vorremmo che il governo ritirasse il decreto.", "it"),
    ("Wij zouden het zeer op prijs stellen als u het wetsvoorstel intrekt.", "nl"),
    ("Le agradeceríamos que retire el proyecto de ley.", "es"),
    ("Ficaríamos muito gratos se o governo retirasse o projeto.", "pt"),
    # the signers saying what their demand is
    ("Our only demand is to stop the political persecution of civilians.", "en"),
    ("Notre seule revendication est de mettre fin aux poursuites politiques.", "fr"),
    ("Nuestra única demanda es que se liberen todos los presos políticos.", "es"),
    ("Nossa principal reivindicação é que o governo revogue o decreto.", "pt"),
    ("Unsere zentrale Forderung ist die Freilassung aller politischen Gefangenen.", "de"),
    ("La nostra richiesta è che il governo ritiri il decreto.", "it"),
    ("Onze eis is dat de regering de wet intrekt.", "nl"),
])
def test_a_polite_wish_or_a_demand_named_in_the_signers_voice_asks(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_a_polite_wish_of_someone_else_or_to_sign_asks_nothing():
    assert asked("The Ministry would be grateful if the groups kept quiet.") == []
    assert asked("We would be grateful if you would sign this letter.") == []


@pytest.mark.parametrize("sentence, language", [
    ("We would like to know what the Ministry has done to meet its commitment.", "en"),
    ("We expect that the Ministry will publish the data.", "en"),
    ("We expect the Ministry to publish the data.", "en"),
    ("Nous aimerions savoir ce que le ministère a fait pour tenir son engagement.", "fr"),
    ("Nous attendons du ministère qu'il publie les données.", "fr"),
    ("Quisiéramos saber qué ha hecho el Ministerio para cumplir su compromiso.", "es"),
    ("Esperamos que el Ministerio publique los datos.", "es"),
    ("Gostaríamos de saber o que o Ministério fez para cumprir o seu compromisso.", "pt"),
    ("Esperamos que o Ministério publique os dados.", "pt"),
    ("Wir möchten wissen, was das Ministerium getan hat, um seine Zusage einzuhalten.", "de"),
    ("Wir erwarten, dass das Ministerium die Daten veröffentlicht.", "de"),
    ("Vorremmo sapere che cosa ha fatto il Ministero per mantenere il suo impegno.", "it"),
    ("Rimaniamo in attesa della pubblicazione dei dati da parte del Ministero.", "it"),
    ("We willen graag weten wat het ministerie heeft gedaan om zijn toezegging na te komen.", "nl"),
    ("We verwachten dat het ministerie de gegevens publiceert.", "nl"),
])
def test_asking_to_be_told_or_saying_what_the_signers_expect_of_a_party_asks(sentence, language):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("sentence, language", [
    ("We hope that you will withdraw the decree.", "en"),
    ("Nous espérons que vous retirerez le décret.", "fr"),
    ("Esperamos que usted retire el decreto.", "es"),
    ("Esperamos que o senhor retire o decreto.", "pt"),
    ("Wir hoffen, dass Sie das Dekret zurücknehmen.", "de"),
    ("Speriamo che Lei ritiri il decreto.", "it"),
    ("We hopen dat u het besluit intrekt.", "nl"),
])
def test_a_hope_put_to_the_letters_addressee_asks(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_a_hope_about_someone_the_letter_does_not_address_asks_nothing():
    assert asked("We hope that the Commission will consider our proposal.") == []
    assert asked("We hope that this letter finds you well.") == []


@pytest.mark.parametrize("sentence, language", [
    ("In the coming years we can expect a wider use of the system.", "en"),
    ("The researchers expect that the Ministry will publish the data.", "en"),
    ("Die Forschenden erwarten, dass das Ministerium die Daten veröffentlicht.", "de"),
])
def test_what_someone_else_expects_or_what_is_to_be_expected_asks_nothing(sentence, language):
    assert asked(sentence, language) == []


@pytest.mark.parametrize("sentence, language", [
    ("Senior management need to stop pressurising departments.", "en"),
    ("The university should refund the fees.", "en"),
    ("Die Hochschulleitung muss die Gebühren zurückerstatten.", "de"),
    ("Der Senat muss den Mietendeckel verlängern.", "de"),  # a city-state's government: Berlin, Bremen, Hamburg
    ("La direction doit rembourser les frais.", "fr"),
])
def test_an_obligation_put_on_an_institutions_management_asks(sentence, language):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("sentence, language", [
    ("Myanmar's military should stop the killing of protesters.", "en"),
    ("The junta must release Aung San Suu Kyi.", "en"),
    ("L'armée doit cesser les exécutions.", "fr"),
    ("Das Militär muss die Gewalt beenden.", "de"),
    ("El ejército debe retirarse de la región.", "es"),
])
def test_an_obligation_put_on_an_army_or_a_junta_asks(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_an_ask_of_many_addressees_is_read():
    sentence = ("We call on the Government, the Parliament, the Courts, the Police and the Army of the Republic of "
                "Ruritania to end the surveillance of journalists.")
    assert asked(sentence) == [sentence]


def test_what_should_never_have_been_done_asks_nothing():
    assert asked("The Government should never have deployed the army.") == []


def test_handing_over_power_is_a_second_ask_after_a_modal():
    sentence = "The military should stop violence and killing and hand over power to a democratic government."
    assert asked(sentence) == [
        "The military should stop violence and killing", "hand over power to a democratic government."]


def test_a_sentence_closing_on_a_quoted_question_still_asks():
    sentence = "It is time for the unions to look in the mirror and ask, “Which side are you on?”"
    assert asked(sentence) == [sentence]
    assert asked("Will you urge the Council to act?") == []
    assert asked("“Will we urge the Council to act?”") == []


def test_coordinated_action_nouns_are_two_asks_but_a_noun_phrase_naming_people_goes_on_with_the_first():
    assert asked("Nous demandons le retrait immédiat de la plainte déposée par la présidence et l'abandon de toutes "
                 "les procédures disciplinaires.", "fr") == [
        "Nous demandons le retrait immédiat de la plainte déposée par la présidence",
        "l'abandon de toutes les procédures disciplinaires."]
    assert asked("We call for the release of all detained journalists and the repeal of the security law.") == [
        "We call for the release of all detained journalists", "the repeal of the security law."]
    assert len(asked("We call for the release of the journalists and the members of the union.")) == 1


def test_a_press_release_in_the_signers_name_keeps_each_of_their_asks():
    release = ("The authorities should immediately reveal where the developer is held, 31 organizations said today.\n\n"
               "He was taken from his cell on 3 October and has not been seen since.\n\n"
               "The organizations repeated their call for the immediate release of the developer.\n")
    assert [text for _, text in demands(release)] == [
        "The authorities should immediately reveal where the developer is held, 31 organizations said today.",
        "The organizations repeated their call for the immediate release of the developer."]
    someone_else = release.replace("31 organizations said today", "the minister said today")
    assert "The organizations repeated their call for the immediate release of the developer." not in [
        text for _, text in demands(someone_else)]


def test_an_ask_of_someone_else_further_back_than_a_lists_lead_up_is_a_demand_of_its_own():
    reasons = "The ship still sails under the national flag.\n\nIt carries arms bound for the war.\n\n"
    lead_in = ("We call on the ministry to:\n\n- Ban the transit of ships carrying arms.\n"
               "- End all military cooperation.\n")
    ask = "We urge the Government to answer the appeal of the Human Rights Council.\n\n"
    assert [text for _, text in demands(ask + reasons + lead_in)] == [
        "We urge the Government to answer the appeal of the Human Rights Council.",
        "Ban the transit of ships carrying arms.", "End all military cooperation."]
    assert [text for _, text in demands(reasons + ask + lead_in)] == [
        "Ban the transit of ships carrying arms.", "End all military cooperation."]


def test_portuguese_exigir_names_whom_it_asks_with_a_or_de():
    for preposition in ("ao", "do"):
        sentence = f"Exigimos {preposition} Governo que responda ao apelo do Conselho."
        [ask] = sentence_asks(sentence, lexicon("pt"))
        assert (ask.addressee, sentence[ask.start:ask.end]) == ("Governo", sentence)


def test_a_second_verb_with_its_object_after_a_conjunction_is_a_second_ask_where_nouns_take_an_article():
    assert asked("Exigimos ao Governo que responda ao apelo do Conselho e cumpra as suas obrigações ao abrigo da "
                 "Convenção.", "pt") == ["Exigimos ao Governo que responda ao apelo do Conselho",
                                         "cumpra as suas obrigações ao abrigo da Convenção."]
    assert len(asked("Exigimos que el gobierno respete los derechos y libertades de todas las personas.", "es")) == 1


@pytest.mark.parametrize("sentence, language", [
    ("Wir wollen, dass die Bundesregierung das Gesetz zurücknimmt.", "de"),
    ("Daarom willen we dat de minister het wetsvoorstel intrekt.", "nl"),
])
def test_we_want_that_asks_in_german_and_dutch_as_queremos_que_and_vogliamo_che_do(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_asks_inside_a_quotation_of_several_sentences_are_the_speakers_but_a_paragraph_quoted_whole_is_the_text():
    quoted = ("« Free software is a major stake for our economy. To stay in the lead, the Government must adopt an "
              "education policy built on free software. »")
    assert demands(f"Our vice-president recalls {quoted}\n\nWe urge the Ministry to end the agreement.\n") == [
        ("Ministry", "We urge the Ministry to end the agreement.")]
    assert [text for _, text in demands(f"{quoted}\n")] == [
        "the Government must adopt an education policy built on free software. »"]


@pytest.mark.parametrize("sentence, language", [
    ("Wir fordern die sofortige Freilassung der Gefangenen.", "de"),
    ("Die unterzeichnenden Organisationen fordern ein Verbot.", "de"),
    ("Wij eisen de onmiddellijke vrijlating van de gevangenen.", "nl"),
    ("Wir erwarten von der Bundesregierung, dass sie das Gesetz stoppt.", "de"),
    ("Nous attendons du gouvernement qu'il retire ce projet.", "fr"),
    ("Exortamos o governo a retirar o projeto.", "pt"),
    ("Il est urgent que le gouvernement retire ce projet.", "fr"),
    ("Es urgente que el Gobierno retire el proyecto.", "es"),
    ("Es importante crear una mesa de diálogo entre Gobiernos, empresarios y sindicatos.", "es"),
    ("It is imperative that the Council rejects the proposal.", "en"),
    ("Il nous semble nécessaire de repenser le modèle de fabrication des jouets.", "fr"),
    ("Nos parece urgente que el Gobierno retire el proyecto.", "es"),
    ("Ci sembra necessario che il Governo ritiri il progetto.", "it"),
    ("Parece-nos urgente que o governo retire o projeto.", "pt"),
    ("Es scheint uns dringend geboten, dass die Regierung das Gesetz zurückzieht.", "de"),
    ("Resulta indispensable que el Estado repare integralmente a las víctimas.", "es"),
    ("Nous réaffirmons notre demande d'une enquête indépendante.", "fr"),
    ("Reafirmamos nossa exigência de justiça para as vítimas.", "pt"),
    ("Torna-se urgente que as autoridades protejam os jornalistas.", "pt"),
    ("Ribadiamo la nostra richiesta di giustizia per le vittime.", "it"),
    ("Het is dringend nodig dat de overheid ingrijpt.", "nl"),
])
def test_common_ways_of_asking_in_each_language(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_urgency_the_signers_put_on_themselves_and_a_demand_verb_left_open_to_a_list_ask_nothing_here():
    assert asked("It is imperative that we collectively denounce any violence.") == []
    assert asked("Die Bürger fordern mehr Schutz.", "de") == []  # someone else's demand
    assert asked("Wir fordern unter anderem:", "de") == []
    assert asked("Es importante señalar que el Gobierno retiró el proyecto.", "es") == []  # a remark, not an ask
    assert asked("Il semble que le gouvernement a retiré le projet.", "fr") == []  # what seems so, not what is needed


@pytest.mark.parametrize("lead_in, language, addressee", [
    ("We therefore urge the Council to take the following steps:", "en", "Council"),
    ("Nous demandons au gouvernement :", "fr", "gouvernement"),
    ("Por ello, exigimos al Gobierno:", "es", "Gobierno"),
    ("Chiediamo al Governo:", "it", "Governo"),
    ("Wij vragen de regering:", "nl", "regering"),
    ("Deshalb fordern wir:", "de", None),
])
def test_a_lead_in_left_open_to_its_list_by_naming_only_whom_it_asks_or_pointing_at_what_follows(
        lead_in, language, addressee):
    items = ["The release of all political prisoners", "An independent inquiry into the killings"]
    found = demands(f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items), language=language)
    assert found == [(addressee, item) for item in items]


@pytest.mark.parametrize("lead_in, language", [
    ("Nous exigeons donc :", "fr"), ("Exigimos, por lo tanto:", "es"), ("Chiediamo quindi:", "it"),
    ("Exigimos, portanto:", "pt"), ("Wij eisen daarom:", "nl"), ("Exigim per tant:", "ca"),
])
def test_a_connective_after_the_asking_verb_leaves_the_ask_open_to_its_list(lead_in, language):
    items = ["Housing for every evicted family", "Legal aid for all tenants"]
    found = demands(f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items), language=language)
    assert [text for _, text in found] == items


def test_an_inquiry_is_asked_for_as_an_investigation_is():
    items = ["The immediate withdrawal of the public order bill.", "An independent inquiry into the police's conduct."]
    found = demands("The city has evicted forty families.\n\n## Our demands\n\n" + "\n\n".join(items) + "\n",
                    language="en")
    assert [text for _, text in found] == items


@pytest.mark.parametrize("lead_in", ["Demandamos lo siguiente:", "Hacemos un llamado a las autoridades para:",
                                     "Por todo lo anterior, hacemos las siguientes peticiones:"])
def test_a_lead_in_left_open_by_pointing_at_what_follows_or_by_naming_its_requests(lead_in):
    items = ["La liberación inmediata de todas las personas detenidas.",
             "El cese de la represión contra las comunidades."]
    found = demands(f"<p>{lead_in}</p>" + "".join(f"<p>{item}</p>" for item in items), "text/html", "es")
    assert [text for _, text in found] == items


@pytest.mark.parametrize("lead_in", ["We ask:", "We therefore ask the following:"])
def test_an_english_ask_left_open_by_its_colon_leads_its_list(lead_in):
    items = ["Release all detainees.", "Open an independent inquiry into the killings."]
    found = demands(f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items), language="en")
    assert found == [(None, item) for item in items]


@pytest.mark.parametrize("sentence, language", [
    ("Nous vous invitons, Monsieur le Ministre, à recevoir une délégation des personnels.", "fr"),
    ("Le instamos, señor Ministro, a suspender el cierre del hospital.", "es"),
    ("Wir bitten Sie, Herr Minister, die Schließung zurückzunehmen.", "de"),
])
def test_an_ask_reaches_past_the_one_the_letter_speaks_to(sentence, language):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("sentence", ["Nous vous saurions gré de bien vouloir recevoir une délégation des personnels.",
                                      "Nous comptons sur vous pour suspendre cette décision."])
def test_french_courtesy_formulas_ask(sentence):
    assert asked(sentence, "fr") == [sentence]


def test_each_ask_beside_its_own_vocative_keeps_its_place_in_the_sentence():
    sentence = ("Le pedimos, excelentísima señora Ministra de Sanidad, que cierre, y le exigimos, excelentísimo señor "
                "Presidente del Gobierno, que actúe.")
    assert asked(sentence, "es") == ["Le pedimos, excelentísima señora Ministra de Sanidad, que cierre",
                                     "le exigimos, excelentísimo señor Presidente del Gobierno, que actúe."]


@pytest.mark.parametrize("lead_in, items, language", [
    ("We propose the following measures:", ["Release all detained journalists", "End the surveillance"], "en"),
    ("We want to see:", ["The release of all detained journalists", "An end to the surveillance of activists"], "en"),
    ("What needs to happen now:", ["Release all detained journalists", "End the surveillance of activists"], "en"),
    ("Wir schlagen folgende Maßnahmen vor:", ["Die Freilassung aller Journalisten", "Ein Ende der Überwachung"], "de"),
    ("Wir empfehlen der Bundesregierung:", ["Alle Journalisten freilassen", "Die Überwachung beenden"], "de"),
    ("Folgende Maßnahmen sind dringend notwendig:", ["Die Freilassung aller Journalisten", "Ein Ende der Überwachung"],
     "de"),
    ("Was jetzt passieren muss:", ["Die Freilassung aller Journalisten", "Ein Ende der Überwachung"], "de"),
    ("Nous proposons les mesures suivantes :", ["La libération des journalistes", "La fin de la surveillance"], "fr"),
    ("Les mesures suivantes sont indispensables :", ["La libération des journalistes", "La fin de la surveillance"],
     "fr"),
    ("Las siguientes medidas son urgentes:", ["La liberación de los periodistas", "El fin de la vigilancia"], "es"),
    ("Es urgente:", ["Liberar a los periodistas", "Poner fin a la vigilancia"], "es"),
    ("Por ello planteamos:", ["La liberación de los periodistas", "El fin de la vigilancia"], "es"),
    ("È urgente:", ["Liberare i giornalisti", "Porre fine alla sorveglianza"], "it"),
    ("É urgente:", ["Libertar os jornalistas", "Pôr fim à vigilância"], "pt"),
    ("Wij stellen de volgende maatregelen voor:", ["De vrijlating van de journalisten", "Een einde aan het toezicht"],
     "nl"),
    ("Wij bevelen de regering aan:", ["De vrijlating van de journalisten", "Een einde aan het toezicht"], "nl"),
    ("Het is dringend nodig om:", ["De journalisten vrij te laten", "Het toezicht te beëindigen"], "nl"),
])
def test_lead_ins_that_propose_recommend_or_call_things_needed_lead_their_list(lead_in, items, language):
    found = demands(f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items), language=language)
    assert [text for _, text in found] == items


def test_a_thing_called_needed_before_a_colon_that_goes_on_in_prose_is_no_lead_in():
    found = demands("Pro-aktive Seenotrettung ist dringend notwendig: Im Mittelmeer sind 2.000 Menschen ertrunken.\n",
                    language="de")
    assert found == []


@pytest.mark.parametrize("heading", ["## Our asks", "Key asks:"])
def test_asks_as_a_noun_head_a_list_of_demands(heading):
    items = ["The immediate release of all detained journalists", "An independent inquiry into the killings"]
    found = demands(f"The situation has worsened.\n\n{heading}\n\n" + "".join(f"- {item}\n" for item in items),
                    language="en")
    assert [text for _, text in found] == items


@pytest.mark.parametrize("lead_in, items, language", [
    ("Nous exigeons :", ["Le retrait immédiat du projet de loi.", "La libération de toutes les personnes détenues.",
                        "L'abrogation de la loi sur le renseignement."], "fr"),
    ("Por ello, exigimos:", ["Que se garantice la seguridad de las comunidades.",
                             "Que se investiguen los asesinatos de manera pronta."], "es"),
    ("We demand:", ["The immediate release of all detainees.", "The publication of the inquiry's report."], "en"),
    ("Exigimos:", ["Libertar imediatamente todos os detidos.", "Pôr fim à repressão das comunidades indígenas."], "pt"),
    ("Wir fordern:", ["Die sofortige Freilassung aller Inhaftierten.", "Ein Ende der Repression gegen die Presse.",
                      "Eine unabhängige Untersuchung der Morde."], "de"),
    ("Wij roepen de regering op om:", ["Alle gevangenen onmiddellijk vrij te laten.",
                                      "Een onafhankelijk onderzoek te starten."], "nl"),
])
def test_paragraphs_that_each_complete_an_ask_left_open_are_its_demands(lead_in, items, language):
    body = f"<p>{lead_in}</p>" + "".join(f"<p>{item}</p>" for item in items)
    assert [text for _, text in demands(body, "text/html", language)] == items


def test_an_infinitive_last_asks_only_where_the_language_puts_the_verb_last():
    assert reads_as_ask("Alle gevangenen onmiddellijk vrij te laten.", lexicon("nl"))
    assert not reads_as_ask("Cette mobilisation vise à dénoncer :", lexicon("fr"))


def test_a_clause_alone_after_an_ask_left_open_heads_what_follows_and_asks_nothing():
    body = ("<p>We submit the following demands:</p><p>That all children attend safe schools</p>"
            "<p>The government has upgraded only 155 of 342 schools at high risk, and families wait for years.</p>")
    assert demands(body, "text/html", "en") == []


@pytest.mark.parametrize("statement", ["La situation des détenus est grave.",
                                       "Der Brief geht im Mai an das Parlament."])
def test_a_paragraph_that_states_completes_no_ask_left_open(statement):
    language = "fr" if "La" in statement else "de"
    lead_in = "Nous exigeons :" if language == "fr" else "Wir fordern:"
    assert demands(f"<p>{lead_in}</p><p>{statement}</p><p>{statement}</p>", "text/html", language) == []


def test_the_italian_impersonal_si_chiede_asks_in_the_texts_own_voice_only_before_whom_or_what_it_asks():
    sentence = "Si chiede al Governo di ritirare il decreto."
    assert asked(sentence, "it") == [sentence]
    assert asked("Come si chiede spesso, il decreto è inutile.", "it") == []


@pytest.mark.parametrize("sentence, language", [
    ("It is essential that the government publishes the data.", "en"),
    ("It is vital for the government to publish the data.", "en"),
    ("Il est indispensable d'organiser des assemblées générales partout.", "fr"),
    ("Es esencial la aprobación de una ley de acceso a la información.", "es"),
    ("Es imprescindible aprobar una ley de acceso a la información.", "es"),
    ("É fundamental aprovar uma lei de acesso à informação.", "pt"),
    ("È essenziale che il governo pubblichi i dati.", "it"),
    ("Es ist notwendig, dass die Regierung die Daten veröffentlicht.", "de"),
    ("Het is essentieel dat de regering de gegevens publiceert.", "nl"),
])
def test_a_necessity_the_text_states_asks_in_its_own_voice_in_every_language(sentence, language):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("sentence, language", [
    ("It is essential to note that the data was never published.", "en"),
    ("De plus, il est essentiel de noter qu'aucune concertation n'a été menée.", "fr"),
    ("Es fundamental señalar que la ley no se cumple.", "es"),
    ("É fundamental ressaltar que a lei não é cumprida.", "pt"),
    ("È fondamentale sottolineare che la legge non è rispettata.", "it"),
    ("Es ist notwendig, darauf hinzuweisen, dass das Gesetz nicht eingehalten wird.", "de"),
    ("Het is essentieel om op te merken dat de wet niet wordt nageleefd.", "nl"),
    # a call to join the signers, as a call to sign
    ("Nous, Gilets Jaunes, invitons chacun avec ses moyens, à sa mesure, à nous rejoindre.", "fr"),
    ("We invite everyone who shares these concerns to join us.", "en"),
    ("Invitamos a todas las organizaciones a sumarse a nosotros.", "es"),
    ("Convidamos todas as entidades a juntar-se a nós.", "pt"),
    ("Wir laden alle Initiativen ein, sich uns anzuschließen.", "de"),
    ("Invitiamo tutte le associazioni a unirsi a noi.", "it"),
    ("Wij roepen alle organisaties op om zich bij ons aan te sluiten.", "nl"),
])
def test_a_necessity_to_note_something_or_a_call_to_join_the_signers_asks_nothing(sentence, language):
    assert asked(sentence, language) == []


def test_a_necessity_inside_the_signers_clause_asks_but_not_inside_someone_elses():
    sentence = "Consideramos que es indispensable emprender reformas."
    assert asked(sentence, "es") == ["es indispensable emprender reformas."]
    assert asked("El ministro dijo que es indispensable emprender reformas.", "es") == []


# The same asks, written in each language: a form one language reads and another does not is a gap
# in the word lists, not a choice.
@pytest.mark.parametrize("sentence, language", [
    ('We call on the government to release the prisoners.', "en"),
    ('We urge the government to release the prisoners.', "en"),
    ('We demand the release of the prisoners.', "en"),
    ('We ask the government to release the prisoners.', "en"),
    ('We insist that the government release the prisoners.', "en"),
    ('We appeal to the government to release the prisoners.', "en"),
    ('The government must release the prisoners.', "en"),
    ('We recommend that the government release the prisoners.', "en"),
    ('Nous appelons le gouvernement à libérer les prisonniers.', "fr"),
    ('Nous exhortons le gouvernement à libérer les prisonniers.', "fr"),
    ('Nous exigeons la libération des prisonniers.', "fr"),
    ('Nous demandons au gouvernement de libérer les prisonniers.', "fr"),
    ('Nous insistons pour que le gouvernement libère les prisonniers.', "fr"),
    ("Nous lançons un appel au gouvernement pour qu'il libère les prisonniers.", "fr"),
    ('Le gouvernement doit libérer les prisonniers.', "fr"),
    ('Nous recommandons au gouvernement de libérer les prisonniers.', "fr"),
    ('Nous invitons le gouvernement à libérer les prisonniers.', "fr"),
    ("Nous attendons du gouvernement qu'il libère les prisonniers.", "fr"),
    ('Hacemos un llamado al gobierno a liberar a los presos.', "es"),
    ('Instamos al gobierno a liberar a los presos.', "es"),
    ('Exigimos la liberación de los presos.', "es"),
    ('Pedimos al gobierno que libere a los presos.', "es"),
    ('Insistimos en que el gobierno libere a los presos.', "es"),
    ('El gobierno debe liberar a los presos.', "es"),
    ('Recomendamos al gobierno liberar a los presos.', "es"),
    ('Invitamos al gobierno a liberar a los presos.', "es"),
    ('Apelamos al gobierno para que libere a los presos.', "es"),
    ('Apelamos ao governo para libertar os presos.', "pt"),
    ('Instamos o governo a libertar os presos.', "pt"),
    ('Exigimos a libertação dos presos.', "pt"),
    ('Pedimos ao governo que liberte os presos.', "pt"),
    ('Insistimos que o governo liberte os presos.', "pt"),
    ('O governo deve libertar os presos.', "pt"),
    ('Recomendamos ao governo que liberte os presos.', "pt"),
    ('Convidamos o governo a libertar os presos.', "pt"),
    ('Solicitamos ao governo que liberte os presos.', "pt"),
    ('Chiediamo al governo di liberare i prigionieri.', "it"),
    ('Esortiamo il governo a liberare i prigionieri.', "it"),
    ('Chiediamo la liberazione dei prigionieri.', "it"),
    ('Insistiamo affinché il governo liberi i prigionieri.', "it"),
    ('Il governo deve liberare i prigionieri.', "it"),
    ('Invitiamo il governo a liberare i prigionieri.', "it"),
    ('Facciamo appello al governo affinché liberi i prigionieri.', "it"),
    ('Pretendiamo dal governo che liberi i prigionieri.', "it"),
    ('Wir fordern die Regierung auf, die Gefangenen freizulassen.', "de"),
    ('Wir fordern die Freilassung der Gefangenen.', "de"),
    ('Wir appellieren an die Regierung, die Gefangenen freizulassen.', "de"),
    ('Wir bitten die Regierung, die Gefangenen freizulassen.', "de"),
    ('Wir bestehen darauf, dass die Regierung die Gefangenen freilässt.', "de"),
    ('Die Regierung muss die Gefangenen freilassen.', "de"),
    ('Wir empfehlen der Regierung, die Gefangenen freizulassen.', "de"),
    ('Wir erwarten von der Regierung, dass sie die Gefangenen freilässt.', "de"),
    ('Wir rufen die Regierung dazu auf, die Gefangenen freizulassen.', "de"),
    ('Wir verlangen die Freilassung der Gefangenen.', "de"),
    ('Wij roepen de regering op om de gevangenen vrij te laten.', "nl"),
    ('Wij eisen de vrijlating van de gevangenen.', "nl"),
    ('Wij vragen de regering om de gevangenen vrij te laten.', "nl"),
    ('Wij dringen er bij de regering op aan om de gevangenen vrij te laten.', "nl"),
    ('De regering moet de gevangenen vrijlaten.', "nl"),
    ('Wij verzoeken de regering de gevangenen vrij te laten.', "nl"),
    ('Wij verwachten van de regering dat zij de gevangenen vrijlaat.', "nl"),
    ('Wij doen een beroep op de regering om de gevangenen vrij te laten.', "nl"),
    ('Wij staan erop dat de regering de gevangenen vrijlaat.', "nl"),
    ('Wij adviseren de regering om de gevangenen vrij te laten.', "nl"),
    # an appeal made as a noun, with a word for how it is made
    ('We make an urgent appeal to the government to release the prisoners.', "en"),
    ("Nous lançons un appel solennel au gouvernement pour qu'il libère les prisonniers.", "fr"),
    ('Hacemos un respetuoso llamado al gobierno para que libere a los presos.', "es"),
    ('Fazemos um apelo urgente ao governo para que liberte os presos.', "pt"),
    ('Facciamo un appello urgente al governo affinché liberi i prigionieri.', "it"),
    ('Ci appelliamo al governo affinché liberi i prigionieri.', "it"),
    ('Wir richten einen dringenden Appell an die Regierung, die Gefangenen freizulassen.', "de"),
    ('Wij doen een dringende oproep aan de regering om de gevangenen vrij te laten.', "nl"),
])
def test_each_way_of_asking_is_read_in_every_language(sentence, language):
    assert asked(sentence, language)


@pytest.mark.parametrize("sentence, language, asks", [
    ("Wir laden die Hochschulen hiermit ein, mit uns ins Gespräch zu kommen.", "de", True),
    ("Wij nodigen de minister uit om het verbod te heroverwegen.", "nl", True),
    ("Der Verein lädt die Presse zu einer Pressekonferenz ein.", "de", False),
])
def test_an_invitation_to_a_named_party_asks_in_german_and_dutch_as_in_the_other_languages(sentence, language, asks):
    assert bool(asked(sentence, language)) == asks


@pytest.mark.parametrize("sentence, language", [
    ("8.- Exigimos que el Gobierno garantice la neutralidad de la Red.", "es"),
    ("b) We demand that the government withdraws the reform.", "en"),
    ("(iv) Exigimos que el Gobierno retire la reforma.", "es"),
])
def test_a_number_or_letter_that_counts_a_paragraph_does_not_make_its_first_verb_a_name(sentence, language):
    assert asked(sentence, language) == [sentence.split(" ", 1)[1]]


@pytest.mark.parametrize("sentence, language, expected", [
    ("3.- La censura previa debe seguir siendo cosa del pasado.", "es", []),
    ("4.- Internet debe funcionar sin interferencias políticas.", "es", []),
    ("b) The press must stay free of any licence.", "en", []),
    ("2. The Government must withdraw the bill.", "en", ["The Government must withdraw the bill."]),
])
def test_the_number_that_counts_a_paragraph_is_no_part_of_the_party_an_obligation_is_put_on(sentence, language,
                                                                                            expected):
    """ "La", "Internet" open the paragraph: after "3.-" they are not capitals inside a name."""
    assert asked(sentence, language) == expected


@pytest.mark.parametrize("heading, language", [
    ("**Our demands**", "en"),
    ("## Recommendations", "en"),
    ("## Kernforderungen", "de"),
    ("Unsere Forderungen", "de"),
    ("## Recomendaciones", "es"),
    ("## Our proposals", "en"),
    ("## Nos propositions", "fr"),
    ("## Propuestas", "es"),
    ("## Nossas propostas", "pt"),
    ("## Unsere Vorschläge", "de"),
    ("## Le nostre proposte", "it"),
    ("## Onze voorstellen", "nl"),
])
def test_a_short_line_or_heading_naming_demands_or_recommendations_introduces_its_list(heading, language):
    items = ["The release of all political prisoners", "An independent inquiry into the killings"]
    text = f"The situation has worsened this year.\n\n{heading}\n\n" + "".join(f"- {item}\n" for item in items)
    assert [found for _, found in demands(text, language=language)] == items


@pytest.mark.parametrize("lead_in, language", [
    ("The coalition calls on the government to:", "en"),
    ("Das Bündnis fordert die Bundesregierung auf:", "de"),
    # what something requires, before a colon
    ("Teaching with digital tools in every subject would require at a minimum:", "en"),
    ("Enseigner « avec » le numérique dans toutes les disciplines nécessiterait a minima :", "fr"),
    ("Una educación digital en todas las materias requeriría como mínimo:", "es"),
    ("Uma educação digital em todas as disciplinas exigiria pelo menos:", "pt"),
    ("Digitale Bildung in allen Fächern erfordert mindestens:", "de"),
    ("Insegnare con il digitale in tutte le discipline richiederebbe almeno:", "it"),
    ("Digitaal onderwijs in alle vakken vereist minstens:", "nl"),
])
def test_a_coalition_named_as_one_body_or_a_requirement_introduces_its_list(lead_in, language):
    items = ["Release all political prisoners;", "End the use of torture;"]
    assert [text for _, text in demands(f"{lead_in}\n\n" + "".join(f"- {item}\n" for item in items),
                                        language=language)] == items


@pytest.mark.parametrize("sentence, language", [
    ("This statement needs your support: sign it today.", "en"),
    ("Dieser Aufruf braucht dich: unterschreib ihn jetzt.", "de"),
])
def test_a_need_stated_in_a_sentence_that_goes_on_after_its_colon_leads_no_list(sentence, language):
    assert demands(f"{sentence}\n\n- Alpha Network\n- Beta Coalition\n", language=language) == []


def test_of_two_sentences_asking_the_same_the_signers_own_ask_stays():
    texts = [text for _, text in demands("""It is time to discuss the university's involvement with the fossil \
fuel industry.

Likewise, we are now calling on you to reconsider the university's involvement with fossil fuel extraction.
""")]
    assert texts == [
        "we are now calling on you to reconsider the university's involvement with fossil fuel extraction."]


def test_an_item_that_only_labels_its_sub_items_gives_way_to_them():
    texts = [text for _, text in demands("""Von der Universität fordern wir im Einzelnen:

1. Die Anerkennung des Völkerrechts in allen Kooperationen

2. **Maßnahmen gegen Mittäterschaft**

   1. die vollständige Offenlegung der Finanzierungspartner

   2. eine Überprüfung dieser Finanzierungspartner
""", language="de")]
    assert texts == ["Die Anerkennung des Völkerrechts in allen Kooperationen",
                     "die vollständige Offenlegung der Finanzierungspartner",
                     "eine Überprüfung dieser Finanzierungspartner"]


def test_an_ask_left_open_by_a_few_words_before_its_colon_leads_a_list():
    texts = [text for _, text in demands("""Von der Universität fordern wir im Einzelnen:

- die Offenlegung der Finanzierungspartner
- eine Überprüfung dieser Finanzierungspartner
""", language="de")]
    assert texts == ["die Offenlegung der Finanzierungspartner", "eine Überprüfung dieser Finanzierungspartner"]


def test_an_item_ending_with_a_colon_leads_its_sub_items():
    texts = [text for _, text in demands("""Esta es nuestra posición:

1. El software público debe ser auditable.
2. Recomendamos que el DANE realice una evaluación independiente de la siguiente manera:
   1. Se evalúe la implementación de cifrado.
   2. Se publique un reporte con los hallazgos.
""", language="es")]
    assert texts[-2:] == ["Se evalúe la implementación de cifrado.", "Se publique un reporte con los hallazgos."]


def test_under_a_title_naming_demands_the_lists_under_section_headings_are_demands():
    body = """Five years ago the company promised that its workers would be paid a living wage.

## Living Wage
* pay workers making clothes for the brand a living wage.
* human rights must be ensured to all workers

## Be Transparent
* show how much workers earn without overtime
* tell us the outcomes of the pilot projects

## Employment Relations
* provide secure employment for all employees
* stop precarious, short-term contracts
"""
    document = Document("fixture", body.encode("utf-8"), "text/markdown", "utf-8", datetime.now(timezone.utc),
                        metadata={"title": "Demands to the company"})
    assert [d.text for d in parse(document).demands] == [
        "pay workers making clothes for the brand a living wage.", "human rights must be ensured to all workers",
        "show how much workers earn without overtime", "tell us the outcomes of the pilot projects",
        "provide secure employment for all employees", "stop precarious, short-term contracts"]
    untitled = Document("fixture", body.encode("utf-8"), "text/markdown", "utf-8", datetime.now(timezone.utc),
                        metadata={"title": "Our visit to the factories"})
    assert parse(untitled).demands == []


@pytest.mark.parametrize("before, lead_in, demand, after", [
    ("Public services run on software that nobody outside the vendor may read or fix.",
     "That is why we, the undersigned, call on our representatives to:",
     "**Adopt a law that requires publicly funded software to be released under a free licence.**",
     "The letter will be handed to the parliament in May."),
    ("Les services publics reposent sur des logiciels que personne ne peut lire ni corriger hors du fournisseur.",
     "C'est pourquoi nous, les soussignés, appelons nos représentants à :",
     "**« Mettre en œuvre une législation qui rende public le logiciel financé par le contribuable. »**",
     "La lettre sera remise au parlement au mois de mai."),
    ("Öffentliche Dienste laufen auf Software, die außer dem Anbieter niemand lesen oder reparieren darf.",
     "Deshalb fordern wir unsere Abgeordneten auf:",
     "**Ein Gesetz zu beschließen, das öffentlich finanzierte Software unter eine freie Lizenz stellt.**",
     "Der Brief geht im Mai an das Parlament, mit allen Unterschriften."),
])
def test_an_open_ask_completed_by_one_paragraph_is_one_demand(before, lead_in, demand, after):
    found = demands(f"{before}\n\n{lead_in}\n\n{demand}\n\n{after}\n")
    assert len(found) == 1 and found[0][1].strip("*«» “”").startswith(demand.strip("*«» “”")[:20])


def test_one_paragraph_after_a_lead_in_that_asks_in_full_is_no_demand_of_it():
    body = ("We call on the council to keep the library open, for three reasons:\n\n"
            "Ensure that readers from every district have somewhere to study.\n")
    assert [text for _, text in demands(body)] == [
        "We call on the council to keep the library open, for three reasons:"]


def test_a_list_whose_every_item_asks_or_says_what_must_be_spells_out_the_ask_of_the_paragraph_before_it():
    opening = ("We, the moderators of three platforms, keep communities safe. Today we demand immediate change. We "
               "will not stop until our workplaces are fair.\n\n")
    asks = ("1. Our work is skilled. Our pay must reflect this.\n"
            "2. Proper mental health care must be provided to all moderators.\n"
            "3. The culture of secrecy must end. We are made to sign agreements that silence us.\n")
    assert [text for _, text in demands(opening + asks)] == [
        "Our work is skilled. Our pay must reflect this.",
        "Proper mental health care must be provided to all moderators.",
        "The culture of secrecy must end. We are made to sign agreements that silence us."]
    facts = ("1. Our work is skilled.\n2. Moderators see toxic content every day.\n"
             "3. The culture of secrecy silences us.\n")
    assert [text for _, text in demands(opening + facts)] == ["we demand immediate change."]


def test_a_closing_colon_after_the_signers_naming_their_demands_introduces_the_headings_under_it():
    body = ("Die Digitalisierung ist eines der zentralen Themen der neuen Regierung.\n\n"
            "An die künftige Bundesregierung richten wir diese konkreten Forderungen:\n\n"
            "### 1. Transparenz vorantreiben\n\nDas Parlament sollte seine Protokolle veröffentlichen.\n\n"
            "### 2. Freie Software fördern\n\nDie Verwaltung gibt viel Geld für Lizenzen aus.\n")
    assert [text for _, text in demands(body, language="de")] == [
        "Transparenz vorantreiben", "Freie Software fördern"]


def test_demands_recalled_from_an_earlier_letter_introduce_no_list():
    body = ("Thank you for your reply of 2 May.\n\n"
            "The letter that we sent in March included five clear demands, and we are disappointed that your reply "
            "made no effort on several points:\n\n"
            "(1) to provide detailed information about the pilot projects;\n\n"
            "(2) to publish the list of suppliers;\n\n"
            "We insist that the company must make this information publicly available.\n")
    assert [text for _, text in demands(body)] == [
        "We insist that the company must make this information publicly available."]


def test_a_dutch_imperative_is_the_stem_of_a_verb_of_the_lexicon():
    from ingest.parse.actions import is_imperative_stem
    assert all(is_imperative_stem(word, "nl") for word in ("Gebruik", "Cultiveer", "Draai", "Stop", "Werk"))
    assert not any(is_imperative_stem(word, "nl") for word in ("Gebruikt", "gebruiken", "Onze", "Het", "Uit"))


def test_paragraphs_after_a_colon_that_each_open_with_an_imperative_of_its_own_form_are_demands():
    dutch = ("Wij maken ons zorgen over de afhankelijkheid van grote techbedrijven.\n\n"
             "Hieronder sommen we een aantal dingen op die onmiddellijk kunnen worden gedaan:\n\n"
             "Draai per direct de transitie naar de cloud om en investeer in eigen kennis.\n\n"
             "Gebruik uw invloed om van open standaarden een doel te maken.\n\n"
             "Werk actief samen met andere instellingen aan eigen infrastructuur.\n")
    assert [text.split()[0] for _, text in demands(dutch, language="nl")] == ["Draai", "Gebruik", "Werk"]
    english = ("We oppose the bill because of what it does.\n\nIn its current form, the bill would:\n\n"
               "Create a loophole that lets the agency share data with the military.\n\n"
               "Reduce privacy protections for personal information held by companies.\n")
    assert demands(english) == []


def test_lines_of_findings_after_a_dutch_colon_are_no_demands():
    findings = ["De kosten van het project zijn veel hoger dan begroot. Dat blijkt uit de eigen cijfers.",
                "De planning van de minister is niet haalbaar. Dat zeggen alle deskundigen die wij spraken.",
                "De Kamer is niet tijdig geïnformeerd. Zij hoorde het pas uit de krant van afgelopen week."]
    body = "<p>Wij hebben de plannen van de minister bestudeerd.</p><p>Wij constateren het volgende:</p>" \
        f"<p>{'<br>'.join(findings)}</p>"
    assert demands(body, "text/html", language="nl") == []


def test_items_marked_another_way_after_a_lettered_list_are_not_its_demands():
    assert [text for _, text in demands("""We call on you forthwith to;

a)Withdraw this bill with immediate effect

b)Repeal the Prevention of Terrorism Act

1.The bill was published on the Ministry's website in December.

2.Its definition of terrorism is wider than the old one.
""")] == ["Withdraw this bill with immediate effect", "Repeal the Prevention of Terrorism Act"]


def test_a_web_address_asks_nothing():
    assert demands("""[https://www.example.lk/opinion/Civil-society-trade-unions-activists-urge-Govt-to-withdraw-the-Bill/14-78](https://www.example.lk/a)

The proposed bill is not an abolition of the old Act but an enhancement of it.
""") == []


def test_asks_listed_inline_after_a_colon_and_parted_by_semicolons_are_one_demand_each():
    assert asked("We call on the Government to: release all political prisoners immediately; repeal the national "
                 "security law; and end the surveillance of journalists.") == [
        "We call on the Government to: release all political prisoners immediately",
        "repeal the national security law", "end the surveillance of journalists."]


def test_asks_coordinated_without_repeating_to_are_one_demand_each():
    assert [text for _, text in demands(
        "We call upon the Government to immediately cease the surveillance of journalists, stop weaponising the law "
        "against reporters, respect constitutionally protected rights and end the campaign of disinformation.\n")] == [
        "We call upon the Government to immediately cease the surveillance of journalists",
        "stop weaponising the law against reporters", "respect constitutionally protected rights",
        "end the campaign of disinformation."]


def test_a_verb_that_is_as_often_an_adjective_goes_on_with_the_same_demand():
    assert len(demands("We call on the Council to keep the web neutral for every user and open internet access "
                       "to all.\n")) == 1


def test_an_ask_after_a_short_label_and_a_colon_is_a_demand():
    assert [text for _, text in demands("""We make the following demands.

**Prisoners:** the Government must release all political prisoners immediately.

**Surveillance:** the Government must end the surveillance of journalists.
""")] == ["the Government must release all political prisoners immediately.",
          "the Government must end the surveillance of journalists."]


def test_an_ask_that_points_at_the_list_after_it_introduces_it_without_a_colon():
    assert [text for _, text in demands("""We urge the Government to take these steps

1. Release all political prisoners immediately
2. Repeal the national security law
3. End the surveillance of journalists and activists
""")] == ["Release all political prisoners immediately", "Repeal the national security law",
          "End the surveillance of journalists and activists"]


@pytest.mark.parametrize("heading, items, addressee, language", [
    ("## To the Government of China", ["Release all political prisoners", "Repeal the national security law"],
     "Government of China", None),
    ("## An die Bundesregierung", ["Freilassung aller politischen Gefangenen fordern", "Das Gesetz aufheben"],
     "Bundesregierung", "de"),
])
def test_items_that_ask_under_a_heading_naming_whom_they_ask_are_demands(heading, items, addressee, language):
    listed = "\n".join(f"- {item}" for item in items)
    assert demands(f"We are alarmed by the crackdown.\n\n{heading}\n\n{listed}\n", language=language) == [
        (addressee, item) for item in items]


def test_items_under_a_heading_that_names_a_party_but_not_whom_they_ask_are_no_demands():
    assert demands("We are alarmed by the plan.\n\n## The Government's plan\n\n- Cut funding for schools\n"
                   "- Close rural hospitals\n") == []


def test_a_table_under_a_lead_in_that_asks_holds_one_demand_per_row():
    rows = "".join(f"<tr><td>{n}</td><td>{ask}</td></tr>" for n, ask in enumerate(
        ["Release all political prisoners immediately", "Repeal the national security law"], start=1))
    assert demands(f"<html><body><p>We call on the Government to:</p><table>{rows}</table></body></html>",
                   "text/html") == [("Government", "Release all political prisoners immediately"),
                                    ("Government", "Repeal the national security law")]


@pytest.mark.parametrize("sentence, language, expected", [
    ("Exigimos la derogación inmediata de la ley y la suspensión de los desalojos.", "es",
     ["la derogación inmediata de la ley", "la suspensión de los desalojos."]),
    ("We demand the withdrawal of the bill and the abolition of the special courts.", "en",
     ["the withdrawal of the bill", "the abolition of the special courts."]),
])
def test_two_actions_asked_as_nouns_in_one_sentence_are_two_demands(sentence, language, expected):
    assert [sentence[a.act:a.end].strip() for a in sentence_asks(sentence, lexicon(language))] == expected


def test_a_spanish_ask_may_put_the_infinitive_right_after_whom_it_asks():
    sentence = "Pedimos al Congreso rechazar el proyecto y garantizar la participación ciudadana."
    assert [(a.addressee, sentence[a.act:a.end].strip()) for a in sentence_asks(sentence, lexicon("es"))] == [
        ("Congreso", "rechazar el proyecto"), ("Congreso", "garantizar la participación ciudadana.")]


@pytest.mark.parametrize("sentence, expected", [
    ("We urge the international community to impress upon the Government the importance of implementing the "
     "aforementioned requests, and pay increased attention to the situation in the North-East.", 2),
    ("The organisations demand the release of the activists.", 1),
    ("We, the undersigned, ask that the deployment is halted.", 1),
])
def test_an_ask_word_after_a_determiner_and_an_adjective_is_a_noun(sentence, expected):
    assert len(sentence_asks(sentence, lexicon("en"))) == expected


@pytest.mark.parametrize("lead, items, language", [
    ("Por todo ello, **PROPONEMOS**", ["que las administraciones públicas agoten las posibilidades de la ley actual",
                                      "que, para ello, aumente la formación del personal técnico",
                                      "que todos los grupos parlamentarios se sumen a la reforma de la ley"], "es"),
    ("Nous proposons :", ["que la commune publie tous ses marchés publics", "qu'elle forme son personnel aux clauses "
                          "sociales", "que le conseil municipal vote une charte éthique"], "fr"),
    ("Wir schlagen vor,", ["dass die Stadt alle Aufträge veröffentlicht", "dass sie ihr Personal schult",
                           "dass der Gemeinderat eine Charta beschließt"], "de"),
])
def test_a_line_that_only_proposes_over_clauses_that_say_what_is_to_be_done_leads_a_demand_list(
        lead, items, language):
    body = "\n".join(f"* {item}." for item in items)
    assert [text for _, text in demands(f"{lead}\n\n{body}\n", language=language)] == [f"{item}." for item in items]


def test_a_programme_under_a_line_that_proposes_is_no_demand_list():
    body = "\n".join(f"* {item}" for item in ["que la commune publie ses marchés publics", "Un atelier le 3 mai à 18 h",
                                             "Une conférence le 5 mai à 20 h"])
    assert demands(f"Nous proposons :\n\n{body}\n", language="fr") == []


def test_clauses_under_a_line_that_says_what_the_signers_think_are_no_demands():
    body = "\n".join(f"* {item}." for item in ["que la contratación pública es un instrumento de transformación",
                                               "que la ley actual ya permite cláusulas sociales"])
    assert demands(f"Por todo ello, **PENSAMOS**\n\n{body}\n", language="es") == []


REASON = "The government has detained hundreds of people since January, many of them without charge."


@pytest.mark.parametrize("heading, demanded, language", [
    ("Our demands", ["Release all political prisoners", "Repeal the national security law"], "en"),
    ("Unsere Forderungen", ["Freiheit für alle politischen Gefangenen", "Aufhebung des Sicherheitsgesetzes"], "de"),
])
def test_under_a_heading_naming_demands_the_headings_of_its_sections_are_the_demands(heading, demanded, language):
    sections = "".join(f"### {text}\n\n{REASON}\n\n" for text in demanded)
    assert [text for _, text in demands(f"## {heading}\n\n{sections}## Background\n\n### Timeline\n\n{REASON}\n",
                                        language=language)] == demanded


def test_under_a_heading_naming_demands_the_bold_openings_of_its_paragraphs_are_the_demands():
    paragraphs = "".join(f"**{text}.** {REASON}\n\n" for text in ["Release all political prisoners",
                                                                   "Repeal the national security law"])
    assert [text for _, text in demands(f"## Our demands\n\n{paragraphs}")] == [
        "Release all political prisoners.", "Repeal the national security law."]


def test_sections_under_a_heading_that_names_no_demands_are_none():
    sections = "".join(f"### {text}\n\n{REASON}\n\n" for text in ["Release all political prisoners",
                                                                  "Repeal the national security law"])
    assert demands(f"## Our history\n\n{sections}") == []


def test_in_a_table_of_demands_and_reasons_the_column_that_asks_gives_the_demands():
    rows = "".join(f"| {ask} | {REASON} |\n" for ask in ["Release all political prisoners",
                                                         "Repeal the national security law"])
    assert [text for _, text in demands(f"Our demands:\n\n| Demand | Why |\n|---|---|\n{rows}")] == [
        "Release all political prisoners", "Repeal the national security law"]


@pytest.mark.parametrize("lead, asked_for, language", [
    ("**EXIGIMOS**", ["La liberación inmediata de todos los presos políticos.",
                      "La derogación de la ley de seguridad nacional.",
                      "El fin de la vigilancia a periodistas."], "es"),
    ("**Nous exigeons**", ["La libération immédiate de tous les prisonniers politiques.",
                           "La fin de la surveillance des journalistes."], "fr"),
])
def test_an_ask_verb_on_a_line_of_its_own_leads_paragraphs_naming_what_is_to_be_done(lead, asked_for, language):
    paragraphs = "\n\n".join(asked_for)
    assert [text for _, text in demands(f"{lead}\n\n{paragraphs}\n\n{REASON}\n", language=language)] == asked_for


def test_items_under_a_line_naming_whom_they_ask_are_its_demands():
    body = ("## Recommendations\n\n**To the Government of Ruritania:**\n\n- Release all political prisoners;\n"
            "- Repeal the national security law;\n\n**To the United Nations:**\n\n"
            "- Open an independent investigation;\n- Send a fact-finding mission.\n")
    assert demands(body) == [("Government of Ruritania", "Release all political prisoners;"),
                             ("Government of Ruritania", "Repeal the national security law;"),
                             ("United Nations", "Open an independent investigation;"),
                             ("United Nations", "Send a fact-finding mission.")]


@pytest.mark.parametrize("heading", ["## Was es braucht:", "## Unsere Forderungen"])
def test_german_noun_phrases_under_a_heading_that_asks_are_demands_though_capitalised(heading):
    items = ["Gute Kinderbetreuung", "Förder- und Sprachunterricht", "Zugang zu Sportvereinen"]
    listed = "\n".join(f"- {item}" for item in items)
    assert [text for _, text in demands(f"{heading}\n\n{listed}\n", language="de")] == items


def test_german_organisations_after_an_open_ask_are_still_no_demands():
    listed = "\n".join(f"- {item}" for item in ["Digitalcourage e.V.", "Chaos Computer Club", "BUND", "Campact"])
    assert demands(f"Wir fordern die Bundesregierung auf:\n\n{listed}\n", language="de") == []


@pytest.mark.parametrize("language, lead, asks", [
    ("de", "Wir fordern:", ["Schutzsuchende müssen Zuflucht bekommen.", "Sie dürfen nicht abgewiesen werden.",
                            "Keine nationale Abschottung."]),
    ("de", "Wir, die Hürther Brücke der Kulturen, schließen uns diesem Appell an:",
     ["Schutzsuchende müssen Zuflucht bekommen.", "Keine Konzentration von Geflüchteten in Lagern."]),
    ("en", "We join this appeal:", ["Journalists must be released.", "No more raids."]),
])
def test_a_lead_in_and_its_asks_set_as_one_paragraph_or_on_one_line(language, lead, asks):
    prose = {"de": "Die Abschottung der europäischen Flüchtlingspolitik befördert die Gleichgültigkeit.",
             "en": "The crackdown on the press has intensified since January of this year."}[language]
    in_one_paragraph = f"{prose}\n\n{lead} {' '.join(asks)}\n"
    on_one_line = f"{prose}\n\n{lead}\n{' '.join(asks)}\n"
    assert [text for _, text in demands(in_one_paragraph, language=language)] == asks
    assert [text for _, text in demands(on_one_line, language=language)] == asks


def test_sentences_after_a_colon_that_introduces_no_asks_are_not_demands():
    report = "The press has been under pressure since January.\n\nThe report found: Journalists were arrested in " \
             "March. Their equipment was taken. Offices were raided.\n"
    assert demands(report) == []


@pytest.mark.parametrize("language, sentence, expected", [
    ("en", "We therefore demand the release of all detained journalists, the repeal of the security law and an "
           "independent investigation into the raids.",
     ["We therefore demand the release of all detained journalists", "the repeal of the security law",
      "an independent investigation into the raids"]),
    ("es", "Exigimos la liberación de todos los periodistas detenidos, la derogación de la ley de seguridad y una "
           "investigación independiente de las redadas.",
     ["Exigimos la liberación de todos los periodistas detenidos", "la derogación de la ley de seguridad",
      "una investigación independiente de las redadas"]),
    ("fr", "Nous exigeons la libération de tous les journalistes détenus, l'abrogation de la loi de sécurité et une "
           "enquête indépendante sur les perquisitions.",
     ["Nous exigeons la libération de tous les journalistes détenus", "l'abrogation de la loi de sécurité",
      "une enquête indépendante sur les perquisitions"]),
    ("ca", "Exigim, per tant, l'aplicació de mesures disciplinàries, la impugnació de la resolució del Departament "
           "i una revisió dels protocols d'assetjament.",
     ["Exigim, per tant, l'aplicació de mesures disciplinàries", "la impugnació de la resolució del Departament",
      "una revisió dels protocols d'assetjament"]),
    ("en", "We demand the release of the journalists, the activists and the lawyers held since March.",
     ["We demand the release of the journalists, the activists and the lawyers held since March."]),
    ("ca", "Exigim, per tant, l'aplicació de mesures disciplinàries, la impugnació de la resolució i una revisió "
           "dels protocols, per tal de garantir la fi de la impunitat i els amiguismes.",
     ["Exigim, per tant, l'aplicació de mesures disciplinàries", "la impugnació de la resolució",
      "una revisió dels protocols, per tal de garantir la fi de la impunitat i els amiguismes"]),
    ("en", "We demand, above all, the release of the journalists, the repeal of the law and a review of the courts, "
           "in order to end the fear and the silence.",
     ["We demand, above all, the release of the journalists", "the repeal of the law",
      "a review of the courts, in order to end the fear and the silence"]),
])
def test_an_ask_whose_object_lists_actions_by_their_nouns_asks_for_each(language, sentence, expected):
    prose = {"en": "The crackdown on the press has intensified since January of this year.",
             "es": "La represión contra la prensa se ha intensificado desde enero de este año.",
             "fr": "La répression contre la presse s'est intensifiée depuis janvier de cette année.",
             "ca": "La repressió contra la premsa s'ha intensificat des del gener d'aquest any."}[language]
    assert [text for _, text in demands(f"{prose}\n\n{sentence}\n", language=language)] == expected


@pytest.mark.parametrize("language, sentence", [
    ("nl", "Wij pleiten ervoor de voorgenomen wetswijziging aan te grijpen om een uitzondering op te nemen."),
    ("nl", "Met name adviseren we om een uitzondering op te nemen in de Wet Markt en Overheid."),
    ("nl", "Wij bevelen aan om een uitzondering op te nemen."),
    ("de", "Wir empfehlen, eine Ausnahme in das Gesetz aufzunehmen."),
    ("de", "Wir plädieren dafür, eine Ausnahme in das Gesetz aufzunehmen."),
    ("de", "Daher sprechen wir uns ausdrücklich gegen Gebühren für die Herausgabe von Daten aus."),
    ("it", "Raccomandiamo di includere un'eccezione nella legge."),
])
def test_the_signers_recommending_or_pleading_for_a_step_ask_it(language, sentence):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("language, sentence", [
    ("nl", "De commissie adviseerde vorig jaar om de wet te wijzigen."),
    ("de", "Die Kommission empfahl, das Gesetz zu ändern."),
])
def test_a_recommendation_someone_made_is_no_ask(language, sentence):
    assert asked(sentence, language) == []


@pytest.mark.parametrize("language, sentence", [
    ("en", "We consider it essential that the ministry publish the data."),
    ("es", "Consideramos fundamental crear una mesa de diálogo."),
    ("es", "Se necesita también generar las condiciones para que haya incentivos a la inversión privada."),
    ("pt", "Consideramos fundamental criar uma mesa de diálogo."),
    ("fr", "Nous estimons indispensable de créer une table de dialogue."),
    ("it", "Riteniamo fondamentale creare un tavolo di dialogo."),
    ("de", "Wir halten es für unerlässlich, einen runden Tisch einzurichten."),
    ("nl", "Wij vinden het noodzakelijk dat de regering een dialoogtafel opricht."),
    ("ca", "Considerem imprescindible crear una mesa de diàleg."),
])
def test_the_signers_holding_a_step_necessary_ask_for_it(language, sentence):
    assert asked(sentence, language) == [sentence]


@pytest.mark.parametrize("language, sentence", [
    ("en", "We consider it essential to note two points."),
    ("es", "Consideramos necesario señalar dos aspectos de este asunto."),
    ("it", "Riteniamo necessario evidenziare due aspetti chiave di questa vicenda."),
])
def test_holding_it_necessary_to_say_something_asks_nothing(language, sentence):
    assert asked(sentence, language) == []


def test_paragraphs_each_under_a_number_set_apart_are_the_items_a_lead_in_introduces():
    body = ("<html><body><main><h2>Ce que nous demandons</h2><p>Pour que les événements techniques continuent "
            "d’exister, nous appelons les entreprises et les professionnel·le·s à :</p>"
            "<p>01</p><p>Sponsoriser les événements techniques, même modestement.</p>"
            "<p>02</p><p>Acheter des places pour leurs équipes, et les libérer pour y assister.</p>"
            "<p>03</p><p>Adhérer aux associations qui portent ces événements.</p></main></body></html>")
    assert [text for _, text in demands(body, "text/html", language="fr")] == [
        "Sponsoriser les événements techniques, même modestement.",
        "Acheter des places pour leurs équipes, et les libérer pour y assister.",
        "Adhérer aux associations qui portent ces événements."]


@pytest.mark.parametrize("sentence, asks", [
    ("Der ICOM muss jetzt rasch handeln.", True),  # an acronym names the party in any language
    ("Burkhard Ihme muss seinen Posten räumen.", True),  # a given name we know, then a family name
    ("Dieses Versprechen muss schnell eingelöst werden.", False),  # nobody is named
])
def test_an_obligation_on_a_party_named_by_an_acronym_or_a_persons_name_where_every_noun_is_capitalised(
        sentence, asks):
    assert bool(asked(sentence, "de")) == asks


@pytest.mark.parametrize("lead, language, expected", [
    ("Nous, acteurs de la publication scientifique en accès ouvert, affirmons que :", "fr", 3),
    ("Le rapport de la Commission constate que :", "fr", 0),  # what a report finds, not what the signers hold
])
def test_obligations_the_signers_put_forward_as_their_own_after_a_colon_are_demands(lead, language, expected):
    body = (f"## {lead}\n\n### 1\n\nL’accès ouvert doit s’accompagner d’un soutien à la bibliodiversité.\n\n### 2\n\n"
            "Les systèmes d'évaluation de la recherche doivent être profondément réformés.\n\n### 3\n\n"
            "Les investissements dans les outils open source doivent être multipliés et coordonnés.\n")
    assert len(demands(body, language=language)) == expected


@pytest.mark.parametrize("language, sentence", [
    ("en", "We renew our call for the immediate release of all political prisoners."),
    ("en", "The organizations repeated their call for the immediate release of Bassel Khartabil."),
    ("fr", "Nous renouvelons notre appel à la libération immédiate de tous les prisonniers."),
    ("de", "Wir erneuern unsere Forderung nach einem sofortigen Waffenstillstand."),
    ("pt", "Reiteramos o nosso apelo por uma investigação independente."),
    ("it", "Ribadiamo il nostro appello per la liberazione dei prigionieri."),
    ("nl", "Wij herhalen onze oproep tot een onmiddellijk staakt-het-vuren."),
    ("ca", "Reiterem la nostra crida a alliberar els presos polítics."),
])
def test_the_signers_renewing_their_call_for_something_ask_for_it(language, sentence):
    assert asked(sentence, language)


def test_paragraphs_numbered_one_by_one_after_the_signers_lead_in_are_its_demands():
    body = ("<p>Os signatários deste manifesto, ao tempo em que se solidarizam com a população atingida, defendem:</p>"
            "<p>1- A localização do novo assentamento trará impactos nos laços sociais. Portanto, não deve ser "
            "definida de forma tecnicista.</p>"
            "<p>2- Os projetos urbanísticos não devem ser fruto de uma concepção de gabinete.</p>"
            "<p>3- O derramamento dos rejeitos comprometeu o abastecimento de água de muitas localidades.</p>"
            "<p>1º de fevereiro de 2016</p>")
    assert [text for _, text in demands(body, "text/html", language="pt")] == [
        "A localização do novo assentamento trará impactos nos laços sociais. Portanto, não deve ser definida de "
        "forma tecnicista.", "Os projetos urbanísticos não devem ser fruto de uma concepção de gabinete.",
        "O derramamento dos rejeitos comprometeu o abastecimento de água de muitas localidades."]
    skipped = body.replace("<p>2- ", "<p>4- ")
    assert len(demands(skipped, "text/html", language="pt")) < 3


@pytest.mark.parametrize("language, invitation", [
    ("en", "We invite everyone to our panel on the festival, to be held on Tuesday September 8, at 5:30 PM at the "
           "Casa degli Autori."),
    ("fr", "Nous invitons tous ceux qui se reconnaissent dans cet appel à venir à une discussion le dimanche 1er "
           "juillet à 11H à Taine."),
    ("es", "Convocamos a toda la ciudadanía a concentrarse el lunes 4/9 frente a la Legislatura, a las 16.30hs, para "
           "expresar nuestro repudio."),
])
def test_an_invitation_to_a_meeting_at_a_time_of_day_is_no_demand(language, invitation):
    ask = {"en": "We call on the Festival to fly the Palestinian flag beside those of the other films.",
           "fr": "Nous appelons le gouvernement à retirer la réforme des retraites.",
           "es": "Exigimos a la Legislatura que rechace el proyecto de ley."}[language]
    found = [text for _, text in demands(f"{ask}\n\n{invitation}\n", language=language)]
    assert found == [ask]
    assert len(demands(f"{ask}\n\n{invitation.replace('5:30 PM', 'noon').replace('11H', 'midi')}\n"
                       .replace("a las 16.30hs, ", ""), language=language)) == 2


def test_recognising_the_need_for_a_party_to_act_concedes_and_asks_nothing():
    assert asked("We recognize the need for the W3C to respond to the changing landscape of the Web and to reconcile "
                 "the interests of multiple parties.") == []
    assert asked("We acknowledge the need for the Council to balance the interests at stake.") == []
    assert asked("We stress the need for the W3C to reject the proposal.") == [
        "We stress the need for the W3C to reject the proposal."]


@pytest.mark.parametrize("language, sentence, expected", [
    ("de", "Daher fordern wir eine Informationsfreiheitssatzung, die die Verwaltung zur Veröffentlichung verpflichtet, "
           "und dass darüber hinaus geförderte Inhalte mit offenen Lizenzen bereitgestellt werden.",
     ["Daher fordern wir eine Informationsfreiheitssatzung, die die Verwaltung zur Veröffentlichung verpflichtet",
      "dass darüber hinaus geförderte Inhalte mit offenen Lizenzen bereitgestellt werden."]),
    ("en", "We call for an independent inquiry into the raids and that those responsible be brought to justice.",
     ["We call for an independent inquiry into the raids", "that those responsible be brought to justice."]),
    ("en", "We call for an independent inquiry showing that those responsible acted alone.",
     ["We call for an independent inquiry showing that those responsible acted alone."]),
])
def test_a_that_clause_after_a_thing_asked_is_a_second_ask(language, sentence, expected):
    assert asked(sentence, language) == expected


def test_someone_else_speaking_out_against_a_law_asks_nothing_of_ours():
    assert asked("Die Ministerin sprach sich im Ausschuss gegen das Gesetz aus.", "de") == []
    assert asked("Viele Verbände sprechen sich für eine Reform des Gesetzes aus.", "de") == []


POINTED_ITEMS = ("- Workers and students should have the right to refuse in-person classes\n"
                 "- Institutions are to ensure sick days without academic penalty\n"
                 "- The provincial government must increase public funding for teaching assistants\n")


def test_a_sentence_that_points_to_the_following_demands_introduces_them_without_a_colon():
    body = ("Students and workers demand action from the Ministry. The following demands should be met before "
            "resuming in-person learning on campuses across the province\n\n" + POINTED_ITEMS)
    assert [text for _, text in demands(body)] == [line[2:] for line in POINTED_ITEMS.splitlines()]


COUNTED_ITEMS = ("- Stop Subsidising Ecocide: the government must move the power station subsidies to renewables\n"
                 "- Leave it in the Ground: stop the company building Europe's biggest gas power station.\n"
                 "- Stop the Lies: end what is the most dangerous greenwashing campaign the country has seen.\n")


@pytest.mark.parametrize("language, lead", [
    ("en", "Campaigners will stage protests along the train line. The protestors have three demands:"),
    ("de", "Die Aktivistinnen protestieren entlang der Bahnlinie. Das Bündnis stellt 3 zentrale Forderungen:"),
])
def test_a_sentence_that_counts_as_many_demands_as_follow_introduces_them(language, lead):
    assert [text for _, text in demands(f"{lead}\n\n{COUNTED_ITEMS}", language=language)] == \
        [line[2:] for line in COUNTED_ITEMS.splitlines()]
    four = lead.replace("three", "four").replace("3", "vier")
    assert len(demands(f"{four}\n\n{COUNTED_ITEMS}", language=language)) < 3  # not these three


def test_a_speakers_words_over_several_quoted_paragraphs_ask_nothing_of_the_page():
    quoted = ("Kevin Miles, chief executive of the association, said: “Football clubs carry huge local importance.\n\n"
              "“If we don’t act now we might lose some of them forever.\n\n"
              "“We call on the clubs and leagues to share their money fairly and to publish who owns them. The time "
              "for action is now.”\n\n")
    assert demands(quoted) == []
    after = "“We call on the federation to publish its accounts. Its members deserve to know.”\n"
    assert [text for _, text in demands(quoted + after)] == [  # the speaker's words ended with the closing mark
        "We call on the federation to publish its accounts."]
    reprinted = quoted.replace("Kevin Miles, chief executive of the association, said:", "The letter reads in full:")
    assert [text for _, text in demands(reprinted)] == [
        "We call on the clubs and leagues to share their money fairly", "to publish who owns them."]


def test_items_a_sentence_points_to_as_demands_that_say_what_was_are_no_demands():
    body = ("The ministry answered none of them. The following demands were raised at the meeting last year\n\n"
            "- The ministry was asked about sick days\n- The union was told that funding had been cut\n")
    assert demands(body) == []


def test_infinitives_coordinated_inside_a_clause_the_ask_opens_are_each_a_demand():
    body = ("Il trattato minaccia i diritti dei cittadini europei.\n\nCi appelliamo al Parlamento affinché richieda ai "
            "negoziatori europei di stabilire la trasparenza nel processo, di pubblicare la proposta di accordo e di "
            "non accettare qualsiasi proposta che comprometta i diritti dei cittadini.\n")
    assert [text for _, text in demands(body, language="it")] == [
        "Ci appelliamo al Parlamento affinché richieda ai negoziatori europei di stabilire la trasparenza nel processo",
        "di pubblicare la proposta di accordo",
        "di non accettare qualsiasi proposta che comprometta i diritti dei cittadini."]


def test_a_clause_the_ask_opens_stays_whole_where_its_parts_do_not_repeat_the_marker():
    body = ("Nous insistons pour que cette réunion ait lieu avant la fin du mois, afin de pouvoir réévaluer la "
            "répartition des postes et répondre aux besoins actuels et futurs de notre système de santé.\n")
    assert len(demands(body, language="fr")) == 1


@pytest.mark.parametrize("language, lead, items", [
    ("en", "We demand:", ["The immediate release of all political prisoners.",
                          "An end to the surveillance of journalists.",
                          "An independent investigation into the raids."]),
    ("de", "Wir fordern:", ["Die sofortige Freilassung aller politischen Gefangenen.",
                            "Ein Ende der Überwachung von Journalisten.",
                            "Eine unabhängige Untersuchung der Razzien."]),
    ("fr", "Nous exigeons :", ["La libération immédiate de tous les prisonniers politiques.",
                               "La fin de la surveillance des journalistes.",
                               "Une enquête indépendante sur les perquisitions."]),
    ("es", "Exigimos:", ["La liberación inmediata de todos los presos políticos.",
                         "El fin de la vigilancia a periodistas.",
                         "Una investigación independiente sobre los allanamientos."]),
    ("it", "Chiediamo pertanto:", ["La liberazione immediata di tutte le persone arrestate.",
                                   "Un'inchiesta indipendente sulle violenze della polizia.",
                                   "Il ritiro del piano di sgomberi."]),
    ("de", "Wir fordern deshalb:", ["Die sofortige Freilassung aller Festgenommenen.",
                                    "Eine unabhängige Untersuchung der Polizeigewalt.",
                                    "Die Rücknahme des Räumungsplans."]),  # a short one last, above the signers
])
def test_paragraphs_that_name_actions_after_an_open_lead_in_are_its_demands_above_the_signers(language, lead, items):
    body = "Text of the statement on the raids.\n\n" + lead + "\n\n" + "\n\n".join(items) + \
        "\n\nAlpha Network\n\nBeta Collective\n\nGamma Association\n\nDelta Union\n"
    assert [text for _, text in demands(body, language=language)] == items


@pytest.mark.parametrize("language, sentence", [
    ("nl", "Wij eisen daarom: 1) de onmiddellijke vrijlating van alle gearresteerden; 2) een onafhankelijk onderzoek "
           "naar het politiegeweld; 3) de intrekking van het ontruimingsplan."),
    ("es", "Por ello exigimos: a) la liberación inmediata de todas las personas detenidas; b) una investigación "
           "independiente sobre la violencia policial; c) la retirada del plan de desalojos."),
    ("en", "We therefore demand: 1) the immediate release of all detained protesters; 2) an independent inquiry into "
           "the police violence; 3) the withdrawal of the eviction plan."),
])
def test_what_an_ask_numbers_in_its_own_sentence_is_one_demand_each(language, sentence):
    found = [text for _, text in demands(f"Text of the statement on the raids.\n\n{sentence}\n", language=language)]
    parts = [part.split(") ", 1)[1].rstrip(".") for part in sentence.split(": ", 1)[1].split("; ")]
    assert found == parts


def test_numbers_that_do_not_count_from_one_part_no_demands():
    sentence = "We demand the repeal of sections 2) and 3) of the law."
    assert demands(f"Text of the statement on the raids.\n\n{sentence}\n") == [(None, sentence)]


@pytest.mark.parametrize("noun, language, action", [
    ("Untersuchung", "de", True), ("Veröffentlichung", "de", True), ("Regierung", "de", False),
    ("Zeitung", "de", False), ("vrijlating", "nl", True), ("regering", "nl", False),
])
def test_the_noun_made_from_a_listed_verb_names_an_action(noun, language, action):
    assert is_action_word(noun, language) == action


@pytest.mark.parametrize("language, sentence, parts", [
    ("en", "We demand the immediate release of all detained journalists, an end to the surveillance of lawyers and an "
     "independent investigation into the raids.",
     ["We demand the immediate release of all detained journalists", "an end to the surveillance of lawyers",
      "an independent investigation into the raids"]),
    ("de", "Wir fordern die sofortige Freilassung aller inhaftierten Journalisten, ein Ende der Überwachung von "
     "Anwälten und eine unabhängige Untersuchung der Razzien.",
     ["Wir fordern die sofortige Freilassung aller inhaftierten Journalisten", "ein Ende der Überwachung von Anwälten",
      "eine unabhängige Untersuchung der Razzien"]),
    ("fr", "Nous exigeons la libération des personnes arrêtées, une enquête indépendante et le retrait du plan.",
     ["Nous exigeons la libération des personnes arrêtées", "une enquête indépendante", "le retrait du plan"]),
    ("de", "Wir fordern die Freilassung aller Festgenommenen, eine Untersuchung und die Rücknahme des Plans.",
     ["Wir fordern die Freilassung aller Festgenommenen", "eine Untersuchung", "die Rücknahme des Plans"]),
    ("it", "Chiediamo la liberazione degli arrestati, un'inchiesta indipendente e il ritiro del piano.",
     ["Chiediamo la liberazione degli arrestati", "un'inchiesta indipendente", "il ritiro del piano"]),
    ("nl", "Wij eisen de vrijlating van alle gearresteerden, een onafhankelijk onderzoek en de intrekking van het "
     "plan.",
     ["Wij eisen de vrijlating van alle gearresteerden", "een onafhankelijk onderzoek", "de intrekking van het plan"]),
    ("en", "We call for an immediate ceasefire, the release of all hostages and a moratorium on arms sales.",
     ["We call for an immediate ceasefire", "the release of all hostages", "a moratorium on arms sales"]),
])
def test_actions_named_with_an_adjective_in_one_ask_are_each_a_demand(language, sentence, parts):
    found = demands(f"The situation is serious.\n\n{sentence}\n", language=language)
    assert [text.rstrip(".") for _, text in found] == parts


def test_a_numbered_list_broken_by_bulleted_sub_lists_written_without_indenting_is_one_list_of_its_numbers():
    body = ("By the end of July, we demand that the University and all its colleges announce plans to:\n\n"
            "1. **Divest from and make no future investment in the following:**\n"
            "* All fossil fuel industries\n* The arms trade\n* All other ecocidal companies and industries\n\n"
            "2. **Use this opportunity to reinvest ethically in companies and industries that:**\n"
            "* Have a positive impact on biodiversity\n* Uphold animal rights\n\n"
            "The commitments must be fulfilled by the end of the year.\n")
    assert [text for _, text in demands(body)] == [
        "Divest from and make no future investment in the following:",
        "Use this opportunity to reinvest ethically in companies and industries that:"]


def test_a_numbered_sub_list_inside_a_bulleted_demand_keeps_the_demands_after_it():
    sub = "<ol><li>Hacer públicos los instrumentos de consulta.</li><li>Simplificar el procedimiento.</li></ol>"
    asks = ["Que se ordene la transferencia de la documentación histórica al Archivo General.",
            "Que mientras tanto se garantice el acceso a este patrimonio documental."]
    body = (f"<p>Con el fin de facilitar la investigación, las personas abajo firmantes solicitamos:</p>"
            f"<ul><li>{asks[0]}{sub}</li><li>{asks[1]}{sub}</li></ul>")
    assert [text for _, text in demands(body, "text/html", "es")] == asks


def test_an_ask_whose_infinitive_the_list_after_it_completes_asks_nothing_by_itself():
    assert asked("By the end of July, we demand that the University and all its colleges announce plans to:") == []
    assert asked("Exigimos ao Governo que retire a bandeira do navio e que:", "pt") != []  # an ask, then a clause


def test_an_ask_that_says_only_when_leaves_what_it_asks_to_the_list_after_it():
    assert asked("Nous exigeons dans les plus brefs délais :", "fr") == []
    items = ["Un accord sur le télétravail centré sur le choix des salarié-es.", "Des revalorisations de salaires "
             "immédiates.", "La fin du plan de licenciement déguisé."]
    body = "Nous exigeons dans les plus brefs délais :\n" + "".join(f"- {item}\n" for item in items)
    assert [text for _, text in demands(body, language="fr")] == items
    assert asked("Nous demandons l'abandon de toutes éventuelles procédures disciplinaires internes :", "fr") != []


@pytest.mark.parametrize("sentence", ["L’Etat doit définir un cadre réglementaire spécifique pour les plantes.",
                                      "Por eso la policia debe garantizar el acceso a los archivos."])
def test_an_obligation_put_on_a_party_written_without_its_accents_is_an_ask(sentence):
    assert asked(sentence, "fr" if "Etat" in sentence else "es") == [sentence]


def test_conminar_urges_as_exhortar_does():
    sentence = "Finalmente, conminamos a todos los sectores de la sociedad a conducirse con ética y responsabilidad."
    assert asked(sentence, "es") == [sentence[len("Finalmente, "):]]


@pytest.mark.parametrize(("call", "language"), [
    ("Nos organisations syndicales appellent les salarié-es à la grève les 15, 16 et 17 octobre.", "fr"),
    ("We call on all workers to strike on 1 May.", "en"),
    ("Wir rufen alle Kolleginnen und Kollegen dazu auf, zu streiken.", "de")])
def test_a_call_to_strike_mobilises_the_signers_own_and_asks_no_one_for_anything(call, language):
    assert asked(call, language) == []


def test_an_ask_about_the_right_to_strike_is_still_an_ask():
    assert asked("Nous appelons le gouvernement à respecter le droit de grève.", "fr") != []


def test_headings_a_bare_number_counts_from_one_are_the_demands_after_a_lead_in():
    asks = ["Release all political prisoners", "Repeal the national security law", "Restore press freedom"]
    body = "<p>We call on the Government to:</p>" + "".join(
        f"<h4><b>{n}</b> <span>{ask}</span></h4><p>The reasons are many and known to all.</p>"
        for n, ask in enumerate(asks, start=1))
    assert [text for _, text in demands(body, "text/html")] == asks
    uncounted = body.replace("<b>3</b>", "<b>5</b>").replace("<b>2</b>", "<b>4</b>")  # 1, 4, 5: no count
    assert [text for _, text in demands(uncounted, "text/html")] != asks


@pytest.mark.parametrize(("sentence", "language"), [
    ("We entreat the Government to release the prisoners.", "en"),
    ("Nous adjurons le gouvernement de libérer les prisonniers.", "fr"),
    ("Emplazamos al Gobierno a liberar a los presos.", "es"),
    ("Requerimos al Gobierno que libere a los presos.", "es"),
    ("Suplicamos al Gobierno que libere a los presos.", "es"),
    ("Requeremos ao Governo que liberte os presos.", "pt"),
    ("Richiediamo al Governo di liberare i prigionieri.", "it"),
    ("Intimiamo al Governo di liberare i prigionieri.", "it"),
    ("Wij manen de regering de gevangenen vrij te laten.", "nl"),
    ("Conminem el Govern a alliberar els presos.", "ca")])
def test_verbs_that_urge_or_summon_a_party_ask_in_every_language(sentence, language):
    assert asked(sentence, language) == [sentence]


def test_items_grouped_under_headings_that_say_whom_they_concern_are_the_demands_of_the_heading_above():
    opening = "Wij vinden dat de overheid veel meer moet doen om open source te steunen.\n\n## Aanbevelingen\n\n"
    groups = ("### Voor de Publieke Sector\n\n1. **Veranker Public Code:** Maak dit dwingend in wetgeving.\n"
              "2. **Sovereign Tech Fund:** Richt een Europees fonds op.\n\n### Voor Wetgeving\n\n"
              "1. **Bescherm de Commons:** Creëer juridische safe harbors in wetgeving.\n")
    assert [text for _, text in demands(opening + groups, language="nl")] == [
        "Veranker Public Code: Maak dit dwingend in wetgeving.", "Sovereign Tech Fund: Richt een Europees fonds op.",
        "Bescherm de Commons: Creëer juridische safe harbors in wetgeving."]
    asking = ("We have watched the crackdown grow worse.\n\n## Our demands\n\n### Release all political prisoners\n\n"
              "- they were tried unfairly\n- they are ill\n\n### Repeal the national security law\n\n- it is vague\n")
    assert [text for _, text in demands(asking)] == ["Release all political prisoners",
                                                     "Repeal the national security law"]  # the headings ask


@pytest.mark.parametrize(("sentence", "language"), [
    ("To meet this challenge, policymakers must adopt a new way of thinking about data.", "en"),
    ("Les décideurs doivent adopter une nouvelle façon de penser les données.", "fr"),
    ("Beleidsmakers moeten anders over data nadenken.", "nl"),
    ("Los responsables políticos deben adoptar una nueva forma de pensar los datos.", "es")])
def test_an_obligation_put_on_policymakers_is_an_ask(sentence, language):
    assert asked(sentence, language) != []


_EVICTION_ASKS = {
    "en": ["Release all detained protesters", "Open an independent inquiry into the police violence",
           "Withdraw the eviction plan"],
    "fr": ["La libération immédiate des personnes arrêtées", "Une enquête indépendante sur les violences policières",
           "Le retrait du plan d'expulsions"],
    "es": ["La liberación de las personas detenidas", "Una investigación independiente sobre la violencia policial",
           "La retirada del plan de desalojos"],
    "pt": ["A libertação das pessoas detidas", "Uma investigação independente sobre a violência policial",
           "A retirada do plano de despejos"],
    "de": ["Die sofortige Freilassung aller Festgenommenen", "Eine unabhängige Untersuchung der Polizeigewalt",
           "Die Rücknahme des Räumungsplans"],
    "it": ["La liberazione delle persone arrestate", "Un'inchiesta indipendente sulle violenze della polizia",
           "Il ritiro del piano di sgomberi"],
    "nl": ["De vrijlating van alle gearresteerden", "Een onafhankelijk onderzoek naar het politiegeweld",
           "De intrekking van het ontruimingsplan"],
}


def _listed_under(lead: str, language: str) -> list[tuple]:
    items = "".join(f"\n- {item}" for item in _EVICTION_ASKS[language])
    return demands(f"The police arrested forty people at a protest.\n\n{lead}\n{items}\n", language=language)


@pytest.mark.parametrize("language, lead", [
    ("en", "Demands of the coalition to the city council:"),
    ("fr", "Les revendications de la coalition sont :"),  # the space before the colon is no word
    ("es", "Las demandas de la coalición al ayuntamiento son:"),
])
def test_a_line_that_demands_head_and_a_colon_ends_introduces_them(language, lead):
    assert [text for _, text in _listed_under(lead, language)] == _EVICTION_ASKS[language]


@pytest.mark.parametrize("language, title", [
    ("fr", "Les six revendications de la coalition :"),  # the space before the colon is no word
    ("pt", "Propostas de alterações do prêmio Todos@Web"),  # a name with a mark inside it is one word
])
def test_a_short_title_naming_demands_counts_words_as_spaces_part_them(language, title):
    assert names_demands(title, lexicon(language))


@pytest.mark.parametrize("language, lead", [
    ("en", "We want:"), ("en", "What we need now:"), ("es", "Queremos:"), ("fr", "Nous voulons :"),
    ("de", "Wir wollen:"), ("it", "Vogliamo:"), ("nl", "Wij willen:"), ("pt", "Queremos:"),
])
def test_what_the_signers_want_before_a_colon_is_what_they_ask(language, lead):
    assert [text for _, text in _listed_under(lead, language)] == _EVICTION_ASKS[language]


@pytest.mark.parametrize("language, lead", [
    ("en", "We propose:"), ("en", "We also suggest:"), ("fr", "Nous proposons :"), ("fr", "Nous suggérons donc :"),
    ("de", "Wir empfehlen:"), ("de", "Daher regen wir an:"), ("nl", "Wij bevelen aan:"), ("nl", "Wij adviseren:"),
])
def test_what_the_signers_propose_before_a_colon_is_what_they_ask(language, lead):
    assert [text for _, text in _listed_under(lead, language)] == _EVICTION_ASKS[language]


@pytest.mark.parametrize("language, lead", [
    ("en", "The Commission proposes:"), ("de", "Die Experten empfehlen:"), ("nl", "De experts adviseren:"),
])
def test_what_another_party_proposes_before_a_colon_is_not_what_the_signers_ask(language, lead):
    assert _listed_under(lead, language) == []


def test_a_french_proposal_over_items_most_of_which_open_with_an_action_noun_is_a_demand_list():
    items = ["L'ouverture d'une concertation avec les habitants.", "La suppression du plan d'expulsion.",
             "Un meilleur avenir pour le quartier."]
    body = "\n".join(f"- {item}" for item in items)
    assert [text for _, text in demands(f"Nous proposons :\n\n{body}\n", language="fr")] == items


def test_a_dutch_want_that_gives_a_reason_asks_nothing():
    letter = read_file(CORPUS / "dev-13" / "decoalitie-oproep-uva-2019.html")  # "... Want: elke invloed ..."
    assert not [d for d in parse(letter).demands if d.text.startswith("Want")]


@pytest.mark.parametrize("language, lead, party", [
    ("en", "What the city council must do:", "city council"),
    ("fr", "Ce que la mairie doit faire :", "mairie"),
    ("es", "Lo que el ayuntamiento tiene que hacer:", "ayuntamiento"),
    ("pt", "O que a câmara municipal tem de fazer:", "câmara municipal"),
    ("de", "Was der Stadtrat jetzt tun muss:", "Stadtrat"),
    ("it", "Cosa deve fare il comune:", "comune"),
    ("nl", "Wat de gemeenteraad nu moet doen:", "gemeenteraad"),
    ("pt", "A câmara municipal deve:", "câmara municipal"),  # local authorities are parties too
    ("es", "El alcalde debe:", "alcalde"),
    ("fr", "La préfecture doit :", "préfecture"),
])
def test_a_line_putting_an_obligation_on_a_party_puts_the_list_after_it_on_that_party(language, lead, party):
    assert _listed_under(lead, language) == [(party, item) for item in _EVICTION_ASKS[language]]


_NESTED = ("- Withdraw the eviction plan, including:\n    - the demolition orders for Block C\n"
           "    - the notices sent in May\n"
           "- Guarantee rehousing for every family, with:\n    - a home in the same district\n"
           "    - rent at the current level\n"
           "- Open an independent inquiry into the police violence.\n    - who gave the order\n"
           "    - why force was used\n")


def test_the_details_under_each_ask_of_a_list_that_opens_with_ask_verbs_are_part_of_it():
    calls = _NESTED.replace("- Withdraw", "- Call on the council to withdraw").replace(
        "- Guarantee", "- Urge the mayor to guarantee").replace("- Open", "- Call on the police to open")
    found = [text for _, text in demands(f"The police arrested forty people at a protest.\n\n{calls}")]
    assert found == [line[2:] for line in calls.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("body, expected", [
    (_NESTED, ["Withdraw the eviction plan, including:", "Guarantee rehousing for every family, with:",
               "Open an independent inquiry into the police violence."]),
    ("- Housing\n    - The withdrawal of the eviction plan\n    - Guarantee rehousing for every family\n"
     "- Justice\n    - An independent inquiry\n    - The withdrawal of all charges against the protesters\n",
     ["The withdrawal of the eviction plan", "Guarantee rehousing for every family", "An independent inquiry",
      "The withdrawal of all charges against the protesters"]),  # items that name an action ask as verbs do
])
def test_under_a_title_naming_demands_a_nested_list_asks_by_its_own_items_or_by_those_its_labels_group(body, expected):
    page = f"# Our demands to the city council\n\nThe police arrested forty people at a protest.\n\n{body}"
    assert [text for _, text in demands(page)] == expected


@pytest.mark.parametrize("language, heading", [
    ("en", "## What we ask"), ("en", "**What we want**"), ("de", "## Was wir wollen"), ("nl", "**Wat wij vragen**"),
])
def test_a_heading_or_a_bold_line_that_asks_introduces_the_list_under_it_as_a_colon_does(language, heading):
    assert [text for _, text in _listed_under(heading, language)] == _EVICTION_ASKS[language]


@pytest.mark.parametrize("sentence, asks", [
    ("Das Bündnis fordert die Rücknahme des Räumungsplans.", True),
    ("Das Netzwerk fordert daher, dass die Stadt den Plan zurücknimmt.", True),
    ("Die Regierung fordert mehr Geld für die Polizei.", False),  # someone else's ask
])
def test_a_coalition_asking_in_the_third_person_singular_asks_in_german(sentence, asks):
    assert bool(asked(sentence, "de")) is asks
