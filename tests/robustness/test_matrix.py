"""Every bad-input class (bad_inputs.CASES) through every front end:

(a) the core: ``load_report`` raises the case's typed error, one line ``<file>: <reason>``, quickly and in
    bounded memory;
(b) the CLI: ``main.py outline / indicators / compare / export-pdf`` exits 2 with exactly one line
    ``error: <file>: <reason>`` on stderr (no traceback) and writes no output file, even after a good file;
(c) the real window: dropped with good files, each bad file gets its own message naming it, the good files
    load, and what was open stays open.

Root reads files whatever their mode: there the no-permission case runs in a forked child that has become
``nobody`` (the interpreter lives under /root, so a fresh ``nobody`` process could not start it).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.robustness.bad_inputs import CASES, SAMPLES, BadCase, good_files, make_all
from viewer.core import errors
from viewer.core.errors import ReportError
from viewer.core.loader import load_report

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = SAMPLES / "yubei-2022.txt"
COMMANDS = ("outline", "indicators", "compare", "export-pdf")
# a reason is for people: no Python exception names, no tracebacks, no object reprs
TECHNICAL = re.compile(r"Traceback|\b\w+(?:Error|Exception)\b|<[\w.]+[^>]*>|\bNone\b")


def _nobody() -> tuple[int, int] | None:
    try:
        import pwd

        entry = pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return None
    return entry.pw_uid, entry.pw_gid


@pytest.fixture(scope="module")
def files(tmp_path_factory, request) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    made = make_all(folder)
    if IS_ROOT:
        # the no-permission file in a world-traversable folder, so that ``nobody`` fails on the file itself
        shared = Path(tempfile.mkdtemp(prefix="rc-no-permission-"))
        request.addfinalizer(lambda: shutil.rmtree(shared, ignore_errors=True))
        shared.chmod(0o755)
        case = next(c for c in CASES if c.id == "no-permission")
        made[case.id] = case.make(shared)
    yield made
    for path in made.values():
        if path.exists() and not path.is_symlink() and path.is_file():
            path.chmod(0o600)  # let the temp folders be removed


def _in_child_as_nobody(func) -> tuple[int, str, str]:
    """Run ``func() -> int`` in a forked child that dropped root for ``nobody``; (exit code, stdout, stderr)."""
    ids = _nobody()
    if ids is None:
        pytest.skip("no 'nobody' user to drop root for")
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # child: never returns to pytest
        code = 99
        try:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            os.setgroups([])
            os.setgid(ids[1])
            os.setuid(ids[0])
            code = func()
        except BaseException as exc:  # noqa: BLE001 - report anything to the parent
            print(f"child crashed: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = 98
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    out.seek(0)
    err.seek(0)
    return os.waitstatus_to_exitcode(status), out.read().decode("utf-8"), err.read().decode("utf-8")


def _load(case: BadCase, path: Path) -> tuple[type, str, str]:
    """(error class name, str(error), reason) of loading the bad file, as a user who cannot read it if needed."""
    if case.needs_non_root and IS_ROOT:
        def child() -> int:
            try:
                load_report(path)
            except ReportError as exc:
                print(f"{type(exc).__name__}\t{exc}\t{exc.reason}")
                return 0
            return 1

        code, out, err = _in_child_as_nobody(child)
        assert code == 0, (code, out, err)
        name, message, reason = out.rstrip("\n").split("\t")
        return getattr(errors, name), message, reason
    with pytest.raises(ReportError) as info:
        load_report(path)
    return type(info.value), str(info.value), info.value.reason


@pytest.fixture(scope="module")
def reasons(files) -> dict[str, str]:
    """The reason load_report gives for each case (what the CLI and the window must show)."""
    return {case.id: _load(case, files[case.id])[2] for case in CASES}


@pytest.fixture(scope="module")
def ui_reasons(files) -> dict[str, str]:
    """What the window shows: the kind of problem in the UI language, then the core's reason."""
    from viewer.ui.workers import failure_text

    out = {}
    for case in CASES:
        cls, _message, reason = _load(case, files[case.id])
        out[case.id] = failure_text(cls(None, reason), reason)
        assert out[case.id].endswith(f"（{reason}）") and len(out[case.id]) > len(reason) + 4
    return out


# ------------------------------------------------------------------------------------------------ (a) core


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_core_raises_the_typed_error_with_the_file_and_a_clear_reason(case: BadCase, files):
    path = files[case.id]
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        error, message, reason = _load(case, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - t0
    assert error is case.error, f"{case.id}: {error.__name__}, expected {case.error.__name__}"
    assert message == f"{path}: {reason}" and "\n" not in message
    assert case.reason in reason, reason
    assert not TECHNICAL.search(reason), f"reason is not plain language: {reason!r}"
    assert seconds < case.seconds, f"{case.id} took {seconds:.2f} s"
    if case.peak_mb is not None and not (case.needs_non_root and IS_ROOT):
        assert peak < case.peak_mb * 1e6, f"{case.id} peaked at {peak / 1e6:.0f} MB"


# ------------------------------------------------------------------------------------------------ (b) CLI


def _argv(command: str, good: Path, bad: Path, out_dir: Path) -> list[str]:
    if command == "outline":
        return ["outline", str(bad)]
    if command == "indicators":  # the bad file after a good one
        return ["indicators", str(good), str(bad), "--csv", str(out_dir / "out.csv")]
    if command == "compare":
        return ["compare", str(good), str(bad), "--json", str(out_dir / "out.json")]
    return ["export-pdf", str(good), str(bad), "-o", str(out_dir / "out.pdf")]


def _run_cli(argv: list[str], cache: Path) -> tuple[int, str, str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", cwd=ROOT, env=env, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def _run_cli_as_nobody(argv: list[str], good: Path) -> tuple[int, str, str]:
    from viewer.cli import build_parser, main

    build_parser()  # import every command module now: the child cannot read the standard library under /root
    import viewer.core.comparison  # noqa: F401 - what the handlers import before they load a file
    import viewer.core.indicators  # noqa: F401
    import viewer.core.recurring  # noqa: F401
    import viewer.export.pdf  # noqa: F401

    load_report(good)
    return _in_child_as_nobody(lambda: main(argv))


@pytest.fixture(scope="module")
def cli_results(files, tmp_path_factory) -> dict[tuple[str, str], tuple[int, str, str, Path]]:
    """Every (case, command) run once, four at a time."""
    base = tmp_path_factory.mktemp("cli")
    base.chmod(0o755)
    cache = base / "cache"
    # a short real report (the notice and the opening of one sample) loads in a moment before the bad file
    good = base / "good.txt"
    good.write_text("\n".join(GOOD.read_text(encoding="utf-8").splitlines()[:40]), encoding="utf-8")
    jobs = {}
    for case in CASES:
        for command in COMMANDS:
            out_dir = base / f"{case.id}-{command}"
            out_dir.mkdir()
            jobs[case.id, command] = (_argv(command, good, files[case.id], out_dir), out_dir, case)
    results: dict[tuple[str, str], tuple[int, str, str, Path]] = {}
    local = {k: v for k, v in jobs.items() if not (v[2].needs_non_root and IS_ROOT)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {k: pool.submit(_run_cli, argv, cache) for k, (argv, _, _) in local.items()}
        for key, future in futures.items():
            results[key] = (*future.result(), jobs[key][1])
    for key in jobs.keys() - local.keys():
        argv, out_dir, case = jobs[key]
        # the good file where ``nobody`` can read it: beside the unreadable one's world-traversable folder
        readable = files[case.id].parent.parent / good.name
        readable.write_bytes(good.read_bytes())
        readable.chmod(0o644)
        argv = [str(readable) if a == str(good) else a for a in argv]
        results[key] = (*_run_cli_as_nobody(argv, readable), out_dir)
    return results


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli_exits_2_with_one_error_line(case: BadCase, command: str, files, reasons, cli_results):
    code, stdout, stderr, out_dir = cli_results[case.id, command]
    assert code == 2, (code, stderr[-2000:])
    assert stderr.splitlines() == [f"error: {files[case.id]}: {reasons[case.id]}"], stderr[-2000:]
    assert "Traceback" not in stderr
    assert list(out_dir.iterdir()) == []  # no output, no temp file left behind
    if command == "outline":
        assert stdout == ""


# ------------------------------------------------------------------------------------------------ (c) window


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from viewer.ui.main_window import MainWindow

    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=60_000)


def _drop(window, paths: list[Path]) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()


def _ui_cases() -> list[BadCase]:
    return [c for c in CASES if not (c.needs_non_root and IS_ROOT)]


def test_window_reports_each_bad_file_and_keeps_loading_the_good_ones(qtbot, window, files, ui_reasons, tmp_path):
    first = [SAMPLES / "yubei-2021.txt", SAMPLES / "yubei-2022.txt", SAMPLES / "dadukou-2022.txt"]
    window.load_files(first)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    had = list(window.reports)
    assert len(had) == 3 and not window.errors

    good = good_files(tmp_path / "good")
    bad = [files[c.id] for c in _ui_cases()]
    mixed = [*bad[: len(bad) // 2], good["html"], *bad[len(bad) // 2 :], good["docx"]]
    _drop(window, mixed)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=120_000)

    # what was open stays open, the good files in awkward shapes load, in drop order
    assert window.reports[:3] == had
    added = window.reports[3:]
    assert [(r.meta.district, r.meta.year) for r in added] == [("渝北区", 2024), ("九龙坡区", 2021)]
    assert [r.format for r in added] == ["html", "docx"]
    # one message per bad file, naming it, with the core's reason
    expected = [f"{files[c.id].name}: {ui_reasons[c.id]}" for c in _ui_cases()]
    assert window.errors == expected
    message = window.statusBar().currentMessage()
    assert "5" in message and expected[0] in message and message.endswith("…")
    # every one of them is a click away: the status-bar button counts them, its list shows each
    button = window.load_problems.button
    assert button.isVisible() and str(len(expected)) in button.text()
    assert window.grab().save(str(tmp_path / "window-after-bad-drop.png"))
    button.click()
    assert window.load_problems.lines() == expected
    assert window.load_problems.dialog.isVisible() and not button.isVisible()
    assert window.load_problems.dialog.grab().save(str(tmp_path / "unread-files.png"))
    # a later drop that reads fine does not repeat old failures
    window.load_problems.dialog.close()
    _drop(window, [SAMPLES / "yubei-2024.txt"])
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    assert window.statusBar().currentMessage() == window.tr("已加载 %1 份报告").replace("%1", "6")


def test_window_shows_the_message_for_a_single_bad_drop(qtbot, window, files, ui_reasons):
    window.load_files([GOOD])
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    had = list(window.reports)
    for case in _ui_cases():
        _drop(window, [files[case.id]])
        qtbot.waitUntil(lambda: not window.is_loading(), timeout=30_000)
        line = f"{files[case.id].name}: {ui_reasons[case.id]}"
        assert window.errors[-1] == line
        assert line in window.statusBar().currentMessage(), case.id
        assert window.reports == had
