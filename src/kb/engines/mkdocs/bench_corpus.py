"""Synthetic but valid glossary entries for the build benchmark (kb.engines.mkdocs.bench).

Each entry looks like a real one: a two-word term in Dutch and English, a definition of about 125 words and an
example of about 50 in each language (with the related entries' summaries a term page carries about 250
words), three related entries whose
terms also occur in the text (so hover definitions are exercised), and one or two citations of the project's
real sources. The same seed gives the same entries, so figures can be compared between runs.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from kb import ROOT

COPIED = ("glossary", "quiz", "docs", "hooks", "overrides")      # what a build needs; data of every feature
GENERATED = ("glossary", "sources")                                # folders under docs/ the hook writes
PREFIX = "synthetic-"                                              # id prefix: never clashes with a real entry
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/entry.schema.json\n"
CATEGORIES = ("actor", "concept", "theory", "metric", "practice")

# (Dutch qualifier before a de-word, before a het-word, English qualifier)
QUALIFIERS = [
    ("organische", "organisch", "organic"), ("betaalde", "betaald", "paid"), ("lokale", "lokaal", "local"),
    ("wekelijkse", "wekelijks", "weekly"), ("visuele", "visueel", "visual"), ("auditieve", "auditief", "audio"),
    ("interactieve", "interactief", "interactive"), ("duurzame", "duurzaam", "sustainable"),
    ("seizoensgebonden", "seizoensgebonden", "seasonal"), ("regionale", "regionaal", "regional"),
    ("verticale", "verticaal", "vertical"), ("horizontale", "horizontaal", "horizontal"),
    ("episodische", "episodisch", "episodic"), ("gedeelde", "gedeeld", "shared"),
    ("gerichte", "gericht", "targeted"), ("indirecte", "indirect", "indirect"), ("directe", "direct", "direct"),
    ("creatieve", "creatief", "creative"), ("strategische", "strategisch", "strategic"),
    ("tactische", "tactisch", "tactical"), ("emotionele", "emotioneel", "emotional"),
    ("rationele", "rationeel", "rational"), ("langlopende", "langlopend", "long-running"),
    ("kortlopende", "kortlopend", "short-running"), ("crossmediale", "crossmediaal", "cross-media"),
    ("mobiele", "mobiel", "mobile"), ("gesponsorde", "gesponsord", "sponsored"),
    ("vrijwillige", "vrijwillig", "voluntary"), ("contextuele", "contextueel", "contextual"),
    ("verhalende", "verhalend", "narrative"), ("persoonlijke", "persoonlijk", "personal"),
    ("collectieve", "collectief", "collective"), ("digitale", "digitaal", "digital"),
    ("hybride", "hybride", "hybrid"), ("sociale", "sociaal", "social"), ("commerciële", "commercieel", "commercial"),
    ("publieke", "publiek", "public"), ("informele", "informeel", "informal"), ("formele", "formeel", "formal"),
    ("culturele", "cultureel", "cultural"),
]
# (Dutch noun, True if a het-word, English noun)
NOUNS = [
    ("bereik", True, "reach"), ("betrokkenheid", False, "engagement"), ("vertrouwen", True, "trust"),
    ("campagne", False, "campaign"), ("samenwerking", False, "partnership"), ("doelgroep", False, "audience"),
    ("boodschap", False, "message"), ("conversie", False, "conversion"), ("loyaliteit", False, "loyalty"),
    ("zichtbaarheid", False, "visibility"), ("geloofwaardigheid", False, "credibility"),
    ("aanbeveling", False, "recommendation"), ("merkbeleving", False, "brand experience"),
    ("contentformat", True, "content format"), ("publicatieritme", True, "posting rhythm"),
    ("reactiepatroon", True, "response pattern"), ("volgersgroei", False, "follower growth"),
    ("advertentiewaarde", False, "advertising value"), ("productplaatsing", False, "product placement"),
    ("merkherinnering", False, "brand recall"), ("mond-tot-mondreclame", False, "word of mouth"),
    ("creatorrelatie", False, "creator relationship"), ("contentstrategie", False, "content strategy"),
    ("meetmodel", True, "measurement model"), ("communitybeheer", True, "community management"),
    ("overtuigingskracht", False, "persuasiveness"), ("productattitude", False, "product attitude"),
    ("keuzemoment", True, "decision moment"), ("kanaalmix", False, "channel mix"), ("imago", True, "image"),
]

NL_SENTENCES = [
    "Bij {t} gaat het om de manier waarop een maker en een merk samen een publiek bereiken dat de maker al "
    "langer volgt en vertrouwt.",
    "Wie met {t} werkt, kijkt niet alleen naar het aantal volgers, maar vooral naar hoe die volgers op berichten "
    "reageren en wat ze daarna doen.",
    "Het begrip hangt nauw samen met {r}, omdat beide beschrijven hoe een boodschap via een persoon geloofwaardiger "
    "wordt dan via een advertentie.",
    "Onderzoekers meten dit meestal met een korte vragenlijst onder volgers, aangevuld met cijfers uit het "
    "dashboard van het platform.",
    "In de praktijk verschilt de uitkomst sterk per platform, per onderwerp en per periode van het jaar, dus een "
    "enkele meting zegt weinig.",
    "Een merk dat {t} serieus neemt, geeft de maker ruimte om het product in eigen woorden en in de eigen stijl "
    "te laten zien.",
    "Critici wijzen erop dat {r} en dit begrip soms door elkaar worden gebruikt, terwijl ze iets anders meten.",
    "Voor kleine makers is het effect vaak groter, omdat hun volgers het gevoel hebben de maker persoonlijk te "
    "kennen en antwoorden krijgen.",
    "Wie de resultaten vergelijkt, moet dezelfde periode, hetzelfde platform en dezelfde manier van tellen "
    "gebruiken, anders ontstaat een vertekend beeld.",
    "Transparantie over de samenwerking, bijvoorbeeld met een duidelijke vermelding van reclame, beschermt het "
    "vertrouwen van het publiek op lange termijn.",
    "Het begrip komt uit de marketingpraktijk en is later door onderzoekers overgenomen, die er een preciezere "
    "omschrijving aan gaven.",
    "Samen met {r} vormt het een bouwsteen van de meeste modellen die het succes van influencermarketing willen "
    "verklaren.",
]
EN_SENTENCES = [
    "{T} is about the way a creator and a brand together reach an audience that has followed and trusted the "
    "creator for some time.",
    "Anyone working with {t} looks not only at the number of followers but above all at how those followers "
    "respond to posts and what they do next.",
    "The concept is closely tied to {r}, because both describe how a message becomes more credible through a "
    "person than through an advertisement.",
    "Researchers usually measure it with a short questionnaire among followers, supplemented by figures from the "
    "platform's dashboard.",
    "In practice the outcome varies widely by platform, by topic and by time of year, so a single measurement "
    "says little.",
    "A brand that takes {t} seriously gives the creator room to show the product in their own words and in their "
    "own style.",
    "Critics point out that {r} and this concept are sometimes used interchangeably, although they measure "
    "different things.",
    "For small creators the effect is often larger, because their followers feel they know the creator "
    "personally and they do get replies.",
    "Whoever compares results must use the same period, the same platform and the same way of counting, or the "
    "picture becomes distorted.",
    "Being open about the partnership, for example with a clear advertising label, protects the audience's "
    "trust in the long run.",
    "The concept comes from marketing practice and was later taken up by researchers, who gave it a more precise "
    "description.",
    "Together with {r} it forms a building block of most models that try to explain why influencer marketing "
    "works.",
]
NL_EXAMPLES = [
    "Een fietsenmaker uit Utrecht werkte drie maanden samen met een lokale maker met ongeveer 4.000 volgers.",
    "Na elke video beantwoordde de maker de vragen in de reacties zelf, ook de kritische.",
    "De winkel zag vooral op zaterdag meer bezoekers die zeiden dat ze via de video waren gekomen.",
    "Een tweede campagne met een bekende maker leverde meer weergaven op, maar nauwelijks extra bezoek.",
]
EN_EXAMPLES = [
    "A bicycle shop in Utrecht worked for three months with a local creator who had about 4,000 followers.",
    "After each video the creator answered the questions in the comments personally, the critical ones too.",
    "The shop saw more visitors, mostly on Saturdays, who said they had come because of the video.",
    "A second campaign with a well-known creator brought more views but hardly any extra visits.",
]


def terms(n: int) -> list[tuple[str, str]]:
    """n distinct (Dutch, English) terms, e.g. ('organisch bereik', 'organic reach')."""
    pairs = [((q_het if het else q_de) + " " + noun, q_en + " " + noun_en)
             for noun, het, noun_en in NOUNS for q_de, q_het, q_en in QUALIFIERS]
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} synthetic entries (asked for {n})")
    random.Random(7).shuffle(pairs)
    return pairs[:n]


def source_keys(root: Path) -> list[str]:
    data = yaml.safe_load((root / "glossary" / "sources.yaml").read_text(encoding="utf-8"))
    return [item["key"] for item in data["sources"]]


def entries(n: int, keys: list[str], seed: int = 1) -> dict[str, dict]:
    """n synthetic entries as YAML-ready dicts, keyed by id."""
    rng = random.Random(seed)
    names = terms(n)
    ids = [f"{PREFIX}{i:04d}" for i in range(n)]
    out = {}
    for i, (nl_term, en_term) in enumerate(names):
        related = rng.sample([j for j in range(n) if j != i], k=min(3, n - 1))
        entry = {"id": ids[i], "category": rng.choice(CATEGORIES), "related": [ids[j] for j in related],
                 "sources": [{"key": key, "locator": f"p. {rng.randint(2, 240)}"}
                             for key in rng.sample(keys, k=min(len(keys), rng.choice((1, 2))))]}
        for lang, term, sentences, examples in (("nl", nl_term, NL_SENTENCES, NL_EXAMPLES),
                                                ("en", en_term, EN_SENTENCES, EN_EXAMPLES)):
            others = [names[j][0 if lang == "nl" else 1] for j in related]
            picked = rng.sample(range(len(sentences)), k=6)
            if not any("{r}" in sentences[k] for k in picked):     # always mention a related term
                picked[-1] = rng.choice([k for k, s in enumerate(sentences) if "{r}" in s and k not in picked])
            text = [sentences[k].format(t=term, T=term[:1].upper() + term[1:], r=others[m % len(others)])
                    for m, k in enumerate(sorted(picked))]
            block = {"term": term, "definition": " ".join(text), "example": " ".join(rng.sample(examples, k=3))}
            if i % 10 == 0:
                block["abbreviation"] = "".join(w[0] for w in en_term.replace("-", " ").split()).upper() + str(i)
            if i % 4 == 0:
                block["synonyms"] = [f"{term} (breed)" if lang == "nl" else f"{term} (broad sense)"]
            entry[lang] = block
        out[ids[i]] = entry
    return out


def write_entries(terms_dir: Path, data: dict[str, dict]) -> None:
    for entry_id, entry in data.items():
        text = yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=110)
        (terms_dir / f"{entry_id}.yaml").write_text(SCHEMA_LINE + text, encoding="utf-8")


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of what a build reads (config, hook, pages, all data) without generated pages or a built site."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (root / name).exists():
            shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for generated in GENERATED:
        shutil.rmtree(dest / "docs" / generated, ignore_errors=True)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def make_project(dest: Path, n: int, root: Path = ROOT) -> Path:
    """A copy of the project at `dest` with n glossary entries in total: the real ones plus synthetic ones.

    The real entries stay because hand-written pages, tier data and quiz items refer to them; the
    synthetic ones fill up to n. The real project is only read.
    """
    copy_project(dest, root)
    terms_dir = dest / "glossary" / "terms"
    real = len(list(terms_dir.glob("*.yaml")))
    write_entries(terms_dir, entries(max(n - real, 0), source_keys(dest)))
    return dest
