"""Attribution: the API contract, one test per pattern and per negative."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import corpus_from_texts
from analysis.attribution import (
    COLUMNS,
    canonicalize_speakers,
    extract_attributions,
    extract_document_attributions,
)
from conftest import SEED_ID


def one(text: str) -> dict:
    df = extract_attributions(text)
    assert len(df) == 1, df[["type", "speaker", "content"]].to_string()
    return df.iloc[0].to_dict()


def test_columns_and_dtypes(seed_corpus):
    df = extract_attributions(seed_corpus)
    assert list(df.columns) == list(COLUMNS)
    for col, dtype in COLUMNS.items():
        assert str(df[col].dtype) == dtype, col
    assert df["attribution_id"].is_unique
    assert (df["doc_id"] == SEED_ID).all()


def test_offsets_round_trip_on_seed(seed_corpus, seed_text):
    df = extract_attributions(seed_corpus)
    for part in ("speaker", "cue", "content", "channel"):
        for value, s, e in zip(df[part], df[f"{part}_start"], df[f"{part}_end"]):
            if pd.isna(s):
                assert pd.isna(value)
            else:
                assert seed_text[int(s):int(e)] == value


def test_sent_id_points_at_the_cue_or_content_sentence(seed_corpus):
    df = extract_attributions(seed_corpus)
    sents = seed_corpus.sentences.set_index("sent_id")
    assert df["sent_id"].notna().all()
    for sid, c0, t0 in zip(df["sent_id"], df["cue_start"], df["content_start"]):
        row = sents.loc[int(sid)]
        inside = [row["start"] <= int(x) < row["end"] for x in (c0, t0) if pd.notna(x)]
        assert any(inside)


def test_seed_putin_three_times_and_sourcing(seed_corpus):
    df = extract_attributions(seed_corpus)
    putin = df[df["speaker_canonical"] == "Vladimir Putin"]
    assert sorted(putin["cue_lemma"]) == ["chiarire", "promettere", "promettere"]
    assert set(df.loc[df["speaker"] == "Yuri Ushakov", "channel"]) == {"all’agenzia di stampa TASS"}
    assert set(df.loc[df["via"] == "TASS", "speaker_canonical"]) == {"ministro russo delle Risorse naturali"}
    assert set(df.loc[df["via"] == "PTI", "cue"]) == {"ha promesso"}
    denials = df[df["stance"] == "denies"]
    assert set(denials["speaker_canonical"]) == {"Russia", "Corea del Nord"}
    assert "Rodong Sinmun" in " ".join(df["channel"].dropna())


def test_plain_string_has_null_doc_id_and_string_offsets():
    text = "Il ministro ha detto che il piano è pronto."
    row = one(text)
    assert pd.isna(row["doc_id"])
    assert row["attribution_id"] == "0"
    assert text[row["content_start"]:row["content_end"]] == "il piano è pronto"


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="Corpus or a str"):
        extract_attributions(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="str"):
        extract_document_attributions(None)  # type: ignore[arg-type]


def test_empty_text_gives_an_empty_typed_table():
    df = extract_attributions("   ")
    assert df.empty and list(df.columns) == list(COLUMNS)


def test_halves_give_the_same_table_in_any_partition():
    texts = {
        "a": "Il presidente francese Emmanuel Macron ha detto che l’Europa deve difendersi.",
        "b": "«Non possiamo dipendere da altri», ha aggiunto Macron.",
        "c": "Secondo l’Ansa, il sindaco ha detto che le scuole riapriranno.",
    }
    corpus = corpus_from_texts(texts)
    whole = extract_attributions(corpus)
    parts = [extract_document_attributions(t, doc_id=k) for k, t in texts.items()]
    for order in ([0, 1, 2], [2, 0, 1], [1, 2, 0]):
        merged = canonicalize_speakers(pd.concat([parts[i] for i in order], ignore_index=True))
        merged = merged.sort_values("attribution_id").reset_index(drop=True)
        expected = whole.sort_values("attribution_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(merged, expected)
    assert set(whole["speaker_canonical"]) >= {"Emmanuel Macron"}
    assert (whole.loc[whole["doc_id"] == "b", "speaker_canonical"] == "Emmanuel Macron").all()


# --- one test per pattern ---------------------------------------------------------

@pytest.mark.parametrize("text, speaker, lemma, content", [
    ("Il portavoce Mario Bianchi ha dichiarato che la sede resterà chiusa.", "Il portavoce Mario Bianchi", "dichiarare", "la sede resterà chiusa"),
    ("La ministra ha affermato che i fondi sono stati stanziati.", "La ministra", "affermare", "i fondi sono stati stanziati"),
    ("Il generale disse che le truppe sarebbero rientrate.", "Il generale", "dire", "le truppe sarebbero rientrate"),
    ("Il sindaco spiega che il cantiere finirà a marzo.", "Il sindaco", "spiegare", "il cantiere finirà a marzo"),
    ("L’ambasciatore ha sottolineato che il dialogo continua.", "L’ambasciatore", "sottolineare", "il dialogo continua"),
    ("Il presidente ha precisato che non ci saranno rinvii.", "Il presidente", "precisare", "non ci saranno rinvii"),
    ("Il premier ha ribadito che la linea non cambia.", "Il premier", "ribadire", "la linea non cambia"),
    ("La Casa Bianca annuncerà che le sanzioni saranno estese.", "La Casa Bianca", "annunciare", "le sanzioni saranno estese"),
])
def test_forward_speech_verbs_in_several_tenses(text, speaker, lemma, content):
    row = one(text)
    assert (row["speaker"], row["cue_lemma"], row["content"], row["type"]) == (speaker, lemma, content, "indirect")


def test_quote_first_with_comma():
    row = one("«Siamo pronti a ripartire», ha detto il presidente della squadra.")
    assert row["type"] == "direct" and row["content"] == "Siamo pronti a ripartire"
    assert row["speaker"] == "il presidente della squadra"


def test_quote_split_by_dashes_gives_two_rows():
    df = extract_attributions("“Il progetto è solido” – aggiunge l’assessore – “e sarà finanziato dalla Regione”.")
    assert list(df["content"]) == ["Il progetto è solido", "e sarà finanziato dalla Regione"]
    assert set(df["speaker"]) == {"l’assessore"} and set(df["type"]) == {"direct"}


def test_colon_introduces_a_quote():
    row = one("Il commissario europeo: «Le regole valgono per tutti».")
    assert row["type"] == "direct" and pd.isna(row["cue"]) and row["speaker"] == "Il commissario europeo"


def test_lo_dichiara_takes_the_previous_sentence():
    row = one("Il museo riaprirà a giugno. Lo ha annunciato la direttrice Anna Moretti.")
    assert row["content"] == "Il museo riaprirà a giugno" and row["speaker_canonical"] == "Anna Moretti"


def test_lo_riporta_sources_the_attribution_before_it():
    df = extract_attributions("Il ministro della Difesa ha detto che le esercitazioni continueranno. Lo riporta l’agenzia Reuters.")
    outer, inner = df.iloc[0], df.iloc[1]
    # the agency is a source the article cites (a row of its own) and the minister's words came through it
    assert outer["type"] == "according_to" and outer["speaker"] == "l’agenzia Reuters" and outer["cue"] == "Lo riporta"
    assert outer["content"] == "Il ministro della Difesa ha detto che le esercitazioni continueranno"
    assert inner["via"] == "Reuters" and inner["speaker"] == "Il ministro della Difesa" and pd.isna(outer["via"])


def test_an_outer_source_is_a_row_and_the_inner_rows_via():
    df = extract_attributions("Secondo l’agenzia TASS, il ministro ha dichiarato che Mosca e Pyongyang apriranno un volo diretto.")
    assert list(df["type"]) == ["according_to", "indirect"]
    tass, minister = df.iloc[0], df.iloc[1]
    assert tass["speaker_canonical"] == "TASS" and tass["content"].startswith("il ministro ha dichiarato")
    assert minister["speaker"] == "il ministro" and minister["via"] == "TASS"


@pytest.mark.parametrize("text, speaker", [
    ("Secondo la polizia, l’incendio è partito da un cortocircuito.", "la polizia"),
    ("Stando all’Ansa, la riunione è stata rinviata.", "Ansa"),
    ("A detta dei medici, il paziente è fuori pericolo.", "medici"),
    ("Secondo quanto riporta il Corriere della Sera, l’accordo è vicino.", "il Corriere della Sera"),
    ("Come riferisce l’agenzia Agi, la seduta è stata sospesa.", "l’agenzia Agi"),
    ("La mostra sarà prorogata, si legge in una nota del museo.", "museo"),
])
def test_according_to_phrases(text, speaker):
    row = one(text)
    assert row["type"] == "according_to" and speaker in row["speaker"]


def test_fa_sapere():
    row = one("La compagnia fa sapere che i voli riprenderanno domani.")
    assert row["cue"] == "fa sapere" and row["stance"] == "announces"


def test_passive_with_agent():
    row = one("Le indiscrezioni sono state smentite dal ministero.")
    assert row["content"] == "Le indiscrezioni" and row["stance"] == "denies" and "ministero" in row["speaker"]


def test_passive_participle_criticised_by():
    row = one("La riforma, criticata dai sindacati, arriva in aula.")
    assert row["stance"] == "criticizes" and row["content"] == "La riforma"


def test_quotation_over_two_paragraphs():
    text = "Il sindaco ha detto: «La città è pronta.\n\n«Ora servono risorse dallo Stato»."
    row = one(text)
    assert row["type"] == "direct"
    assert row["content"].startswith("La città è pronta.") and row["content"].endswith("dallo Stato")


def test_mixed_quote():
    row = one("La ministra ha detto che la situazione è «sotto controllo» ma resta delicata.")
    assert row["type"] == "mixed"


def test_null_subject_keeps_the_last_speaker():
    df = extract_attributions("Il rettore ha detto che gli esami si terranno in presenza. Ha poi aggiunto che le aule saranno ampliate.")
    assert list(df["speaker"]) == ["Il rettore", "Il rettore"]
    assert df.iloc[1]["cue"] == "Ha poi aggiunto"


def test_anonymous_sources():
    row = one("Fonti diplomatiche hanno riferito che i negoziati sono fermi.")
    assert row["speaker_type"] == "anonymous"
    row = one("Secondo indiscrezioni, il consiglio si riunirà lunedì.")
    assert row["speaker_type"] == "anonymous" and row["type"] == "according_to"


def test_channel_interview_and_social():
    row = one("In un’intervista alla Stampa, il presidente dell’Inps ha spiegato che le pensioni saranno pagate regolarmente.")
    assert row["channel"].startswith("In un’intervista")
    row = one("Il deputato ha scritto su Facebook che si dimetterà.")
    assert row["channel"] == "su Facebook"


@pytest.mark.parametrize("text, channel", [
    # modifiers between the article and the channel noun
    ("La sindaca ha annunciato in una breve conferenza stampa che le scuole riapriranno lunedì.",
     "in una breve conferenza stampa"),
    # a fronted channel framed by "nel corso di"
    ("Nel corso di una sua intervista, l'allenatore ha dichiarato di voler restare a Bologna.",
     "Nel corso di una sua intervista"),
    # an outlet addressed after a postposed speaker
    ("«Non lasceremo il tavolo», ha detto il segretario del sindacato al Corriere della Sera.",
     "al Corriere della Sera"),
    # a plural medium noun
    ("Il presidente della Regione aveva confermato ai quotidiani locali che il piano è pronto.",
     "ai quotidiani locali"),
    # a public venue
    ("Il ministro ha ribadito in Aula che il decreto non verrà ritirato.", "in Aula"),
])
def test_channel_next_to_the_cue(text, channel):
    row = one(text)
    assert row["channel"] == channel
    assert text[row["channel_start"]:row["channel_end"]] == channel


def test_channel_never_covers_the_speaker():
    row = one("In una nota l'associazione dei commercianti afferma che gli affitti sono aumentati.")
    assert row["channel"] == "In una nota"
    assert row["channel_end"] <= row["speaker_start"]


def test_no_channel_from_an_ordinary_complement():
    row = one("Nel 2019 il sindaco ha detto ai cittadini del quartiere che il parco sarebbe stato rifatto.")
    assert pd.isna(row["channel"])


def test_a_declared_clause_about_an_act_is_still_a_report():
    row = one("Il ministro ha dichiarato che lo stato di emergenza finirà a marzo.")
    assert row["content"] == "lo stato di emergenza finirà a marzo"
    row = one("La ministra ha dichiarato: «Lo stato dei conti è solido».")
    assert row["content"] == "Lo stato dei conti è solido"


def test_secondo_source_stops_before_the_clause():
    # a conditional verb ends the source; a name right after plural sources opens the clause they source
    row = one("I due fermati, secondo alcune testimonianze farebbero parte di una banda di Torino.")
    assert row["type"] == "according_to" and row["speaker"] == "alcune testimonianze"
    df = extract_attributions("Il sindaco ha smentito tutto, infatti secondo alcune fonti Rossi aveva già firmato l'accordo.")
    according = df[df["type"] == "according_to"].iloc[0]
    assert according["speaker"] == "alcune fonti"
    assert according["content"] == "Rossi aveva già firmato l'accordo"


def test_quoted_clause_ends_with_its_quotation():
    row = one("La ministra ha ricordato che «il tavolo lo abbiamo aperto noi», un punto su cui è tornata spesso.")
    assert row["content"] == "il tavolo lo abbiamo aperto noi"
    # a quotation that goes on after the writer's aside stays whole
    row = one("La ministra scrive che «la scuola è decisiva», inutile dirlo, «ma servono fondi veri».")
    assert row["content"].endswith("ma servono fondi veri»")


def test_a_named_party_is_an_organisation_not_a_person():
    row = one("Il partito Nuova Alleanza ha chiesto che si voti entro giugno.")
    assert row["speaker_type"] == "organization" and row["speaker_canonical"] == "Nuova Alleanza"
    assert pd.isna(row["speaker_gender"])


def test_hyphenated_name_is_one_speaker():
    row = one("Il leader Jean-Luc Mélenchon ha detto che la guerra tra Russia-Ucraina deve finire.")
    assert row["speaker_canonical"] == "Jean-Luc Mélenchon" and row["speaker_gender"] in ("male", None)
    row = one("Domscheit-Berg ha spiegato che i documenti sono stati distrutti.")
    assert row["speaker"] == "Domscheit-Berg"


def test_nested_secondo_sets_via():
    df = extract_attributions("Secondo la Reuters, il ministro degli Esteri ha detto che l’ambasciata resterà aperta.")
    assert list(df["type"]) == ["according_to", "indirect"]
    assert df.iloc[0]["speaker_canonical"] == "Reuters" and df.iloc[1]["via"] == "Reuters"


# --- negatives --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Il cosiddetto «superbonus» è costato più del previsto.",                # scare quotes
    "Il romanzo «Le città del mare» è il libro più venduto dell’anno.",      # title in quotes
    "Per il secondo giorno di fila il traffico è rimasto bloccato.",         # "secondo" = second
    "Secondo tempo da dimenticare per la squadra ospite.",                   # "secondo" = second
    "Secondo la legge, gli esercizi devono esporre i prezzi.",               # not a source
    "Riteniamo che la scelta del governo sia sbagliata.",                    # the writer's opinion
    "Come abbiamo scritto ieri, la gara è stata annullata.",                 # the writer's own report
    "La conferma ufficiale è arrivata in serata.",                           # a speech noun, not a verb
    "Si dice che il castello sia infestato.",                                # impersonal
    "Ha urlato il deputato quando è entrato in aula.",                       # "quando": a time clause
    "Il prefetto ha dichiarato lo stato di emergenza in tutta la provincia.",  # an act, not a report
    "In tutta la regione è stata proclamata una giornata di lutto.",         # an act, not a report
    "Il tribunale nega gli arresti domiciliari all'ex assessore.",           # a refusal, not a denial
])
def test_not_attributions(text):
    assert extract_attributions(text).empty


# --- general Italian reporting structures -------------------------------------------

def test_an_adverb_is_never_the_speaker():
    row = one("I sostenitori del sindaco, che diversamente si sono chiesti se avesse temi più urgenti, tacciono.")
    assert row["speaker"] == "I sostenitori del sindaco"
    assert row["content"].startswith("se avesse temi più urgenti")


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Il ministro si è detto convinto che la ripresa arriverà entro l’estate.", "Il ministro", "si è detto",
     "la ripresa arriverà entro l’estate"),
    ("La sindaca si chiede se valga la pena continuare.", "La sindaca", "si chiede", "se valga la pena continuare"),
    ("La ministra si è detta pronta a discutere con i sindacati.", "La ministra", "si è detta", "pronta a discutere con i sindacati"),
])
def test_pronominal_cues_with_a_written_speaker(text, speaker, cue, content):
    row = one(text)
    assert (row["speaker"], row["cue"], row["content"]) == (speaker, cue, content)


@pytest.mark.parametrize("text, speaker, lemma", [
    ("Il sindacato lamenta che i turni sono insostenibili.", "Il sindacato", "lamentare"),
    ("Il comandante giurò che nessuno sarebbe stato abbandonato.", "Il comandante", "giurare"),
    ("La Commissione europea auspica che l’accordo venga firmato presto.", "La Commissione europea", "auspicare"),
    ("I residenti raccontano di aver sentito un boato verso mezzanotte.", "I residenti", "raccontare"),
    ("Mario Draghi dirà domani ai sindacati che il piano non cambia.", "Mario Draghi", "dire"),
])
def test_broader_cue_inventory_and_tenses(text, speaker, lemma):
    row = one(text)
    assert (row["speaker"], row["cue_lemma"], row["type"]) == (speaker, lemma, "indirect")


def test_clitic_listeners_before_and_after_the_verb():
    assert one("Il governatore gli ha detto che non ci sono fondi.")["cue"] == "gli ha detto"
    row = one("«Non ci fermeremo», ha detto loro il comandante.")
    assert row["speaker"] == "il comandante" and row["content"] == "Non ci fermeremo"


def test_quotation_closed_before_it_is_opened_in_the_text():
    # the text starts inside a quotation that opened in an earlier sentence
    row = one('Non si può costruire la ripresa sulle macerie del lavoro", conclude la segretaria.')
    assert row["type"] == "direct" and row["speaker"] == "la segretaria"
    assert row["content"] == "Non si può costruire la ripresa sulle macerie del lavoro"


def test_quotation_running_over_sentences_is_attributed_by_the_cue_after_it():
    text = "Il sindaco è stato chiaro. «Non ci saranno rinvii. Le scuole apriranno lunedì», ha detto il sindaco."
    row = one(text)
    assert row["content"] == "Non ci saranno rinvii. Le scuole apriranno lunedì" and row["type"] == "direct"


def test_parenthetical_cue_with_content_on_both_sides():
    row = one("Per questo – ha concluso il segretario – sarà importante che i fondi arrivino presto.")
    assert row["speaker"] == "il segretario" and "sarà importante che i fondi arrivino presto" in row["content"]
    row = one("Il piano, ha spiegato il ministro, prevede tre fasi distinte di intervento.")
    assert row["speaker"] == "il ministro" and row["content"].endswith("prevede tre fasi distinte di intervento")


def test_clitic_cue_with_a_colon_takes_what_follows():
    row = one("Lo promette il commissario, appena nominato: da fine febbraio si comincerà con gli over 80.")
    assert row["speaker"] == "il commissario" and row["content"] == "da fine febbraio si comincerà con gli over 80"


def test_clitic_cue_is_not_read_as_a_che_clause():
    # "che" here opens a relative clause about the speaker; with no sentence before, nothing is attributed
    assert extract_attributions("Lo scrive l’istituto che ha stilato le linee guida.").empty


def test_colon_after_a_subject_and_short_predicate():
    row = one("Quando tornò a casa Giulia chiamò la mamma: «Ho finalmente trovato lavoro».")
    assert row["speaker"] == "Giulia" and row["content"] == "Ho finalmente trovato lavoro"


def test_colon_after_a_statement_noun_gives_its_owner():
    row = one("Durissimo il commento di Rossi: «È una vergogna».")
    assert row["speaker"] == "Rossi"


def test_secondo_quanto_with_its_own_cue_and_apposition():
    row = one("Secondo quanto ha spiegato ieri ai giornalisti il capo della polizia, Marco Neri, gli agenti erano già sul posto.")
    assert row["type"] == "according_to" and row["speaker"] == "Marco Neri"
    assert row["content"] == "gli agenti erano già sul posto"


def test_secondo_cui_takes_the_antecedent():
    row = one("Ha parlato il portavoce, secondo cui la trattativa è ancora aperta.")
    assert row["type"] == "according_to" and row["speaker"] == "il portavoce"
    assert row["content"] == "la trattativa è ancora aperta"


def test_relative_clause_apposition_before_the_cue():
    df = extract_attributions("Il direttore dell’ospedale, che da giorni chiede nuovi letti, ha avvertito che la situazione è critica.")
    rows = {r["content"]: r for r in df.to_dict("records")}
    assert rows["la situazione è critica"]["speaker"] == "Il direttore dell’ospedale"
    # the request in the relative clause is his too ("chiede nuovi letti": the object is what he asks for)
    assert rows["nuovi letti"]["speaker"] == "Il direttore dell’ospedale" and rows["nuovi letti"]["stance"] == "asks"


def test_objects_of_requests_and_announcements_are_reported():
    rows = extract_attributions("Le Regioni, che hanno scritto al commissario chiedendo un intervento, attendono.").to_dict("records")
    assert [(r["speaker"], r["content"]) for r in rows] == [("Le Regioni", "un intervento")]
    row = one("L’azienda aveva chiesto aiuto al governo perché era quasi in bancarotta.")
    assert row["speaker"] == "L’azienda" and row["content"] == "aiuto al governo"
    assert extract_attributions("La ministra non ha ancora chiesto scusa per il video.").empty
    assert extract_attributions("Il commissario ha respinto le critiche.").empty


def test_reflexive_gerund_with_a_predicate():
    df = extract_attributions("Il sindaco ha parlato a lungo, dicendosi pronto a dimettersi.")
    assert [(r["speaker"], r["cue"], r["content"]) for r in df.to_dict("records")] == \
        [("Il sindaco", "dicendosi", "pronto a dimettersi")]


def test_opinion_verbs_need_a_speaker_and_a_che_clause():
    row = one("Il ministro ritiene che la crisi sia finita.")
    assert row["speaker"] == "Il ministro" and row["content"] == "la crisi sia finita"
    assert extract_attributions("Il ministro pensa di partire domani.").empty
    assert extract_attributions("Ritiene che la crisi sia finita.").empty


def test_naming_verbs_keep_the_subject_as_speaker():
    row = one("Lo storico dei presidenti americani Michael Beschloss ha definito Psaki «la prima addetta stampa seria».")
    assert row["speaker"].endswith("Michael Beschloss") and row["content"] == "la prima addetta stampa seria"


@pytest.mark.parametrize("text, speaker, content", [
    ("Secondo quanto si apprende, il vertice è stato rinviato a lunedì.", None, "il vertice è stato rinviato a lunedì"),
    ("Secondo quanto è stato ricostruito finora, la lite è nata per un parcheggio.", None, "la lite è nata per un parcheggio"),
    ("A suo dire la riforma non basta a fermare la crisi.", None, "la riforma non basta a fermare la crisi"),
    ("Insomma, per i renziani si tratterebbe di un verbale truccato.", "i renziani", "si tratterebbe di un verbale truccato"),
    ("Per il ministro, la crisi è finita.", "il ministro", "la crisi è finita"),
    ("Eppure, come ricorda il leghista, la crisi non è solo sanitaria.", "il leghista", "la crisi non è solo sanitaria"),
])
def test_sources_without_a_cue_verb(text, speaker, content):
    row = one(text)
    assert row["type"] == "according_to" and row["content"] == content
    assert (row["speaker"] if row["speaker"] is not pd.NA else None) == speaker
    if speaker is None:
        assert row["speaker_type"] == "anonymous" or text.startswith("A suo")


@pytest.mark.parametrize("text", [
    "Per i bambini, la scuola è importante.",
    "Per tutti noi è un giorno triste.",
    "Secondo quanto previsto dal contratto, il turno dura otto ore.",
])
def test_per_and_secondo_quanto_that_are_not_sources(text):
    assert extract_attributions(text).empty


def test_animacy_rejects_things_as_speakers():
    assert extract_attributions("L’episodio diceva molto del clima nel paese.").empty
    assert extract_attributions("«Non mollate mai», recita il cartello all’ingresso.").empty


def test_code_page_slips_still_match_cues():
    row = one("Il presidente giurň che non avrebbe ceduto.")  # "giurò" read through the wrong code page
    assert row["cue_lemma"] == "giurare"


@pytest.mark.parametrize("text", [
    "Si direbbe che il peggio sia passato.",                                 # impersonal pronominal use
    "Il premier ha escluso, parlando ai giornalisti, un rimpasto.",          # a gerund adjunct is no postposed cue
    "Il ricordo del nonno, ha concluso",                                      # no speaker, no quotation
])
def test_more_non_attributions(text):
    assert extract_attributions(text).empty


def _rows(text: str) -> list[dict]:
    return extract_attributions(text).to_dict("records")


def test_cue_between_dashes_splits_one_quotation_in_two():
    text = "«Il bilancio non regge – avverte la sindaca di Pesaro – e servono tagli subito»."
    rows = _rows(text)
    assert [r["content"] for r in rows] == ["Il bilancio non regge", "e servono tagli subito"]
    assert {r["speaker"] for r in rows} == {"la sindaca di Pesaro"}


def test_cue_between_dashes_in_a_quotation_left_open():
    text = "“La scuola deve riaprire– prosegue il primo Cittadino di Arezzo – senza altri rinvii."
    rows = _rows(text)
    assert [r["content"] for r in rows] == ["La scuola deve riaprire", "senza altri rinvii"]
    assert rows[0]["speaker"] == "il primo Cittadino di Arezzo"


def test_relative_che_without_comma_names_the_speaker():
    r = one("Il congresso ha ascoltato la deputata Maria Rossi che chiede al governo un piano per le scuole.")
    assert r["speaker"] == "la deputata Maria Rossi" and r["cue"] == "chiede"
    assert r["content"].endswith("un piano per le scuole")


def test_named_apposition_speaks_when_the_head_is_a_description():
    r = one("Il capo delle forze armate locali, il generale Mario Bianchi, ha sostenuto che il voto era truccato.")
    assert "Mario Bianchi" in r["speaker"]
    assert r["content"] == "il voto era truccato"


def test_clitic_before_a_plural_cue_is_not_an_article():
    r = one("I sindaci della provincia, pertanto, le chiedono di prorogare i contratti degli infermieri.")
    assert r["speaker"] == "I sindaci della provincia" and r["cue"] == "le chiedono"


def test_colon_quote_with_the_person_opening_the_clause():
    r = one('Rossi, due pagine sul giornale contro la ministra: "Dimettiti subito per favore".')
    assert r["type"] == "direct" and r["speaker"] == "Rossi" and r["content"].startswith("Dimettiti")
    r = one('Non sono mancati gli sfottò, come quello dedicato al sindaco da un utente: "Hai già fatto le valigie?".')
    assert r["speaker"] == "un utente"


def test_bracketed_according_to_covers_the_words_before_it():
    rows = _rows("I lavori sono fermi da mesi (secondo le denunce di molti residenti) e nessuno interviene.")
    assert len(rows) == 1 and rows[0]["type"] == "according_to"
    assert rows[0]["speaker"] == "molti residenti" and rows[0]["content"] == "I lavori sono fermi da mesi"


@pytest.mark.parametrize("text", [
    "Molti credenti vogliono vivere secondo la loro coscienza e non secondo le mode.",
    "La spesa crescerà secondo le stime di crescita pubblicate ieri.",
    "Due donne che protestavano contro di lui sono state allontanate.",
])
def test_secondo_and_complements_that_are_not_sources(text):
    assert extract_attributions(text).empty


def test_coordinated_participle_shares_the_auxiliary():
    rows = _rows("Il presidente ha firmato il decreto, e annunciato che a maggio arriveranno nuovi fondi.")
    assert any(r["cue"] == "annunciato" and r["speaker"] == "Il presidente"
               and r["content"] == "a maggio arriveranno nuovi fondi" for r in rows)


def test_cue_inside_a_quotation_mark_never_closed():
    r = one('"Dopo le verifiche della notte, l\'Aifa precisa che il vaccino resta sicuro.')
    assert r["speaker"] == "l'Aifa" and r["content"].rstrip(".") == "il vaccino resta sicuro"


def test_sentence_initial_cue_without_subject_reports_its_object():
    df = extract_attributions("Il sindaco ha detto che la città è pronta. Ha poi confermato il sostegno alle famiglie in difficoltà.")
    row = df[df["cue"].str.contains("confermato")].iloc[0]
    assert row["content"] == "il sostegno alle famiglie in difficoltà" and row["speaker"] == "Il sindaco"


def test_cleft_with_the_speaker_after_the_copula():
    r = one("A chiedere che la scuola riapra c'è anche la ministra Rossi.")
    assert r["speaker"] == "la ministra Rossi" and r["content"] == "la scuola riapra"
    r = one("A denunciare il ritardo dei fondi sono stati i sindaci della valle.")
    assert r["speaker"] == "i sindaci della valle" and r["content"] == "il ritardo dei fondi"


def test_a_quanto_with_a_cue_and_a_source():
    r = one("Il decreto, a quanto riferiscono fonti di governo, arriverà in aula la prossima settimana.")
    assert r["type"] == "according_to" and r["speaker"].startswith("fonti di governo")


def test_according_to_between_dashes():
    rows = _rows('Mario Rossi vuole difendere l\'assessore che - a suo dire - "resta al suo posto".')
    assert len(rows) == 1 and rows[0]["content"] == "resta al suo posto" and rows[0]["speaker"] == "Mario Rossi"
    rows = _rows("Il ministro dell'Economia - secondo l'agenzia Reuters - sarebbe pronto a lasciare l'incarico.")
    assert len(rows) == 1 and rows[0]["content"].startswith("Il ministro") and rows[0]["content"].rstrip(".").endswith("l'incarico")


def test_object_ending_at_a_final_colon_is_no_report():
    assert extract_attributions("Un portavoce della società ha commentato quanto è accaduto a Roma:").empty


def test_inserted_source_after_a_subordinator_is_about_what_follows():
    r = one("Il bilancio è pesante, anche se, sottolinea il sindaco, la città ha retto bene all'alluvione.")
    assert r["speaker"] == "il sindaco" and r["content"].rstrip(".") == "la città ha retto bene all'alluvione"
    # the cut sentence: the words after the cue are not here, so nothing is reported
    assert extract_attributions("Nessuno si è fatto male anche se, sottolinea il sindaco, ").empty
    r = one("Resta un rischio per le imprese che, secondo le stime di Carlo Neri, nei prossimi mesi ridurranno gli organici.")
    assert r["type"] == "according_to" and r["speaker"].startswith("Carlo Neri")
    assert r["content"].rstrip(".") == "nei prossimi mesi ridurranno gli organici"
    r = one("Ma che in quel caso, come riporta il Giornale di Vicenza, ha spinto i vigili a chiudere la piazza.")
    assert r["content"].rstrip(".") == "ha spinto i vigili a chiudere la piazza"


def test_according_to_closing_a_cut_sentence_after_a_conjunction_is_none():
    assert extract_attributions("Finora i controlli sono stati fatti solo nelle scuole e secondo il professor Bianchi").empty
    assert extract_attributions("I lavori finiranno a maggio giacché, come sottolinea l'assessore Verdi").empty


def test_inserted_si_legge_with_no_named_source_reports_the_sentence():
    r = one('Il progetto, si legge ancora nella nota, "non si ferma" e "andrà avanti con nuovi ricorsi".')
    assert r["type"] == "mixed" and pd.isna(r["speaker"])
    assert r["content"].startswith("Il progetto") and r["content"].endswith('nuovi ricorsi"')
    # a quotation after the phrase names no source: "per la firma" is no speaker
    assert "la firma" not in set(extract_attributions('La lotta, si legge nella nota, "per la firma digitale non si ferma".')["speaker"].dropna())


def test_rows_that_report_nothing_are_dropped():
    assert extract_attributions("Il sindaco ha fatto promesse, come il nuovo ponte, smentite dai fatti.").empty
    assert extract_attributions("Il corteo si è svolto, benché il prefetto avesse negato ai manifestanti il permesso di sfilare.").empty
    assert extract_attributions("A raccontare quanto accaduto è stata la stessa vittima.").empty
    assert extract_attributions("Voglio ricordare – scrive il segretario del partito, dottor Mario Gialli").empty
    # the real reports of the same verbs stay
    assert one("Il sindaco ha negato di aver ricevuto pressioni.")["content"] == "di aver ricevuto pressioni"
    assert one("Le accuse sono state smentite dal ministero.")["content"] == "Le accuse"


def test_object_with_a_quoted_fragment_is_a_mixed_report_for_any_cue():
    r = one("Il ministro ha sottolineato il «ruolo decisivo» delle regioni.")
    assert r["type"] == "mixed" and r["speaker"] == "Il ministro" and r["content"].rstrip(".") == "il «ruolo decisivo» delle regioni"
    # a one-word capitalised title in quotes is no quoted fragment
    assert extract_attributions("Il sindaco ha ricordato il «Presente» in piazza.").empty


def test_cue_with_no_subject_after_a_colon_is_said_by_the_person_before_it():
    r = one("In piazza è arrivato anche Paolo Verdi: ha sostenuto che la protesta andrà avanti.")
    assert r["speaker"] == "Paolo Verdi" and r["content"].rstrip(".") == "la protesta andrà avanti"
    r = one("La situazione è chiara: ha spiegato che il governo cadrà.")
    assert pd.isna(r["speaker"])


def test_postposed_speaker_followed_by_a_gerund_keeps_the_quotation():
    df = extract_attributions("«Basta», ha detto il ministro Giorgetti lasciando la sala.")
    assert df["content"].tolist() == ["Basta"] and df["speaker"].tolist() == ["il ministro Giorgetti"]


def test_according_to_content_boundaries():
    r = one("Il sindaco di Como - secondo quanto apprende l'Ansa - sarebbe pronto a dimettersi.")
    assert r["speaker"] == "l'Ansa" and r["content"].startswith("Il sindaco") and r["content"].rstrip(".").endswith("dimettersi")
    r = one("Resta il nodo dei fondi che, secondo le stime di Lia Neri, consigliera del ministro, mancheranno a giugno.")
    assert r["content"].rstrip(".") == "mancheranno a giugno" and r["speaker"].startswith("Lia Neri")


def test_unnamed_quotation_after_si_legge_or_si_apprende_is_direct():
    r = one("In una nota, si legge: “Il comitato ha posto tre condizioni sul metodo. ")
    assert r["type"] == "direct" and pd.isna(r["speaker"]) and r["cue"] == "si legge"
    assert r["content"].startswith("Il comitato") and r["content"].rstrip(". ").endswith("metodo")
    r = one("Poco dopo si apprende che «il consigliere ha deciso di lasciare».")
    assert r["type"] == "direct" and r["content"] == "il consigliere ha deciso di lasciare"
    # a quoted word inside a reported clause is not taken as a whole quotation
    assert extract_attributions("Si legge che il «piano» è pronto.").query("type == 'direct'").empty


def test_indefinite_pronoun_subjects_speak_and_split_the_reports():
    df = extract_attributions("Qualcuno racconta che la coppia litigava e altri affermano che sentivano le urla.")
    assert df["speaker"].tolist() == ["Qualcuno", "altri"]
    assert (df["speaker_type"] == "anonymous").all()
    assert df["content"].tolist() == ["la coppia litigava", "sentivano le urla"]
    # "altri" before a noun is an adjective: the documents are the source, not an indefinite "altri"
    assert one("Gli altri documenti dicono che la scuola chiuderà.")["speaker"] == "Gli altri documenti"


def test_gerund_cue_speaks_for_the_relative_antecedent_or_passive_agent_not_the_object():
    r = one("In serata è arrivato l'addio di Emilio Neri, che lascia il gruppo del partito, "
            "affermando che i colleghi «hanno perso la bussola».")
    assert r["speaker"] == "Emilio Neri"
    r = one("La notizia è stata data dalla Regione ai sindaci spiegando che il ritardo è dovuto ai corrieri.")
    assert r["speaker"] == "Regione" and r["content"].rstrip(".") == "il ritardo è dovuto ai corrieri"
    assert one("Il ministro ha incontrato i sindacati, spiegando che il piano è pronto.")["speaker"] == "Il ministro"


def test_speaker_behind_a_fronted_complement_and_an_inserted_adjunct():
    r = one("Di lei Rossi, nella sua autobiografia del 2007, Promesse mantenute, ha scritto: «Mi ha ridato la vita».")
    assert r["speaker"] == "Rossi" and r["content"] == "Mi ha ridato la vita"
    assert one("Di lei Rossi, nel suo libro, ha scritto che gli ha ridato la vita.")["speaker"] == "Rossi"


def test_relative_antecedent_through_an_adverb_and_a_named_complement():
    r = one("Di tutt'altro avviso sarebbe la delegazione di Azione, che subito ha voluto chiarire come «non condivide il piano».")
    assert r["speaker"] == "Azione" and r["cue"] == "ha voluto chiarire"


def test_infinitive_cue_with_a_quoted_object_reports_it_for_the_governing_subject():
    r = one("Il sindaco ha deciso di criticare il «piano inutile» della Regione.")
    assert r["type"] == "mixed" and r["speaker"] == "Il sindaco" and r["cue"] == "criticare"
    assert r["content"] == "il «piano inutile» della Regione"
    # no quotation, or a title with no subject to speak it: no report
    assert extract_attributions("Il sindaco ha deciso di criticare il piano della Regione.").empty
    assert extract_attributions("Ha cominciato a raccontare la «Divina Commedia» ai bambini.").empty


def test_forecast_and_preannouncement_verbs_are_cues():
    r = one("Il ministro ha preannunciato che il decreto arriverà lunedì.")
    assert r["cue_lemma"] == "preannunciare" and r["stance"] == "announces" and r["speaker"] == "Il ministro"
    r = one("Gli analisti pronosticano che i prezzi saliranno ancora.")
    assert r["cue_lemma"] == "pronosticare" and r["content"].rstrip(".") == "i prezzi saliranno ancora"


def test_according_to_phrase_before_a_quotation_sources_the_quotation():
    r = one("E deve ritenersi, dunque, secondo il giudice, «l'assenza del presupposto della richiesta di tutela».")
    assert r["speaker"] == "il giudice" and r["content"] == "l'assenza del presupposto della richiesta di tutela"
    assert one("Il ponte resterà chiuso fino a giugno, secondo il sindaco.")["content"] == "Il ponte resterà chiuso fino a giugno"


def test_according_to_phrase_between_subject_and_predicate_sources_the_whole_sentence():
    r = one("Rossi, come riporta la stampa locale, è stato fermato ieri sera.")
    assert r["type"] == "according_to" and r["speaker"] == "la stampa locale"
    assert r["content"].startswith("Rossi") and r["content"].endswith("ieri sera")
    r = one("Stamattina, secondo gli investigatori, Baglione era uscito di casa.")
    assert r["content"] == "Baglione era uscito di casa"


def test_report_opening_with_an_according_to_phrase_keeps_its_content_and_nests_the_source():
    df = extract_attributions("Il Tempo ha scritto che, secondo la ricostruzione della Procura, i due erano entrati nel cortile.")
    outer = df[df["cue_lemma"] == "scrivere"].iloc[0]
    assert outer["speaker"] == "Il Tempo" and outer["content"].rstrip(".").endswith("entrati nel cortile")
    inner = df[df["type"] == "according_to"].iloc[0]
    assert inner["content"].rstrip(".") == "i due erano entrati nel cortile"


def test_quotation_then_colon_then_subject_and_cue():
    r = one("«Le scuole rischiano di restare al buio»: il presidente della Provincia scrive al premier.")
    assert r["type"] == "direct" and r["speaker"] == "il presidente della Provincia"
    assert r["content"] == "Le scuole rischiano di restare al buio" and r["cue"] == "scrive"
    # a title, or a cue with its own object, is not spoken
    assert extract_attributions("«Il nuovo Padrino di Roma»: il regista racconta il suo film.").empty


def test_quotation_in_the_sentence_after_a_cue_and_colon():
    r = one("Il sindaco di Como ha spiegato:\n\n“La strada resterà chiusa fino a giugno.")
    assert r["type"] == "direct" and r["speaker"] == "Il sindaco di Como" and r["cue"] == "ha spiegato"
    assert r["content"] == "La strada resterà chiusa fino a giugno"
    r = one("Il comunicato della Regione è netto. Si legge:\n«Nessuna proroga sarà concessa».")
    assert r["cue"] == "Si legge" and pd.isna(r["speaker"]) and r["content"] == "Nessuna proroga sarà concessa"
    r = one("Il ministro ha parlato ai giornalisti. Quindi ha aggiunto:\n«Il piano è pronto. Lo presenteremo lunedì».")
    assert r["content"] == "Il piano è pronto. Lo presenteremo lunedì"
    # a list or a title after a colon is not a quotation
    assert extract_attributions("Ecco il programma:\n«Il Padrino» alle 21.").empty


# --- constructions of Wikinews-style reports ------------------------------------------

def test_agentless_passive_with_a_clause_is_an_unnamed_report():
    row = one("In ogni caso è stato precisato che le indagini non riguardano la società.")
    assert pd.isna(row["speaker"]) and row["speaker_type"] == "anonymous"
    assert row["cue"] == "è stato precisato" and row["content"] == "le indagini non riguardano la società"
    assert extract_attributions("È stato chiesto che la seduta sia sospesa.").empty  # a request, not a source


def test_a_condition_is_not_a_report():
    assert extract_attributions("Il cessate il fuoco ci sarà se il colonnello annuncerà la sua partenza.").empty
    row = one("Il ministro ha detto che se il governo annuncerà nuove tasse, lui si dimetterà.")
    assert row["cue"] == "ha detto"


@pytest.mark.parametrize("text, speaker", [
    ("Secondo molti, la riforma è sbagliata.", "molti"),
    ("Secondo l'accusa, il sindaco aveva accumulato fondi neri.", "l'accusa"),
    ("Nella scuola, secondo le indagini appena avviate, si sarebbero registrati numerosi casi.", "le indagini appena avviate"),
])
def test_according_to_unnamed_or_common_noun_sources(text, speaker):
    row = one(text)
    assert row["type"] == "according_to" and row["speaker"] == speaker


def test_naming_verb_with_object_and_quoted_label_is_mixed():
    row = one('Il patriarca Irinej ha definito la manifestazione come "una sfilata di vergogna".')
    assert row["type"] == "mixed" and row["content"].startswith("la manifestazione come")


@pytest.mark.parametrize("text", [
    "La protesta, sostenuta da due sindacati, ha bloccato il rettorato.",
    "Al comunicato serve una forte risposta dal mondo.",
    "L'accordo concluso dai due Paesi entrerà in vigore a giugno.",
])
def test_participles_that_are_not_speech(text):
    assert extract_attributions(text).empty


def test_clause_around_an_unquoted_aside():
    row = one("La situazione, ha spiegato il sindaco, è sotto controllo.")
    assert row["speaker"] == "il sindaco" and row["content"].startswith("La situazione")
    assert row["content"].endswith("sotto controllo")


def test_riferire_di_and_esprimere_report_their_object():
    assert one("Le agenzie hanno riferito di un solo morto.")["content"] == "un solo morto"
    assert one("Il sindaco ha espresso il suo rammarico per l'incidente.")["content"] == "il suo rammarico per l'incidente"


def test_any_subject_between_dashes_inside_a_quotation_speaks():
    rows = extract_attributions("«Questa è una vera indecenza – ha commentato uno dei passeggeri – ho prenotato mesi fa».")
    assert list(rows["speaker"]) == ["uno dei passeggeri", "uno dei passeggeri"]
    assert list(rows["content"]) == ["Questa è una vera indecenza", "ho prenotato mesi fa"]


def test_small_words_that_used_to_hide_reports():
    assert one('Il procuratore ha detto tra l\'altro "Il dipartimento punirà le frodi".')["type"] == "direct"
    assert one("I partiti di opposizione hanno dichiarato di voler lasciare l'aula.")["content"] == "di voler lasciare l'aula"
    assert one("Martedì lo studente ha ammesso le proprie responsabilità.")["speaker"] == "lo studente"
    assert one("Il sindaco fa appello ai cittadini: «Restate a casa».")["cue_lemma"] == "fare appello"
