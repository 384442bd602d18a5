"""Write generated pages into docs/ only when their text changed, and remove pages no longer generated.

Writing an unchanged file would wake `mkdocs serve`'s watcher and rebuild forever.
"""
from __future__ import annotations

from pathlib import Path


def sync(docs_dir: Path, pages: dict[str, str], owned_dirs: tuple[str, ...]) -> int:
    """Make the generated folders hold exactly `pages`. Returns how many files were written or removed."""
    changed = 0
    for rel_path, text in pages.items():
        target = docs_dir / rel_path
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed += 1
    wanted = {docs_dir / p for p in pages}
    for folder in owned_dirs:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).exists() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                changed += 1
    return changed
