#!/usr/bin/env python3
"""Benchmark the site build at scale; print the figures, check the budgets and write bench-results.json.

Usage: kb bench [--sizes 100 500 1000] [--repeat 2] [--no-profile] [--keep]   (also: make bench)

Every build runs in a throw-away copy of the project (kb.engines.mkdocs.bench_corpus fills its glossary with
synthetic entries), so the real content and site/ are never touched. Times are wall-clock seconds of a
fresh `mkdocs build --strict` process, the best of --repeat runs, as a contributor or CI sees them.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from kb.engines.mkdocs import bench_corpus
from kb.engines.mkdocs import serve_session

ROOT = bench_corpus.ROOT
RESULT_FILE = ROOT / "bench-results.json"
SIZES = (100, 500, 1000)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# name -> (limit, unit, what it measures). The budgets for this 2-core machine.
BUDGETS = {
    "build_1000": (8.45, "s", "1,000 entries x 2 languages, full strict build"),
    "growth_1000_500": (2.2, "x", "growth time(1000)/time(500)"),
    "build_real": (5.0, "s", "real site, full strict build"),
    "validate_real": (0.5, "s", "validation of the real data (kb validate)"),
    "serve_rebuild_real": (1.5, "s", "real site: serve rebuild after editing one entry"),
    "term_page_kb": (40.0, "KB", "largest term page, HTML"),
    "page_js_gz_kb": (12.0, "KB", "the site's own JS one page loads (the heaviest page), gzipped"),
}

# Where the time of one build goes: (label, file name ending, function name) of functions whose cumulative
# time the profile reports. Nested rows (indented labels) are part of the row above them.
PROFILE_ROWS = [
    ("whole build (both languages)", "mkdocs/commands/build.py", "build"),
    ("  English build, run by the i18n plugin (a second process in a real build)", "mkdocs_static_i18n/plugin.py",
     "on_post_build"),
    ("  Markdown -> HTML (Python-Markdown)", "mkdocs/structure/pages.py", "render"),
    ("  page templates (Material, Jinja)", "jinja2/environment.py", "render"),
    ("    navigation rendered per page", "material/templates/partials/nav.html", "root"),
    ("  search index (Material search plugin)", "material/plugins/search/plugin.py", "on_page_context"),
    ("  search index merge of both languages", "mkdocs_static_i18n/reconfigure.py", "reconfigure_search_index"),
    ("  sitemap.xml and other theme files", "mkdocs/commands/build.py", "_build_theme_template"),
    ("  static files copied", "mkdocs/structure/files.py", "copy_static_files"),
    ("  our hook: validate + generate pages", "kb/engines/mkdocs/hook.py", "on_pre_build"),
    ("    validation (kb.site.load.load)", "kb/site/load.py", "load"),
    ("    page generation (kb.glossary.render.generate)", "kb/glossary/render.py", "generate"),
    ("    writing changed pages (kb.site.files.sync)", "kb/site/files.py", "sync"),
    ("  our hook: generated blocks", "kb/engines/mkdocs/hook.py", "on_page_markdown"),
    ("    generated blocks: quiz, tiers, translations (kb.site.blocks)", "kb/site/blocks.py", "expand"),
    ("  our hook: sanitise + hover definitions", "kb/engines/mkdocs/hook.py", "on_page_content"),
    ("    sanitise (nh3)", "kb/site/sanitise.py", "clean"),
    ("    hover definitions (kb.glossary.tooltips.annotate)", "kb/glossary/tooltips.py", "annotate"),
    ("  our hook: downloads and quiz banks put in place (made by a second process)", "kb/engines/mkdocs/hook.py",
     "on_post_build"),
]


# ---------------------------------------------------------------- measuring

def timed_build(project: Path, repeat: int) -> tuple[float, list[float], float, Path]:
    """Best wall time of `repeat` fresh strict builds of `project`, all runs, and the CPU seconds of the best.

    CPU time (user + system of the build process) hardly moves when other work shares the machine; the
    wall time does. A failed build stops the benchmark."""
    site = project / "site"
    runs, cpu = [], []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        before = _children_cpu()
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=project, capture_output=True, text=True, env=ENV)
        runs.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - before)
        if result.returncode != 0:
            raise SystemExit(f"the build of {project} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    best = min(range(repeat), key=runs.__getitem__)
    return runs[best], runs, cpu[best], site


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_validation(project: Path, repeat: int) -> float:
    """Wall time of `kb validate` (what `make check` runs), best of `repeat`."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "kb", "validate", "--root", str(project)],
                                capture_output=True, text=True, env=ENV)
        runs.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"validation of {project} failed:\n{result.stderr[-3000:]}")
    return min(runs)


FLOOR_HOOK = '''"""Benchmark only: the site engine without our hook's work (validation, page generation, blocks, hover
definitions, sanitising, downloads). What the real build does with the engine itself stays: no search-index
dedup (each language gets its own index) and the English pages built in a second process."""
from kb.engines.mkdocs import parallel


def on_startup(command, dirty):
    parallel.configure(command, dirty)


def on_config(config):
    i18n = config.plugins["i18n"]
    i18n.reconfigure_search_duplicates = lambda entries: None


def on_pre_build(config):
    parallel.start(config, on_child=lambda: None)
'''


def engine_floor(project: Path, repeat: int) -> float | None:
    """Build the pages a real build of `project` generated, without our hook: what MkDocs + Material + i18n
    cost on their own, the part of the build time our code cannot reduce. None if that build fails."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    floor_config = re.sub(r"(?m)^hooks:\n(?:[ \t]+- .*\n)+", "hooks:\n  - hooks/bench_floor_hook.py\n", config)
    # not strict: without the generated blocks, pages link to anchors that are not there (warnings only)
    floor_config = re.sub(r"(?m)^strict: true", "strict: false", floor_config)
    if floor_config == config or not (project / "docs" / "glossary").is_dir():
        return None
    (project / "hooks" / "bench_floor_hook.py").write_text(FLOOR_HOOK, encoding="utf-8")
    (project / "mkdocs-floor.yml").write_text(floor_config, encoding="utf-8")
    runs = []
    for _ in range(max(1, repeat - 1)):       # one run is enough beside the full builds; keeps make bench short
        site = project / "site-floor"
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs-floor.yml", "--site-dir",
                                 str(site)], cwd=project, capture_output=True, text=True, env=ENV)
        runs.append(time.perf_counter() - start)
        if result.returncode != 0:
            return None
    return min(runs)


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def term_pages(site: Path) -> list[Path]:
    """The built term pages of both languages (site/glossary/<id>/index.html, site/en/glossary/<id>/...)."""
    found = []
    for glossary in (site / "glossary", site / "en" / "glossary"):
        found.extend(p for p in glossary.glob("*/index.html"))
    return found


def largest_term_page_kb(site: Path) -> tuple[float, str]:
    pages = term_pages(site)
    if not pages:
        return 0.0, ""
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.stat().st_size / 1024, str(biggest.relative_to(site))


def site_js_gz_kb(root: Path = ROOT) -> tuple[float, dict[str, float]]:
    """Gzipped size of each of the site's own scripts (docs/assets/*.js; vendored copies not included)."""
    sizes = {p.name: len(gzip.compress(p.read_bytes(), 9)) / 1024 for p in sorted((root / "docs" / "assets").glob("*.js"))}
    return sum(sizes.values()), sizes


_SCRIPT_SRC = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def page_js_gz_kb(site: Path, root: Path = ROOT) -> tuple[float, str]:
    """The heaviest page by the site's own scripts it loads (gzipped; docs/assets/*.js only: Material's bundle,
    vendored copies and the data files that scripts fetch later, such as question banks, do not count)."""
    own = {p.name: len(gzip.compress(p.read_bytes(), 9)) / 1024 for p in (root / "docs" / "assets").glob("*.js")}
    heaviest, where = 0.0, ""
    for page in sorted(site.rglob("*.html")):
        names = {src.split("?")[0].rsplit("/", 1)[-1] for src in _SCRIPT_SRC.findall(page.read_text(encoding="utf-8"))
                 if "/assets/" in "/" + src and "javascripts/" not in src and "vendor/" not in src}
        weight = sum(own.get(name, 0.0) for name in names)
        if weight > heaviest:
            heaviest, where = weight, str(page.relative_to(site))
    return heaviest, where


def edit_definition(text: str) -> str:
    """An entry file with "Edited. " before its first definition, a plain text (synthetic entries) or a folded
    block (real ones: writing it after "definition: >-" broke the YAML, and the real-size measurement with it)."""
    return re.sub(r"(definition: (?:>-\n\s+)?)", r"\1Edited. ", text, count=1)


SERVE_METHOD = "in process: load_config + build(dirty=True), as make serve (mkdocs serve --dirty) does"


def serve_rebuild(project: Path) -> dict:
    """Time one rebuild after editing one entry, the way `make serve` (`mkdocs serve --dirty`) rebuilds
    (kb.engines.mkdocs.serve_session: only what the edit changed is rendered again). The watcher's polling
    delay (about 0.5 s) comes on top in real use."""
    import logging

    logging.disable(logging.WARNING)
    site = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    session = serve_session.ServeSession(project, site)
    first, first_cpu = session.rebuild()
    terms = project / "glossary" / "terms"
    entry = (sorted(terms.glob(f"{bench_corpus.PREFIX}*.yaml")) or sorted(terms.glob("*.yaml")))[0]
    session.settle()
    entry.write_text(edit_definition(entry.read_text(encoding="utf-8")), encoding="utf-8")
    edited, edited_cpu = session.rebuild()
    shutil.rmtree(site, ignore_errors=True)
    return {"first_build_s": first, "rebuild_after_edit_s": edited, "edited_file": entry.name,
            "first_build_cpu_s": first_cpu, "rebuild_after_edit_cpu_s": edited_cpu}


def profile_build(project: Path, top: int = 25) -> dict:
    """cProfile one full build of `project` in this process: the PROFILE_ROWS breakdown and the top functions.

    Both languages are built in this one process (KB_SEQUENTIAL_BUILD), so the profile sees all page work;
    the downloads and quiz banks are made by a second process all the same and are not in it."""
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.WARNING)
    site = Path(tempfile.mkdtemp(prefix="kb-bench-profile-"))
    os.environ["KB_SEQUENTIAL_BUILD"] = "1"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.enable()
    build(config)
    profiler.disable()
    shutil.rmtree(site, ignore_errors=True)
    stats = pstats.Stats(profiler).stats
    rows = []
    for label, file_end, func in PROFILE_ROWS:
        seconds = sum(v[3] for (file, _, name), v in stats.items() if name == func and file.endswith(file_end))
        rows.append({"what": label, "seconds": round(seconds, 3)})
    own = sorted(((v[2], f"{Path(file).parent.name}/{Path(file).name}:{line}({name})")
                  for (file, line, name), v in stats.items()), reverse=True)[:top]
    return {"rows": rows, "top_own_time": [{"where": where, "seconds": round(s, 3)} for s, where in own]}


def run_child(mode: str, project: Path) -> dict:
    """Run serve_rebuild/profile_build in a fresh interpreter, so no state leaks between measurements."""
    result = subprocess.run([sys.executable, "-m", "kb.engines.mkdocs.bench", f"--{mode}", str(project)], capture_output=True,
                            text=True, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- reporting

def machine() -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "PyYAML", "jsonschema", "jsonschema-rs", "nh3"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {"platform": platform.platform(), "cpu": cpu, "cores": cores, "python": platform.python_version(),
            "packages": versions, "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
            "commit": _git("rev-parse", "HEAD"), "uncommitted_changes": bool(_git("status", "--porcelain"))}


def _git(*args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def verdicts(figures: dict) -> dict:
    out = {}
    for name, (limit, unit, what) in BUDGETS.items():
        value = figures.get(name)
        out[name] = {"what": what, "limit": limit, "unit": unit, "value": None if value is None else round(value, 3),
                     "verdict": "n/a" if value is None else ("PASS" if value <= limit else "FAIL")}
    return out


def print_report(result: dict) -> None:
    m = result["machine"]
    print(f"\nBuild benchmark — {m['cores']} cores ({m['cpu']}), Python {m['python']}, "
          f"mkdocs {m['packages']['mkdocs']}, material {m['packages']['mkdocs-material']}, "
          f"i18n {m['packages']['mkdocs-static-i18n']}; best of {result['repeat']} runs\n")
    load = m["load_average_at_start"]
    if load and load[0] > m["cores"]:
        print(f"  NOTE: the machine was busy (load {load[0]:.1f} on {m['cores']} cores): wall times are inflated; "
              "CPU seconds are the steadier figure.\n")
    print(f"  {'entries':>8}  {'wall s':>7}  {'CPU s':>6}  {'pages':>6}  {'ms/page':>8}  all runs (wall s)")
    for row in result["builds"]:
        runs = ", ".join(f"{r:.2f}" for r in row["runs_s"])
        print(f"  {row['label']:>8}  {row['wall_s']:7.2f}  {row['cpu_s']:6.2f}  {row['pages']:6d}  "
              f"{row['ms_per_page']:8.1f}  {runs}")
    f = result["figures"]
    if f.get("growth_1000_500") is not None:
        print(f"\n  growth time(1000)/time(500): {f['growth_1000_500']:.2f} (in CPU seconds: "
              f"{f['growth_1000_500_cpu']:.2f})")
    for key in ("serve_real", "serve"):
        if key in result:
            s = result[key]
            print(f"  mkdocs serve case (in process, hook state warm, {s['entries']} entries): rebuild after editing "
                  f"{s['edited_file']}: {s['rebuild_after_edit_s']:.2f} s (CPU {s['rebuild_after_edit_cpu_s']:.2f}); "
                  f"first build in that process {s['first_build_s']:.2f} s")
    floor = [(k, v) for k, v in f.items() if k.startswith("engine_floor_") and v is not None]
    for key, value in floor:
        n = key.rsplit("_", 1)[1]
        print(f"  engine floor, {n} entries (same pages and process layout, MkDocs + Material + i18n without our "
              "hook's work): "
              f"{value:.2f} s; our hook and what it adds to the pages: {f[f'build_{n}'] - value:.2f} s")
    for label, key in (("real data", "validate_real"), ("1,000 entries", "validate_1000")):
        if f.get(key) is not None:
            print(f"  validator alone (kb validate), {label}: {f[key]:.2f} s")
    print(f"  largest term page: {f['term_page_kb']:.1f} KB ({result['largest_term_page']})")
    js = ", ".join(f"{name} {kb:.1f}" for name, kb in result["site_js_gz_kb"].items()) or "none"
    print(f"  site JS gzipped: {f['site_js_gz_kb']:.1f} KB in all ({js}); the heaviest page loads "
          f"{f.get('page_js_gz_kb') or 0:.1f} KB ({result.get('heaviest_js_page', '?')})")
    vendored = ", ".join(f"{name} {kb:.1f}" for name, kb in result.get("vendored_js_gz_kb", {}).items())
    if vendored:
        print(f"  vendored JS gzipped, not counted as the site's own: {vendored}")
    print("\nBudgets:")
    for v in result["budgets"].values():
        value = "—" if v["value"] is None else f"{v['value']:.2f} {v['unit']}"
        print(f"  {v['verdict']:4}  {v['what']}: {value} (budget {v['limit']} {v['unit']})")
    if "profile" in result:
        p = result["profile"]
        print(f"\nWhere the time goes (cProfile of one {p['entries']}-entry build, both languages in one process; "
              "profiling slows it down, compare the shares):")
        total = p["rows"][0]["seconds"] or 1
        for row in p["rows"]:
            print(f"  {row['seconds']:7.2f} s {100 * row['seconds'] / total:5.1f} %  {row['what']}")
        print("  functions with the most own time:")
        for row in p["top_own_time"][:10]:
            print(f"  {row['seconds']:7.2f} s  {row['where']}")


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="entry counts to build")
    parser.add_argument("--repeat", type=int, default=2, help="builds per size; the best is reported")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run of the largest size")
    parser.add_argument("--output", type=Path, default=RESULT_FILE, help="where to write the JSON result")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects (their path is printed)")
    parser.add_argument("--serve-rebuild", type=Path, help=argparse.SUPPRESS)     # child modes
    parser.add_argument("--profile-build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_rebuild:
        print(json.dumps(serve_rebuild(args.serve_rebuild)))
        return 0
    if args.profile_build:
        print(json.dumps(profile_build(args.profile_build)))
        return 0

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    result: dict = {"timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                    "repeat": args.repeat, "sizes": args.sizes, "builds": []}
    figures: dict = {}
    try:
        print(f"working in {work}", flush=True)
        real = bench_corpus.copy_project(work / "real")
        best, runs, cpu, site = timed_build(real, args.repeat)
        result["builds"].append(_build_row("real", len(list((real / "glossary" / "terms").glob("*.yaml"))),
                                           best, runs, cpu, site))
        figures["build_real"] = best
        figures["term_page_kb"], result["largest_term_page"] = largest_term_page_kb(site)
        figures["page_js_gz_kb"], result["heaviest_js_page"] = page_js_gz_kb(site)
        figures["validate_real"] = timed_validation(real, args.repeat)
        print(f"  real site: {best:.2f} s", flush=True)
        result["serve_real"] = {"entries": "real", "method": SERVE_METHOD,
                                **run_child("serve-rebuild", real)}
        figures["serve_rebuild_real"] = result["serve_real"]["rebuild_after_edit_s"]

        projects = {}
        for n in args.sizes:
            project = projects[n] = bench_corpus.make_project(work / f"n{n}", n)
            best, runs, cpu, site = timed_build(project, args.repeat)
            result["builds"].append(_build_row(str(n), n, best, runs, cpu, site))
            figures[f"build_{n}"] = best
            size_kb, where = largest_term_page_kb(site)
            if size_kb > figures["term_page_kb"]:
                figures["term_page_kb"], result["largest_term_page"] = size_kb, f"{n} entries: {where}"
            print(f"  {n} entries: {best:.2f} s", flush=True)
        if 500 in projects and 1000 in projects:
            figures["growth_1000_500"] = figures["build_1000"] / figures["build_500"]
            cpu = {row["label"]: row["cpu_s"] for row in result["builds"]}
            figures["growth_1000_500_cpu"] = cpu["1000"] / cpu["500"]
        largest = max(args.sizes)
        figures[f"engine_floor_{largest}"] = engine_floor(projects[largest], args.repeat)
        figures[f"validate_{largest}"] = timed_validation(projects[largest], args.repeat)
        result["serve"] = {"entries": largest, "method": SERVE_METHOD,
                           **run_child("serve-rebuild", projects[largest])}
        figures["serve_rebuild_s"] = result["serve"]["rebuild_after_edit_s"]
        figures["site_js_gz_kb"], result["site_js_gz_kb"] = site_js_gz_kb()
        result["vendored_js_gz_kb"] = {str(p.relative_to(ROOT / "docs" / "assets")): round(len(gzip.compress(
            p.read_bytes(), 9)) / 1024, 2) for p in sorted((ROOT / "docs" / "assets" / "vendor").rglob("*.js"))}
        if not args.no_profile:
            result["profile"] = {"entries": largest, **run_child("profile-build", projects[largest])}
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    result["figures"] = {k: None if v is None else round(v, 3) for k, v in figures.items()}
    result["budgets"] = verdicts(figures)
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    print_report(result)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.output} (benchmark took {result['bench_seconds']:.0f} s)")
    return 0


def _build_row(label: str, entries: int, best: float, runs: list[float], cpu: float, site: Path) -> dict:
    pages = html_pages(site)
    return {"label": label, "entries": entries, "wall_s": round(best, 3), "cpu_s": round(cpu, 3),
            "runs_s": [round(r, 3) for r in runs], "pages": pages,
            "ms_per_page": round(1000 * best / pages, 2) if pages else None}


if __name__ == "__main__":
    sys.exit(main())
