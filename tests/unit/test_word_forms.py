"""kb.glossary.word_forms: the forms a reader may type for a name. A table: name -> forms it must give."""
from __future__ import annotations

import pytest

from kb.glossary.word_forms import compound_heads, nl_inflected, nl_uninflected, part_forms, phrase_forms

# (name, language, forms written as one word, forms of its words): each listed form must be produced
TABLE = [
    ("parasociale interactie", "nl", {"parasocialeinteractie", "parasocialeinteracties"},
     {"parasociale", "parasociaal", "interactie", "interacties"}),
    ("parasociale relatie", "nl", {"parasocialerelatie", "parasocialerelaties"}, {"parasociaal", "relaties"}),
    ("sociale aantrekkelijkheid", "nl", {"socialeaantrekkelijkheid", "socialeaantrekkelijkheden"},
     {"sociaal", "sociale", "aantrekkelijkheid"}),
    ("fysieke aantrekkelijkheid", "nl", {"fysiekeaantrekkelijkheid"}, {"fysiek", "fysieke"}),
    ("gesponsorde content", "nl", {"gesponsordecontent"}, {"gesponsord", "gesponsorde", "content"}),
    ("persoonlijk merk", "nl", {"persoonlijkmerk", "persoonlijkmerken"}, {"persoonlijk", "persoonlijke", "merken"}),
    ("attitude-homofilie", "nl", {"attitudehomofilie"}, {"attitude", "homofilie", "homofiel", "homofilies"}),
    ("homofilie", "nl", {"homofilie", "homofiel"}, set()),
    ("authenticiteit", "nl", {"authenticiteit", "authentiek"}, set()),
    ("micro-influencer", "nl", {"microinfluencer", "microinfluencers"}, {"micro", "influencer", "influencers"}),
    ("influencer marketing", "nl", {"influencermarketing"}, {"influencer", "marketing"}),
    ("beroemdheid", "nl", {"beroemdheid", "beroemdheden"}, set()),
    ("beïnvloeder", "nl", {"beïnvloeder", "beinvloeder", "beinvloeders"}, set()),
    ("doelgroep", "nl", {"doelgroep", "doelgroepen"}, set()),
    ("drie R's van invloed", "nl", {"drier'svaninvloed", "driersvaninvloed"}, {"drie", "r's", "rs", "van", "invloed"}),
    ("interactie met volgers", "nl", {"interactiemetvolgers"}, {"interactie", "met", "volgers"}),
    ("parasocial interaction", "en", {"parasocialinteraction", "parasocialinteractions"},
     {"parasocial", "interaction", "interactions"}),
    ("micro-influencer", "en", {"microinfluencer", "microinfluencers"}, {"micro", "influencer", "influencers"}),
    ("celebrity", "en", {"celebrity", "celebrities"}, set()),
    ("credibility", "en", {"credibility", "credible"}, set()),
    ("homophily", "en", {"homophily", "homophilic", "homophilous"}, set()),
    ("number of followers", "en", {"numberoffollowers"}, {"number", "of", "followers"}),
    ("Keller's pyramid", "en", {"keller'spyramid", "kellerspyramid", "kellerspyramids"}, {"keller's", "kellers"}),
]


@pytest.mark.parametrize("name, lang, joined, parts", TABLE, ids=[f"{r[1]}:{r[0]}" for r in TABLE])
def test_forms(name, lang, joined, parts):
    assert joined <= phrase_forms(name, lang), sorted(phrase_forms(name, lang))
    assert parts <= part_forms(name, lang), sorted(part_forms(name, lang))


@pytest.mark.parametrize("adjective, base", [("sociale", "sociaal"), ("parasociale", "parasociaal"),
                                             ("fysieke", "fysiek"), ("grote", "groot"), ("positieve", "positief"),
                                             ("gesponsorde", "gesponsord"), ("uiterlijke", "uiterlijk")])
def test_dutch_adjective_endings_both_ways(adjective, base):
    assert base in nl_uninflected(adjective)
    assert adjective in nl_inflected(base)


def test_a_noun_alone_gets_no_adjective_guess():
    assert "nich" not in phrase_forms("niche", "nl") | part_forms("niche", "nl")
    assert "interacti" not in part_forms("parasociale interactie", "nl")


def test_compounds_split_after_a_known_word():
    assert compound_heads("merkambassadeur", {"merk"}) == {"ambassadeur"}
    assert compound_heads("betrokkenheidspercentage", {"betrokkenheid", "percentage"}) == {"percentage"}
    assert "piramide" in compound_heads("merkwaardepiramide", {"merk", "piramide"})
    assert compound_heads("influencerniveau", {"influencer", "influence"}) == {"niveau"}, "the longest known word"
    assert compound_heads("merkambassadeur", set()) == set()
