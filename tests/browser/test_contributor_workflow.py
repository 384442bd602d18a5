"""The contributor's path, step by step: scaffold an entry, fill it in, check it, see it built.

Also the tools around that path: the schemas editors read, the translation status, the pull-request
workflow and forms, pre-commit and yamllint, and the guide (its examples must pass the validator).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from kb.cli import new_entry
from kb.cli import translations
from kb.cli import validate
from conftest import build_site, copy_project
from kb.glossary import load as catalog
from kb.site import load as knowledge_base
from kb.core import scaffold
from kb.core import schemas
from kb.core import strict_yaml
from kb.glossary import translations as ts
from kb.glossary.load import LangText
from kb.core.problems import ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCHEMAS = sorted((ROOT / "glossary" / "schema").glob("*.json")) + sorted((ROOT / "quiz" / "schema").glob("*.json"))
GUIDES = [ROOT / "docs" / "contributing.en.md", ROOT / "docs" / "contributing.nl.md"]


def data_copy(tmp_path: Path) -> Path:
    """Data, schemas and an empty docs folder: what the validator reads."""
    for name in ("glossary", "quiz"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "docs").mkdir()
    return tmp_path


def problems_in(root: Path, file: str) -> list:
    try:
        knowledge_base.load(root)
    except ValidationFailed as failed:
        return [p for p in failed.problems if p.file == file]
    return []


# --- make new-entry ------------------------------------------------------------------------------------------

def test_new_entry_writes_a_valid_skeleton_with_both_languages(tmp_path, capsys):
    root = data_copy(tmp_path)
    assert new_entry.main(["brand-safety", "--root", str(root)]) == 0
    path = root / "glossary" / "terms" / "brand-safety.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/entry.schema.json"
    assert sum(1 for line in text.splitlines() if "#" in line) >= 10, "the skeleton explains its lines"
    doc, problems = strict_yaml.load(path)
    assert not problems
    assert not schemas.check(doc, root / "glossary" / "schema" / "entry.schema.json"), "follows the schema"
    assert doc.data["id"] == "brand-safety" and set(doc.data) >= {"nl", "en"}
    assert {"term", "definition"} <= set(doc.data["nl"]) and {"term", "definition"} <= set(doc.data["en"])
    assert "make check" in capsys.readouterr().out


def test_an_unfilled_skeleton_cannot_pass_the_check(tmp_path):
    root = data_copy(tmp_path)
    new_entry.main(["brand-safety", "--root", str(root)])
    problems = problems_in(root, "glossary/terms/brand-safety.yaml")
    assert len(problems) == 7 and all("placeholder" in p.what for p in problems)


@pytest.mark.parametrize("given, words", [
    ("influencer", "glossary/terms/influencer.yaml already exists"),
    ("Brand Safety", "ID=brand-safety"),
    ("brand_safety", "not a valid id"),
    ("merkveiligheid-é", "ID=merkveiligheid-e"),
    ("-brand", "not a valid id"),
    ("", "give the id of the new entry"),
    ("todo-brand", "placeholders"),
])
def test_new_entry_refuses_taken_or_malformed_ids(tmp_path, capsys, given, words):
    root = data_copy(tmp_path)
    before = sorted(p.name for p in (root / "glossary" / "terms").iterdir())
    original = (root / "glossary" / "terms" / "influencer.yaml").read_text(encoding="utf-8")
    assert new_entry.main([given, "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Not written: ") and words in err
    assert sorted(p.name for p in (root / "glossary" / "terms").iterdir()) == before
    assert (root / "glossary" / "terms" / "influencer.yaml").read_text(encoding="utf-8") == original


def test_make_new_entry_passes_the_id_through():
    result = subprocess.run(["make", "-n", "new-entry", "ID=brand-safety"], cwd=ROOT, capture_output=True, text=True)
    assert 'kb new-entry "brand-safety"' in result.stdout


# --- translation status ----------------------------------------------------------------------------------------

def _text(definition: str, term: str = "influencer") -> LangText:
    return LangText(term=term, definition=definition)


def test_fingerprint_follows_words_not_line_breaks():
    one = ts.fingerprint(_text("Someone who shapes\nthe choices of an audience."))
    assert re.fullmatch(r"[0-9a-f]{8}", one)
    assert one == ts.fingerprint(_text("Someone who shapes the choices   of an audience."))
    assert one != ts.fingerprint(_text("Someone who shapes the choices of a crowd."))
    assert one != ts.fingerprint(LangText("influencer", "Someone who shapes the choices of an audience.",
                                          synonyms=["creator"]))


def _entry(nl: str, en: str, stored: dict | None):
    return catalog.Entry("x", "concept", [], [], {"nl": _text(nl), "en": _text(en)}, translation=stored or {})


def test_status_of_each_situation():
    nl, en = "Een definitie.", "A definition."
    prints = {"nl": ts.fingerprint(_text(nl)), "en": ts.fingerprint(_text(en))}
    assert ts.status(_entry(nl, en, None)).state == ts.UNREVIEWED
    assert ts.status(_entry(nl, en, prints)).state == ts.OK
    changed_en = ts.status(_entry(nl, "A better definition.", prints))
    assert (changed_en.state, changed_en.stale, changed_en.changed) == (ts.STALE, "nl", "en")
    assert ts.status(_entry("Anders.", "Other.", prints)).state == ts.CHANGED


def test_recording_a_review_adds_one_line_and_detects_a_later_change(tmp_path, capsys):
    root = data_copy(tmp_path)
    path = root / "glossary" / "terms" / "influencer.yaml"
    before = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                     if not line.startswith("translation:"))        # start from a never-reviewed entry
    path.write_text(before, encoding="utf-8")
    assert translations.main(["--root", str(root), "reviewed", "influencer"]) == 0
    after = path.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(after.splitlines()) == len(before.splitlines()) + 1 and len(added) == 1
    assert re.match(r'^translation: \{nl: "[0-9a-f]{8}", en: "[0-9a-f]{8}"\}', added[0])
    assert knowledge_base.load(root).entries["influencer"].translation, "the recorded line passes the check"

    # The English text changes; the Dutch one does not: Dutch is now out of date (a warning, exit 0).
    doc, _ = strict_yaml.load(path)
    old = doc.data["en"]["definition"].split()[0]
    path.write_text(after.replace(f"    {old} ", f"    Put simply, {old.lower()} ", 1), encoding="utf-8")
    capsys.readouterr()
    assert translations.main(["--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "glossary/terms/influencer.yaml:" in out and "the Dutch text may be out of date" in out
    assert "make translations-reviewed ID=influencer" in out
    assert translations.main(["--root", str(root), "--strict"]) == 1
    capsys.readouterr()
    assert validate.main(["--root", str(root)]) == 0, "make check shows it as a warning and passes"
    assert "warning: glossary/terms/influencer.yaml:" in capsys.readouterr().out

    assert translations.main(["--root", str(root), "reviewed", "influencer"]) == 0
    assert ts.status(knowledge_base.load(root).entries["influencer"]).state == ts.OK
    assert path.read_text(encoding="utf-8").count("translation:") == 1, "updated in place, not added twice"


def test_recording_replaces_a_hand_written_block():
    text = ("id: x\ntranslation:\n  nl: \"00000000\"\n  en: \"11111111\"\nnl:\n  term: x\n")
    result = ts.with_fingerprints(text, {"nl": "0a0a0a0a", "en": "12345678"})
    assert result.splitlines()[1].startswith('translation: {nl: "0a0a0a0a", en: "12345678"}')
    assert result.splitlines()[2:] == ["nl:", "  term: x"], "the old block's lines are gone, the rest is kept"
    assert yaml.safe_load(result)["translation"] == {"nl": "0a0a0a0a", "en": "12345678"}, "quoted, so not a number"


def test_recording_refuses_an_unknown_id(tmp_path, capsys):
    root = data_copy(tmp_path)
    assert translations.main(["--root", str(root), "reviewed", "no-such-entry"]) == 2
    assert "no entry with the id no-such-entry" in capsys.readouterr().err


def test_report_block_in_both_languages():
    kb = knowledge_base.load(ROOT)
    for lang, words in (("nl", "| Begrip | Status | Wat te doen |"), ("en", "| Term | Status | What to do |")):
        block = ts.report(kb, lang)
        assert words in block
        assert block.count("](glossary/") == len(kb.entries), "one linked row per entry"


def test_translation_labels_have_both_languages():
    assert all(set(value) == {"nl", "en"} for value in ts.LABELS.values())


# --- schemas for editors ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_against_its_metaschema(schema_path):
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_check_jsonschema_accepts_the_schemas():
    result = subprocess.run([str(BIN / "check-jsonschema"), "--check-metaschema", *map(str, SCHEMAS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _fields(schema: dict, path=()):
    """Every named field of a schema (properties, also inside list items and $defs), with its path."""
    for key, sub in (schema.get("properties") or {}).items():
        yield path + (key,), sub
        yield from _fields(sub, path + (key,))
        if isinstance(sub.get("items"), dict):
            yield from _fields(sub["items"], path + (key, "[]"))
    for key, sub in (schema.get("$defs") or {}).items():
        yield from _fields(sub, path + ("$defs", key))


@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: p.name)
def test_every_field_has_help_for_editors(schema_path):
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    lacking = []
    for path, sub in _fields(schema):
        if "description" not in sub:
            lacking.append(("description", path))
        simple = sub.get("type") in ("string", "integer", "number") and "$ref" not in sub
        if simple and not ({"examples", "enum", "const"} & set(sub)):
            lacking.append(("examples or enum", path))
    assert not lacking, f"{schema_path.name}: fields without {lacking}"


@pytest.mark.parametrize("schema_path", SCHEMAS, ids=lambda p: p.name)
def test_schema_examples_are_valid_values(schema_path):
    """An editor offers the examples as completions: each must pass its own field's rules."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    for path, sub in _fields(schema):
        for example in sub.get("examples", []):
            errors = list(cls({**sub, "$defs": schema.get("$defs", {})}).iter_errors(example))
            assert not errors, f"{schema_path.name} {path}: example {example!r}: {errors[0].message}"


# --- the guide --------------------------------------------------------------------------------------------------

def _yaml_blocks(page: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guides_complete_example_passes_the_check(tmp_path, guide):
    example = next(block for block in _yaml_blocks(guide) if block.startswith("# yaml-language-server"))
    root = data_copy(tmp_path)
    entry_id = yaml.safe_load(example)["id"]
    (root / "glossary" / "terms" / f"{entry_id}.yaml").write_text(example, encoding="utf-8")
    assert not problems_in(root, f"glossary/terms/{entry_id}.yaml")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guides_source_tier_and_quiz_examples_follow_their_schemas(guide):
    items = {"key": ("glossary/schema/sources.schema.json", ("properties", "sources", "items")),
             "source": ("glossary/schema/tiers.schema.json", None),
             "id": ("quiz/schema/items.schema.json", ("properties", "items", "items"))}
    checked = 0
    for block in _yaml_blocks(guide):
        if block.startswith("# yaml-language-server"):
            continue
        item = yaml.safe_load(block)[0]
        schema_file, where = items[next(iter(item))]
        schema = json.loads((ROOT / schema_file).read_text(encoding="utf-8"))
        if where is None:           # a tier scheme: the schema's list of schemes, whatever it is called
            where = ("properties", "schemes", "items")
        sub = schema
        for step in where:
            sub = sub[step]
        sub = {**sub, "$defs": schema.get("$defs", {})} if isinstance(sub, dict) else sub
        errors = list(jsonschema.validators.validator_for(schema)(sub).iter_errors(item))
        assert not errors, f"{guide.name}: example {next(iter(item.values()))}: {errors[0].message}"
        checked += 1
    assert checked == 3


def test_contributing_md_is_the_english_guide():
    from kb.cli import contributing_md
    expected = contributing_md.render(contributing_md.PAGE.read_text(encoding="utf-8"))
    assert (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8") == expected, \
        "CONTRIBUTING.md is out of date: run kb contributing-md"
    assert "{#" not in expected and "docs/contributing.nl.md" in expected


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_covers_every_task(guide):
    text = guide.read_text(encoding="utf-8")
    for anchor in ("add-entry", "example", "fix", "translation", "add-source", "tiers", "quiz", "preview",
                   "checks", "pre-commit", "pull-request"):
        assert "{#" + anchor + "}" in text, f"{guide.name} lacks the section #{anchor}"
    for command in ("make new-entry ID=", "make check", "make serve", "make tiers", "make translations-reviewed",
                    "glossary/tiers.yaml", "quiz/"):
        assert command in text


# --- pull-request automation ------------------------------------------------------------------------------------

def _check_jsonschema(builtin: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", builtin, *map(str, files)],
                          capture_output=True, text=True)


def test_workflows_follow_the_github_schema():
    files = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert any(f.name == "pr.yml" for f in files)
    result = _check_jsonschema("vendor.github-workflows", files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_follow_the_github_schema():
    forms = sorted(p for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    assert {p.stem for p in forms} >= {"new-term", "fix-definition", "translation"}
    result = _check_jsonschema("vendor.github-issue-forms", forms)
    assert result.returncode == 0, result.stdout + result.stderr
    result = _check_jsonschema("vendor.github-issue-config", [ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_workflow_runs_every_check_and_uploads_the_site():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]             # PyYAML reads the key 'on' as true
    (job,) = flow["jobs"].values()
    steps = job["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "3.11" in str(job.get("container", "")) + json.dumps(steps)
    assert "apt-get install" in runs and "chromium" in runs
    order = [runs.index(f"make {target}") for target in ("check", "tiers", "build", "test")]
    assert order == sorted(order)
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_pull_request_template_has_a_checklist():
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert 3 <= text.count("- [ ]") <= 8 and "make check" in text


# --- pre-commit and yamllint ------------------------------------------------------------------------------------

def test_pre_commit_runs_the_validator_and_yamllint():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    validate, lint = hooks["kb-validate"], hooks["yamllint"]
    assert validate["entry"] == "env PYTHONPATH=src python -m kb validate" and validate["pass_filenames"] is False
    for changed in ("glossary/terms/influencer.yaml", "glossary/sources.yaml", "quiz/thesis-findings.yaml",
                    "glossary/schema/entry.schema.json"):
        assert re.search(validate["files"], changed), changed
    assert not re.search(validate["files"], "src/kb/glossary/load.py")
    assert "-c .yamllint.yml" in lint["entry"]
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    pins.update(line.split("==") for line in (ROOT / "requirements-test.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    for hook in hooks.values():
        for dep in hook.get("additional_dependencies", []):
            name, version = dep.split("==")
            assert pins.get(name) == version, f"pre-commit pins {dep}, the project pins {name}=={pins.get(name)}"


def test_validator_needs_only_the_hooks_dependencies():
    """pre-commit installs just PyYAML, jsonschema, Markdown and nh3 for the validator (.pre-commit-config.yaml):
    it must not import more (no engine, no export libraries, no browser)."""
    blocker = ("import sys, runpy\n"
               "class Block:\n"
               "    def find_spec(self, name, path=None, target=None):\n"
               "        if name.split('.')[0] in {'mkdocs', 'material', 'pymdownx', 'segno',\n"
               "                                  'openpyxl', 'genanki', 'playwright'}:\n"
               "            raise ImportError('not installed by pre-commit: ' + name)\n"
               "sys.meta_path.insert(0, Block())\n"
               f"sys.argv = ['kb', 'validate', '--root', {str(ROOT)!r}]\n"
               "runpy.run_module('kb', run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert "not installed by pre-commit" not in result.stderr, result.stderr[-2000:]


def test_yamllint_passes_on_the_real_files():
    result = subprocess.run([str(BIN / "yamllint"), "-c", ".yamllint.yml", "--no-warnings", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_yamllint_flags_what_the_validator_refuses(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: no\nb: On\nc: 1\nc: 2\nd: 010\ne: true\n", encoding="utf-8")
    result = subprocess.run([str(BIN / "yamllint"), "-c", str(ROOT / ".yamllint.yml"), "-f", "parsable", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if "[error]" in line]
    assert {"truthy", "key-duplicates", "octal-values"} <= {re.search(r"\((.+)\)$", e).group(1) for e in errors}
    assert not any(":6:" in e for e in errors), "true/false stay allowed"


# --- the whole walk-through -------------------------------------------------------------------------------------

BRAND_SAFETY = """\
# yaml-language-server: $schema=../schema/entry.schema.json
id: brand-safety
category: practice
related: [influencer-marketing, sponsored-content]
sources:
  - {key: retailinnovatie-rotterdam, locator: "section 'Merkresonantie'"}
nl:
  term: merkveiligheid
  definition: >-
    Maatregelen waarmee een merk voorkomt dat zijn naam terechtkomt naast inhoud die het merk kan schaden.
en:
  term: brand safety
  definition: >-
    Measures that keep a brand's name away from content that could harm the brand.
"""


def test_walk_through_from_scaffold_to_built_page(tmp_path):
    project = copy_project(tmp_path / "project")
    validate = [sys.executable, "-m", "kb", "validate", "--root", str(project)]
    assert new_entry.main(["brand-safety", "--root", str(project)]) == 0
    first = subprocess.run(validate, capture_output=True, text=True)
    assert first.returncode == 1 and "glossary/terms/brand-safety.yaml:10:9: 'term' still contains" in first.stderr

    (project / "glossary" / "terms" / "brand-safety.yaml").write_text(BRAND_SAFETY, encoding="utf-8")
    second = subprocess.run(validate, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr

    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    nl = (project / "site" / "glossary" / "brand-safety" / "index.html").read_text(encoding="utf-8")
    en = (project / "site" / "en" / "glossary" / "brand-safety" / "index.html").read_text(encoding="utf-8")
    assert "merkveiligheid" in nl.lower() and "brand safety" in en.lower()
    status = (project / "site" / "en" / "translations" / "index.html").read_text(encoding="utf-8")
    assert "brand-safety" in status


# --- the guide and the maintainers' page in a real browser --------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", ["contributing/", "translations/"])
def test_guide_and_translation_status_pages_have_no_wcag_violations(page, site_url, lang, path):
    from quality_site import axe_violations, describe, open_page
    open_page(page, site_url, lang, path)
    assert page.locator("main table").count() >= 1, "the page shows its table(s)"
    violations = axe_violations(page)
    assert not violations, f"{page.url}: axe-core found:\n{describe(violations)}"
