"""Read contributor YAML strictly, remembering where every value stands.

PyYAML's `safe_load` silently turns `5.000` into 5.0, `no` into False, `2024-01-05` into a date and keeps the
last of two identical keys. Contributors never mean that, so each of those is a Problem with its line and a
fix. We walk the node tree from `yaml.compose()` ourselves: it gives every value its position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.core import characters
from kb.core.problems import Problem, rel

Path_ = tuple  # a path into the document: keys and list indexes, e.g. ("nl", "synonyms", 0)

_TAG = "tag:yaml.org,2002:"
_DUTCH_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_PLAIN_BOOLS = {"true", "false"}
# A hand-written data file nests a few levels and holds a few thousand values. Aliases ('*name') repeat a
# part written elsewhere in the file; nine aliases of nine aliases of ... ("billion laughs") fit in a few
# hundred bytes and would expand to more values than the machine's memory holds. Both are stopped here.
MAX_DEPTH = 32
MAX_VALUES = 50_000


class _TooBig(Exception):
    """Raised inside the walk of the node tree when a limit is reached; load() turns it into one Problem."""

    def __init__(self, line: int, col: int, what: str, fix: str):
        super().__init__(what)
        self.line, self.col, self.what, self.fix = line, col, what, fix


@dataclass
class Document:
    """A YAML file's data plus the (line, col) of every key and value, both 1-based."""

    path: Path
    data: object
    positions: dict = field(default_factory=dict)       # Path_ -> (line, col) of the value
    key_positions: dict = field(default_factory=dict)   # Path_ -> (line, col) of the key that holds it

    @property
    def file(self) -> str:
        return rel(self.path)

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Position of the value (or, with key=True, its key) at `path`, else of its nearest existing parent."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, what: str, fix: str = "", key: bool = False) -> Problem:
        line, col = self.where(path, key)
        return Problem(self.file, line, col, what, fix)


def load(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one file. Returns the document (None if unreadable) and every problem found in it."""
    file = rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[:err.start].count(b"\n") + 1
        return None, [Problem(file, line, 0, f"the file is not UTF-8 text ({err.reason}).",
                              "save the file with UTF-8 encoding (most editors offer this under 'Save as').")]
    except OSError as err:
        return None, [_unreadable(path, file, err)]
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.append(Problem(file, number, line.index("\t") + 1,
                                    "a tab character is used for indentation; YAML only allows spaces.",
                                    "replace the tab with spaces (two spaces per level)."))
    if not problems:
        problems = _raw_characters(text, file)
    if not problems:
        problems = _shape(text, file)
    if problems:
        return None, problems
    try:
        root = _compose(text)
    except RecursionError:
        return None, [Problem(file, 1, 1, f"the file nests lists or groups more than {MAX_DEPTH} levels deep.",
                              "a data file needs a few levels only: check the brackets and the indentation.")]
    except yaml.MarkedYAMLError as err:
        unclosed = "quoted scalar" in str(err.context) and "end of stream" in str(err.problem)
        # 'category tier' (no colon): the parser notices only on the next line; the key began on its own line
        no_colon = "could not find expected ':'" in str(err.problem)
        mark = (err.context_mark if unclosed or no_colon else None) or err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what, fix = _syntax_message(err)
        return None, [Problem(file, line, col, "this is not valid YAML: " + what, fix)]
    except yaml.YAMLError as err:  # pragma: no cover - composer errors are all marked
        return None, [Problem(file, 0, 0, f"this is not valid YAML: {err}.", "check the indentation and quotes.")]
    if root is None:
        return None, [Problem(file, 1, 1, "the file is empty.", "fill it in, or delete the file.")]
    doc = Document(path, None)
    try:
        doc.data = _build(root, (), doc, problems, [MAX_VALUES])
    except _TooBig as big:
        return None, [Problem(file, big.line, big.col, big.what, big.fix)]
    return doc, problems


def _shape(text: str, file: str) -> list[Problem]:
    """Depth and size after alias expansion, from the parser's event stream (no tree is built, nothing is
    expanded): a file past MAX_DEPTH or MAX_VALUES gets one message, in milliseconds, whatever it holds."""
    values = 0
    sizes: dict[str, int] = {}                 # anchor -> values it stands for
    open_: list[tuple[str | None, int]] = []   # (anchor, values before it) of each collection being read
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                values += sizes.get(event.anchor, 1)
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                values += 1
                if isinstance(event, yaml.ScalarEvent) and event.anchor:
                    sizes[event.anchor] = 1
                if isinstance(event, yaml.CollectionStartEvent):
                    open_.append((event.anchor, values))
                    if len(open_) > MAX_DEPTH:
                        return [_limit(event, f"the file nests lists or groups more than {MAX_DEPTH} levels "
                                              "deep.", "a data file needs a few levels only: check the brackets "
                                                       "and the indentation.", file)]
            elif isinstance(event, yaml.CollectionEndEvent) and open_:
                anchor, before = open_.pop()
                if anchor:
                    sizes[anchor] = values - before + 1
            if values > MAX_VALUES:
                return [_limit(event, f"the file's aliases ('*name') repeat its values more than {MAX_VALUES:,} "
                                      "times over; a file like this is an attack (a 'billion laughs') or a "
                                      "mistake.", "write every value out in full; this project does not need "
                                                  "anchors ('&name') or aliases ('*name').", file)]
    except yaml.YAMLError:
        return []                              # a syntax error: the composer reports it, with its own words
    return []


def _limit(event: yaml.Event, what: str, fix: str, file: str) -> Problem:
    return Problem(file, event.start_mark.line + 1, event.start_mark.column + 1, what, fix)


def _unreadable(path: Path, file: str, err: OSError) -> Problem:
    """A name that ends in .yaml but is no readable file: a folder, a broken link, no permission."""
    if path.is_dir():
        return Problem(file, 0, 0, "this is a folder, not a file; a folder whose name ends in '.yaml' is read "
                                   "as a data file.", "rename the folder so that its name does not end in "
                                                      "'.yaml', or move it out of this folder.")
    if path.is_symlink() and not path.exists():
        return Problem(file, 0, 0, f"this is a link to '{path.readlink()}', which does not exist.",
                       "delete the link, or put the real file here instead of a link.")
    return Problem(file, 0, 0, f"the file cannot be read ({err.strerror or err}).",
                   "check that the file exists and that you may read it; then save it again.")


def _raw_characters(text: str, file: str) -> list[Problem]:
    """Control characters typed into the file itself: YAML refuses them without saying where; we say."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = characters.problem_in(line.rstrip("\r"), invisible=False)
        if found:
            what, fix, index = found
            return [Problem(file, number, index + 1, "this line " + what.replace(f" at position {index + 1}", ""),
                            fix)]
    return []


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)    # libyaml, when PyYAML was built with it: ~10x faster


def _compose(text: str) -> yaml.Node | None:
    """The node tree; read by libyaml when available (same nodes, tags and positions). A file it cannot read
    is read again by the pure-Python parser, whose error messages are the ones explained to contributors."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_message(err: yaml.MarkedYAMLError) -> tuple[str, str]:
    """What a YAML syntax error means in a contributor's words, and what to write instead."""
    problem, context = str(err.problem or ""), str(err.context or "")
    said = f" (YAML says: {problem or context})"
    if "mapping values are not allowed" in problem:
        return ("a colon followed by a space (': ') in a text without quotes looks "
                "like the start of a new field" + said + ".",
                "a text that contains ': ' must be quoted or written as a block: put the whole text in double "
                "quotes, or write 'field: >-' and the text on the next lines, "
                "indented. If this line is meant to be a new field, indent it like the fields above it.")
    if "quoted scalar" in context and "end of stream" in problem:
        return ("a quotation mark opened here is never closed" + said + ".",
                "end the text with the same quote mark it starts with (\" or ').")
    if "expected <block end>, but found '<scalar>'" in problem or "expected <block end>, but found '\"" in problem:
        return ("a text in quotes goes on after its closing quote, so the quote ends the text too early "
                "(often an apostrophe inside '…')" + said + ".",
                "to use a quote mark inside a text, put the whole text in the other kind of quotes: "
                "\"it's\" or 'say \"hi\"'; or write the text as a block with '>-'.")
    if "expected <block end>" in problem or "did not find expected key" in problem \
            or "expected <block mapping start>" in problem:
        return ("the indentation does not line up: this line starts in a different column than the fields "
                "it belongs with" + said + ".",
                "fields at the same level must start in the same column; use two spaces per level.")
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        closer = "]" if "']'" in problem else "}"
        return (f"a list or group that opens with '{'[' if closer == ']' else '{'}' is not closed, or one of its "
                "items contains a comma or a colon" + said + ".",
                f"close it with '{closer}' on the same line, and put any item that contains ',' or ': ' in "
                "double quotes.")
    if "could not find expected ':'" in problem:
        return ("this line has no colon after its field name, or a text continues on a line that is not "
                "indented" + said + ".",
                "write 'field: value'. When a text goes on over several lines, indent the next lines under the "
                "field, or start it with 'field: >-'.")
    for sign, name in (("`", "a backtick"), ("@", "'@'"), ("%", "'%'"), ("*", "'*'"), ("&", "'&'"),
                       ("!", "'!'"), ("|", "'|'"), (">", "'>'")):
        if f"'{sign}'" in problem or (sign == "*" and "undefined alias" in problem):
            return (f"a text may not start with {name} unless it is in quotes" + said + ".",
                    "put the whole text in double quotes.")
    return ("the line cannot be read" + said + ".",
            "check the indentation, the colon after each field name, and that every quote is closed.")


def _build(node: yaml.Node, path: Path_, doc: Document, problems: list[Problem], budget: list[int]):
    """The Python value of `node`. `budget` holds how many more values may be made: an alias makes its
    values again each time it is used, so the budget, not the file's size, bounds the work."""
    where = (node.start_mark.line + 1, node.start_mark.column + 1)
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(*where, f"the file's aliases ('*name') repeat its values more than {MAX_VALUES:,} times "
                              "over; a file like this is an attack (a 'billion laughs') or a mistake.",
                      "write every value out in full; this project does not need anchors ('&name') or aliases.")
    if len(path) > MAX_DEPTH:
        raise _TooBig(*where, f"the file nests lists or groups more than {MAX_DEPTH} levels deep.",
                      "a data file needs a few levels only: check the brackets and the indentation.")
    doc.positions[path] = where
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        seen: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                problems.append(doc.problem(path, "merge keys ('<<:') are not supported in this project.",
                                            "write the keys out in full."))
                continue
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in seen:
                first = seen[key]
                problems.append(Problem(doc.file, where[0], where[1],
                                        f"the key '{key}' appears twice (first on line {first[0]}); "
                                        "YAML would silently keep only the last one.",
                                        f"keep one '{key}:' and delete or merge the other."))
                continue
            seen[key] = where
            doc.key_positions[path + (key,)] = where
            result[key] = _build(value_node, path + (key,), doc, problems, budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, problems, budget) for i, item in enumerate(node.value)]
    return _scalar(node, path, doc, problems)


def _scalar(node: yaml.ScalarNode, path: Path_, doc: Document, problems: list[Problem]):
    text, tag, plain = node.value, node.tag, not node.style        # plain scalar: None (Python) or "" (libyaml)
    if not plain or tag == _TAG + "str":
        found = characters.problem_in(text)
        if found:
            name = next((str(p) for p in reversed(path) if not isinstance(p, int)), "text")
            problems.append(doc.problem(path, f"'{name}' {found[0]}", found[1]))
        return text
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        if text.lower() in _PLAIN_BOOLS:
            return text.lower() == "true"
        meaning = "true" if text.lower() in ("yes", "y", "on") else "false"
        problems.append(doc.problem(path, f"YAML reads an unquoted '{text}' as the switch value '{meaning}', "
                                          "not as the word.",
                                    f"write it in quotes (\"{text}\") if you mean the word, or true/false."))
        return text
    if tag == _TAG + "float":
        if _DUTCH_NUMBER.match(text):
            digits = text.replace(".", "")
            problems.append(doc.problem(path, f"'{text}' looks like a number with a Dutch thousands separator; "
                                              f"YAML reads it as the decimal number {float(text)}.",
                                        f"write {digits}: digits only, without dots, commas or spaces "
                                        f"({int(digits):_} also works)."))
            return text
        try:
            return float(text)
        except ValueError:  # .inf, .nan
            return text
    if tag == _TAG + "int":
        if ":" in text:
            problems.append(doc.problem(path, f"'{text}' is read by YAML as a base-60 number, not as a time or ratio.",
                                        f"put it in quotes: \"{text}\"."))
            return text
        if re.match(r"^[+-]?0[0-7_]+$", text) or text.lower().startswith(("0o", "0x", "0b")):
            problems.append(doc.problem(path, f"'{text}' is read by YAML as an octal, hexadecimal or binary number.",
                                        f"write the number without a leading zero, or quote it: \"{text}\"."))
            return text
        return int(text.replace("_", ""))
    if tag == _TAG + "timestamp":
        problems.append(doc.problem(path, f"'{text}' is read by YAML as a date, not as text.",
                                    f"put it in quotes: \"{text}\"."))
        return text
    return text
