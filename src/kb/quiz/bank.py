"""The quiz's question bank: hand-written items (quiz/*.yaml) plus questions generated from the glossary and
the tier data at build time, so the quiz never drifts from what the site says.

Every choice question has one correct answer and four distinct options whose distractors are the concepts
students confuse with it (kb.quiz.distractors), a stem that does not give the answer away (kb.quiz.giveaway),
an explanation, per wrong option a line saying why it is wrong (for the GIFT export), and the glossary page it
tests. A generated question that fails a rule of kb.quiz.checks is dropped, and the drop is counted. Ids are stable (kind + entry/source/item id), so a student's
saved progress and a trainer's shared link survive a rebuild. `select()` mirrors the page's JavaScript
(`docs/assets/quiz.js`): the same seed gives the same questions, in the same order, in Python and in the browser.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
import math
import random
import re
from dataclasses import dataclass, field

from kb import LANGS
from kb.core import words
from kb.core.context import BuildContext, context
from kb.core.labels import pick
from kb.core.markdown_text import capitalise, first_sentence, plain
from kb.core.data_file import read_data_file
from kb.core.problems import Problem, rel
from kb.quiz import checks, distractors, tier_wording
from kb.quiz.giveaway import content_words, giveaways, near_duplicate, shared

BANK_SEED = "kb-quiz-1"        # fixes the distractors drawn at build time; change it to draw new ones
TOPICS = ("terms", "scenarios", "tiers", "findings")
KIND_TOPIC = {
    "definition-term": "terms", "term-definition": "terms",
    "tier-source": "tiers", "true-false": "findings", "scenario": "scenarios",
}
# Not asked by name or meaning (blind review, December 2026): a case (a shop's campaign, a designer's trial) is
# nothing to recall by its name; a tier's name gives its place on the scale away (nano = the smallest). Both are
# asked about in scenarios and, for tiers, per source in the tier questions.
NOT_ASKED_BY_NAME = ("case", "tier")
# "Wat betekent ‘Commissariaat voor de Media’?" asks for a translation of a body's name, not for what it does (fresh
# blind review, December 2026): a named body or rule is asked the other way only (its description -> which one).
NO_MEANING_QUESTION = ("regulation",)
MAX_OPTIONS = 4
MIN_OPTIONS = checks.MIN_OPTIONS
# The fixed lead-in of each generated kind (labels here or in kb.quiz.tier_wording): never a giveaway word.
LEAD_INS = {"definition-term": ("q_definition_term", "short_definition-term"),
            "term-definition": ("q_term_definition",), "tier-source": ("q_tier",)}
DETERMINERS = {"nl": {"de", "het", "een"}, "en": {"the", "a", "an"}}
TIERS_PAGE = "tiers"           # link key for a tier question whose tier has no glossary entry
# Follower counts a tier question may ask about: round numbers a student meets in the wild.
PROBE_COUNTS = (150, 300, 600, 800, 2_000, 3_000, 4_000, 4_500, 7_500, 9_000, 12_000, 15_000, 20_000, 30_000,
                40_000, 45_000, 60_000, 75_000, 90_000, 150_000, 250_000, 500_000, 1_500_000, 2_000_000, 5_000_000)

LABELS: dict[str, dict[str, str]] = words.section("quiz.bank")   # the words live in kb/core/words/{nl,en}.yaml
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


LEFT_OUT_FILE = "review/left-out.yaml"


def load_left_out(paths, problems: list[Problem]) -> dict[str, tuple[str, str, int]]:
    """quiz/review/left-out.yaml: generated questions a lecturer's review would not use as they are, left out
    in both languages; question id -> (why, file, line)."""
    path = paths.quiz / LEFT_OUT_FILE
    if not path.exists():
        return {}
    doc = read_data_file(path, "left-out.schema.json", paths, problems)
    if doc is None:
        return {}
    found: dict[str, tuple[str, str, int]] = {}
    for i, row in enumerate(doc.data["left_out"]):
        line = doc.where(("left_out", i))[0]
        if row["id"] in found:
            problems.append(doc.problem(("left_out", i, "id"), f"'{row['id']}' is listed twice.",
                                        "keep one line per question."))
        found[row["id"]] = (row["why"], doc.file, line)
    return found


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
    option_ids: list[str] = field(default_factory=list)   # the glossary entry behind each option, "" if none
    feedback: list[str] = field(default_factory=list)     # per option: why it is wrong ("" for the right one)
    origin: str = ""                         # file:line of a hand-written item, "" for a generated question

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
        kind, options, feedback = self.kind, list(self.options), list(self.feedback)
        if self.kind == "true-false":
            if self.answer < 2:
                options, feedback = options[:2], feedback[:2]
            else:
                kind = "choice"
        return {"id": self.id, "kind": kind, "prompt": prompt, "short_prompt": short_prompt, "options": options,
                "correct": self.answer, "explanation": self.explanation,
                "entry": None if self.link == TIERS_PAGE else self.link, "topic": self.topic,
                "feedback": feedback if any(feedback) else []}


@dataclass
class Bank:
    """Every question per language, plus what could not be generated and why (for the build log)."""

    questions: dict[str, list[Question]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    dropped: dict[str, list[str]] = field(default_factory=dict)   # question id -> why (language: rule failed)

    def counts(self) -> dict[str, dict[str, int]]:
        """{language: {kind: number of questions}}."""
        out: dict[str, dict[str, int]] = {}
        for lang, questions in self.questions.items():
            for q in questions:
                out.setdefault(lang, {}).setdefault(q.kind, 0)
                out[lang][q.kind] += 1
        return out


def lead_in_words(kind: str, lang: str) -> set[str]:
    """The folded words of a kind's fixed lead-in: a giveaway check never counts them."""
    keys = LEAD_INS.get(kind, ())
    texts = [pick(LABELS, k, lang) for k in keys if k in LABELS]
    texts += [pick(tier_wording.LABELS, k, lang) for k in keys if k in tier_wording.LABELS]
    return {w for text in texts for w in content_words(re.sub(r"\{\w+\}", " ", text), lang)}


def build(kb, seed: str = BANK_SEED) -> Bank:
    """The whole bank. Deterministic: the same data and seed give the same questions, options and order.

    A generated question that fails a rule of kb.quiz.checks in any language is dropped in every language (ids
    stay the same in both), and the drop is recorded in `Bank.dropped`."""
    bank = Bank()
    generated: dict[str, list[Question]] = {}
    index = distractors.Index(kb)
    for lang in LANGS:
        skipped: list[str] = []
        generated[lang] = (_glossary_questions(kb, index, lang, skipped)
                           + _tier_questions(kb, lang, seed, skipped))
        if lang == LANGS[0]:
            bank.skipped = skipped
    for lang, questions in generated.items():
        for q in questions:
            for rule, what in checks.problems(q, kb, lead_in_words(q.kind, lang)):
                bank.dropped.setdefault(q.id, []).append(f"{lang}: {rule}: {what}")
    everywhere = set.intersection(*({q.id for q in qs} for qs in generated.values()))
    for lang, questions in generated.items():
        for q in questions:
            if q.id not in everywhere:
                bank.dropped.setdefault(q.id, []).append(f"{lang}: only in this language")
    for qid, (why, _, _) in kb.quiz_left_out.items():
        if qid in everywhere:
            bank.dropped.setdefault(qid, []).append(f"left out after review ({LEFT_OUT_FILE}): {why}")
    for lang in LANGS:
        kept = [q for q in generated[lang] if q.id not in bank.dropped]
        items = [_item_question(kb, item, lang, seed) for item in kb.quiz_items]
        bank.questions[lang] = sorted(kept + items, key=lambda q: q.id)
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


# A note for the reader of the term page ("… (onze omschrijving).") that, as a quiz option, only the right answer
# would carry: left out of every option and stem (found in a blind review of the quiz, December 2026).
_OWN_WORDING = re.compile(r"\s*\((?:onze omschrijving|our description)\)(?=[.!?]?$)", re.IGNORECASE)


def _first_sentence(entry, lang: str) -> str:
    """The definition's first sentence as the quiz uses it (options, feedback), without the reader's note."""
    return _OWN_WORDING.sub("", first_sentence(entry.text[lang].definition, limit=240))


# Sentences of a definition that speak about this site or our reasoning, not about the concept: left out of a
# question's explanation, which a student reads straight after answering (blind review, December 2026).
_META = re.compile(r"kennisbank|knowledge base|onze afleiding|our inference|onze toepassing|our application|"
                   r"\bzie (?:de|het|ook)\b|\bsee (?:the|also)\b|machinaal|machine[- ]translat", re.IGNORECASE)
EXPLANATION_SENTENCES = 3


def _explanation(entry, lang: str) -> str:
    """The first few sentences of the definition that are about the concept itself."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9‘“'\"(])", plain(entry.text[lang].definition))
    kept = [x for x in sentences if not _META.search(x)][:EXPLANATION_SENTENCES]
    return _OWN_WORDING.sub("", " ".join(kept))


def _name_pattern(entry, lang: str) -> re.Pattern:
    """The entry's term, synonyms and abbreviation as whole words, longest first (so "parasocial relationship"
    is found before "parasocial")."""
    return _names_regex(tuple(sorted(distractors.names(entry, lang), key=len, reverse=True)))


@lru_cache(maxsize=8192)
def _names_regex(names: tuple[str, ...]) -> re.Pattern:
    """Compiled once per set of names: `re`'s own cache holds 512 patterns, so with 1,000 entries every call
    compiled again (a third of the downloads' time at 1,000 entries, `make bench`)."""
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names) or r"(?!)", re.IGNORECASE)


def definition_without_name(entry, lang: str) -> str:
    """The first sentence with the term, its synonyms and abbreviation replaced by '…': the front of a practice
    card "which term is this?", where the student rates their own answer (the quiz asks none of these)."""
    return _name_pattern(entry, lang).sub("…", _first_sentence(entry, lang))


def _names_itself(entry, sentence: str, lang: str) -> bool:
    """True when the definition's first sentence holds the term, a synonym or the abbreviation: as a question's
    text it would give the answer, and cutting the word out leaves a broken sentence."""
    return bool(_name_pattern(entry, lang).search(sentence))


def _is_this(entry, lang: str) -> str:
    """'Nee: ‘bereik’ is het aantal …' / 'No: ‘reach’ means something else: …' from the entry's first sentence."""
    term = entry.text[lang].term
    sentence = _first_sentence(entry, lang)
    first = sentence.split(" ", 1)[0].casefold()
    if first in DETERMINERS[lang]:
        return _t("f_term_is", lang, term=term, definition=sentence[:1].lower() + sentence[1:])
    return _t("f_term_other", lang, term=term, definition=sentence)


@lru_cache(maxsize=262144)
def _named_in(option: str, stem_text: str, lang: str) -> bool:
    """True when the stem names this option ("between micro and macro" names micro-influencer): a student
    strikes it out at once, so it is no distractor."""
    words = content_words(option, lang)
    return bool(words) and all(shared([w], stem_text, lang) for w in words)


@dataclass
class _Choice:
    """What a glossary question is made of before it becomes a Question."""

    stem: str                                 # the text the giveaway rule reads (stimulus or the term asked)
    right: str
    option_of: object                         # entry -> its text as an option in this question ("" if none)
    feedback_of: object                       # entry -> why that option is wrong


def _choose(index, entry, lang: str, choice: _Choice, lead_in: set[str]):
    """(options, option ids, feedback) with the right option first, or (None, reason).

    The three wrong options are the first of the entry's confusables (kb.quiz.distractors) that are not a
    near-duplicate of an option already taken and not named by the stem. Fewer than three, or a stem that gives
    the answer away, means no question: a blind review (December 2026) rejected filling up with other entries
    of the category (a metric among persons) and masking a word with "…" (a broken sentence) alike."""
    chosen: list = []
    for other in index.candidates(entry):
        text = choice.option_of(other)
        if (not text or near_duplicate(text, choice.right, lang) or _named_in(text, choice.stem, lang)
                or any(near_duplicate(text, t, lang) for _, t in chosen)):
            continue
        chosen.append((other, text))
        if len(chosen) == MAX_OPTIONS - 1:
            break
    if len(chosen) < MAX_OPTIONS - 1:
        return None, f"fewer than {MAX_OPTIONS - 1} confusables in glossary/confusables.yaml"
    options = [choice.right] + [t for _, t in chosen]
    found = giveaways(choice.stem, options[0], options[1:], lang, lead_in)
    if found:
        return None, f"the stem gives the answer away ({', '.join(found)})"
    ids = [entry.id] + [o.id for o, _ in chosen]
    feedback = [""] + [choice.feedback_of(o) for o, _ in chosen]
    return (options, ids, feedback), ""


def _glossary_questions(kb, index, lang: str, skipped: list[str]) -> list[Question]:
    entries = index.everyone
    short = {e.id: _first_sentence(e, lang) for e in entries}
    questions: list[Question] = []
    for entry in entries:
        if entry.category in NOT_ASKED_BY_NAME or entry.id in kb.plain_words:
            why = ("its name says what it means (plain_words in glossary/confusables.yaml)"
                   if entry.id in kb.plain_words else f"a {entry.category} is not asked by name")
            skipped.append(f"definition-term/term-definition:{entry.id}: {why}")
            continue
        term = entry.text[lang].term
        link_text = capitalise(term)
        explanation = f"{link_text}: {_explanation(entry, lang)}"

        def add(kind: str, prompt: str, choice: _Choice, stimulus: str = ""):
            qid = f"{kind}:{entry.id}"
            if _names_itself(entry, short[entry.id], lang):
                skipped.append(f"{qid}: the definition's first sentence names the term itself")
                return
            made, why = _choose(index, entry, lang, choice, lead_in_words(kind, lang))
            if made is None:
                skipped.append(f"{qid}: {why}")
                return
            options, ids, feedback = made
            questions.append(Question(qid, kind, lang, prompt, options, 0, explanation, entry.id, link_text,
                                      stimulus, option_ids=ids, feedback=feedback))

        add("definition-term", _t("q_definition_term", lang),
            _Choice(short[entry.id], term, lambda o: o.text[lang].term, lambda o: _is_this(o, lang)),
            stimulus=short[entry.id])
        if entry.category in NO_MEANING_QUESTION:
            skipped.append(f"term-definition:{entry.id}: a named body or rule is asked by its description only")
            continue
        add("term-definition", _t("q_term_definition", lang, term=term),
            _Choice(term, short[entry.id], lambda o: short[o.id],
                    lambda o: _t("f_describes", lang, term=o.text[lang].term)))
    return questions


def _item_question(kb, item: QuizItem, lang: str, seed: str = BANK_SEED) -> Question:
    if item.kind == "scenario":
        return _scenario_question(kb, item, lang, seed)
    statement, explanation = item.text[lang]
    options = [_t(key, lang) for key in TF_LABELS]
    link_text = capitalise(kb.entries[item.glossary].text[lang].term)
    return Question(f"true-false:{item.id}", "true-false", lang, _t("q_true_false", lang), options,
                    TF_ANSWERS.index(item.answer), explanation, item.glossary, link_text, statement, fixed=True,
                    origin=f"{item.file}:{item.line}")


def _scenario_question(kb, item: QuizItem, lang: str, seed: str) -> Question:
    """A situation -> the concept that applies (options: the entry and its declared distractors, as terms in
    this language) or what a theory predicts (the item's own four choices, the first right)."""
    situation, explanation = item.text[lang]
    if item.distractors:
        ids = [item.glossary, *item.distractors]
        texts = [capitalise(kb.entries[i].text[lang].term) for i in ids]
        notes = [""] + [_is_this(kb.entries[i], lang) for i in item.distractors]
    else:
        texts = list(item.choices[lang])
        ids, notes = [""] * len(texts), [""] * len(texts)
    order = list(range(len(texts)))
    random.Random(f"{seed}:scenario:{item.id}:{lang}").shuffle(order)
    options = [texts[i] for i in order]
    link_text = capitalise(kb.entries[item.glossary].text[lang].term)
    return Question(f"scenario:{item.id}", "scenario", lang, situation, options, order.index(0),
                    explanation, item.glossary, link_text, option_ids=[ids[i] for i in order],
                    feedback=[notes[i] for i in order], origin=f"{item.file}:{item.line}")


# --------------------------------------------------------------------------- tier questions

def _tier_entries(kb) -> dict:
    """tier id -> the glossary entry that explains it (the first by id, if two claim the same tier)."""
    found: dict = {}
    for entry in sorted(kb.entries.values(), key=lambda e: e.id):
        if entry.tier:
            found.setdefault(entry.tier, entry)
    return found


def _probe(scheme, r, others: list) -> tuple[int, set[str]] | None:
    """A round follower count inside `r` that this scheme puts in exactly one tier and at least one other source
    puts in another tier (where every source agrees, the question tests nothing a general sense of size does
    not give: a blind review rejected "800 followers"); the count with the most other tiers wins (that is what
    the question should teach), then the one nearest an edge of the range on a log scale (4,500 followers asks
    more than 2,000 of a source whose nano tier ends at 5,000: the next tier is a real lure). Returns the count
    and the tiers the other sources put it in."""
    low, high = r.min if r.min is not None else 1, r.max
    if r.hedged:   # a hedged edge is fuzzy: stay well inside it
        low, high = low * 1.5, (high / 1.5 if high is not None else None)
    edges = [math.log(e) for e in (r.min, r.max) if e]
    fuzzy = [e for o in scheme.tiers if o.hedged for e in (o.min, o.max) if e]   # "zo'n 5.000": arguable near it
    best, best_key = None, None
    for n in PROBE_COUNTS:
        if n < low or (high is not None and n > high) or scheme.classify(n) != [r.tier]:
            continue
        if any(e / 1.5 <= n <= e * 1.5 for e in fuzzy):
            continue
        verdicts = {tuple(o.classify(n)) for o in others} - {(r.tier,)}
        elsewhere = {t for v in verdicts for t in v} - {r.tier}
        if not elsewhere:
            continue
        key = (-len(elsewhere), -len(verdicts), min(abs(math.log(n) - e) for e in edges) if edges else 0, n)
        if best_key is None or key < best_key:
            best, best_key = (n, elsewhere), key
    return best


def _tier_questions(kb, lang: str, seed: str, skipped: list[str]) -> list[Question]:
    """Per source and tier: 'According to <source>, an account with <n> followers counts as a(n) …'. A source
    that defines a single tier gets none (its question could have only one answer), nor does one marked
    `in_quiz: false` (it still speaks in the explanations: "and the other sources on <n> followers …")."""
    numeric = [s for s in kb.tier_schemes if s.has_numbers and any(r.has_numbers for r in s.tiers)]
    tier_entries = _tier_entries(kb)

    def name(tier: str, lg: str) -> str:
        entry = tier_entries.get(tier)
        return entry.text[lg].term if entry else _t(f"tier_{tier}", lg)

    questions: list[Question] = []
    for scheme in numeric:
        others = [o for o in numeric if o is not scheme]
        if not scheme.in_quiz:
            skipped.append(f"tier-source:{scheme.source}: 'in_quiz: false' in glossary/tiers.yaml")
            continue
        defined = tier_wording.defined_tiers(scheme)
        for r in scheme.tiers:
            if not r.has_numbers:
                continue
            qid = f"tier-source:{scheme.source}:{r.tier}"
            if len(defined) < 2:
                skipped.append(f"{qid}: the source defines only one tier, so the question has one possible answer")
                continue
            probe = _probe(scheme, r, others)
            if probe is None:
                skipped.append(f"{qid}: no round follower count falls in this tier only and in another tier "
                               "elsewhere")
                continue
            n, elsewhere = probe
            entry = tier_entries.get(r.tier)
            tiers = [r.tier, *distractors.tier_candidates(r.tier, defined, elsewhere)[:MAX_OPTIONS - 1]]
            options = [name(t, lang) for t in tiers]
            feedback = ["" if t == r.tier else tier_wording.feedback(kb, scheme, t, name, lang) for t in tiers]
            ids = [tier_entries[t].id if t in tier_entries else "" for t in tiers]
            explanation = tier_wording.explanation(kb, scheme, r, n, others, name, lang)
            link = entry.id if entry else TIERS_PAGE
            questions.append(Question(qid, "tier-source", lang, tier_wording.stem(kb, scheme, n, lang),
                                      options, 0, explanation, link,
                                      capitalise(name(r.tier, lang)), option_ids=ids, feedback=feedback))
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

