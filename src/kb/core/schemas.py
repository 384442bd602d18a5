"""Check a document against its JSON Schema and say what is wrong in a contributor's words.

The schemas live beside the data (glossary/schema/, quiz/schema/) so editors can use them too; this module
is the authority, because editors read YAML 1.2 while the build reads YAML 1.1.

Two validators, one answer: jsonschema-rs (compiled) says whether a document is valid, and only for one that is
not does the Python `jsonschema` list its errors, which `_explain` turns into messages. So a run over valid
data (nearly every file of nearly every run) never loads the Python validator: with it, checking the real data
took 0.12 s of a 0.64 s `kb validate`, and importing it 0.08 s more (`make bench`). tests/unit/test_validation.py
checks that both validators agree on every real file and on every mistake of the bad-entry table.
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from kb.core.problems import Problem, rel
from kb.core.scaffold import suggest_id
from kb.core.strict_yaml import Document


@lru_cache(maxsize=None)
def _schema(schema_path: Path) -> dict:
    return json.loads(schema_path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def fast_validator_for(schema_path: Path) -> jsonschema_rs.Validator | None:
    """Yes or no, quickly (formats are annotations only, as for the Python validator; nothing is ever fetched
    from the network). None when jsonschema-rs cannot use the schema: then the Python validator decides and
    says why."""
    try:
        return jsonschema_rs.validator_for(_schema(schema_path), validate_formats=False, offline=True)
    except (ValueError, TypeError, jsonschema_rs.ReferencingError):   # its ValidationError is a ValueError
        return None


@lru_cache(maxsize=None)
def validator_for(schema_path: Path):
    """The Python validator, whose errors say where and what (imported only when a document needs them)."""
    import jsonschema
    schema = _schema(schema_path)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_problem(schema_path: Path) -> Problem | None:
    """A schema file that cannot be used (missing, not JSON, not a schema) is one message, naming it; then no
    data file is checked against it (and none is reported for it)."""
    try:
        _schema(schema_path)
    except OSError as err:
        return Problem(rel(schema_path), 0, 0, f"the schema file cannot be read ({err.strerror or err}).",
                       "restore it from the repository: git checkout -- " + rel(schema_path))
    except UnicodeDecodeError:
        return Problem(rel(schema_path), 0, 0, "the schema file is not UTF-8 text.",
                       "restore it from the repository: git checkout -- " + rel(schema_path))
    except json.JSONDecodeError as err:
        return Problem(rel(schema_path), err.lineno, err.colno, f"the schema file is not valid JSON ({err.msg}).",
                       "undo the last change to it, or restore it: git checkout -- " + rel(schema_path))
    if fast_validator_for(schema_path) is not None:
        return None
    import jsonschema
    try:
        validator_for(schema_path)
    except jsonschema.SchemaError as err:
        return Problem(rel(schema_path), 0, 0, f"the schema file is not a valid JSON Schema ({err.message}).",
                       "undo the last change to it, or restore it: git checkout -- " + rel(schema_path))
    return None


def _valid(doc: Document, schema_path: Path) -> bool:
    fast = fast_validator_for(schema_path)
    try:
        return fast is not None and fast.is_valid(doc.data)
    except (ValueError, TypeError):      # a value JSON has no type for (a YAML date): the full check says what
        return False


def check(doc: Document, schema_path: Path) -> list[Problem]:
    """Every schema error of one document, each at the line of the value (or key) it is about."""
    problems = []
    broken = schema_problem(schema_path)
    if broken:
        return [broken]
    if _valid(doc, schema_path):
        return []
    validator = validator_for(schema_path)
    errors = list(validator.iter_errors(doc.data))
    typos = _typo_targets(errors)
    for error in errors:
        if error.validator == "required":   # 'defintion' misspelt: say so once, not also "definition missing"
            error.validator_value = [k for k in error.validator_value if (tuple(error.absolute_path), k) not in typos]
            if not error.validator_value:
                continue
        problems.extend(_explain(doc, error))
    return problems


def _typo_targets(errors) -> set:
    """(path, field) pairs that an unknown field probably meant to be."""
    targets = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = sorted((error.schema.get("properties") or {}).keys())
            for key in error.instance:
                close = _closest(key, allowed) if key not in allowed else None
                if close and close not in error.instance:
                    targets.add((tuple(error.absolute_path), close))
    return targets


def _field_name(path) -> str:
    names = [str(p) for p in path if not isinstance(p, int)]
    return names[-1] if names else "the file"


def _explain(doc: Document, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    name = _field_name(path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = _example(schema)
    kind = error.validator

    if kind == "required":
        missing = [key for key in error.validator_value if not isinstance(error.instance, dict) or key not in error.instance]
        out = []
        for key in missing:
            sub = (schema.get("properties") or {}).get(key, {})
            desc = sub.get("description") or _lang_description(key)
            if key in _LANG_BLOCKS and not path:
                language, other = _LANG_BLOCKS[key]
                what = f"the field '{key}' is missing: that is the {language} block, and every entry needs both languages."
                fix = (f"add a line '{key}:' at the left margin (not indented) and, indented under it, "
                       f"'term:' and 'definition:' in {language}")
                has_other = isinstance(error.instance, dict) and other in error.instance
                fix += f", just like the '{other}:' block." if has_other else "."
            elif path:
                what = f"the field '{key}' is missing in '{name}'."
                fix = f"add a line '{key}: …' under '{name}', indented like the other fields there."
            else:
                what = f"the field '{key}' is missing."
                fix = f"add a line '{key}: …' at the left margin (not indented)."
            if desc and key not in _LANG_BLOCKS:
                fix += f" ({desc.split('. ')[0].rstrip('.')}.)"
            out.append(doc.problem(path, what, fix))
        return out
    if kind == "additionalProperties":
        allowed = sorted((schema.get("properties") or {}).keys())
        extras = [key for key in error.instance if key not in allowed]
        out = []
        for key in extras:
            close = _closest(key, allowed)
            fix = f"did you mean '{close}'? " if close else ""
            fix += "The fields allowed here are: " + ", ".join(allowed) + "."
            where = f" in '{name}'" if path else ""
            out.append(doc.problem(path + (key,), f"'{key}' is not a known field{where} (a typo?).", fix, key=True))
        return out
    if kind == "type":
        expected = error.validator_value
        words = {"string": "a text", "integer": "a whole number", "number": "a number", "array": "a list",
                 "object": "a group of fields", "boolean": "true or false", "null": "nothing"}
        want = " or ".join(words.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        got = _describe(error.instance)
        fix = f"write {want} here."
        if expected == "array":
            fix += " A list is written as '[a, b]' or as lines starting with '- ', even for one item: '[a]'."
        if expected == "object":
            fix += f" Put the fields of '{name}' on the next lines, indented under '{name}:'."
        if expected == "string" and isinstance(error.instance, (int, float, bool)):
            fix += " Put the value in double quotes."
        if expected == "integer" and isinstance(error.instance, float):
            fix = "write a whole number without dots or commas, e.g. 5000."
        return [doc.problem(path, f"'{name}' should be {want}, but it is {got}.", fix + hint)]
    if kind == "enum":
        values = [_yaml_word(v) for v in error.validator_value]
        close = _closest(_yaml_word(error.instance), values)
        fix = (f"did you mean '{close}'? The allowed values are: " if close else "use one of these values: ") \
            + ", ".join(values) + "."
        return [doc.problem(path, f"'{_yaml_word(error.instance)}' is not a valid value for '{name}'.", fix)]
    if kind == "pattern":
        desc = schema.get("description", "")
        if "^[a-z0-9]+(-[a-z0-9]+)*$" == error.validator_value:
            better = suggest_id(str(error.instance))
            fix = ("use only lowercase letters a-z, digits and single hyphens between words "
                   "(no spaces, capitals, accents or underscores)")
            fix += f", e.g. '{better}'." if better else "."
            hint = ""
        elif error.validator_value == "^https://":
            fix = "write a full web address that starts with https:// (not http:// or www.)."
        elif error.validator_value == "^[0-9a-f]{8}$":
            fix = "leave this line to 'make translations-reviewed ID=…', or delete the 'translation:' line."
        else:
            fix = desc or f"it must match {error.validator_value}."
        return [doc.problem(path, f"'{error.instance}' is not a valid {name}.", fix + hint)]
    if kind == "minLength":
        if error.instance == "" or (isinstance(error.instance, str) and not error.instance.strip()):
            return [doc.problem(path, f"'{name}' is empty.", "write the text, or remove the field if it is optional.")]
        return [doc.problem(path, f"'{name}' is too short (at least {error.validator_value} characters).",
                            "write a complete sentence." + hint)]
    if kind == "maxLength":
        return [doc.problem(path, f"'{name}' is too long ({len(error.instance)} characters; at most {error.validator_value}).",
                            "shorten it; put the extra explanation in the definition.")]
    if kind == "minItems":
        what = "an empty list" if not error.instance else f"a list of {len(error.instance)}"
        return [doc.problem(path, f"'{name}' is {what}; it needs at least {error.validator_value}.",
                            "add items, one per line starting with '- '." + hint)]
    if kind == "maxItems":
        return [doc.problem(path, f"'{name}' has {len(error.instance)} items; at most {error.validator_value} are allowed.",
                            "remove the extra items.")]
    if kind == "uniqueItems":
        return [doc.problem(path, f"'{name}' lists the same item twice.", "remove the duplicate.")]
    if kind in ("minimum", "maximum", "exclusiveMinimum"):
        return [doc.problem(path, f"{error.instance} is out of range for '{name}' ({error.message}).",
                            "check the number.")]
    return [doc.problem(path, f"'{name}': {error.message}.", hint.strip())]


_LANG_BLOCKS = {"nl": ("Dutch", "en"), "en": ("English", "nl")}


def _yaml_word(value) -> str:
    """A value as a contributor writes it in YAML: true/false/null, not Python's True/False/None."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return str(value)


def _lang_description(key: str) -> str:
    return {"nl": "the Dutch block: term and definition", "en": "the English block: term and definition"}.get(key, "")


def _example(schema: dict) -> str:
    examples = schema.get("examples")
    if not examples:
        return ""
    sample = examples[0]
    return f" Example: {json.dumps(sample, ensure_ascii=False)}."


def _describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the switch value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def _closest(word: str, options: list[str]) -> str | None:
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else None
