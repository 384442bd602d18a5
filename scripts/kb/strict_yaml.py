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

from .problems import Problem, rel

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
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return None, [Problem(file, line, col, f"this is not valid YAML: {err.problem or err.context}.",
                              _syntax_hint(err))]
    except yaml.YAMLError as err:  # pragma: no cover - composer errors are all marked
        return None, [Problem(file, 0, 0, f"this is not valid YAML: {err}.", "check the indentation and quotes.")]
    if root is None:
        return None, [Problem(file, 1, 1, "the file is empty.", "fill it in, or delete the file.")]
    doc = Document(path, None)
    doc.data = _build(root, (), doc, problems)
    return doc, problems


def _syntax_hint(err: yaml.MarkedYAMLError) -> str:
    problem = str(err.problem or "")
    if "mapping values are not allowed" in problem:
        return ("a text that contains ': ' must be quoted or written as a block: put the text in double quotes, "
                "or use '>-' and write the text on the next lines, indented.")
    if "found character" in problem and "'`'" in problem:
        return "a value may not start with a backtick: put the whole text in double quotes."
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "check the indentation: keys at the same level must start in the same column."
    if "found undefined alias" in problem or "'*'" in problem:
        return "a value may not start with '*': put the text in double quotes."
    if "'@'" in problem or "'%'" in problem:
        return "a value may not start with '@' or '%': put the text in double quotes."
    return "check the indentation, the colons after keys and that quotes are closed."


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
    text, tag, plain = node.value, node.tag, node.style is None
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
                                        f"write the number without separators: {digits} (or 1_000 style: "
                                        f"{int(digits):_})."))
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
