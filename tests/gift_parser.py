"""A GIFT parser, from Moodle's grammar: the export tests (build and browser) read the files back with it."""
from __future__ import annotations

import re

def _chars(text: str) -> list[tuple[str, bool]]:
    """(character, was it escaped) pairs; a backslash escapes the next character."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append((text[i + 1], True))
            i += 2
        else:
            out.append((text[i], False))
            i += 1
    return out


def _plain(chars) -> str:
    return "".join(c for c, _ in chars).strip()


def _raw_specials(chars) -> list[str]:
    return [c for c, escaped in chars if not escaped and c in "~=#{}:"]


def _split(chars, at: str):
    parts, current = [], []
    for c, escaped in chars:
        if c == at and not escaped:
            parts.append(current)
            current = []
        else:
            current.append((c, escaped))
    return parts + [current]


def parse_gift(text: str) -> dict:
    """Questions and category of a GIFT file; raises AssertionError on anything Moodle would reject."""
    result = {"category": None, "questions": []}
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.split("\n") if not line.lstrip().startswith("//")]
        block = "\n".join(lines).strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            result["category"] = block.split(":", 1)[1].strip()
            continue
        result["questions"].append(_parse_question(_chars(block)))
    return result


def _parse_question(chars) -> dict:
    assert chars[:2] == [(":", False), (":", False)], "every question starts with a ::title::"
    end = next(i for i in range(2, len(chars) - 1) if chars[i] == (":", False) and chars[i + 1] == (":", False))
    title, rest = chars[2:end], chars[end + 2:]
    assert not _raw_specials(title), f"unescaped special character in title {_plain(title)!r}"
    fmt = None
    match = re.match(r"\[(markdown|plain|html|moodle)\]", "".join(c for c, _ in rest[:10]))
    if match:
        fmt, rest = match.group(1), rest[len(match.group(0)):]
    opens = [i for i, ch in enumerate(rest) if ch == ("{", False)]
    closes = [i for i, ch in enumerate(rest) if ch == ("}", False)]
    assert len(opens) == 1 and len(closes) == 1 and opens[0] < closes[0], "one {answer block} per question"
    prompt, answers = rest[:opens[0]], rest[opens[0] + 1:closes[0]]
    assert not _plain(rest[closes[0] + 1:]), "nothing may follow the answer block"
    assert not _raw_specials(prompt), f"unescaped special character in {_plain(prompt)!r}"
    question = {"title": _plain(title), "format": fmt, "prompt": _plain(prompt)}
    general = None
    flat = "".join("\0" if e else c for c, e in answers)
    if "####" in flat:
        cut = flat.index("####")
        general, answers = _plain(answers[cut + 4:]), answers[:cut]
    question["general"] = general
    head = _split(answers, "#")
    if _plain(head[0]) in ("T", "F", "TRUE", "FALSE"):
        question.update(kind="truefalse", truth=_plain(head[0]).startswith("T"),
                        feedback=[_plain(p) for p in head[1:]])
        assert len(head) <= 3, "true/false takes at most two feedbacks"
        return question
    options, current = [], None
    for c, escaped in answers:
        if c in "=~" and not escaped:
            current = {"right": c == "=", "chars": []}
            options.append(current)
        elif current is not None:
            current["chars"].append((c, escaped))
        else:
            assert c.isspace(), f"text before the first answer: {c!r}"
    question["kind"] = "choice"
    question["options"] = []
    for option in options:
        parts = _split(option["chars"], "#")
        assert len(parts) <= 2, "one #feedback per answer"
        question["options"].append({"text": _plain(parts[0]), "right": option["right"],
                                    "feedback": _plain(parts[1]) if len(parts) > 1 else None})
    assert sum(o["right"] for o in question["options"]) == 1, "exactly one right answer"
    return question
