"""Search keys for the term pages: what a reader types finds the page, and the page's own name ranks it first.

How Material for MkDocs searches (its worker, `material/templates/assets/javascripts/workers/search.*.js`,
and lunr inside it): every word of the query becomes a clause with a trailing wildcard ("parasociaal*"),
matched as a prefix against the words of the index, *unstemmed* (lunr runs no pipeline on wildcard terms, and
Material's configuration keeps only the stop-word filter; the Dutch stemmer of lunr-languages is loaded but
removed). The words before a hyphen are exact clauses ("micro-influencer": "micro", "influencer*"). A page
scores, per field, idf x field boost x 2.2 n / (1.2 + n) for every index word that matches (n: how often the
word is in the field; no length normalisation, `b(0)`), summed, then x5 for a page against x2 for a section.
So "parasociaal" found nothing (the pages say "parasociale"), and "influencer" ranked *Influencerniveau*
above *Influencer*: a rare word that only starts with the query has a higher idf than the common exact one.

What we add (kb.engines.mkdocs.search writes it into each language's index after the build): for each term
page, fields that Material's worker indexes like any other in `config.fields` but never shows. They hold the
page's term, synonyms and abbreviation written as one word ("microinfluencer", "parasocialeinteractie") and
the words of each ("parasociale", "interactie"), in the forms kb.glossary.word_forms generates
("parasociaal", "microinfluencers", "homofiel"). Each key ends in "_" and the page's number, so no two pages
or prose words share a key: its idf is that of a word on one page, the same for every key, and its weight
alone ranks it. Weights (LEVELS):

  A  a form of the term, or one of its words                                1.7
  B  a synonym's or the abbreviation's; a part of a compound of the term     1.58
  C  a name made of two other entries' names ("celebrity-influencer")        1.51
  D  the term, when it starts with another entry's name ("influencerniveau") 0.5
  E  such a synonym; F, G: a word that is another entry's name, of the term  0.41, 0.30, 0.21
     or of a synonym ("influencer" in "micro-influencer"); H  0.15

So the exact name wins ("influencer": *Influencer* 1.7, *Influencerniveau* 0.5), and a longer name wins as
soon as its other words are typed ("influencer tier": 0.5 + 1.58). Within a page, a key that is a prefix of a
longer key is dropped (the longer one matches every query the shorter one does and keeps the higher weight),
and for every word a reader may type the keys under it are scaled to add up to their best one (`_cap`: lunr
would add them up). A word before a hyphen is also a bare key ("micro", no suffix) for the exact clause; it
shares its idf with the prose, so its repetitions are chosen from that idf (`fields`). Weights are stored as
a few fields and repetitions (`FIELDS`, `PALETTE`): each field costs the worker time per document and per
query word. Keys outweigh any title (boost 1,000), so a term page's name ranks above a prose page; ties
between two term pages (both "parasociaal") fall back to Material's own ranking. `rank` is the same
arithmetic in Python, for the tests.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from kb.glossary.word_forms import STOPWORDS, part_forms, phrase_forms, word_forms, words

UNIT = 1e7                      # key boost per weight unit: 1.7 x 1e7 x idf dwarfs a title (1e3 x idf x 2.2)
# How a weight is stored: a field and how often the key is repeated in it. lunr weighs a key that occurs n
# times in a field by 2.2 n / (1.2 + n) (k1 = 1.2, no length normalisation), times the field's boost. Every
# field costs the worker time for every document and every query word (one field per weight made the index
# build 2-3 times slower in Chromium), so a few fields and repetitions make the whole palette.
FIELDS = {"kb_a": 1.7 / 1.6923, "kb_b": 1.1, "kb_c": 0.66, "kb_d": 0.56, "kb_e": 0.5 / 1.6923, "kb_f": 0.15,
          "kb_t": 0.01}
_REPEATS = {"kb_a": 4, "kb_b": 2, "kb_c": 4, "kb_d": 4, "kb_e": 4, "kb_f": 4, "kb_t": 1}
BARE_FIELDS = {"kb_x": 1.0, "kb_y": 1.19}     # x the index's lowest bare boost (see `fields`), up to 12 times


def _sat(repeat: int) -> float:
    return 2.2 * repeat / (1.2 + repeat)


PALETTE = sorted((FIELDS[f] * _sat(n), f, n) for f in FIELDS for n in range(1, _REPEATS[f] + 1))
BARE_PALETTE = sorted((BARE_FIELDS[f] * _sat(n), f, n) for f in BARE_FIELDS for n in range(1, 13))
_V = {(f, n): v for v, f, n in PALETTE}
LEVELS = {"A": _V["kb_a", 4], "B": _V["kb_a", 3], "C": _V["kb_b", 2], "D": _V["kb_e", 4], "E": _V["kb_e", 2],
          "F": _V["kb_e", 1], "G": _V["kb_f", 2], "H": _V["kb_f", 1], "BARE": 1.43, "TRACE": 0.01}
_SUFFIX = "\x00"                  # marks a bare key while weights are computed


@dataclass(frozen=True)
class Phrase:
    text: str
    own_term: bool              # the entry's term (True) or a synonym / the abbreviation (False)
    lang: str                   # the language whose word forms apply ("brand ambassador" on a Dutch page: en)


def _level(kind: str, own_term: bool) -> str:
    return {("clean", True): "A", ("clean", False): "B", ("combination", True): "B",
            ("combination", False): "C", ("demoted", True): "D", ("demoted", False): "E",
            ("part_conflict", True): "F", ("part_conflict", False): "G"}[(kind, own_term)]


def page_keys(pages: dict[str, list[Phrase]], lang: str) -> dict[str, dict[str, float]]:
    """{page id: [phrases]} -> {page id: {key: weight}} for one language; `fields` writes them."""
    vocabulary = {w for phrases in pages.values() for p in phrases for w in p.text.casefold().split()
                  if len(w) >= 4 and "-" not in w}
    wholes = {pid: {f: p.own_term for p in phrases for f in phrase_forms(p.text, p.lang)}
              for pid, phrases in pages.items()}
    owners: dict[str, set[str]] = {}
    for pid, forms in wholes.items():
        for form in forms:
            owners.setdefault(form, set()).add(pid)
    all_forms = set(owners)

    leading: dict[str, set[str]] = {}       # the first word of each name of more than one word: its pages
    for pid, phrases in pages.items():
        for p in phrases:
            ws = words(p.text)
            if len(ws) > 1:
                leading.setdefault(ws[0], set()).add(pid)

    def starts_other(pid: str, part: str) -> bool:
        """The word is the first word of another entry's name ("persuasion" of "persuasion knowledge")."""
        return bool(leading.get(part, set()) - {pid})

    def others_prefix(pid: str, token: str, strict: bool) -> str | None:
        """The longest other entry's name that `token` starts with (strictly longer if `strict`)."""
        for cut in range(len(token) - (1 if strict else 0), 1, -1):
            head = token[:cut]
            if head in owners and owners[head] - {pid}:
                return head
        return None

    collapsed: dict[str, dict[str, float]] = {}
    typed: set[str] = set()             # every key of every page, before dropping prefixes: words one types
    for pid, phrases in sorted(pages.items()):
        weights: dict[str, float] = {}

        def put(token: str, level: str) -> None:
            weights[token] = max(weights.get(token, 0.0), LEVELS[level])

        for phrase in phrases:
            for form in phrase_forms(phrase.text, phrase.lang):
                head = others_prefix(pid, form, strict=True)
                if head is None:
                    kind = "clean"
                else:
                    rest = form[len(head):]
                    kind = "combination" if (rest in all_forms or rest[1:] in all_forms and rest[0] == "s") \
                        else "demoted"
                put(form, _level(kind, phrase.own_term))
            vocab = vocabulary - set(words(phrase.text))
            compound_parts = part_forms(phrase.text, phrase.lang, vocab) - part_forms(phrase.text, phrase.lang)
            heads = hyphen_heads(phrase.text)
            inner = {f for w in heads[1:] for f in word_forms(w, phrase.lang, last=False)}
            for part in part_forms(phrase.text, phrase.lang, vocab) | set(heads):
                conflict = part not in STOPWORDS[phrase.lang] and (others_prefix(pid, part, strict=False)
                                                                   or starts_other(pid, part))
                level = _level("part_conflict" if conflict else "clean", phrase.own_term)
                if part in compound_parts and level in ("A", "B"):      # "sociale" of "parasociale" counts
                    level = "B" if level == "A" else "C"                # a little less than a word of its own
                if part in inner and level in ("A", "B"):                # "tier" of "mid-tier-influencer"
                    level = "C"
                put(part, level)
                if part in heads:           # "micro" of "micro-influencer"; a later one ("tier") counts little
                    put(part + _SUFFIX, "BARE" if part == heads[0] else "TRACE")
        typed |= set(weights)
        collapsed[pid] = _collapse(weights)
    typed = {w for w in typed if len(w) >= 3}
    out = {}
    for number, (pid, weights) in enumerate(sorted(collapsed.items())):
        capped = _cap(weights, typed)
        out[pid] = {(t[:-1] if t.endswith(_SUFFIX) else t + _suffix(number)): w for t, w in capped.items()}
    return _settle(out, {pid: [p.text for p in phrases] for pid, phrases in pages.items()})


def name_queries(names: list[str]) -> set[str]:
    """The queries a page's names are typed as: each name, and with spaces for its hyphens."""
    return {q for name in names for q in (name, name.replace("-", " "))}


def first(ranked: list[tuple[str, float]], pid: str) -> bool:
    """`pid` ranks first and alone (a tie falls back to Material's own ranking: not ours to count on)."""
    return bool(ranked) and ranked[0][0] == pid and (len(ranked) == 1 or ranked[1][1] < ranked[0][1])


def _settle(keys: dict[str, dict[str, float]], names: dict[str, list[str]], rounds: int = 12):
    """The levels are rules of thumb; a name they leave second (a name inside a longer one: "nano-influencer"
    in the Rotterdam case entries, "persuasion knowledge" in the conceptual/attitudinal entry; one that starts
    with another entry's synonym: "source credibility model") is settled one stored weight at a time: the keys
    its query matches on its own page go up, or else those of the page ranked above it go down. A step is kept
    only if no name that ranked first loses its place. Pages whose names all rank first are never touched.
    A step changes weights only, never which keys a query matches, so after a step on a page only the queries
    that match that page are ranked again (ranking every query after every step made 500 entries take minutes)."""
    queries = [(pid, q) for pid in sorted(names) for q in sorted(name_queries(names[pid]))]
    ranker = _Ranker(keys)
    touching: dict[str, set[tuple[str, str]]] = {}      # page -> the (page, query) pairs whose query matches it
    for pid, q in queries:
        for page in ranker.pages(q):
            touching.setdefault(page, set()).add((pid, q))

    def missing(pairs) -> set[tuple[str, str]]:
        return {(pid, q) for pid, q in pairs if not ranker.leads(q, pid)}

    steps = sorted({v for v, _, _ in PALETTE})

    def step(page: str, query: str, direction: int) -> dict[str, float] | None:
        """The page's keys with those `query` matches one stored weight up (1) or down (-1); None: no room."""
        weights = dict(keys[page])
        for token in weights:
            if "_" in token and _matches(token.rsplit("_", 1)[0], query):
                now = stored_weight(token, weights[token])
                nxt = [v for v in steps if (v - now) * direction > now * 1e-4]
                if nxt:
                    weights[token] = nxt[0] if direction > 0 else nxt[-1]
        return None if weights == keys[page] else weights

    missed = missing(queries)
    for _round in range(rounds):
        moved = False
        for pid, query in sorted(missed):
            if (pid, query) not in missed:
                continue
            ranked = ranker.rank(query)
            own = dict(ranked).get(pid, 0.0)
            tries = [(pid, 1)] + [(other, -1) for other, score in ranked if other != pid and score >= own]
            for page, direction in tries:
                changed = step(page, query, direction)
                if changed is None:
                    continue
                kept, keys[page] = keys[page], changed
                affected = touching.get(page, set())
                now = (missed - affected) | missing(affected)
                if now - missed:
                    keys[page] = kept             # it would cost another name its place
                else:
                    missed, moved = now, True
                    break
        if not missed or not moved:
            break
    return keys


def _matches(word: str, query: str) -> bool:
    return any(word.startswith(c) if prefix else word == c for c, prefix in clauses(query))


def hyphen_heads(name: str) -> list[str]:
    """Material turns the query "micro-influencer" into an exact clause "micro" and a prefix clause
    "influencer*": the words before a hyphen in a name must also be keys exactly as typed (no suffix).
    Stopwords are left out (lunr drops them: "all" of "all-star")."""
    heads = []
    for word in name.casefold().split():
        heads += [w for w in word.split("-")[:-1] if w and w not in STOPWORDS["en"] | STOPWORDS["nl"]]
    return heads


def _collapse(weights: dict[str, float]) -> dict[str, float]:
    """Drop a key that is a prefix of a longer key of the same page; the shortest such longer key keeps the
    higher weight, so the query that matched the short key scores as before."""
    kept: dict[str, float] = {}
    for token in sorted(weights, key=lambda t: (-len(t), t)):
        longer = [k for k in kept if k.startswith(token) and not k.endswith(_SUFFIX)]
        if longer:
            target = min(longer, key=lambda k: (len(k), k))
            kept[target] = max(kept[target], weights[token])
        else:
            kept[token] = weights[token]
    return kept


def _cap(weights: dict[str, float], words_typed: set[str]) -> dict[str, float]:
    """Lunr adds up every key a query word is a prefix of: a page with the keys "brandpartnerships" and
    "brandcollaborations" would score twice for "brand". For every word a reader may type (any entry's key),
    longest first, the page's keys under it are scaled down together until they add up to their best one.
    A bare key keeps its weight (it is there for the exact clause); the others share what is left."""
    out = dict(weights)
    prefixes = {t[:n] for t in weights for n in range(1, len(t) + 1)}
    for word in sorted(words_typed & prefixes, key=lambda w: (-len(w), w)):   # words with no key under them: no-op
        under = [t for t in out if t.startswith(word)]
        if len(under) > 1:
            best = max(weights[t] for t in under)
            fixed = sum(out[t] for t in under if t.endswith(_SUFFIX))
            scaled = [t for t in under if not t.endswith(_SUFFIX)]
            total = sum(out[t] for t in scaled)
            room = max(best - fixed, LEVELS["TRACE"])
            if total > room and room / len(scaled) < LEVELS["H"]:    # too little to share: the best one keeps it
                first = min(scaled, key=lambda t: (-out[t], len(t), t))
                for t in scaled:
                    out[t] = _nearest(room) if t == first else LEVELS["TRACE"]
            elif total > room:
                for t in scaled:            # to the nearest weight that can be stored
                    out[t] = _nearest(out[t] * room / total)
    return out


def _nearest(weight: float) -> float:
    if weight < LEVELS["H"]:
        return LEVELS["TRACE"]
    return min((v for v, _, _ in PALETTE), key=lambda v: abs(math.log(v / weight)))


def _suffix(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return "_" + text


@lru_cache(maxsize=None)
def _stored(weight: float) -> tuple[str, int]:
    """(field, repetitions) for a suffixed key's weight: the nearest the palette has."""
    _, field, repeat = min(PALETTE, key=lambda p: abs(math.log(p[0] / weight)))
    return field, repeat


def stored_weight(token: str, weight: float) -> float:
    """The weight as stored (a bare key's repetitions make up for its idf: taken as exact)."""
    if "_" not in token:
        return weight
    field, repeat = _stored(weight)
    return FIELDS[field] * _sat(repeat)


def fields(keys: dict[str, dict[str, float]], idf) -> tuple[dict[str, dict[str, str]], dict[str, dict]]:
    """{page: {key: weight}} -> ({page: {field: keys}}, the fields for `config.fields`). `idf(key)` is lunr's
    idf in this index (kb.engines.mkdocs.search.lunr_idf), `idf(None)` that of a word on one page only. A
    bare key shares its idf with the prose, so it is stored to score weight x idf(None) / idf(key) x boost:
    the bare fields' boost is set for this index, the repetitions give each key its own factor."""
    wanted = {t: w * idf(None) / idf(t) for weights in keys.values() for t, w in weights.items()
              if "_" not in t and w >= LEVELS["H"]}           # a trace needs no care
    base = min(wanted.values(), default=1.0)
    out = {}
    for pid, weights in keys.items():
        by_field: dict[str, list[str]] = {}
        for token, weight in sorted(weights.items()):
            if "_" in token or token not in wanted:
                field, repeat = _stored(weight)
            else:
                _, field, repeat = min(BARE_PALETTE, key=lambda p: abs(math.log(p[0] * base / wanted[token])))
            by_field.setdefault(field, []).extend([token] * repeat)
        out[pid] = {name: " ".join(tokens) for name, tokens in sorted(by_field.items())}
    used = {name for page in out.values() for name in page}
    boosts = {**FIELDS, **{name: b * base for name, b in BARE_FIELDS.items()}}
    return out, {name: {"boost": round(boost * UNIT)} for name, boost in boosts.items() if name in used}


def clauses(query: str) -> list[tuple[str, bool]]:
    """(word, prefix?) as Material's worker searches them: every word is a prefix, except the words before a
    hyphen ("micro-influencer": "micro" exact, "influencer" prefix)."""
    out = []
    for part in query.casefold().replace("\u2019", "'").split():
        pieces = [p for p in part.split("-") if p]
        out += [(p, i == len(pieces) - 1) for i, p in enumerate(pieces)]
    return out


def rank(keys: dict[str, dict[str, float]], query: str) -> list[tuple[str, float]]:
    """Pages by their key score for `query`, as Material's worker computes it (the idf of a bare key taken
    as that of a suffixed one). Pages without a matching key are not listed."""
    return _Ranker(keys).rank(query)


class _Ranker:
    """`rank` for many queries over the same keys: which keys each query matches is looked up once (an index
    of the key words, sorted for the prefix clauses); the weights are read afresh at every ranking, so a
    change of weights in `keys` counts at once."""

    def __init__(self, keys: dict[str, dict[str, float]]):
        self.keys = keys
        self.postings: dict[str, list[tuple[str, str]]] = {}
        for pid, weights in keys.items():
            for token in weights:
                self.postings.setdefault(token.rsplit("_", 1)[0], []).append((pid, token))
        self.vocabulary = sorted(self.postings)
        self._hits: dict[str, dict[tuple[str, str], int]] = {}

    def hits(self, query: str) -> dict[tuple[str, str], int]:
        """(page, key) -> how many of the query's clauses the key matches."""
        if query not in self._hits:
            counts: dict[tuple[str, str], int] = {}
            for clause, prefix in clauses(query):
                if prefix:
                    words = []
                    i = bisect_left(self.vocabulary, clause)
                    while i < len(self.vocabulary) and self.vocabulary[i].startswith(clause):
                        words.append(self.vocabulary[i])
                        i += 1
                else:
                    words = [clause] if clause in self.postings else []
                for word in words:
                    for hit in self.postings[word]:
                        counts[hit] = counts.get(hit, 0) + 1
            self._hits[query] = counts
        return self._hits[query]

    def pages(self, query: str) -> set[str]:
        return {pid for pid, _ in self.hits(query)}

    def scores(self, query: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        for (pid, token), n in self.hits(query).items():
            scores[pid] = scores.get(pid, 0.0) + stored_weight(token, self.keys[pid][token]) * n   # as stored
        return scores

    def rank(self, query: str) -> list[tuple[str, float]]:
        return sorted(((pid, round(s, 6)) for pid, s in self.scores(query).items() if s), key=lambda s: (-s[1], s[0]))

    def leads(self, query: str, pid: str) -> bool:
        """`first(self.rank(query), pid)` without sorting every page the query matches (it is asked for every
        name, and again after every step: sorting made this half of the search keys' time at 1,000 entries)."""
        scores = self.scores(query)
        own = round(scores.get(pid, 0.0), 6)
        return bool(own) and all(round(s, 6) < own for other, s in scores.items() if other != pid)


def entry_phrases(entry, lang: str) -> list[Phrase]:
    """An entry's term, synonyms and abbreviation in `lang`. On a Dutch page, a name that is also one of the
    English names ("brand ambassador") gets the English word forms."""
    text = entry.text[lang]
    english = {n.casefold() for n in _names(entry.text["en"])} if lang != "en" and "en" in entry.text else set()

    def phrase(name: str, own_term: bool) -> Phrase:
        return Phrase(name, own_term, "en" if name.casefold() in english else lang)

    return [phrase(text.term, True)] + [phrase(n, False) for n in _names(text)[1:]]


def _names(text) -> list[str]:
    return [text.term, *text.synonyms, *([text.abbreviation] if text.abbreviation else [])]
