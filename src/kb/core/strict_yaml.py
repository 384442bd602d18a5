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

from kb.core.problems import Problem, rel

Path_ = tuple  # a path into the document: keys and list indexes, e.g. ("nl", "synonyms", 0)

_TAG = "tag:yaml.org,2002:"
_DUTCH_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_PLAIN_BOOLS = {"true", "false"}


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
        return None, [Problem(file, 0, 0, f"the file is not UTF-8 text ({err.reason}).",
                              "save the file with UTF-8 encoding (most editors offer this under 'Save as').")]
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.append(Problem(file, number, line.index("\t") + 1,
                                    "a tab character is used for indentation; YAML only allows spaces.",
                                    "replace the tab with spaces (two spaces per level)."))
    if problems:
        return None, problems
    try:
        root = _compose(text)
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
    doc.data = _build(root, (), doc, problems)
    return doc, problems


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


def _build(node: yaml.Node, path: Path_, doc: Document, problems: list[Problem]):
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
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
            result[key] = _build(value_node, path + (key,), doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    return _scalar(node, path, doc, problems)


def _scalar(node: yaml.ScalarNode, path: Path_, doc: Document, problems: list[Problem]):
    text, tag, plain = node.value, node.tag, not node.style        # plain scalar: None (Python) or "" (libyaml)
    if not plain or tag == _TAG + "str":
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
