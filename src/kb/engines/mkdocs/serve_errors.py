"""`make serve` when a rebuild fails: the open tab shows the messages, and recovers by itself.

MkDocs' development server keeps the last good site and holds every page request until a build succeeds,
so a contributor who saves a broken file sees a frozen tab. `install` wraps the server's rebuild: the
warnings and errors a rebuild logs (the same lines the terminal shows) are collected; when it fails they
become one bilingual error page, served for every page address instead of the stale site. The rebuild then
counts as done, so MkDocs' live reload reloads the open tabs: they show the error page. After the fix the
next rebuild succeeds, the tabs reload again and show the site.
"""
from __future__ import annotations

import html
import logging
import threading
from pathlib import Path

ERROR_PAGE = "kb-build-error.html"
log = logging.getLogger("mkdocs.hooks.kb")

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#fff;color:#1d1d1f}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem;color:#b00020} h1 span{display:block;font-size:1.1rem;color:#555}
p{line-height:1.5;margin:.5rem 0}
pre{white-space:pre-wrap;word-break:break-word;background:#fff4f4;border:1px solid #e6b8b8;border-left:.4rem solid
#b00020;border-radius:.3rem;padding:1rem;font-size:.95rem;line-height:1.45;overflow:auto}
@media (prefers-color-scheme:dark){body{background:#1e1e24;color:#eee}h1{color:#ff8a80}h1 span{color:#bbb}
pre{background:#2b1f22;border-color:#6d3b3b;border-left-color:#ff8a80;color:#f3eaea}}
"""


def error_page(messages: str) -> str:
    """The page shown instead of the site while it cannot be built: the messages as the terminal shows them."""
    return f"""<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>De site kon niet worden gebouwd · The site could not be built</title><style>{_STYLE}</style></head>
<body><main id="kb-build-error">
<h1>De site kon niet worden gebouwd <span lang="en">The site could not be built</span></h1>
<p>Herstel wat hieronder staat en sla het bestand op: deze pagina laadt dan vanzelf opnieuw en toont de site.
Dezelfde meldingen staan in het venster waarin <code>make serve</code> draait.</p>
<p lang="en">Fix what is listed below and save the file: this page then reloads by itself and shows the site.
The same messages are in the window where <code>make serve</code> runs.</p>
<pre>{html.escape(messages)}</pre>
</main></body></html>
"""


class _Collect(logging.Handler):
    """The warning and error lines of one rebuild, as the terminal shows them."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return not path.startswith("/livereload/") and (last == "" or last.endswith(".html") or "." not in last)


def install(server):
    """Wrap the server's rebuild and its request handler (MkDocs' on_serve event); returns the server."""
    rebuild, serve_file = server.builder, server.get_app()
    failed: list[str] = []                   # the messages of the failed rebuild; empty while the site builds
    idle = threading.Event()                 # no rebuild running: `failed` says how the last one ended
    idle.set()

    def guarded_rebuild() -> None:
        idle.clear()
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            rebuild()
            failed.clear()                   # before `idle` is set: a waiting request then gets the new site
        except Exception as err:             # MkDocs' Abort, a plugin error, a template error, ...
            lines = [line for line in collect.lines if not line.startswith("An error happened during")]
            failed[:] = lines or [str(err)]
            Path(server.root, ERROR_PAGE).write_text(error_page("\n\n".join(failed)), encoding="utf-8")
            log.info("The open browser tab shows these messages now; it reloads by itself after the fix.")
            return                           # counted as done: live reload reloads the tabs onto the error page
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
            idle.set()

    def serve(environ, start_response):
        if failed and _is_page(environ.get("PATH_INFO", "")):
            idle.wait(timeout=600)           # a rebuild under way decides: the error page or the new site
        if failed and _is_page(environ.get("PATH_INFO", "")):
            environ = {**environ, "PATH_INFO": server.mount_path.rstrip("/") + "/" + ERROR_PAGE}
        return serve_file(environ, start_response)

    server.builder = guarded_rebuild
    server.set_app(serve)
    return server
