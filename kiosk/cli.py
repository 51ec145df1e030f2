"""The `kiosk` command: one function per verb. Qt is imported only by the verbs that show things."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.paths import default_content_dir
from kiosk.version import VersionAction

Verb = Callable[[argparse.Namespace], int]


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _report_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        _out(str(problem))
    _out(f"\n{len(problems)} problem(s) found; the kiosk keeps showing its last good content until they are fixed.")


def _report_warnings(warnings: Sequence[object], show_all: bool, shown: int = 20) -> None:
    """Warnings (texts a written variant still shows from its fallback), counted; the first
    `shown` of them located unless every one is asked for."""
    listed = warnings if show_all else warnings[:shown]
    for warning in listed:
        _out(f"warning: {warning}")
    if len(warnings) > len(listed):
        _out(f"... and {len(warnings) - len(listed)} more warning(s) (kiosk validate --all lists every one)")
    if warnings:
        _out(f"{len(warnings)} warning(s): visitors see these texts from the fallback language, marked.\n")


def cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.content import load_content

    result = load_content(args.content, args.media)
    _report_warnings(result.warnings, args.all)
    if result.problems:
        _report_problems(result.problems)
        return 1
    counts = ", ".join(f"{n} {what}" for what, n in result.summary().items())
    _out(f"{args.content}: OK: {counts}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kiosk.content.schema import SCHEMA_DIR_NAME, write_schemas

    out = args.out or Path(args.content) / SCHEMA_DIR_NAME
    for path in write_schemas(Path(out)):
        _out(f"wrote {path}")
    return 0


def cmd_proof(args: argparse.Namespace) -> int:
    from kiosk.content import load_content
    from kiosk.proof import counts, proof_rows, to_html, to_json
    from kiosk.script import ScriptEngine

    result = load_content(args.content, args.media)
    if result.problems or result.exhibition is None:
        _report_problems(result.problems)
        return 1
    settings = result.exhibition.settings
    known = [v.id for v in settings.variants]
    if args.variant is not None and args.variant not in known:
        sys.stderr.write(f"kiosk proof: unknown variant '{args.variant}' (exhibition.yaml variants: {', '.join(known)})\n")
        return 2
    rows = proof_rows(result, ScriptEngine(settings, result.exhibition.glossary))
    if args.json:
        _out(to_json(rows, args.variant))
        return 0
    page = to_html(rows, settings.variants, args.variant, script=settings.script)
    args.output.write_text(page, encoding="utf-8")
    _out(f"wrote {args.output}: {counts(rows, args.variant)}")
    return 0


def cmd_fidelity(args: argparse.Namespace) -> int:
    import dataclasses

    from kiosk.content import load_content
    from kiosk.fidelity import check_content_word_forms, measure_fidelity, to_json, to_table

    seeds = sorted(Path(args.seeds).glob("*.txt"))
    if not seeds:
        sys.stderr.write(f"kiosk fidelity: no source texts (*.txt) in {args.seeds}\n")
        return 1
    result = load_content(args.content)
    if result.exhibition is None:
        _report_problems(result.problems)
        return 1
    try:
        ex = result.exhibition
        report = measure_fidelity(seeds, ex.settings, ex.glossary, args.variant)
        report = dataclasses.replace(report, word_forms=check_content_word_forms(seeds, result, args.variant))
    except ValueError as exc:
        sys.stderr.write(f"kiosk fidelity: {exc}\n")
        return 2
    _out(to_json(report, args.top) if args.json else to_table(report, args.top))
    return 0


def _load_for_qt(args: argparse.Namespace):  # noqa: ANN202 - returns (LoadResult, media dir) or exits
    from kiosk.content import load_content
    from kiosk.paths import default_media_dir

    media = args.media or (Path(args.content).parent / "media" if args.content else default_media_dir())
    result = load_content(args.content, media)
    for problem in result.problems:
        _out(str(problem))
    return result, media


def _parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def cmd_run(args: argparse.Namespace) -> int:
    from kiosk.runtime.start import run_kiosk

    return run_kiosk(args.content_given, args.media, default_content=args.content, windowed=args.windowed,
                     size=_parse_size(args.size) if args.size else None)


def _offscreen_kiosks(args: argparse.Namespace, sizes: list[str]):  # noqa: ANN202 - yields Kiosk
    """A kiosk window on the offscreen platform per size, for the verbs that render unattended."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result, media = _load_for_qt(args)
    if not result.ok:
        _out(f"{args.verb}: content does not validate")
        raise SystemExit(1)
    from kiosk.ui.app import build_window, qt_application
    from kiosk.ui.snapshots import wait_for_warm_up

    qt_application()
    for size in sizes:
        kiosk = build_window(result, media)
        kiosk.window.resize(*_parse_size(size))
        kiosk.window.show()
        wait_for_warm_up(kiosk)
        yield size, kiosk
        kiosk.window.close()


def cmd_self_test(args: argparse.Namespace) -> int:
    from kiosk.ui.snapshots import self_test

    lower_edge_mm = height_mm = None
    if _settings_file_exists():
        from kiosk.runtime.settings import load_settings

        settings = load_settings()[0]
        lower_edge_mm, height_mm = settings.screen_lower_edge_mm, settings.screen_height_mm
    failures = 0
    for size, kiosk in _offscreen_kiosks(args, args.sizes):
        report = self_test(kiosk, lower_edge_mm=lower_edge_mm, height_mm=height_mm, larger=not args.normal_size_only)
        failures += len(report.failures)
        for failure in report.failures:
            _out(f"FAIL {size} {failure}")
        _out(f"self-test {size}: {report.renders} renders, {len(report.films)} films played, "
             f"{len(report.failures)} failures")
    return 1 if failures else 0


def cmd_soak(args: argparse.Namespace) -> int:
    from kiosk.soak import Soak, reload_many

    if args.reloads:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.ui.app import qt_application

        qt_application()
        media = args.media or Path(args.content).parent / "media"
        every = max(1, args.reloads // 10)
        reloads = reload_many(Path(args.content), media, args.reloads,
                              lambda n, rss: _out(f"{n:>5} reloads  RSS {rss:7.1f} MiB") if n % every == 0 else None,
                              _parse_size(args.size))
        _out(f"soak: {reloads.reloads} reloads, RSS {reloads.rss_after_first:.1f} MiB after the first, "
             f"{reloads.rss_after_last:.1f} MiB after the last ({reloads.growth_mib:+.1f} MiB), "
             f"{reloads.windows_alive} window alive")
        return 0
    _size, kiosk = next(_offscreen_kiosks(args, [args.size]))

    def progress(report) -> None:  # noqa: ANN001
        actions, rss, widgets = report.samples[-1]
        _out(f"{actions:>7} actions  RSS {rss:7.1f} MiB  widgets {widgets:6d}  errors {len(report.errors)}")

    report = Soak(kiosk, seed=args.seed).run(args.actions, progress)
    for error in report.errors[:10]:
        _out(error)
    _out(f"soak: {report.actions} actions in {report.seconds:.0f} s, {len(report.errors)} errors, "
         f"RSS growth after warm-up {report.rss_growth_mib:+.1f} MiB, widget growth {report.widget_growth:+d}")
    return 1 if report.errors else 0


def cmd_shots(args: argparse.Namespace) -> int:
    from kiosk.ui.snapshots import save_shots

    for size, kiosk in _offscreen_kiosks(args, args.sizes):
        for path in save_shots(kiosk, args.out, size):
            _out(f"wrote {path}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from kiosk.bench.run import run_bench

    return run_bench(args)


def cmd_supervise(args: argparse.Namespace) -> int:
    from kiosk.runtime.logs import setup_logging
    from kiosk.runtime.machine import data_dir
    from kiosk.runtime.settings import load_settings
    from kiosk.runtime.supervise import Supervisor, log, run_command

    settings, problems = load_settings()
    setup_logging(settings.log_level, data_dir(), name="supervise")
    for problem in problems:
        log.warning("settings: %s", problem)
    run_args = args.run_args[1:] if args.run_args[:1] == ["--"] else args.run_args
    return Supervisor(run_command(run_args)).run()


def cmd_hyphenate(args: argparse.Namespace) -> int:
    from kiosk.hyphenation import hyphenate_file

    hyphenate_file(args.words, args.answer)
    return 0


def cmd_film_still(args: argparse.Namespace) -> int:
    import os

    from kiosk.media.still import write_still

    code = write_still(args.film, args.out)
    sys.stdout.flush()
    sys.stderr.flush()
    # Straight out: tearing down a media player at interpreter exit is where players hang, and
    # the still is written and closed by now.
    os._exit(code)


def _add_content_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("content", nargs="?", type=Path, default=None, help="content folder (default: the bundled one)")
    parser.add_argument("--media", type=Path, default=None, help="media folder (default: media/ beside content/)")


def cmd_config(args: argparse.Namespace) -> int:
    from kiosk.runtime.configcmd import cmd_config as run_config

    return run_config(args)


def _add_config_parser(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # Declared here, run from kiosk.runtime.configcmd: importing that (pydantic, settings) for
    # every command would add ~0.1 s to each start.
    config = verbs.add_parser(
        "config", help="show or change this PC's settings (screen, admin PIN, idle timeout ...)"
    )
    config.set_defaults(func=cmd_config, action=None)
    actions = config.add_subparsers(dest="action", metavar="ACTION")
    get = actions.add_parser("get", help="print one setting's value")
    get.add_argument("key")
    set_ = actions.add_parser("set", help="change one setting (checked before it is saved)")
    set_.add_argument("key")
    set_.add_argument("value")
    unset = actions.add_parser("unset", help="put one setting back to its default")
    unset.add_argument("key")
    set_pin = actions.add_parser("set-pin", help="set the admin PIN (4-8 digits); only its hash is stored")
    set_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from one line of stdin (scripts)"
    )
    actions.add_parser("docs", help="print a Markdown table of every setting, for the installer's guide")
    actions.add_parser("path", help="print where this PC's settings file is")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Tiexi / Sino-German park exhibition kiosk")
    parser.add_argument("--version", action=VersionAction)
    verbs = parser.add_subparsers(dest="verb", required=True)

    validate = verbs.add_parser("validate", help="check content/ and media/; print every problem with file:line:col")
    _add_content_args(validate)
    validate.add_argument("--all", action="store_true", help="list every warning, not only the first 20")
    validate.set_defaults(func=cmd_validate)

    schema = verbs.add_parser("schema", help="write JSON Schemas for editors (VS Code YAML) into content/.schema")
    _add_content_args(schema)
    schema.add_argument("--out", type=Path, default=None, help="folder for the schema files")
    schema.set_defaults(func=cmd_schema)

    run = verbs.add_parser("run", help="start the kiosk (full screen, kiosk mode) on the bundled or given content")
    run.add_argument("--content", dest="content_given", type=Path, default=None, help="content folder")
    run.add_argument("--media", type=Path, default=None, help="media folder (default: media/ beside content/)")
    run.add_argument("--windowed", action="store_true", help="a normal window for a curator's preview")
    run.add_argument("--size", default=None, help="window size for --windowed, e.g. 1920x1080")
    run.set_defaults(func=cmd_run, content=None)

    selftest = verbs.add_parser("self-test", help="render every view, event, profile and map layer offscreen")
    _add_content_args(selftest)
    selftest.add_argument("--sizes", nargs="+", default=["1920x1080", "1080x1920"])
    selftest.add_argument("--normal-size-only", action="store_true",
                          help="skip the renders at the larger type (the Aa button): half the time, for a media check")
    selftest.set_defaults(func=cmd_self_test)

    soak = verbs.add_parser("soak", help="thousands of random taps, swipes, toggles and resets offscreen")
    _add_content_args(soak)
    soak.add_argument("--actions", type=int, default=10_000)
    soak.add_argument("--seed", type=int, default=7)
    soak.add_argument("--size", default="1920x1080")
    soak.add_argument("--reloads", type=int, default=0,
                      help="instead of visitor actions: reload the content N times and report memory")
    soak.set_defaults(func=cmd_soak)

    hyphenate = verbs.add_parser(
        "hyphenate", help="hyphenate the words in a JSON file {language: [word]} (run by the kiosk itself)")
    hyphenate.add_argument("words", type=Path)
    hyphenate.add_argument("answer", type=Path, help="where the same lists go, hyphenated")
    hyphenate.set_defaults(func=cmd_hyphenate)
    still = verbs.add_parser("film-still", help="save a frame a second into a film as JPEG (run by the kiosk itself)")
    still.add_argument("film", type=Path)
    still.add_argument("out", type=Path)
    still.set_defaults(func=cmd_film_still)

    shots = verbs.add_parser("shots", help="save PNG screenshots of the main views in each variant")
    _add_content_args(shots)
    shots.add_argument("--out", type=Path, default=Path("shots"))
    shots.add_argument("--sizes", nargs="+", default=["1920x1080", "1080x1920"])
    shots.set_defaults(func=cmd_shots)

    proof = verbs.add_parser("proof", help="write a proof sheet of every text in each script variant (HTML or JSON)")
    _add_content_args(proof)
    proof.add_argument("--variant", default=None, help="show only this variant (e.g. zh-Hant)")
    proof.add_argument("-o", "--output", type=Path, default=Path("proof.html"), help="HTML file to write (default: proof.html)")
    proof.add_argument("--json", action="store_true", help="print the rows as JSON to stdout instead")
    proof.set_defaults(func=cmd_proof)

    fidelity = verbs.add_parser("fidelity", help="round-trip the Traditional source texts; measure OpenCC and the glossary")
    fidelity.add_argument("content", nargs="?", type=Path, default=None, help="content folder (default: the bundled one)")
    fidelity.add_argument("--seeds", type=Path, default=None, help="source texts folder (default: ../shared/seeds)")
    fidelity.add_argument("--variant", default=None, help="Traditional variant to measure (default: the s2* one)")
    fidelity.add_argument("--top", type=int, default=20, help="how many differences to list (default: 20)")
    fidelity.add_argument("--json", action="store_true", help="print machine-readable JSON")
    fidelity.set_defaults(func=cmd_fidelity)

    bench = verbs.add_parser("bench", help="measure cold start, navigation, script toggle, frame times and memory offscreen")
    bench.add_argument("--content", type=Path, default=None, help="content folder (default: the bundled one)")
    bench.add_argument("--media", type=Path, default=None, help="media folder (default: media/ beside content/)")
    bench.add_argument("--scale", type=int, default=1, help="measure a synthetic pack N times the content (default: 1)")
    bench.add_argument("--quick", action="store_true", help="fewer samples (about a minute instead of several)")
    bench.add_argument("--media-pack", action="store_true",
                       help="add two 40 MP photos to every fifth company and a film to the first event, and measure them")
    bench.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    bench.add_argument("--variants", default="", help="keep only these variants, e.g. zh-Hans,zh-Hant "
                                                      "(to compare memory with fewer languages)")
    bench.set_defaults(func=cmd_bench)

    _add_config_parser(verbs)

    supervise = verbs.add_parser("supervise", help="run the kiosk and restart it if it crashes (kiosk supervise -- ARGS)")
    supervise.add_argument("run_args", nargs=argparse.REMAINDER, help="arguments for `kiosk run`, after --")
    supervise.set_defaults(func=cmd_supervise)
    return parser


def _settings_file_exists() -> bool:
    from kiosk.runtime.machine import settings_file

    return settings_file().is_file()


def _machine_content_dir() -> Path | None:
    """This PC's configured content folder (Windows keeps it in ProgramData), if any."""
    if not _settings_file_exists():
        return None  # no settings file: skip importing pydantic for nothing
    from kiosk.runtime.settings import load_settings

    return load_settings()[0].content_dir


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "content") and args.content is None:
        args.content = _machine_content_dir() or default_content_dir()
    if hasattr(args, "seeds") and args.seeds is None:
        from kiosk.fidelity import default_seeds_dir

        args.seeds = default_seeds_dir()
    func: Verb = args.func
    return func(args)
