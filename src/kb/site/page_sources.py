"""Which file in the repository a contributor changes to change a page: the address behind its edit link.

Term pages, the A-Z list and the sources page are generated (docs/glossary/, docs/sources/ are never
committed), so their edit link goes to the data they are made from; a hand-written page links to its own
language's Markdown file. Plain functions of the page's source path, so the engine adapter only asks.
"""
from __future__ import annotations

from urllib.parse import quote

from kb import LANGS

BRANCH = "main"
EDIT, FOLDER = "edit", "tree"          # GitHub's address words: open a file in the editor, or show a folder


def source_file(src_uri: str) -> tuple[str, str]:
    """(path in the repository, EDIT or FOLDER) for the page MkDocs reads from docs/<src_uri>, e.g.
    'glossary/influencer.en.md' -> ('glossary/terms/influencer.yaml', EDIT)."""
    parts = src_uri.split("/")
    name = parts[-1].split(".")
    stem = name[0] if len(name) >= 3 and name[-2] in LANGS and name[-1] == "md" else None
    if len(parts) == 2 and parts[0] == "glossary" and stem:
        return ("glossary/terms", FOLDER) if stem == "index" else (f"glossary/terms/{stem}.yaml", EDIT)
    if len(parts) == 2 and parts[0] == "sources" and stem == "index":
        return "glossary/sources.yaml", EDIT
    return f"docs/{src_uri}", EDIT


def edit_url(repo_url: str, src_uri: str) -> str | None:
    """The page's edit link on the repository host, or None without a repository address."""
    if not repo_url:
        return None
    path, kind = source_file(src_uri)
    return f"{repo_url.rstrip('/')}/{kind}/{BRANCH}/{quote(path)}"
