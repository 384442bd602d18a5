"""glossary/confusables.yaml: the quiz's knowledge of which entries students confuse and which are also right."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, copy_project
from kb.site import load as knowledge_base

# what the file says -> the one message the check gives (None: no message)
CASES = [
    ("confusable:\n  - [parasocial-interaction, parasocial-relationship]\nalso_right: []\n", None),
    ("confusable:\n  - [parasocial-interaction, parasocial-relatoinship]\nalso_right: []\n",
     "did you mean 'parasocial-relationship'?"),
    ("confusable:\n  - [influencer, opinion-leader]\nalso_right:\n  - [influencer, opinion-leader]\n",
     "both as confusable and as also right"),
    ("confusable:\n  - [influencer]\nalso_right: []\n", "at least 2"),
    ("confusable: []\nalso_right: []\nplain_words: [folower-count]\n", "did you mean 'follower-count'?"),
]


@pytest.mark.parametrize("text,says", CASES)
def test_each_mistake_in_the_confusables_file_gets_one_message(tmp_path, text, says):
    project = copy_project(tmp_path)
    (project / "glossary" / "confusables.yaml").write_text(
        "# yaml-language-server: $schema=schema/confusables.schema.json\n" + text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)], cwd=ROOT,
                            capture_output=True, text=True)
    if says is None:
        assert result.returncode == 0, result.stderr
        return
    messages = [m for m in result.stderr.splitlines() if m.startswith("glossary/")]
    assert len(messages) == 1 and messages[0].startswith("glossary/confusables.yaml:"), result.stderr
    assert says in result.stderr, result.stderr


def test_the_knowledge_base_answers_who_is_confused_with_whom():
    kb = knowledge_base.load(ROOT)
    assert "parasocial-relationship" in kb.confused_with("parasocial-interaction")
    assert "opinion-leader" in kb.also_right_for("influencer")
