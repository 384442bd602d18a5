"""The glossary: its model (entries, sources, the KnowledgeBase), loading and cross-checking the entries.

The whole knowledge base (glossary, tiers, quiz items, pages) is loaded by kb.site.load.

Order of checks: strict YAML -> JSON Schema -> text safety -> cross-references (ids, sources, terms).
A file that fails an earlier step is left out of the later ones, so one typo gives one message.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from kb import LANGS
from kb.core.collation import fold
from kb.core.data_file import Paths, read_data_file  # noqa: F401 - Paths: also used from here
from kb.core.problems import Problem, rel
from kb.core.strict_yaml import Document
from kb.glossary import links

LANG_NAMES = {"nl": "Dutch", "en": "English"}


@dataclass
class LangText:
    term: str
    definition: str
    abbreviation: str | None = None
    synonyms: list[str] = field(default_factory=list)
    example: str | None = None


@dataclass
class Entry:
    id: str
    category: str
    related: list[str]
    sources: list[tuple[str, str]]          # (source key, locator)
    text: dict[str, LangText]               # language -> text
    tier: str | None = None
    translation: dict[str, str] = field(default_factory=dict)
    doc: Document | None = None


@dataclass
class Source:
    key: str
    kind: str
    citation: str
    summary: dict[str, str]
    seed: str | None = None
    url: str | None = None
    note: dict[str, str] = field(default_factory=dict)    # language -> remark on the reference itself
    citations: dict[str, str] = field(default_factory=dict)   # language -> citation that replaces `citation`

    def cite(self, lang: str) -> str:
        """The reference as a reader of `lang` sees it: the shared citation, unless that language block gives
        its own (our words in it, such as 'n.d.'/'z.d.' or a bracketed description, are in the reader's language)."""
        return self.citations.get(lang, self.citation)


@dataclass
class KnowledgeBase:
    root: Path
    entries: dict[str, Entry]
    sources: dict[str, Source]
    tier_schemes: list = field(default_factory=list)    # filled by kb.tiers
    quiz_items: list = field(default_factory=list)      # filled by kb.quiz_bank
    quiz_left_out: dict = field(default_factory=dict)   # question id -> (why, file, line): quiz/review/left-out.yaml
    unreadable: set[str] = field(default_factory=set)   # ids whose file exists but has problems of its own
    confusable: list[tuple[str, ...]] = field(default_factory=list)   # glossary/confusables.yaml
    also_right: list[tuple[str, ...]] = field(default_factory=list)
    plain_words: set[str] = field(default_factory=set)  # not asked by name: the name says what it means
    drafts: list[tuple[str, int]] = field(default_factory=list)   # (file, placeholders left): see load(drafts=)
    # orders and indexes asked for on every page (A-Z neighbours, the map's back links), worked out once per
    # set of entries: at 1,000 entries, once per page made the build quadratic (`make bench`)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def _once(self, name: str, make):
        key = (name, id(self.entries), len(self.entries))
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def confused_with(self, entry_id: str) -> list[str]:
        """Entries students mix up with this one, in file order (the quiz's first distractors)."""
        def make():
            found: dict[str, dict[str, None]] = {}
            for group in self.confusable:
                for member in group:
                    found.setdefault(member, {}).update((i, None) for i in group if i != member)
            return found
        return list(self._once(f"confused-{len(self.confusable)}", make).get(entry_id, ()))

    def also_right_for(self, entry_id: str) -> set[str]:
        """Entries that must never be a wrong option for this one."""
        return {i for g in self.also_right if entry_id in g for i in g if i != entry_id}

    def sorted_entries(self, lang: str) -> list[Entry]:
        """Entries in the order a reader of `lang` expects in an A-Z list."""
        return list(self._once(f"sorted-{lang}", lambda: sorted(self.entries.values(),
                                                                 key=lambda e: (fold(e.text[lang].term), e.id))))

    def az_position(self, lang: str, entry_id: str) -> int:
        """Where the entry stands in `sorted_entries(lang)` (a term page's previous and next)."""
        return self._once(f"az-position-{lang}", lambda: {e.id: n for n, e in enumerate(self.sorted_entries(lang))})[
            entry_id]

    def referenced_by(self) -> dict[str, list[str]]:
        """entry id -> ids of the entries whose `related` names it (in file order)."""
        def make():
            found: dict[str, list[str]] = {}
            for e in self.entries.values():
                for r in e.related:
                    found.setdefault(r, []).append(e.id)
            return found
        return self._once("referenced-by", make)


def load_glossary(paths: Paths, problems: list[Problem], drafts: bool = False) -> KnowledgeBase:
    """Bibliography and entries only, with their problems appended; tools that need no tier or quiz data
    (and must still work when those are broken) start here."""
    sources, sources_doc = _load_sources(paths, problems)
    unreadable: set[str] = set()
    found_drafts: list[tuple[str, int]] | None = [] if drafts else None
    entries = _load_entries(paths, sources, problems, unreadable, found_drafts)
    kb = KnowledgeBase(paths.root, entries, sources, unreadable=unreadable, drafts=found_drafts or [])
    _load_confusables(paths, kb, problems)
    known = links.pages(paths.root / "docs", set(entries) | unreadable, ("glossary", "sources"))
    for entry in entries.values():
        problems.extend(links.check(entry.doc, "glossary", known))
    if sources_doc is not None:
        problems.extend(links.check(sources_doc, "sources", known))
    return kb


def _load_confusables(paths: Paths, kb: KnowledgeBase, problems: list[Problem]) -> None:
    """glossary/confusables.yaml (optional): groups of entry ids for the quiz's distractors."""
    path = paths.glossary / "confusables.yaml"
    if not path.exists():
        return
    doc = read_data_file(path, "confusables.schema.json", paths, problems)
    if doc is None:
        return
    named = [((field_name, g, i), target) for field_name in ("confusable", "also_right")
             for g, group in enumerate(doc.data[field_name]) for i, target in enumerate(group)]
    named += [(("plain_words", i), target) for i, target in enumerate(doc.data.get("plain_words", []))]
    for where, target in named:
        if target not in kb.entries and target not in kb.unreadable:
            problems.append(doc.problem(where, f"'{target}' is not an entry: there is no glossary/terms/{target}.yaml.",
                                        did_you_mean(target, kb.entries) + "use the id (file name) of an existing "
                                        "entry."))
    kb.confusable.extend(tuple(group) for group in doc.data["confusable"])
    kb.also_right.extend(tuple(group) for group in doc.data["also_right"])
    kb.plain_words.update(doc.data.get("plain_words", []))
    for g, group in enumerate(doc.data["confusable"]):
        for other in kb.also_right:
            both = sorted(set(group) & set(other))
            if len(both) >= 2:
                problems.append(doc.problem(("confusable", g), f"{both[0]} and {both[1]} are listed both as "
                                            "confusable and as also right.", "keep them in one of the two lists: "
                                            "a wrong option cannot be right too."))


def did_you_mean(word: str, known) -> str:
    """'did you mean 'x'? ' for a near miss among `known`, else ''."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def _load_sources(paths: Paths, problems: list[Problem]) -> tuple[dict[str, Source], Document | None]:
    if not paths.sources_file.exists() and not paths.sources_file.is_symlink():
        problems.append(Problem(rel(paths.sources_file), 0, 0, "the bibliography file is missing.",
                                "restore glossary/sources.yaml from the repository."))
        return {}, None
    doc = read_data_file(paths.sources_file, "sources.schema.json", paths, problems)
    if doc is None:
        return {}, None
    sources: dict[str, Source] = {}
    for i, item in enumerate(doc.data["sources"]):
        key = item["key"]
        if key in sources:
            problems.append(doc.problem(("sources", i, "key"), f"the source key '{key}' is used twice.",
                                        "give each work its own key, e.g. author-year-a and author-year-b."))
            continue
        if item["kind"] == "document" and not item.get("seed"):
            problems.append(doc.problem(("sources", i), f"source '{key}' is a document but names no seed file.",
                                        "add 'seed: <file name in shared/seeds>'."))
        sources[key] = Source(key, item["kind"], item["citation"],
                              {lang: item[lang]["summary"] for lang in LANGS}, item.get("seed"), item.get("url"),
                              {lang: item[lang]["note"] for lang in LANGS if item[lang].get("note")},
                              {lang: item[lang]["citation"] for lang in LANGS if item[lang].get("citation")})
    return sources, doc


def _load_entries(paths: Paths, sources: dict[str, Source], problems: list[Problem],
                  unreadable: set[str], drafts: list[tuple[str, int]] | None = None) -> dict[str, Entry]:
    """The entries that load; `unreadable` gets the ids of files that exist but fail, whose own problems are
    reported, so that references to them are not reported as well (one mistake, one message)."""
    entries: dict[str, Entry] = {}
    files = sorted(paths.terms.glob("*.yaml")) if paths.terms.is_dir() else []
    for stray in sorted(paths.terms.glob("*.yml")) if paths.terms.is_dir() else []:
        problems.append(Problem(rel(stray), 0, 0, "glossary files must end in '.yaml'.",
                                f"rename the file to {stray.stem}.yaml."))
    if not files:
        problems.append(Problem(rel(paths.terms), 0, 0, "no glossary entries were found.",
                                "add at least one file glossary/terms/<id>.yaml (see CONTRIBUTING.md)."))
    for path in files:
        doc = read_data_file(path, "entry.schema.json", paths, problems, drafts)
        if doc is None:
            unreadable.add(path.stem)
            continue
        data = doc.data
        if data["id"] != path.stem:
            problems.append(doc.problem(("id",), f"the id '{data['id']}' differs from the file name '{path.name}'.",
                                        f"make them the same: either 'id: {path.stem}' or rename the file to "
                                        f"{data['id']}.yaml."))
            unreadable.add(path.stem)
            continue
        empty = [lang for lang in LANGS if not (data[lang].get("term") or "").strip()
                 or not (data[lang].get("definition") or "").strip()]
        for lang in empty:
            problems.append(doc.problem((lang,), f"the {LANG_NAMES[lang]} block has an empty term or definition.",
                                        f"write the {LANG_NAMES[lang]} term and definition; every entry needs both "
                                        "languages."))
        if empty:
            unreadable.add(path.stem)
            continue
        if data["category"] == "tier" and not data.get("tier"):
            problems.append(doc.problem(("category",), "a tier entry must say which tier it explains.",
                                        "add a line 'tier: micro' (or nano, mid-tier, macro, mega, all-star)."))
        if data.get("tier") and data["category"] != "tier":
            problems.append(doc.problem(("tier",), "only entries with 'category: tier' may have a 'tier' field.",
                                        "set 'category: tier' or remove the 'tier' line."))
        entries[data["id"]] = Entry(
            id=data["id"], category=data["category"], related=list(data["related"]),
            sources=[(s["key"], s["locator"]) for s in data["sources"]],
            text={lang: LangText(data[lang]["term"].strip(), data[lang]["definition"].strip(),
                                 data[lang].get("abbreviation"), list(data[lang].get("synonyms", [])),
                                 (data[lang].get("example") or "").strip() or None) for lang in LANGS},
            tier=data.get("tier"), translation=dict(data.get("translation", {})), doc=doc)
    _check_references(entries, sources, problems, unreadable)
    _check_unique_terms(entries, problems)
    return entries


def _check_references(entries: dict[str, Entry], sources: dict[str, Source], problems: list[Problem],
                      unreadable: set[str]) -> None:
    for entry in entries.values():
        for i, target in enumerate(entry.related):
            if target == entry.id:
                problems.append(entry.doc.problem(("related", i), "an entry cannot be related to itself.",
                                                  f"remove '{target}' from 'related'."))
            elif target not in entries and target not in unreadable:
                close = difflib.get_close_matches(target, list(entries), n=1)
                fix = f"did you mean '{close[0]}'? Otherwise " if close else ""
                problems.append(entry.doc.problem(("related", i), f"'related' names '{target}', but there is no "
                                                  f"glossary/terms/{target}.yaml.",
                                                  fix + "use the id (file name) of an existing entry, or add that "
                                                  "entry first."))
        if sources:
            for i, (key, _) in enumerate(entry.sources):
                if key not in sources:
                    close = difflib.get_close_matches(key, list(sources), n=1)
                    fix = f"did you mean '{close[0]}'? Otherwise " if close else ""
                    problems.append(entry.doc.problem(("sources", i, "key"), f"the source '{key}' is not in "
                                                      "glossary/sources.yaml.",
                                                      fix + "use a key from glossary/sources.yaml, or add the work "
                                                      "there first."))


def _check_unique_terms(entries: dict[str, Entry], problems: list[Problem]) -> None:
    """A reader searching for a term must land on one entry: terms and synonyms are unique per language."""
    for lang in LANGS:
        users: dict[str, list[tuple[Entry, tuple, str]]] = {}
        for entry in sorted(entries.values(), key=lambda e: e.id):
            text = entry.text[lang]
            names = [((lang, "term"), text.term)] + [((lang, "synonyms", i), s) for i, s in enumerate(text.synonyms)]
            for path, name in names:
                users.setdefault(fold(name), []).append((entry, path, name))
        for same in users.values():
            ids = sorted({entry.id for entry, _, _ in same})
            if len(ids) < 2:
                continue
            for entry, path, name in same:
                others = ", ".join(f"glossary/terms/{other}.yaml" for other in ids if other != entry.id)
                problems.append(entry.doc.problem(path, f"the {LANG_NAMES[lang]} name '{name}' is also used by "
                                                  f"{others}.",
                                                  "each name may belong to one entry only: merge the entries, or "
                                                  "make the names distinct."))
