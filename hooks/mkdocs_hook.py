"""The hook mkdocs.yml names. The engine adapter lives in the package: src/kb/engines/mkdocs/hook.py."""
from kb.engines.mkdocs.hook import (  # noqa: F401 - MkDocs looks these names up on this module
    on_build_error, on_config, on_env, on_files, on_nav, on_page_content, on_page_context, on_page_markdown,
    on_post_build, on_post_page, on_pre_build, on_serve, on_startup,
)
