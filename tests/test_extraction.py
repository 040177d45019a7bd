"""Entities, mentions, quotes and events on the seed, and the traps the extraction issue names."""

from __future__ import annotations

import dataclasses

import pandas.testing as pdt
import pytest
from conftest import SEED

import bilateral
from bilateral import tables
from bilateral.extraction import entities, quotes
from bilateral.reading import article


@pytest.fixture(scope="module")
def seed_tables():
    # People must be found by cues alone: the gazetteer's people are switched off.
    return tables.build(article.load(SEED), gazetteer_people=False)


SEED_PEOPLE = {
    "אנוור הוג'ה": 5,
    "קים איל-סונג": 5,
    "מהמט שהו": 1,
    "צ'ו יונג-גון": 1,
    "צ'ארלס ארמסטרונג": 1,
    "קים יונג-נאם": 1,
    "בויאר נישני": 1,
}


def test_seed_people_and_mention_counts_without_the_gazetteer(seed_tables):
    people = seed_tables.entities[seed_tables.entities.type == "person"]
    assert dict(zip(people.name, people.n_mentions, strict=True)) == SEED_PEOPLE


def test_seed_states_include_china_through_its_demonym(seed_tables):
    states = seed_tables.entities[seed_tables.entities.type == "country"]
    assert {"Albania", "North Korea", "Soviet Union", "Yugoslavia", "Bulgaria", "China"} <= set(states.canonical)
    china = states[states.canonical == "China"].iloc[0]
    written = set(seed_tables.mentions[seed_tables.mentions.entity_id == china.entity_id].text)
    assert "בסינים" in written


def test_seed_organizations_resolve_aliases(seed_tables):
    orgs = seed_tables.entities[seed_tables.entities.type == "organization"]
    wpk = orgs[orgs.canonical == "Workers' Party of Korea"]
    assert len(wpk) == 1
    texts = set(seed_tables.mentions[seed_tables.mentions.entity_id == wpk.entity_id.iloc[0]].text)
    assert texts == {"WPK", "מפלגת הפועלים הקוריאנית"}


def test_prefix_traps(seed_tables):
    mentioned = set(seed_tables.mentions.text)
    assert "שהקים" not in mentioned
    assert not any(t.startswith("הוג'איזם") for t in mentioned)
    people = seed_tables.entities[seed_tables.entities.type == "person"]
    # The 2012 Kim is a different man from the Kim of the 1950s.
    kim_2012 = people[people.name == "קים יונג-נאם"].entity_id.iloc[0]
    rows = seed_tables.mentions[seed_tables.mentions.entity_id == kim_2012]
    assert list(rows.text) == ["קים יונג-נאם"]


def test_mention_counts_equal_mention_rows(seed_tables):
    counts = seed_tables.mentions.groupby("entity_id").size()
    for row in seed_tables.entities.itertuples():
        assert row.n_mentions == counts.get(row.entity_id, 0)


def test_mentions_point_at_their_text(seed_tables):
    body = article.load(SEED).body
    for m in seed_tables.mentions.itertuples():
        assert body[m.char_start:m.char_end] == m.text


SEED_QUOTES = [
    ("מבחן לקמוס", "צ'ארלס ארמסטרונג"),
    ("יכול והיה צריך לקיים יותר מגעים עם המשלחת שלנו", ""),
    ("הוא חושש שיבחינו בו הסובייטים.", ""),
    ("עלינו (קוריאה הצפונית) להתכונן למקרה שברית המועצות תזרוק אותנו הצידה באותו אופן כפי שקרה לאלבניה", "קים איל-סונג"),
    ("רוויזיוניסטיות", ""),
    ("הגיע לרמה שלא נשמעה כמותה בשום מקום אחר, בין אם בעבר או בהווה, שלא לדבר על במדינה שקוראת לעצמה סוציאליסטית", "אנוור הוג'ה"),
]


def test_seed_quotes_with_speakers(seed_tables):
    assert list(zip(seed_tables.quotes.text, seed_tables.quotes.speaker, strict=True)) == SEED_QUOTES


def test_gershayim_and_geresh_are_not_quotes():
    text = 'ד"ר כהן ביקר בארה"ב עם צ\'ארלס והוג\'ה.'
    assert quotes.find(text, 0, len(text)) == []


def test_single_quotes_and_typographic_quotes():
    text = "He called it 'a test case' and “a model”."
    assert [text[a:b] for a, b in quotes.find(text, 0, len(text))] == ["a test case", "a model"]


@pytest.mark.parametrize("start,sign", [("1948-11-28", 1), ("1956-06-29", 1), ("1959-06-06", 1), ("1977-06", -1), ("1985", -1)])
def test_seed_event_tone(seed_tables, start, sign):
    ev = seed_tables.events[seed_tables.events.start == start]
    assert len(ev) == 1
    assert ev.tone.iloc[0] * sign > 0


def test_events_have_actors_and_eras(seed_tables):
    ev = seed_tables.events
    assert ev.tone.dropna().between(-1, 1).all()
    visit = ev[ev.start == "1956-06-29"].iloc[0]
    names = set(seed_tables.entities.set_index("entity_id").loc[[int(a) for a in visit.actors.split(";")], "name"])
    assert {"אנוור הוג'ה", "קים איל-סונג"} <= names
    assert visit.era == "היסטוריה / המלחמה הקרה"
    assert visit.kind == "visit"


def test_negation_turns_warm_words_cold():
    from bilateral.extraction import events

    assert events.tone("היחסים היו ברמה גבוהה", "he") > 0
    assert events.tone("היחסים לא היו ברמה גבוהה", "he") < 0
    assert events.tone("relations were not friendly", "en") < 0


def test_the_gazetteer_adds_canonical_names_for_people():
    t = bilateral.extract(SEED)
    people = t.entities[t.entities.type == "person"].set_index("name")
    assert people.loc["קים איל-סונג", "canonical"] == "Kim Il-sung"


def test_english_people_by_title_attribution_and_surname():
    body = ("Premier Kim Il-sung visited Tirana in 1956. According to historian Charles Armstrong, "
            "Albania was a test. Kim said the visit went well.\n")
    found = entities.extract(body, [(0, len(body))], "en", gazetteer_people=False)
    people = {e.name for e in found.entities if e.type == "person"}
    assert people == {"Kim Il-sung", "Charles Armstrong"}
    kim = next(e.key for e in found.entities if e.name == "Kim Il-sung")
    assert sum(m.key == kim for m in found.mentions) == 2


def test_extraction_tables_are_empty_not_missing_for_an_article_without_dates(write_seed):
    path = write_seed("plain.txt", "revision: 1\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\nNo dates here at all.\n")
    t = bilateral.extract(path)
    assert len(t.timexes) == len(t.events) == 0
    assert list(t.events.columns) == [c for c, _, _ in tables.SCHEMAS["events"]]
    assert dataclasses.fields(t)


def test_english_possessives_do_not_hide_or_lengthen_names():
    body = ("Relations improved after Henry Kissinger's shuttle diplomacy. Premier Zhou Enlai's visit "
            "to the People's Republic of China's ally Albania followed. Albania's leaders agreed.\n")
    found = entities.extract(body, [(0, len(body))], "en")
    names = {e.name for e in found.entities}
    assert {"Henry Kissinger", "Zhou Enlai", "Albania"} <= names
    assert "Republic of China" not in {e.name for e in found.entities if e.type == "country"}
    assert not any(m.text.endswith("'s") for m in found.mentions)


def test_a_hebrew_name_runs_to_a_third_transliterated_word():
    body = "נשיא מצרים גמאל עבד אל-נאצר ביקר בבלגרד. ראש הממשלה קים איל-סונג בטירנה.\n"
    found = entities.extract(body, [(0, len(body))], "he", gazetteer_people=False)
    assert {e.name for e in found.entities if e.type == "person"} == {"גמאל עבד אל-נאצר", "קים איל-סונג"}


def test_expressions_with_no_punctuation_between_share_their_clause():
    from bilateral.extraction import events

    body = "Caffery (1949–1955) welcomed the coup of July 1952, and Dulles visited Cairo in May 1953."
    spans = [(body.index(w), body.index(w) + len(w)) for w in ("1949–1955", "July 1952", "May 1953")]
    clauses = [body[a:b] for a, b in events.clauses(0, len(body), spans, body)]
    assert clauses[0] == clauses[1] == "Caffery (1949–1955) welcomed the coup of July 1952,"
    assert clauses[2] == " and Dulles visited Cairo in May 1953."


def test_a_quote_goes_to_the_subject_named_at_the_start_of_its_sentence():
    body = ('President Nasser closed the canal in 1956. Nasser nationalised the company and said in a speech '
            'that Egypt would "stand on its own feet".\n')
    t = tables.build(article.parse(("revision: 1\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\n" + body).encode(), "t"))
    assert list(zip(t.quotes.text, t.quotes.speaker, strict=True)) == [("stand on its own feet", "Nasser")]


def _en_seed(title: str, body: str) -> bytes:
    return f"revision: 1\ntitle: {title}\nurl: https://en.wikipedia.org/wiki/{title.replace(' ', '_')}\n---\n{body}\n".encode()


def _entity_names(t) -> set[tuple[str, str]]:
    return set(zip(t.entities.type, t.entities.name, strict=True))


def test_an_acronym_one_article_defines_does_not_reach_another():
    plain = article.parse(_en_seed("Peace", "In 1960 the ZWP spoke for peace."), "plain")
    defining = article.parse(_en_seed("Zorvia", "In 1950 the Zorvian Workers Party (ZWP) was founded."), "defining")
    before = tables.build(plain)
    assert len(before.entities) == 0
    tables.build(defining)
    after = tables.build(plain)
    assert len(after.entities) == 0


def test_an_acronym_counts_within_the_article_that_defines_it():
    body = "In 1950 the Qarvian Labour Party (QLP) was founded. In 1960 the QLP spoke for peace."
    t = tables.build(article.parse(_en_seed("Qarvia", body), "qarvia"))
    orgs = t.entities[t.entities.type == "organization"]
    assert list(orgs.name) == ["Qarvian Labour Party"]
    assert set(t.mentions.text) >= {"Qarvian Labour Party", "QLP"}


def test_tables_do_not_depend_on_the_order_articles_are_extracted_in():
    from conftest import ARTICLES

    sources = [article.parse(_en_seed("Velmar", "In 1961 the VNF spoke for peace."), "uses"),
               article.parse(_en_seed("Velmar front", "The Velmar National Front (VNF) was founded in 1959."), "defines"),
               *(article.load(p) for p in sorted(ARTICLES.glob("*.txt")))]

    def run(order):
        return {a.article_id: tables.build(a) for a in order}

    first = run(sources)
    second = run(list(reversed(sources)))
    for article_id, t in first.items():
        for name in t.names:
            pdt.assert_frame_equal(t[name], second[article_id][name], obj=f"{article_id}/{name}")


@pytest.mark.parametrize("title,lang,expected", [
    ("Ruritania–Freedonia relations", "en", [("Ruritania", "Ruritania", ""), ("Freedonia", "Freedonia", "")]),
    ("Albania and Ruritania relations", "en", [("Albania", "Albania", "AL"), ("Ruritania", "Ruritania", "")]),
    ("Relations between France and Freedonia", "en", [("France", "France", "FR"), ("Freedonia", "Freedonia", "")]),
    ("Bosnia and Herzegovina–Serbia relations", "en", [("Bosnia and Herzegovina", "Bosnia and Herzegovina", "BA"), ("Serbia", "Serbia", "RS")]),
    ("Guinea-Bissau–Portugal relations", "en", [("Guinea-Bissau", "Guinea-Bissau", "GW"), ("Portugal", "Portugal", "PT")]),
    ("יחסי רורטניה–פרידוניה", "he", [("רורטניה", "רורטניה", ""), ("פרידוניה", "פרידוניה", "")]),
    ("יחסי ישראל ו-רורטניה", "he", [("ישראל", "Israel", "IL"), ("רורטניה", "רורטניה", "")]),
    ("יחסי ישראל ו־גאנה", "he", [("ישראל", "Israel", "IL"), ("גאנה", "Ghana", "GH")]),
    ("יחסי קוריאה הצפונית-רורטניה", "he", [("קוריאה הצפונית", "North Korea", "KP"), ("רורטניה", "רורטניה", "")]),
    ("Foreign relations of Israel", "en", []),
])
def test_the_title_names_the_two_parties(title, lang, expected):
    assert [(p.name, p.canonical, p.code) for p in entities.title_parties(title, lang)] == expected


def test_unknown_parties_from_the_title_are_states_never_people():
    seeds = {
        "en": ("Ruritania–Freedonia relations", "Ruritania–Freedonia relations are the relations between Ruritania "
               "and Freedonia. President Ruritania Day was held in 1950. Ruritania said it would open an embassy."),
        "he": ("יחסי רורטניה–פרידוניה", "יחסי רורטניה–פרידוניה הם היחסים בין רורטניה לפרידוניה. "
               "נשיא רורטניה ביקר בפרידוניה ב-1950. ראש ממשלת רורטניה נפגש עם שגריר פרידוניה."),
    }
    for lang, (title, body) in seeds.items():
        host = "en" if lang == "en" else "he"
        seed = f"revision: 1\ntitle: \"{title}\"\nurl: https://{host}.wikipedia.org/wiki/X\n---\n{body}\n"
        t = tables.build(article.parse(seed.encode(), "r"))
        a = t.article.iloc[0]
        assert (a.party_a, a.party_a_code, a.party_b, a.party_b_code) == (title.split("–")[0].removeprefix("יחסי "), "", "Freedonia" if lang == "en" else "פרידוניה", "")
        states = t.entities[t.entities.type == "country"].set_index("name")
        assert states.loc[a.party_a, "n_mentions"] >= 3
        assert states.loc[a.party_a, "canonical"] == a.party_a_en == a.party_a
        people = t.mentions[t.mentions.entity_id.isin(t.entities[t.entities.type == "person"].entity_id)]
        assert not any(a.party_a in m or a.party_b in m for m in people.text)

        from bilateral.presentation import narrative

        assert list(narrative.parties(t).name) == [a.party_a, a.party_b]


# --- Issue 9: actors on text nobody tuned for. Each failure class on the issue's own sentence
# and on variants written for these tests; the title makes Ruritania and Freedonia the parties.

def _actors(lang: str, body: str, title: str | None = None) -> dict[str, dict[str, int]]:
    """{type: {name: mentions}} for the people, organizations and places of a one-paragraph seed."""
    title = title or ("Ruritania–Freedonia relations" if lang == "en" else "יחסי רורטניה–פרידוניה")
    seed = f"revision: 1\ntitle: \"{title}\"\nurl: https://{lang}.wikipedia.org/wiki/X\n---\n{body}\n"
    t = tables.build(article.parse(seed.encode(), "issue9"))
    out: dict[str, dict[str, int]] = {"person": {}, "organization": {}, "place": {}, "country": {}}
    for e in t.entities.itertuples():
        out[e.type][e.name] = e.n_mentions
    return out


@pytest.mark.parametrize("body,orgs,people", [
    ("From 3 March to 9 March 1971, First Secretary of the Workers' Party of Ruritania Anna Kowalski "
     "hosted Premier Rufus Firefly in Zenda.",
     {"Workers' Party of Ruritania"}, {"Anna Kowalski", "Rufus Firefly"}),
    ("In 1980 the director-general of the Freedonian Foreign Ministry Hugo Brandt met the ambassador.",
     {"Freedonian Foreign Ministry"}, {"Hugo Brandt"}),
    ("In 1962 the chairman of the Zendan National Bank Helen Marsh visited Zenda.",
     {"Zendan National Bank"}, {"Helen Marsh"}),
])
def test_an_organization_stops_where_the_person_after_its_role_begins(body, orgs, people):
    found = _actors("en", body)
    assert set(found["organization"]) == orgs
    assert set(found["person"]) == people


@pytest.mark.parametrize("body,orgs", [
    ("A Ruritanian Foreign Ministry official quoted by The Zenda Herald said the talks went well.",
     {"Ruritanian Foreign Ministry", "Zenda Herald"}),
    ("The Freedonia Gazette reported the visit, and an Agrarian Party delegate denied it.",
     {"Freedonia Gazette", "Agrarian Party"}),
])
def test_an_organization_has_no_leading_article_and_a_newspaper_is_no_person(body, orgs):
    found = _actors("en", body)
    assert set(found["organization"]) == orgs
    assert found["person"] == {}


@pytest.mark.parametrize("body,orgs", [
    ("According to the Jerusalem Post, the talks failed. According to Reuters, they resumed. "
     "The New York Times reported a deal.", {"Jerusalem Post", "Reuters", "New York Times"}),
    ("According to the Zenda Chronicle, talks failed. According to Associated Press, they resumed. "
     "The Freedonian Journal reported a deal.", {"Zenda Chronicle", "Associated Press", "Freedonian Journal"}),
])
def test_news_media_are_organizations_not_people_or_places(body, orgs):
    found = _actors("en", body)
    assert orgs <= set(found["organization"])
    assert found["person"] == {} and found["place"] == {}


def test_after_according_to_a_person_only_when_it_looks_like_one():
    found = _actors("en", "According to Reuters, the talks failed. According to historian Jan Novak, they did not.")
    assert set(found["person"]) == {"Jan Novak"}
    assert "Reuters" in found["organization"]


@pytest.mark.parametrize("body", [
    "In 1990 he went to Zenda to meet them. Relations turned to trade. The minister said to the press that to go was wise.",
    "On Monday the Kingdom of Ruritania and the Republic of Freedonia signed a treaty in May 1950.",
    "In 1970 the Ambassador said in March that the President would come. May said nothing.",
])
def test_no_function_word_month_weekday_or_bare_title_is_a_name(body):
    assert _actors("en", body)["person"] == {}


@pytest.mark.parametrize("body,expected", [
    ("נשיא רורטניה ביקר בפרידוניה ב-1950. רורטניה ופרידוניה חתמו על הסכם. ראש ממשלת רורטניה נפגש עם שר החוץ.", {}),
    ("מנובמבר 1994 פועלות שגרירויות בשתי הבירות. הנשיא מנובמבר 1994 פועלות שגרירויות.", {}),
    ("ממלכת רורטניה הכירה בפרידוניה ב-1950. המלך ממלכת פרידוניה ביקר. נשיא רפובליקת פרידוניה נפגש עם השגריר.", {}),
    ("ב-1950 ביקר נסיך נסיכות זנדה בפרידוניה. קיסר אימפריית רורטניה נפגש עם הנשיא, ובאימפריית רורטניה נחגג.", {}),
    ("מאז 2010 מכהן שגריר רורטניה בפריז כשגריר לא תושב בפרידוניה. נציג בכיר אמר כי השיחות נכשלו.", {}),
    ("ביום שני נפגש השגריר עם שר החוץ. באפריל ביקר בפרידוניה הנשיא בשבת.", {}),
])
def test_hebrew_months_state_words_roles_and_the_parties_are_not_people(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-1990 ביקר ראש הממשלה אדריאן הסלר בפרידוניה, והסלר נפגש עם הנשיא.", {"אדריאן הסלר": 2}),
    ("ב-1995 נפגש השגריר יוסי הרמן עם שר החוץ. הרמן מכהן כשגריר לא תושב.", {"יוסי הרמן": 2}),
])
def test_a_hebrew_family_name_beginning_with_he_is_kept_after_a_given_name(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("נורוב בטבאיאר מונה לשגריר ב-2015.", {"נורוב בטבאיאר": 1}),
    ("ב-2015 אולגה פטרנקו נפגשה עם שר החוץ, ופטרנקו אמרה כי היחסים טובים.", {"אולגה פטרנקו": 2}),
    ("ב-2016 נפגש אנטון ברגר, שגריר רורטניה באו\"ם, עם שר החוץ.", {"אנטון ברגר": 1}),
    ("מנובמבר 2010 ועד 2014 כיהן אליאס קורנר כשגריר. ב-2015 מונה פטר נובאק לשגריר רורטניה.",
     {"אליאס קורנר": 1, "פטר נובאק": 1}),
])
def test_hebrew_people_without_a_title_by_a_cue_verb_or_apposition(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("לפי עיתון זנדה טיימס, היחסים השתפרו. בעיתון הארץ נכתב כי השיחות נכשלו.", {"זנדה טיימס", "הארץ"}),
    ("לדברי סוכנות הידיעות רויטרס, השיחות נכשלו. לפי הניו יורק טיימס, השיחות חודשו.", {"רויטרס", "ניו יורק טיימס"}),
])
def test_hebrew_news_media_are_organizations(body, expected):
    found = _actors("he", body)
    assert expected <= set(found["organization"])
    assert found["person"] == {}


def test_plural_nouns_before_a_cue_verb_are_no_person():
    body = "ב-1990 פקידים בכירים ביקרו בבירה. משלחת רשמית ביקרה בפרידוניה. נציגים רשמיים נפגשו עם השגריר."
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("lang", ["he", "en"])
def test_given_names_and_media_name_their_source_and_licence(lang):
    from bilateral import resources

    folder = __import__("pathlib").Path(resources.__file__).parent / "resources" / lang
    for name, key in (("given_names", "given_names"), ("media", "media")):
        text = (folder / f"{name}.yml").read_text(encoding="utf-8")
        assert resources.load(lang, name)[key], name
        if name == "given_names":
            assert "Source:" in text and "Licence:" in text
    given = set(resources.load(lang, "given_names")["given_names"])
    r = entities.rules(lang)
    assert not {g for g in given if r.is_never(g)}, "a given name that is never a name"


# --- Links sidecar (issue 10): the article's own gazetteer.

LINKS = __import__("pathlib").Path(__file__).parent / "fixtures" / "links"


def _linked_people_in_text(seed):
    from bilateral.reading.links import read_links

    body = article.load(seed).body
    return {lk.label for lk in read_links(seed) if lk.type == "person" and lk.label.split()[-1] in body}


@pytest.mark.parametrize("name", ["he_links", "en_links"])
def test_linked_people_are_the_people_found(name):
    seed = LINKS / f"{name}.txt"
    t = bilateral.extract(seed)
    people = t.entities[t.entities.type == "person"]
    found, linked = set(people.name), _linked_people_in_text(seed)
    precision, recall = len(found & linked) / len(found), len(found & linked) / len(linked)
    assert precision >= 0.97 and recall >= 0.97, (found - linked, linked - found)
    assert (people.wikidata_id.str.match(r"^Q\d+$")).all()
    assert set(people.canonical) >= {"Franz Zapf", "Rudolf V", "Shimon Peres"}
    zapf = people[people.canonical == "Franz Zapf"].iloc[0]
    assert zapf.n_mentions == 3  # the full name once, the family name alone twice (once with a prefix in Hebrew)
    states = t.entities[t.entities.type == "country"].set_index("canonical")
    assert states.loc["Ruritania", "wikidata_id"] == "Q900001" and states.loc["Israel", "code"] == "IL"
    assert t.article.party_a_en.iloc[0] == "Ruritania"


@pytest.mark.parametrize("name", ["he_links", "en_links"])
def test_without_its_links_file_a_seed_falls_back_to_the_rules(name, tmp_path):
    import shutil

    seed = shutil.copy(LINKS / f"{name}.txt", tmp_path / f"{name}.txt")
    assert article.load(seed).links is None
    t = bilateral.extract(seed)
    assert (t.entities.wikidata_id == "").all()
    rules_only = tables.build(dataclasses.replace(article.load(LINKS / f"{name}.txt"), links=None))
    pdt.assert_frame_equal(t.entities, rules_only.entities)
    assert len(t.entities[t.entities.type == "person"]) >= 5


def test_links_never_reach_another_article():
    body = "In 1970 Rudolf V visited Zenda, where Franz Zapf met him."
    before = {(e.name, e.type) for e in entities.extract(body, [(0, len(body))], "en").entities}
    linked = bilateral.extract(LINKS / "en_links.txt")
    assert {"Rudolf V", "Zenda"} <= set(linked.entities.name)
    after = {(e.name, e.type) for e in entities.extract(body, [(0, len(body))], "en").entities}
    assert after == before and "Zenda" not in {name for name, _ in after}


@pytest.mark.parametrize("content,problem", [
    ("{not json", "is not valid JSON"),
    ('{"title": "x"}', "has no 'links' list"),
    ('{"links": [{"title": "X", "type": "dragon", "wikidata_id": "Q1"}]}', "type 'dragon' is not one of"),
    ('{"links": [{"title": "X", "type": "person", "wikidata_id": "42"}]}', "is not a Q-number"),
    ('{"links": [{"type": "person", "wikidata_id": "Q1"}]}', "link 1 has no 'title'"),
    ('{"links": ["X"]}', "link 1 is not an object"),
])
def test_a_malformed_links_file_is_one_clear_line(write_seed, content, problem):
    from bilateral.errors import SeedFormatError

    seed = write_seed("s.txt", "revision: 1\ntitle: T\nurl: https://en.wikipedia.org/wiki/T\n---\nText.\n")
    write_seed("s.links.json", content)
    with pytest.raises(SeedFormatError) as err:
        article.load(seed)
    message = str(err.value)
    assert problem in message and "s.links.json" in message and "\n" not in message


@pytest.mark.parametrize("body", [
    "In 1948 the Marshall Plan began. The Monroe Doctrine was old. Douglas Aircraft sold planes in 1970.",
    "The Cold War ended in 1991. Mount Everest was climbed in 1953.",
])
def test_a_given_name_without_a_cue_does_not_make_a_person_in_english(body):
    assert _actors("en", body)["person"] == {}


@pytest.mark.parametrize("body,people", [
    ("In 1990 Hans Weber, the ambassador of Ruritania, met the President. Maria Lopez, then foreign minister, "
     "visited Zenda in 1991.", {"Hans Weber", "Maria Lopez"}),
    ("In 1991 Anna Kowalski hosted the delegation, and Rufus Firefly was appointed ambassador.", {"Anna Kowalski", "Rufus Firefly"}),
])
def test_english_people_without_a_title_by_a_cue_verb_or_apposition(body, people):
    assert set(_actors("en", body)["person"]) == people


def test_a_hebrew_noun_of_office_after_a_title_is_no_name():
    body = "ב-2012 מונה סגן השגריר לתפקיד. ב-2013 כיהן כנשיא המועצה. ב-2014 נפגש עם ראש העיר."
    assert _actors("he", body)["person"] == {}


# --- Issue 9, second round: failure classes of real articles, on sentences written for these tests.

@pytest.mark.parametrize("body", [
    "ב-1950 ידעו יחסי המדינות עליות ומורדות.",
    "נודעו יחסי רורטניה-פרידוניה כחמים. קשרי המסחר בין המדינות התהדקו ב-1960.",
    "ב-1970 נחתם הסכם, ויחסי זנדה ופרידוניה התחממו.",
])
def test_hebrew_construct_nouns_of_relations_are_no_person(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body", [
    "השגריר הוא שגריר נייד היושב בירושלים.",
    "ב-2001 מונה לשגריר שאינו תושב בפרידוניה.",
    "ב-1990 החליטה הממשלה על מינוי קונסול כבוד רורטני בחיפה.",
    "ב-2000 מונה שגריר לא-תושב, וב-2005 מונה נציג בפועל.",
    "לשתי המדינות היסטוריה דיפלומטית ענפה.",
])
def test_a_hebrew_role_before_a_modifier_or_function_word_is_no_name(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body", [
    "על-פי פרסומים שונים, השיחות נכשלו.",
    "לפי דיווחים זרים, השגריר ביקר בזנדה. לדברי גורמים רשמיים, הביקור הצליח.",
    "על פי מקורות מודיעין, הנשיא נפגש עם שר החוץ.",
])
def test_a_hebrew_plural_noun_after_an_attribution_is_a_source(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body,expected", [
    ("ב-1990 ביקר נשיא רורטניה חיים הרמלין בפרידוניה.", {"חיים הרמלין": 1}),
    ("ראש ממשלת פרידוניה עמוס הדר נפגש ב-1995 עם השגריר.", {"עמוס הדר": 1}),
    ("ב-2001 שר החוץ רפאל הרשקוביץ החליט לבטל את הביקור.", {"רפאל הרשקוביץ": 1}),
])
def test_a_hebrew_family_name_beginning_with_he_after_a_title_and_a_state(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body", ["ב-1980 השר גבעון השתתף בטקס.", "ב-1980 הנשיא קרמר החליט לחזור.",
                                  "ב-1980 השגריר ולנסה הגיש את מכתבי האמנה."])
def test_a_hebrew_verb_beginning_with_he_after_a_titled_name_is_not_its_family_name(body):
    assert all(" " not in name for name in _actors("he", body)["person"])


@pytest.mark.parametrize("body,expected", [
    ("ב-2010 שגריר פרידוניה בזנדה, פיו בוסקו טיקולאבה, הגיש את כתב האמנה.", {"פיו בוסקו טיקולאבה": 1}),
    ("ב-1999 נפגש שר החוץ, חואן דה לה רוסה, עם הנשיא.", {"חואן דה לה רוסה": 1}),
    ("ב-1970 ביקר סגן ראש הממשלה, ראטו סיר פנאיה גנילאו, בפרידוניה.", {"פנאיה גנילאו": 1}),
    ("ב-1971 נפגש ראש הממשלה טונקו עבדול רחמן עם השגריר.", {"עבדול רחמן": 1}),
])
def test_hebrew_apposition_between_commas_and_honorifics(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("In 1970 Deputy Prime Minister Ratu Sir Penaia Ganilau visited Zenda.", {"Penaia Ganilau"}),
    ("In 1971 Prime Minister Tunku Abdul Rahman met the ambassador.", {"Abdul Rahman"}),
])
def test_english_honorifics_are_not_part_of_a_name(body, expected):
    assert set(_actors("en", body)["person"]) == expected


@pytest.mark.parametrize("body,expected", [
    ("שגריר רורטניה בזנדה הוא עמית ברקאי.", {"עמית ברקאי": 1}),
    ("שגרירת פרידוניה בישראל היא מרינה קולובה.", {"מרינה קולובה": 1}),
    ("קונסול הכבוד של רורטניה בחיפה הוא עדו שטרן.", {"עדו שטרן": 1}),
    ("שגריר פרידוניה בישראל (מאז שנת 2019) הוא פבלו א. גרסיה לופז.", {"פבלו א. גרסיה לופז": 1}),
    ("שגריר רורטניה בפרידוניה הוא נועם אלון ושגריר פרידוניה ברורטניה הוא חוסה דה לה קרוז.",
     {"נועם אלון": 1, "חוסה דה לה קרוז": 1}),
    ("אורי לבנון (Uri Levanon) הוא השגריר הנוכחי של רורטניה בפרידוניה.", {"אורי לבנון": 1}),
    ("ב-2020 מיכל דגן היא השגרירה של פרידוניה ברורטניה.", {"מיכל דגן": 1}),
])
def test_hebrew_copula_joins_a_role_and_a_name(body, expected):
    found = _actors("he", body)
    assert found["person"] == expected
    assert "לבנון" not in found["country"]  # a word of a person's name is no state


@pytest.mark.parametrize("body", [
    "השגריר הוא אדם נחמד.",
    "שגריר רורטניה בזנדה הוא שגריר נייד.",
    "הנשיא אמר כי הוא מרגיש טוב מאוד היום.",
    "שגריר רורטניה הוא גם שגריר בפרידוניה.",
])
def test_a_hebrew_copula_without_a_role_or_a_name_names_nobody(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body,people", [
    ("Hassan Shabaz is the ambassador of Freedonia to Ruritania.", {"Hassan Shabaz"}),
    ("The current Ruritanian Ambassador to Freedonia is Eliyahu Vered Hazan and the current Freedonian "
     "Ambassador to Ruritania is Ian Mak Jung-I.", {"Eliyahu Vered Hazan", "Ian Mak Jung-I"}),
    ("Since 2018 the ambassador of Ruritania to Freedonia has been Tomas Reyes, and Olu Adeyemi is the "
     "current consul.", {"Tomas Reyes", "Olu Adeyemi"}),
    ("The Freedonian Consul General in Zenda was Piet van der Berg.", {"Piet van der Berg"}),
])
def test_english_copula_joins_a_role_and_a_name(body, people):
    assert set(_actors("en", body)["person"]) == people


def test_an_english_copula_after_a_named_person_is_no_new_name():
    assert set(_actors("en", "President Hans Weber is Ruritanian by birth.")["person"]) == {"Hans Weber"}


@pytest.mark.parametrize("body,people", [
    ("In 1979, Abdalla Mwanga, the representative of Zenda-South, visited Freedonia.", {"Abdalla Mwanga"}),
    ("Maciej Nowakowski, Poland's former ambassador to Ruritania, said the talks failed.", {"Maciej Nowakowski"}),
    ("Eugene Walunga, former cabinet secretary of Freedonia, has criticised the deal.", {"Eugene Walunga"}),
    ("In 2004 Tadeo Orbegozo, the current envoy of Ruritania, met Kwame Asante, a former minister.",
     {"Tadeo Orbegozo", "Kwame Asante"}),
])
def test_english_apposition_names_a_person_without_a_known_given_name(body, people):
    assert set(_actors("en", body)["person"]) == people


@pytest.mark.parametrize("body", [
    "In 1990 the representative of Zenda-South visited Freedonia.",
    "The Minister of Ruritania Affairs resigned in 1991, and the President of Zenda Province objected.",
])
def test_after_a_title_and_of_comes_a_place_not_a_person(body):
    assert _actors("en", body)["person"] == {}


@pytest.mark.parametrize("body,people", [
    ("His rivals, led by Sharif Kassim, denounced the treaty.", {"Sharif Kassim"}),
    ("A delegation headed by Amara Diallo arrived in 1980; a committee chaired by Lena Holm met it.",
     {"Amara Diallo", "Lena Holm"}),
])
def test_english_led_by_names_a_person(body, people):
    assert set(_actors("en", body)["person"]) == people


def test_hebrew_led_by_names_a_person():
    body = "ב-1980 הגיעה משלחת בראשות עמנואל קרטר לפרידוניה."
    assert _actors("he", body)["person"] == {"עמנואל קרטר": 1}


@pytest.mark.parametrize("body,people", [
    ("Mossad Chief Director Meir Amitai had a forest planted in Zenda.", {"Meir Amitai"}),
    ("In 1999 Embassy Director Oren Shaked met the Foreign Ministry Director General Ruth Adler.",
     {"Oren Shaked", "Ruth Adler"}),
])
def test_a_role_word_is_never_part_of_a_name(body, people):
    assert set(_actors("en", body)["person"]) == people


@pytest.mark.parametrize("body,person,state", [
    ("Foreign Minister Israel Katzman celebrated the treaty.", "Israel Katzman", "Israel"),
    ("In 1990 Ambassador Jordan Wells met the President.", "Jordan Wells", "Jordan"),
])
def test_after_a_title_a_name_may_begin_with_a_state_name(body, person, state):
    found = _actors("en", body)
    assert set(found["person"]) == {person}
    assert state not in found["country"]


@pytest.mark.parametrize("body,people", [
    ("The Ruritanian foreign minister H.V. Evans served as chairman of the conference.", {"H.V. Evans"}),
    ("In 1950 the Freedonian ambassador J. R. Tolkien and the consul A.B.C. Moss arrived.", {"J. R. Tolkien", "A.B.C. Moss"}),
])
def test_initials_open_a_name_after_a_title(body, people):
    assert set(_actors("en", body)["person"]) == people


@pytest.mark.parametrize("body,people", [
    ("Member of Parliament Farah Maalin was censured in 1990.", {"Farah Maalin"}),
    ("In 1991 the Freedonian Member of Parliament Idris Galla visited Zenda.", {"Idris Galla"}),
])
def test_a_title_holding_an_organization_word_is_no_organization(body, people):
    found = _actors("en", body)
    assert set(found["person"]) == people
    assert not any(name in org for org in found["organization"] for name in people)


@pytest.mark.parametrize("body,orgs,people", [
    ("In 1963 the Kenya African National Union announced a boycott. The Kenya African National Union said it "
     "would win.", {"Kenya African National Union"}, set()),
    ("The Ad Hoc Committee on Ruritania met in 1970, and the Ruritania Council on Foreign Relations objected.",
     {"Ad Hoc Committee on Ruritania", "Ruritania Council on Foreign Relations"}, set()),
    ("The Foreign Affairs Committee met on Monday.", {"Foreign Affairs Committee"}, set()),
])
def test_an_organization_keeps_its_state_and_its_topic(body, orgs, people):
    found = _actors("en", body)
    assert set(found["organization"]) == orgs
    assert set(found["person"]) == people
    assert "Kenya" not in found["country"]


def test_groupings_of_states_are_no_organizations():
    found = _actors("en", "Ruritania joined the Eastern Bloc, and Freedonia sided with the Axis powers.")
    assert found["organization"] == {} and found["person"] == {}
    assert _actors("he", "ב-1950 הצטרפה רורטניה לגוש המזרחי ופרידוניה למדינות הציר.")["organization"] == {}


@pytest.mark.parametrize("body,expected", [
    ("שגרירת רורטניה בפרידוניה היא ד\"ר אנה קרנינה, ושגריר פרידוניה ברורטניה הוא אל-עבד חמדאן.",
     {"אנה קרנינה": 1, "אל-עבד חמדאן": 1}),
    ("יוסף בורג הוא השגריר של רורטניה בזנדה, ומיכאל רוט הוא הקונסול.", {"יוסף בורג": 1, "מיכאל רוט": 1}),
    ("השגריר הנוכחי של פרידוניה ברורטניה הוא ג'ורג' סן מרטין.", {"ג'ורג' סן מרטין": 1}),
])
def test_hebrew_copula_with_a_title_a_conjunction_or_a_particle(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,people", [
    ("The ambassador is a career diplomat. Zenda is the capital of Ruritania.", set()),
    ("The current ambassador is Sir John Hale.", {"John Hale"}),
    ("Kofi Annan is the former Secretary-General of the United Nations.", {"Kofi Annan"}),
])
def test_english_copula_variants(body, people):
    assert set(_actors("en", body)["person"]) == people


def test_according_to_a_two_word_name_is_still_a_person():
    found = _actors("en", "According to Jan Novak, the talks failed in 1990.")
    assert set(found["person"]) == {"Jan Novak"}


@pytest.mark.parametrize("body,expected", [
    ("השגריר הראשון של רורטניה בפרידוניה היה נועם אלון.", {"נועם אלון": 1}),
    ("שגרירת פרידוניה הראשונה ברורטניה הייתה שירה גולן.", {"שירה גולן": 1}),
    ("הנשיא היה מרוצה מאוד מהביקור. שר החוץ של רורטניה היה אז חבר במפלגה.", {}),
])
def test_hebrew_past_copula(body, expected):
    assert _actors("he", body)["person"] == expected


# --- English quotes and people on prose nobody tuned for (sentences written for these tests).

def _quotes(body: str) -> list[tuple[str, str]]:
    t = tables.build(article.parse(_en_seed("Ruritania–Freedonia relations", body), "quotes"))
    return list(zip(t.quotes.text, t.quotes.speaker, strict=True))


@pytest.mark.parametrize("body,speaker", [
    ('"Our doors stay open to Zenda," said Tomasz Wielicki in 1990.', "Tomasz Wielicki"),
    ('"The border will stay shut", Amara Diallo said after the talks.', "Amara Diallo"),
    ('"The accord is void" according to Hugo Brandt.', "Hugo Brandt"),
    ('"We stand with Zenda," Chikondi Phiri, Freedonia\'s foreign minister, told parliament.', "Chikondi Phiri"),
    ('"Relations were never better," said Foreign Minister Obed Nkhata.', "Obed Nkhata"),
    ('Ruth Adler described the accord as: "a bridge between two peoples".', "Ruth Adler"),
    ("President Obed Nkhata spoke last. Obed Nkhata's answer was brief: \"Never.\"", "Obed Nkhata"),
    ('"Both nations share one sea," the Ruritanian Foreign Ministry said in a statement.', ""),
    ("President Tomasz Wielicki came. Wielicki's spokesman said \"there is nothing to add\" in 1990.", ""),
])
def test_an_english_speaker_named_after_the_quote_or_before_a_colon(body, speaker):
    assert [s for _, s in _quotes(body)] == [speaker]


@pytest.mark.parametrize("body,speaker", [
    ('"The talks failed. We shall try again next year," said Tomasz Wielicki.', "Tomasz Wielicki"),
    ('"Peace is near.... Our people want it," Amara Diallo said.', "Amara Diallo"),
    ('"The talks failed. We shall try again." Amara Diallo said in 1990.', "Amara Diallo"),
    ('Writing in 1990, Ruth Adler says the treaty was late. "Both sides waited. Both lost."', "Ruth Adler"),
])
def test_a_quote_of_several_sentences_keeps_its_speaker(body, speaker):
    assert [s for _, s in _quotes(body)] == [speaker]


@pytest.mark.parametrize("body", [
    "Seven Australians said they would stay. Jewish Australians said the vote was wrong.",
    "The Israeli Arab MK said the law was unfair, and Soviet Jewish emigres said the visas were late.",
    "Ethiopian Jews arrived in 1991, and Australian Jews wrote to the premier.",
])
def test_demonyms_group_and_number_words_make_no_person(body):
    assert _actors("en", body)["person"] == {}


def test_leaders_named_by_one_word_are_people():
    body = "In 1807 Napoleon met the Tsar; later Bismarck unified Germany and Herzl visited Constantinople."
    assert set(_actors("en", body)["person"]) == {"Napoleon", "Bismarck", "Herzl"}


@pytest.mark.parametrize("body,people", [
    ("In 1965 Kamuzu Banda visited Freedonia, and Levy Mwanawasa met the envoy.", {"Kamuzu Banda", "Levy Mwanawasa"}),
    ("Ngozi Adichie was appointed ambassador in 1990.", {"Ngozi Adichie"}),
    ("In 1980 Zorvath V visited Zenda, and the IDF Chief met him.", set()),
])
def test_a_strong_verb_of_a_person_vouches_for_an_unlisted_given_name(body, people):
    assert set(_actors("en", body)["person"]) == people


@pytest.mark.parametrize("body,orgs", [
    ("In 1990 Freedonia Aerospace Industries signed a deal with Zenda Engineering and the Zenda Chamber of "
     "Commerce. The Zenda Bookshop and Cafe opened, and Elbit Systems bid.",
     {"Freedonia Aerospace Industries", "Zenda Engineering", "Zenda Chamber of Commerce", "Zenda Bookshop and Cafe",
      "Elbit Systems"}),
    ("Kenyans for Fair Trade marched, and the Zenda African National Union won the vote.",
     {"Kenyans for Fair Trade", "Zenda African National Union"}),
    ("The Popular Front for the Liberation of Zenda grew.", {"Popular Front for the Liberation of Zenda"}),
])
def test_english_organizations_by_their_head_word(body, orgs):
    found = _actors("en", body)
    assert set(found["organization"]) == orgs
    assert found["person"] == {}


def test_a_broadcaster_is_named_as_the_text_writes_it():
    found = _actors("en", "The BBC World Service aired the talks, and the British Broadcasting Corporation filmed them.")
    assert set(found["organization"]) == {"BBC World Service", "British Broadcasting Corporation"}


def test_an_embassy_named_with_its_state_is_no_organization():
    found = _actors("en", "Crowds met outside the Swiss Embassy and the Embassy of Israel in 1990.")
    assert found["organization"] == {} and found["person"] == {}
    assert {"Israel"} <= set(found["country"])


def test_historical_forces_and_the_commonwealth_are_organizations():
    body = "The Australian Light Horse rode in 1917; the Anzac veterans and the Commonwealth honoured them."
    found = _actors("en", body)
    assert set(found["organization"]) == {"Australian Light Horse", "Anzac", "Commonwealth"}


@pytest.mark.parametrize("body", [
    "In 2016 the Zenda Union Commission Chair met Freedonia's Cabinet Secretary for Foreign Affairs.",
])
def test_a_role_is_no_organization(body):
    assert set(_actors("en", body)["organization"]) <= {"Zenda Union Commission"}


def test_he_stands_for_the_subject_of_the_sentence_before():
    body = ('Ambassador Tomasz Wielicki said President Hugo Brandt would visit Zenda. '
            'He said, "Next year will be a good year."')
    assert _quotes(body) == [("Next year will be a good year.", "Tomasz Wielicki")]


def test_a_possessive_ends_an_english_name():
    body = "President Hugo Brandt spoke. A statement by Brandt's Special Adviser Femi Adesina followed."
    assert set(_actors("en", body)["person"]) == {"Hugo Brandt", "Femi Adesina"}


@pytest.mark.parametrize("body,expected", [
    ('Ruritania kept its "less than perfect" record, former minister Tomasz Wielicki said on Sunday.',
     [("less than perfect", "Tomasz Wielicki")]),
    ('"Both governments were pleased," Ruth Adler said. "They had, for the most part, one aim."',
     [("Both governments were pleased,", "Ruth Adler"), ("They had, for the most part, one aim.", "Ruth Adler")]),
])
def test_a_speaker_later_in_the_sentence_or_in_the_quote_before(body, expected):
    assert _quotes(body) == expected


def test_a_surname_alone_before_a_verb_is_the_one_full_name_it_ends():
    body = 'Analyst Greg Fealy spoke in Canberra. "Ties were good," Fealy said.'
    found = _actors("en", body)["person"]
    assert found == {"Greg Fealy": 2}
    assert _quotes(body) == [("Ties were good,", "Greg Fealy")]


def test_a_quote_alone_goes_on_with_the_speaker_of_the_quote_before():
    body = ('President Hugo Brandt met Ruth Adler. "Our ties are old," he said. "They are also deep."')
    assert _quotes(body) == [("Our ties are old,", "Hugo Brandt"), ("They are also deep.", "Hugo Brandt")]


def test_the_owner_of_an_office_that_quotes_is_not_the_speaker():
    body = ('President Hugo Brandt met President Amara Diallo. '
            '"I am moved to be here," Brandt\'s office quoted Diallo as saying.')
    assert _quotes(body) == [("I am moved to be here,", "Amara Diallo")]


def test_a_ministry_after_a_title_is_no_person():
    body = "In 2015 he met the Director General of Israel's Foreign Ministry, Dr. Dore Gold."
    assert set(_actors("en", body)["person"]) == {"Dore Gold"}


def test_a_sentence_opened_by_he_gives_the_quote_to_the_last_person():
    body = 'Captain Abel Tasman reached the coast in 1642. He left, rather sourly remarking, "there is nothing here".'
    assert _quotes(body) == [("there is nothing here", "Abel Tasman")]


def test_a_possessive_inside_a_would_be_name_makes_it_a_body():
    assert _actors("en", "According to Freedonia's President's Office statement, the talks went well.")["person"] == {}


def test_companies_by_their_head_word_are_no_people():
    body = "In 1960 Tahal Consulting signed a contract, Zim Lines announced a route and El Al signed a deal."
    found = _actors("en", body)
    assert found["person"] == {}
    assert {"Tahal Consulting", "Zim Lines", "El Al"} <= set(found["organization"])


def test_a_state_in_the_possessive_owns_a_body_but_does_not_name_it():
    found = _actors("en", "In 2015 he met Israel's Foreign Ministry officials in Zenda.")
    assert set(found["organization"]) == {"Foreign Ministry"} and "Israel" in found["country"]


def test_a_scare_quote_has_no_speaker_from_a_later_clause_of_the_sentence():
    body = 'The so-called "Zenda Doctrine" was dropped when President Hugo Brandt said talks would start.'
    assert _quotes(body) == [("Zenda Doctrine", "")]


def test_he_stands_for_the_subject_that_opened_a_sentence_of_the_same_paragraph():
    body = ('The President of Freedonia Hugo Brandt arrived in Zenda on Monday. He visited a factory, was hosted by '
            'President Amara Diallo and addressed the parliament. "We are stronger together," he is quoted as saying.')
    assert _quotes(body) == [("We are stronger together,", "Hugo Brandt")]


def test_a_member_of_knesset_is_a_title():
    found = _actors("en", "In May, Member of Knesset Tzachi Hanegbi met the envoy, and MK Dov Lipman visited Zenda.")
    assert set(found["person"]) == {"Tzachi Hanegbi", "Dov Lipman"}


@pytest.mark.parametrize("body,people", [
    # lists of office holders, a name after a role and a comma, particles inside a name
    ("He followed Oded Lazar, who was appointed in May 2008, Yosef Gorev (from June 2003), and Aharon Katz.",
     {"Oded Lazar", "Yosef Gorev", "Aharon Katz"}),
    ("The leader of the largest party in Freedonia, Siv Hansen is a supporter of Ruritania.", {"Siv Hansen"}),
    ("The foreign minister of Freedonia Khalid bin Ahmed Al Rashid has been quoted.", {"Khalid bin Ahmed Al Rashid"}),
    ("Andrea Cordero Lanza di Montezemolo was the first nuncio.", {"Andrea Cordero Lanza di Montezemolo"}),
    # a middle name that is also a one-word leader's name (Tito) stays inside the name
    ("Since 2021 the Nuncio to Ruritania has been Adolfo Tito Yllana.", {"Adolfo Tito Yllana"}),
    # a given name that opens a place, a vessel, a company or a compound word is no person
    ("Ruritania took the Golan Heights in 1967.", set()),
    ("Panama seized the Freedonian freighter Chong Chon Gang in 2013.", set()),
    ("Readers of Al-Okaz in 1990 were many.", set()),
    ("The Marshall Plan began in 1948.", set()),
])
def test_an_english_name_opened_by_a_known_given_name_and_standing_clear(body, people):
    assert set(_actors("en", body)["person"]) == people
# --- Hebrew people, third round: failure classes on sentences written for these tests.

@pytest.mark.parametrize("body", [
    "ב-1995 הודיעה הממשלה שפקיד ממשלתי ביקר בפרידוניה.",
    "לאחר מכן נפגשו השרים ונחתמו הסכמים. השר וכוננו נפגש עם הנשיא.",
    "ב-1971 אמר ההיסטוריון ומחבר הספר כי השיחות נכשלו.",
    "ב-1972 נפגש השגריר עם ראש הממשלה, ובהמשך נועד עם הנשיא. ראש הממשלה ברך את השגריר.",
])
def test_a_hebrew_word_with_a_conjunction_prefix_opens_no_name(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body", [
    "ב-1980 נפגש שר החוץ עם נשיא פרידוניה, ופרידוניה מתקיימים בה בחירות.",
    "ב-1981 ביקר נשיא רורטניה ורורטניה מתקיימים בה טקסים.",
    "הנשיא הפרידוני ייפגש עם ראש הממשלה, ושגריר רורטניה מתקיימים בו דיונים.",
])
def test_a_hebrew_state_or_a_verb_after_a_title_is_no_name(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body,expected", [
    ("ב-1978 ביקר סגן ראש ממשלת פרידוניה, באטו סיר פינאלה גאגילאו, ברורטניה.", {"פינאלה גאגילאו": 1}),
    ("ב-1978 ביקר ראש הממשלה טון עבדול רזאק ברורטניה.", {"עבדול רזאק": 1}),
    ("ב-1979 נפגש הנסיך דאטו אחמד זאהיד עם הנשיא.", {"אחמד זאהיד": 1}),
])
def test_a_hebrew_honorific_sequence_is_not_part_of_the_name(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-2005 מריאנו קסטלבי מונה לשגריר פרידוניה ברורטניה.", {"מריאנו קסטלבי": 1}),
    ("ב-2012 הגיע לזנדה ז'ואאו פרסטלו, שגריר פרידוניה ברורטניה.", {"ז'ואאו פרסטלו": 1}),
    ("הממשלה אישרה את מינויה של רוחמה זילברג לשגרירת רורטניה בפרידוניה.", {"רוחמה זילברג": 1}),
    ("ב-1790 שלחה רורטניה את פרנקו דלמסה כשגריר לפרידוניה.", {"פרנקו דלמסה": 1}),
    ("ב-1991 נפגש הנשיא עם אולוסגון בוקאר, ראש ממשלת פרידוניה.", {"אולוסגון בוקאר": 1}),
])
def test_a_hebrew_name_without_a_title_before_a_role_or_a_cue_verb(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-2000 חורחה א. קרבחל מונה לשגריר פרידוניה.", {"חורחה א. קרבחל": 1}),
    ("ב-2001 נפגש שר החוץ עם לואיס מ. סן רומן, שגריר רורטניה.", {"לואיס מ. סן רומן": 1}),
    ("ב-1963 נרצח ג'ון פ. קנדל בדאלאס.", {"ג'ון פ. קנדל": 1}),
])
def test_a_hebrew_name_with_an_initial(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-1955 ביקר ראש ממשלת רורטניה או טין ברפובליקה, ואו טין נפגש עם הנשיא.", {"או טין": 2}),
    ("ב-1990 עבד אל-חלים ח'דאם נפגש עם הנשיא.", {"עבד אל-חלים ח'דאם": 1}),
    ("ב-1990 עבדול ג'באר ביקר בזנדה.", {"עבדול ג'באר": 1}),
])
def test_hebrew_short_foreign_names_that_look_like_function_words(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body", [
    "ב-1990 ביקר השר או סגנו בפרידוניה. הנשיא או ראש הממשלה יגיעו.",
    "ב-1991 נחתם הסכם, או שהשיחות נכשלו. עבד נאמן היה השגריר.",
])
def test_hebrew_function_words_stay_function_words(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body,expected", [
    ("שגרירת פרידוניה בישראל, מריה קוסטנדיניס, הגישה את כתב האמנה.", {"מריה קוסטנדיניס": 1}),
    ("ב-2019 ביקרה ראשת ממשלת פרידוניה הלגה נורדקוויסט ברורטניה.", {"הלגה נורדקוויסט": 1}),
    ("ב-2020 נפגשה נשיאת רורטניה, סאנה קורהונן, עם השגרירה איה בירנר.", {"סאנה קורהונן": 1, "איה בירנר": 1}),
    ("ב-1999 ביקר השגריר בדימוס עמיקם רבין בזנדה. קונסול הכבוד יואל קרזנר נכח.",
     {"עמיקם רבין": 1, "יואל קרזנר": 1}),
    ("ב-2010 נאם נשיא מועדון השגרירים דורון אלקלעי.", {"דורון אלקלעי": 1}),
])
def test_a_hebrew_role_with_a_state_or_organization_between_it_and_the_name(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("שגריר פרידוניה בישראל מינואר 2019 עד מרץ 2021 היה תומאס ריצ'רד ניידלר.", {"תומאס ריצ'רד ניידלר": 1}),
    ("ב-1972 הועבר לגולדה מאיר שדר, דרך נשיא רורטניה.", {"גולדה מאיר": 1}),
    ("ב-2025 נחת קנצלר פרידוניה פרידריך מאי ברורטניה, ובמאי 2026 נפגש יוסף אוגוסט עם הנשיא.",
     {"פרידריך מאי": 1, "יוסף אוגוסט": 1}),
    ("ב-1990 ביקר ראש הממשלה אדריאן הסלר בפרידוניה.", {"אדריאן הסלר": 1}),
])
def test_a_hebrew_copula_reads_past_a_roles_dates_and_a_given_name_is_no_third_word(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-1955 נפגש או טין עם ראש הממשלה. ב-1956 אמר או טין כי הביקור הצליח.", {"או טין": 2}),
    ("ב-2004 הגיש חוסה אורטגה את כתב האמנה לנשיא.", {"חוסה אורטגה": 1}),
    ("ב-2005 נפגש ג'ונתן מקאלו עם שר החוץ.", {"ג'ונתן מקאלו": 1}),
    ("וילם ואן דר ברג, ראש ממשלת פרידוניה, אמר כי השיחות הצליחו.", {"וילם ואן דר ברג": 1}),
])
def test_a_hebrew_name_after_a_cue_verb_and_before_its_object_or_partner(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body", [
    "ב-1990 אמר דבר חשוב כי הביקור הצליח. ב-1991 נפגש פעם נוספת עם השגריר.",
    "ב-1992 נפגש אתמול בערב עם השגריר, וחתם הסכם סחר עם פרידוניה.",
])
def test_hebrew_words_between_a_cue_verb_and_its_object_are_no_name_without_a_second_sign(body):
    assert _actors("he", body)["person"] == {}


@pytest.mark.parametrize("body,expected", [
    ("ב-1990 ביקר מזכ\"ל האו\"ם חוסה פרנו דה קואדרה בזנדה.", {"חוסה פרנו דה קואדרה": 1}),
    ("ב-1998 ביקר השייח' סאלם בן ח'אמיס בפרידוניה.", {"סאלם בן ח'אמיס": 1}),
    ("ב-1999 נפגש המלך טלאל השני עם הנשיא.", {"טלאל השני": 1}),
    ("ב-2000 ביקר השגריר כהנוביץ בין השנים 1990 ל-1995 בזנדה.", {"כהנוביץ": 1}),
])
def test_a_hebrew_name_after_a_title_goes_on_over_particles_and_a_monarchs_number(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,expected", [
    ("ב-2015 מינה ראש הממשלה את ראש המחלקה במשרד החוץ, אורן בר-לב, כממלא מקומו של המנכ\"ל היוצא נמרוד שחם.",
     {"אורן בר-לב": 1, "נמרוד שחם": 1}),
    ("ב-1921 עלתה לזנדה עם בעלה, יוסט מרקלבך.", {"יוסט מרקלבך": 1}),
])
def test_hebrew_roles_of_office_and_kin_in_apposition(body, expected):
    assert _actors("he", body)["person"] == expected


@pytest.mark.parametrize("body,people", [
    # a title with a possessive suffix ("her prime minister X Y")
    ("ביקורו של ראש ממשלתה זאב לוי בפרידוניה בשנת 1955 היה הראשון.", {"זאב לוי"}),
    # after a title with its owner a foreign name may open with "או"; after a bare title it is "or"
    ("ביקורו של ראש ממשלתה או תאן בפרידוניה בשנת 1955 היה הראשון.", {"או תאן"}),
    ("ב-1990 ביקר השר או סגנו בפרידוניה.", set()),
    # after a copula, an initial is no word of its own, and a particle goes on to the next word
    ("שגריר פרידוניה ברורטניה (מאז שנת 2021) הוא מנואל א. גרסיה סן חואן.", {"מנואל א. גרסיה סן חואן"}),
])
def test_hebrew_possessive_titles_and_long_names_after_a_copula(body, people):
    assert set(_actors("he", body)["person"]) == people


@pytest.mark.parametrize("body,speaker", [
    # the only person named before the verb, after an opening role and a comma
    ('The leader of the party, Siv Hansen is a supporter of Ruritania, and claims to "not be afraid to defend it."',
     "Siv Hansen"),
    # a participle of naming ("calling the decision ...")
    ("Freedonian Foreign Minister Hans Weber made the announcement in Zenda, calling the decision a “bold step.”",
     "Hans Weber"),
    # a straight opening mark closed by a curly one
    ('President Hans Weber said in an interview, "Even if Ruritania had won, it would not matter now.” Later he left.',
     "Hans Weber"),
])
def test_an_english_speaker_as_the_only_person_before_the_verb_and_mixed_marks(body, speaker):
    assert [s for _, s in _quotes(body)] == [speaker]


def test_two_known_people_joined_by_a_hyphen_are_two_people():
    people = _actors("en", "After the recent Tito-Stalin split, Josip Broz Tito met nobody.")["person"]
    assert "Stalin" in people and not any(" " in n and "Stalin" in n for n in people)



def test_word_memos_are_bounded_and_answer_the_same_after_starting_over(monkeypatch):
    from bilateral.extraction import memo
    from bilateral.extraction.entities import scanning
    from bilateral.extraction.entities.lexicon import rules

    monkeypatch.setattr(memo, "LIMIT", 3)
    monkeypatch.setattr(scanning, "_OPTIONS", {})
    r = rules("he")
    first = scanning.strip_options("ובטירנה", r, name_only=False)
    for word in ("בטירנה", "לפיונגיאנג", "מאלבניה", "ובטירנה"):
        assert len(scanning.strip_options(word, r, name_only=False)) > 1
        assert len(scanning._OPTIONS) <= 3
    assert scanning.strip_options("ובטירנה", r, name_only=False) == first
    words = memo.WordMemo(len)
    for w in ("a", "bb", "ccc", "dddd"):
        assert words[w] == len(w) and len(words) <= 3
