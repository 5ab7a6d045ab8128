"""A report names the content's ids from a small file kept beside the checked content: the
same names as the content itself gives, whether the file is there, missing or damaged."""

from __future__ import annotations

import marshal
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.content.cache import labels_path, load_content_cached
from cockpit.paths import content_dir
from cockpit.services.lean import Labels, shipped_labels


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path))
    return tmp_path


def _same(a: Labels, b: Labels) -> bool:
    return (a.order, a.objections, a.steps, a.scripts) == (b.order, b.objections, b.steps,
                                                          b.scripts)


def test_the_kept_labels_are_the_content_s_own(state: Path) -> None:
    expected = Labels.of(load_content_cached(content_dir(None)))
    assert expected.steps and expected.objections  # the shipped content names something
    first = shipped_labels()  # from the content, then kept
    path = labels_path(content_dir(None))
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _same(first, expected) and _same(shipped_labels(), expected)  # then from the file
    assert list(shipped_labels().order["standard"]) == list(expected.order["standard"])


@pytest.mark.parametrize("damage", [b"", b"{", b'{"order": 3}', marshal.dumps([]),
                                    marshal.dumps({"order": 3}), marshal.dumps({"order": {}}),
                                    marshal.dumps({"a": 1})[:-2]])
def test_damaged_labels_are_read_again_from_the_content(state: Path, damage: bytes) -> None:
    expected = shipped_labels()
    labels_path(content_dir(None)).write_bytes(damage)
    assert _same(shipped_labels(), expected)
    assert _same(Labels.from_bytes(labels_path(content_dir(None)).read_bytes()), expected)


def test_a_report_with_its_labels_kept_leaves_the_script_classes_out(state: Path,
                                                                     demo_template: Path) -> None:
    check = ("import sys, io; from cockpit.cli import main; sys.stdout = io.StringIO();"
             " main(sys.argv[1:]); sys.stdout = sys.__stdout__;"
             " print('cockpit.domain.script' in sys.modules)")
    env = {"COCKPIT_STATE": str(state), "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "PATH": "/usr/bin:/bin"}
    copy = state / "cockpit.sqlite"
    shutil.copyfile(demo_template, copy)
    url = f"sqlite:///{copy}"
    runs = [subprocess.run([sys.executable, "-c", check, "report", "--db", url], env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    assert runs[-1].stdout.strip() == "False"
