"""The quiz's question bank: hand-written items (quiz/*.yaml) plus questions generated from the glossary and
the tier data at build time, so the quiz never drifts from what the site says.

Every question has one correct answer, 3-4 distinct options whose distractors come from the same category,
an explanation and the glossary page it tests. Ids are stable (kind + entry/source/item id), so a student's
saved progress and a trainer's shared link survive a rebuild. `select()` mirrors the page's JavaScript
(`docs/assets/quiz.js`): the same seed gives the same questions, in the same order, in Python and in the browser.
"""
from __future__ import annotations

import difflib
import math
import random
import re
from dataclasses import dataclass, field

from kb import LANGS
from kb.core.collation import fold
from kb.core.context import BuildContext, context
from kb.core.labels import pick
from kb.core.markdown_text import capitalise, first_sentence, plain
from kb.core.data_file import read_data_file
from kb.core.problems import Problem, rel
from kb.tiers.load import TIER_ORDER

BANK_SEED = "kb-quiz-1"        # fixes the distractors drawn at build time; change it to draw new ones
TOPICS = ("terms", "scenarios", "languages", "tiers", "findings")
KIND_TOPIC = {
    "definition-term": "terms", "term-definition": "terms",
    "term-nl-en": "languages", "term-en-nl": "languages",
    "tier-source": "tiers", "true-false": "findings", "scenario": "scenarios",
}
MAX_OPTIONS = 4
MIN_OPTIONS = 3
TIERS_PAGE = "tiers"           # link key for a tier question whose tier has no glossary entry
# Follower counts a tier question may ask about: round numbers a student meets in the wild.
PROBE_COUNTS = (150, 300, 600, 800, 2_000, 3_000, 4_000, 7_500, 15_000, 20_000, 30_000, 40_000, 75_000,
                150_000, 250_000, 500_000, 2_000_000, 5_000_000)

LABELS: dict[str, dict[str, str]] = {
    "q_definition_term": {"nl": "Welk begrip past bij deze omschrijving?",
                          "en": "Which term matches this description?"},
    "q_term_definition": {"nl": "Wat betekent ‘{term}’?", "en": "What does ‘{term}’ mean?"},
    "q_nl_en": {"nl": "Hoe heet ‘{term}’ in het Engels?", "en": "What is the English term for the Dutch ‘{term}’?"},
    "q_en_nl": {"nl": "Hoe heet ‘{term}’ in het Nederlands?", "en": "What is the Dutch term for the English ‘{term}’?"},
    "q_tier": {"nl": "Volgens {source} is een account met {n} volgers een …",
               "en": "According to {source}, an account with {n} followers is a …"},
    "q_true_false": {"nl": "Klopt deze uitspraak over de masterproef?",
                     "en": "Is this statement about the thesis true?"},
    # Shorter lead-ins for tools with a tight limit on the question (Kahoot: 120 characters), same meaning.
    "short_definition-term": {"nl": "Welk begrip?", "en": "Which term?"},
    "short_true-false": {"nl": "Volgens de masterproef:", "en": "According to the thesis:"},
    "x_translation": {"nl": "‘{nl}’ heet in het Engels ‘{en}’.", "en": "The Dutch ‘{nl}’ is ‘{en}’ in English."},
    "x_tier_range": {"nl": "{source} rekent {range} volgers tot {tier}.",
                     "en": "{source} counts {range} followers as {tier}."},
    "x_tier_others": {"nl": "Andere bronnen delen {n} volgers anders in: {others}.",
                      "en": "Other sources classify {n} followers differently: {others}."},
    "x_tier_agree": {"nl": "De andere bronnen met cijfers zijn het hier mee eens.",
                     "en": "The other sources that give numbers agree here."},
    "x_tier_no_tier": {"nl": "geen niveau", "en": "no tier"},
    "range_between": {"nl": "{min} tot {max}", "en": "{min} to {max}"},
    "range_at_least": {"nl": "{min} of meer", "en": "{min} or more"},
    "range_at_most": {"nl": "hoogstens {max}", "en": "at most {max}"},
    "tf_true": {"nl": "Juist", "en": "True"},
    "tf_false": {"nl": "Onjuist", "en": "False"},
    "tf_not_studied": {"nl": "Dat heeft de studie niet onderzocht", "en": "The study did not examine this"},
    "tier_nano": {"nl": "nano-influencer", "en": "nano-influencer"},
    "tier_micro": {"nl": "micro-influencer", "en": "micro-influencer"},
    "tier_mid-tier": {"nl": "mid-tier-influencer", "en": "mid-tier influencer"},
    "tier_macro": {"nl": "macro-influencer", "en": "macro-influencer"},
    "tier_mega": {"nl": "mega-influencer", "en": "mega-influencer"},
    "tier_all-star": {"nl": "all-star-influencer", "en": "all-star influencer"},
}
TF_ANSWERS = (True, False, "not-studied")          # option order of a true-false item, fixed
TF_LABELS = ("tf_true", "tf_false", "tf_not_studied")


def _t(key: str, lang: str, **values) -> str:
    return pick(LABELS, key, lang, **values)


# --------------------------------------------------------------------------- hand-written items

@dataclass(frozen=True)
class QuizItem:
    """One hand-written item from quiz/*.yaml: a true/false statement or a scenario."""

    id: str
    kind: str
    answer: object                           # true-false: True, False or "not-studied"; scenario: None
    source: str
    glossary: str
    text: dict                               # language -> (statement or situation, explanation)
    file: str = ""
    line: int = 0
    distractors: tuple = ()                  # scenario: glossary ids of the wrong options
    choices: dict = field(default_factory=dict)   # scenario without distractors: language -> 4 texts, right first


def load(paths, kb, problems: list[Problem]) -> list[QuizItem]:
    """The validated hand-written items of quiz/*.yaml, in file order; every mistake becomes a Problem."""
    if not paths.quiz.is_dir():
        return []
    for stray in sorted(paths.quiz.glob("*.yml")):
        problems.append(Problem(rel(stray), 0, 0, "quiz files must end in '.yaml'.",
                                f"rename the file to {stray.stem}.yaml."))
    items: list[QuizItem] = []
    seen: dict[str, str] = {}
    for path in sorted(paths.quiz.glob("*.yaml")):
        doc = read_data_file(path, "items.schema.json", paths, problems)
        if doc is None:
            continue
        for i, raw in enumerate(doc.data["items"]):
            item = _check_item(doc, i, raw, kb, seen, problems)
            if item:
                items.append(item)
    return items


def _check_item(doc, i: int, raw: dict, kb, seen: dict, problems: list[Problem]) -> QuizItem | None:
    ok = True
    if raw["id"] in seen:
        problems.append(doc.problem(("items", i, "id"), f"the quiz item id '{raw['id']}' is also used in "
                                    f"{seen[raw['id']]}.", "give every item its own id."))
        ok = False
    seen.setdefault(raw["id"], doc.file)
    if raw["glossary"] in kb.unreadable:
        ok = False                # that entry's own problems are reported; this item waits for the fix
    elif raw["glossary"] not in kb.entries:
        close = difflib.get_close_matches(raw["glossary"], list(kb.entries), n=1)
        problems.append(doc.problem(("items", i, "glossary"), f"'glossary' names '{raw['glossary']}', but there "
                                    f"is no glossary/terms/{raw['glossary']}.yaml.",
                                    (f"did you mean '{close[0]}'? " if close else "")
                                    + "use the id (file name) of an existing glossary entry."))
        ok = False
    if kb.sources and raw["source"] not in kb.sources:
        close = difflib.get_close_matches(raw["source"], list(kb.sources), n=1)
        problems.append(doc.problem(("items", i, "source"), f"the source '{raw['source']}' is not in "
                                    "glossary/sources.yaml.", (f"did you mean '{close[0]}'? " if close else "")
                                    + "use a key from glossary/sources.yaml."))
        ok = False
    ok = _check_kind_fields(doc, i, raw, kb, problems) and ok
    if not ok:
        return None
    line = doc.where(("items", i))[0]
    first = "statement" if raw["kind"] == "true-false" else "situation"
    return QuizItem(raw["id"], raw["kind"], raw.get("answer"), raw["source"], raw["glossary"],
                    {lang: (" ".join(raw[lang][first].split()), " ".join(raw[lang]["explanation"].split()))
                     for lang in LANGS}, doc.file, line, tuple(raw.get("distractors", ())),
                    {lang: tuple(" ".join(c.split()) for c in raw[lang].get("choices", ())) for lang in LANGS})


# Which fields each kind of item uses: (field on the item, field in each language block).
_KIND_FIELDS = {"true-false": ({"answer"}, {"statement"}),
                "scenario": ({"distractors"}, {"situation", "choices"})}


def _check_kind_fields(doc, i: int, raw: dict, kb, problems: list[Problem]) -> bool:
    """Each kind has its own fields; a field of the other kind, or a missing one, is one clear message."""
    problems_before = len(problems)
    kind = raw["kind"]
    own_item, own_lang = _KIND_FIELDS[kind]
    other_item = set().union(*(f for k, (f, _) in _KIND_FIELDS.items() if k != kind)) - own_item
    other_lang = set().union(*(f for k, (_, f) in _KIND_FIELDS.items() if k != kind)) - own_lang
    for name in sorted(other_item & set(raw)):
        problems.append(doc.problem(("items", i, name), f"'{name}' does not belong in a {kind} item.",
                                        f"remove the '{name}' line, or set 'kind' to the kind that uses it."))
    for lang in LANGS:
        for name in sorted(other_lang & set(raw[lang])):
            problems.append(doc.problem(("items", i, lang, name), f"'{name}' does not belong in a {kind} item.",
                                            f"remove it; a {kind} item uses "
                                            + (" and ".join(f"'{f}'" for f in sorted(own_lang))) + "."))
    if kind == "true-false":
        if "answer" not in raw:
            problems.append(doc.problem(("items", i), "a true-false item needs an 'answer'.",
                                            "add 'answer: true', 'answer: false' or 'answer: not-studied'."))
        required = ("statement", "explanation")
    else:
        required = ("situation", "explanation")
        has_choices = [lang for lang in LANGS if raw[lang].get("choices")]
        if "distractors" in raw and has_choices:
            problems.append(doc.problem(("items", i, "distractors"), "this scenario has both 'distractors' "
                                            "and 'choices'.", "keep one: 'distractors' (three glossary ids) for a "
                                            "'which concept?' question, or four 'choices' per language."))
        elif "distractors" not in raw and len(has_choices) != len(LANGS):
            problems.append(doc.problem(("items", i), "a scenario needs either 'distractors' or 'choices' in "
                                            "both languages.", "add 'distractors: [id, id, id]' (three glossary "
                                            "entries students confuse with the answer), or four 'choices' in "
                                            "each language block, the right one first."))
        for j, target in enumerate(raw.get("distractors", [])):
            if target == raw["glossary"]:
                problems.append(doc.problem(("items", i, "distractors", j), f"'{target}' is the right "
                                                "answer, so it cannot also be a distractor.", "name another entry."))
            elif target not in kb.entries and target not in kb.unreadable:
                problems.append(doc.problem(("items", i, "distractors", j), f"'distractors' names '{target}', "
                                                f"but there is no glossary/terms/{target}.yaml.",
                                                _did_you_mean(target, kb.entries)
                                                + "use the id (file name) of an existing glossary entry."))
    for lang in LANGS:
        for key in required:
            if not (raw[lang].get(key) or "").strip():
                problems.append(doc.problem(("items", i, lang, key), f"the {lang} '{key}' is missing or empty.",
                                                "write the text in both languages."))
    return len(problems) == problems_before


def _did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"did you mean '{close[0]}'? " if close else ""


# --------------------------------------------------------------------------- generated questions

@dataclass
class Question:
    """One question in one language, ready for the page (see to_json for the compact form it ships in)."""

    id: str
    kind: str
    lang: str
    prompt: str
    options: list[str]
    answer: int                              # index into options
    explanation: str
    link: str                                # glossary entry id, or TIERS_PAGE
    link_text: str
    stimulus: str = ""                       # the quoted text the prompt is about, if any
    fixed: bool = False                      # keep the options in this order (true / false / not examined)

    @property
    def topic(self) -> str:
        return KIND_TOPIC[self.kind]

    def to_json(self) -> dict:
        data = {"id": self.id, "k": self.kind, "t": self.topic, "q": self.prompt, "o": self.options,
                "a": self.answer, "x": self.explanation, "g": self.link, "gt": self.link_text}
        if self.stimulus:
            data["s"] = self.stimulus
        if self.fixed:
            data["f"] = 1
        return data

    def for_export(self) -> dict:
        """Plain shape for the trainer exports (kb.exports.to_export): the quoted text joins the prompt (and a
        shorter lead-in, where the kind has one, gives a short prompt); a true/false item whose answer is true
        or false becomes a two-option true/false question."""
        prompt = f"{self.prompt} “{self.stimulus}”" if self.stimulus else self.prompt
        short = f"short_{self.kind}"
        short_prompt = f"{_t(short, self.lang)} “{self.stimulus}”" if self.stimulus and short in LABELS else ""
        kind, options = self.kind, list(self.options)
        if self.kind == "true-false":
            if self.answer < 2:
                options = options[:2]
            else:
                kind = "choice"
        return {"id": self.id, "kind": kind, "prompt": prompt, "short_prompt": short_prompt, "options": options,
                "correct": self.answer, "explanation": self.explanation,
                "entry": None if self.link == TIERS_PAGE else self.link, "topic": self.topic}


@dataclass
class Bank:
    """Every question per language, plus what could not be generated and why (for the build log)."""

    questions: dict[str, list[Question]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """{language: {kind: number of questions}}."""
        out: dict[str, dict[str, int]] = {}
        for lang, questions in self.questions.items():
            for q in questions:
                out.setdefault(lang, {}).setdefault(q.kind, 0)
                out[lang][q.kind] += 1
        return out


def build(kb, seed: str = BANK_SEED) -> Bank:
    """The whole bank. Deterministic: the same data and seed give the same questions, options and order."""
    bank = Bank()
    for lang in LANGS:
        skipped: list[str] = []
        questions = (_glossary_questions(kb, lang, seed, skipped) + _tier_questions(kb, lang, seed, skipped)
                     + [_item_question(kb, item, lang, seed) for item in kb.quiz_items])
        bank.questions[lang] = sorted(questions, key=lambda q: q.id)
        if lang == LANGS[0]:
            bank.skipped = skipped
    return bank


def cached(kb, ctx: BuildContext | None = None) -> Bank:
    """The bank of this knowledge base with the default seed, built once per build (pages and exports share it
    through the build's context)."""
    ctx = context(ctx)
    hit = ctx.made.get("bank")
    if hit is None or hit[0] is not kb:
        hit = ctx.made["bank"] = (kb, build(kb))
    return hit[1]


def bank(kb, lang: str, ctx: BuildContext | None = None) -> list[dict]:
    """Every question in `lang` in the plain shape the trainer exports read, in the bank's stable order."""
    return [q.for_export() for q in cached(kb, ctx).questions[lang]]


def _rng(seed: str, question_id: str) -> random.Random:
    return random.Random(f"{seed}|{question_id}")


def _distinct(options: list[str]) -> list[str]:
    """The options without repeats (compared case- and accent-folded), first one kept, order unchanged."""
    seen: dict[str, str] = {}
    for option in options:
        if option:
            seen.setdefault(fold(option), option)
    return list(seen.values())


def _draw(pool: list[str], right: str, rng: random.Random, prefer: list[str] = (),
          exclude: tuple[str, ...] = ()) -> list[str] | None:
    """The right answer plus up to 3 distinct distractors (preferred ones first); None if fewer than 2.

    `pool` is distinct already (see _distinct) and in a fixed order, so a small random sample is enough: a
    category can hold hundreds of entries and this runs once per question."""
    taken = {fold(right)} | {fold(x) for x in exclude}
    chosen: list[str] = []
    sample = rng.sample(pool, min(len(pool), MAX_OPTIONS - 1 + len(taken)))
    for option in list(prefer) + sample:
        key = fold(option) if option else ""
        if key and key not in taken and len(chosen) < MAX_OPTIONS - 1:
            taken.add(key)
            chosen.append(option)
    if len(chosen) < MIN_OPTIONS - 1:
        return None
    return [right] + chosen


def _names(entry, lang: str) -> list[str]:
    text = entry.text[lang]
    return [text.term] + list(text.synonyms) + ([text.abbreviation] if text.abbreviation else [])


def _mask(sentence: str, names: list[str]) -> str:
    """Hide a term (and its synonyms, abbreviation) in its own definition, so the option does not give it away."""
    for name in sorted(names, key=len, reverse=True):
        sentence = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "…", sentence, flags=re.IGNORECASE)
    return sentence


def _short_definition(entry, lang: str) -> str:
    return _mask(first_sentence(entry.text[lang].definition, limit=240), _names(entry, lang))


def _glossary_questions(kb, lang: str, seed: str, skipped: list[str]) -> list[Question]:
    entries = sorted(kb.entries.values(), key=lambda e: e.id)
    short = {e.id: _short_definition(e, lang) for e in entries}
    pools: dict[str, dict[str, list[str]]] = {}       # category -> pool name -> options, in entry-id order
    for e in entries:
        pool = pools.setdefault(e.category, {"term": [], "short": [], "nl": [], "en": []})
        pool["term"].append(e.text[lang].term)
        pool["short"].append(short[e.id])
        pool["nl"].append(e.text["nl"].term)
        pool["en"].append(e.text["en"].term)
    pools = {category: {name: _distinct(options) for name, options in named.items()}
             for category, named in pools.items()}
    questions: list[Question] = []
    for entry in entries:
        pool = pools[entry.category]
        term = entry.text[lang].term
        link_text = capitalise(term)
        full = plain(entry.text[lang].definition)

        def add(kind: str, prompt: str, right: str, options: list[str], explanation: str, stimulus: str = "",
                exclude: tuple[str, ...] = ()):
            qid = f"{kind}:{entry.id}"
            drawn = _draw(options, right, _rng(seed, qid), exclude=exclude)
            if drawn is None:
                skipped.append(f"{qid}: fewer than 2 distinct distractors in category '{entry.category}'")
                return
            questions.append(Question(qid, kind, lang, prompt, drawn, 0, explanation, entry.id, link_text,
                                      stimulus))

        add("definition-term", _t("q_definition_term", lang), term, pool["term"], f"{link_text}: {full}",
            short[entry.id])
        add("term-definition", _t("q_term_definition", lang, term=term), short[entry.id], pool["short"],
            f"{link_text}: {full}")
        nl, en = entry.text["nl"].term, entry.text["en"].term
        if fold(nl) == fold(en):
            skipped.append(f"term-nl-en/term-en-nl:{entry.id}: the term is the same in both languages")
            continue
        explanation = _t("x_translation", lang, nl=nl, en=en)
        add("term-nl-en", _t("q_nl_en", lang, term=nl), en, pool["en"], explanation, exclude=(nl,))
        add("term-en-nl", _t("q_en_nl", lang, term=en), nl, pool["nl"], explanation, exclude=(en,))
    return questions


def _item_question(kb, item: QuizItem, lang: str, seed: str = BANK_SEED) -> Question:
    if item.kind == "scenario":
        return _scenario_question(kb, item, lang, seed)
    statement, explanation = item.text[lang]
    options = [_t(key, lang) for key in TF_LABELS]
    link_text = capitalise(kb.entries[item.glossary].text[lang].term)
    return Question(f"true-false:{item.id}", "true-false", lang, _t("q_true_false", lang), options,
                    TF_ANSWERS.index(item.answer), explanation, item.glossary, link_text, statement, fixed=True)


def _scenario_question(kb, item: QuizItem, lang: str, seed: str) -> Question:
    """A situation -> the concept that applies (options: the entry and its declared distractors, as terms in
    this language) or what a theory predicts (the item's own four choices, the first right)."""
    situation, explanation = item.text[lang]
    if item.distractors:
        right = capitalise(kb.entries[item.glossary].text[lang].term)
        wrong = [capitalise(kb.entries[d].text[lang].term) for d in item.distractors]
    else:
        right, *wrong = item.choices[lang]
    options = [right, *wrong]
    random.Random(f"{seed}:scenario:{item.id}:{lang}").shuffle(options)
    link_text = capitalise(kb.entries[item.glossary].text[lang].term)
    return Question(f"scenario:{item.id}", "scenario", lang, situation, options, options.index(right),
                    explanation, item.glossary, link_text)


# --------------------------------------------------------------------------- tier questions

def format_count(n: int, lang: str) -> str:
    """5000 -> '5.000' (Dutch) or '5,000' (English)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def scheme_label(kb, scheme, lang: str) -> str:
    """How a sentence names a scheme's source: its label in this language, else the citation's author-year."""
    label = getattr(scheme, "label", None)
    if isinstance(label, dict) and label.get(lang):
        return label[lang]
    if isinstance(label, str) and label:
        return label
    source = kb.sources.get(scheme.source)
    if source is None:
        return scheme.source
    head = source.citation.split(").", 1)[0]
    return head + ")" if head != source.citation else source.citation[:60]


def _tier_entries(kb) -> dict:
    """tier id -> the glossary entry that explains it (the first by id, if two claim the same tier)."""
    found: dict = {}
    for entry in sorted(kb.entries.values(), key=lambda e: e.id):
        if entry.tier:
            found.setdefault(entry.tier, entry)
    return found


def _tier_name(tier_entries: dict, tier: str, lang: str) -> str:
    entry = tier_entries.get(tier)
    return entry.text[lang].term if entry else _t(f"tier_{tier}", lang)


def _range_text(r, lang: str) -> str:
    if r.min is not None and r.max is not None:
        return _t("range_between", lang, min=format_count(r.min, lang), max=format_count(r.max, lang))
    if r.min is not None:
        return _t("range_at_least", lang, min=format_count(r.min, lang))
    return _t("range_at_most", lang, max=format_count(r.max, lang))


def _probe(scheme, r, others: list) -> int | None:
    """A round follower count inside `r` that this scheme puts in exactly one tier; the count on which the
    other sources disagree most wins (that is what the question should teach), then the one nearest the
    middle of the range on a log scale."""
    low, high = r.min if r.min is not None else 1, r.max
    if r.hedged:   # a hedged edge is fuzzy: stay well inside it
        low, high = low * 1.5, (high / 1.5 if high is not None else None)
    middle = math.log(low * 3 if high is None else math.sqrt(low * high))
    best, best_key = None, None
    for n in PROBE_COUNTS:
        if n < low or (high is not None and n > high) or scheme.classify(n) != [r.tier]:
            continue
        verdicts = {tuple(o.classify(n)) for o in others} - {(r.tier,)}
        key = (-len(verdicts), abs(math.log(n) - middle), n)
        if best_key is None or key < best_key:
            best, best_key = n, key
    return best


def _tier_questions(kb, lang: str, seed: str, skipped: list[str]) -> list[Question]:
    numeric = [s for s in kb.tier_schemes if s.has_numbers and any(r.min is not None or r.max is not None
                                                                    for r in s.tiers)]
    tier_entries = _tier_entries(kb)
    questions: list[Question] = []
    for scheme in numeric:
        others = [o for o in numeric if o is not scheme]
        label = scheme_label(kb, scheme, lang)
        for r in scheme.tiers:
            if r.min is None and r.max is None:
                continue
            qid = f"tier-source:{scheme.source}:{r.tier}"
            n = _probe(scheme, r, others)
            if n is None:
                skipped.append(f"{qid}: no round follower count falls in this tier only")
                continue
            said_by_others = [t for o in others for t in o.classify(n) if t != r.tier]
            prefer = [_tier_name(tier_entries, t, lang) for t in dict.fromkeys(said_by_others)]
            pool = _distinct([_tier_name(tier_entries, t, lang) for t in TIER_ORDER if t != r.tier])
            right = _tier_name(tier_entries, r.tier, lang)
            options = _draw(pool, right, _rng(seed, qid), prefer)
            count = format_count(n, lang)
            explanation = _t("x_tier_range", lang, source=label, range=_range_text(r, lang), tier=right)
            disagree = [f"{scheme_label(kb, o, lang)}: "
                        + (" / ".join(_tier_name(tier_entries, t, lang) for t in o.classify(n)) or _t("x_tier_no_tier", lang))
                        for o in others if o.classify(n) != [r.tier]]
            explanation += " " + (_t("x_tier_others", lang, n=count, others="; ".join(disagree)) if disagree
                                  else _t("x_tier_agree", lang))
            link = tier_entries[r.tier].id if r.tier in tier_entries else TIERS_PAGE
            questions.append(Question(qid, "tier-source", lang, _t("q_tier", lang, source=label, n=count),
                                      options, 0, explanation, link, capitalise(right)))
    return questions


# --------------------------------------------------------------------------- seeded selection (mirrors quiz.js)

def _hash(text: str) -> int:
    """FNV-1a over UTF-16 code units, 32-bit, as in quiz.js."""
    h = 2166136261
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def _imul(a: int, b: int) -> int:
    return (a * b) & 0xFFFFFFFF


def seeded_random(seed: str):
    """mulberry32 seeded with the FNV-1a hash of `seed`: numbers in [0, 1), identical to quiz.js."""
    state = _hash(seed)

    def next_number() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return next_number


def _shuffle(items: list, rand) -> list:
    for i in range(len(items) - 1, 0, -1):
        j = math.floor(rand() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def select(questions: list[Question], seed: str, n: int, topic: str = "all") -> list[Question]:
    """The seeded set a share link `?seed=…&n=…&topic=…` gives, in the order the page asks it."""
    pool = [q for q in sorted(questions, key=lambda q: q.id) if topic == "all" or q.topic == topic]
    return _shuffle(pool, seeded_random(f"{seed}|{topic}"))[:n]


def option_order(question: Question, seed: str) -> list[int]:
    """The order (indexes into question.options) in which the page shows the options for this seed."""
    order = list(range(len(question.options)))
    return order if question.fixed else _shuffle(order, seeded_random(f"{seed}|{question.id}"))


def write_summary(bank: Bank) -> str:
    """One line per language for the build log: how many questions of each kind."""
    return "; ".join(f"{lang}: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
                     for lang, kinds in bank.counts().items())

