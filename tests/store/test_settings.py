"""The settings of a run, as a user meets them: the installed `cockpit` with a real config
file in its home; the environment over the file, the command line over both; `cockpit check`
says where each value came from, and a bad one is refused naming its source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.settings import VARIABLES

COCKPIT = Path(sys.executable).parent / "cockpit"  # the installed command, as a user runs it


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's home with no setting anywhere yet (neither in a file nor in the environment)."""
    (tmp_path / ".config" / "cockpit").mkdir(parents=True)
    return tmp_path


def _config(home: Path) -> Path:
    return home / ".config" / "cockpit" / "config.toml"


def cockpit(home: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in VARIABLES.values() and k not in ("COCKPIT_CONFIG", "XDG_CONFIG_HOME")}
    env.update({"HOME": str(home), "COCKPIT_LANG": "en", **variables})
    return subprocess.run([str(COCKPIT), *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_the_environment_wins_over_the_file_and_the_command_line_over_both(home: Path) -> None:
    _config(home).write_text('caller = "Fichier"\nmargin = "0.3"\ntz = "Europe/London"\n',
                             encoding="utf-8")
    done = cockpit(home, "--caller", "Option", "check", COCKPIT_CALLER="Variable",
                   COCKPIT_MARGIN="25%")
    assert done.returncode == 0, done.stderr
    said = done.stdout.splitlines()
    assert "  caller: Option (option --caller)" in said
    assert "  margin: 25% (variable COCKPIT_MARGIN)" in said
    assert "  time zone: Europe/London (file ~/.config/cockpit/config.toml)" in said
    assert "  language: en (variable COCKPIT_LANG)" in said
    assert "  firm: — (default)" in said
    # Without the option, the variable; without the variable, the file.
    assert "  caller: Variable (variable COCKPIT_CALLER)" in cockpit(
        home, "check", COCKPIT_CALLER="Variable").stdout.splitlines()
    assert "  caller: Fichier (file ~/.config/cockpit/config.toml)" in cockpit(
        home, "check").stdout.splitlines()


def test_the_sources_are_said_in_french(home: Path) -> None:
    _config(home).write_text('lang = "fr"\ndb = "sqlite:////nulle/part.sqlite"\n',
                             encoding="utf-8")
    done = cockpit(home, "check", COCKPIT_LANG="")
    said = done.stdout.splitlines()
    assert said[0] == "réglages\xa0:"
    assert "  base\xa0: sqlite:////nulle/part.sqlite (fichier ~/.config/cockpit/config.toml)" \
        in said
    assert "  langue\xa0: fr (fichier ~/.config/cockpit/config.toml)" in said


def test_a_config_file_elsewhere_is_read_there(home: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "xdg"
    (elsewhere / "cockpit").mkdir(parents=True)
    (elsewhere / "cockpit" / "config.toml").write_text('firm = "Initiale"\n', encoding="utf-8")
    said = cockpit(home, "check", XDG_CONFIG_HOME=str(elsewhere)).stdout
    assert "  firm: Initiale (file ~/xdg/cockpit/config.toml)" in said


def test_a_bad_margin_in_the_file_names_the_file_and_its_key(home: Path) -> None:
    _config(home).write_text('margin = "150%"\n', encoding="utf-8")
    done = cockpit(home, "queue")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "cockpit: setting margin “150%” (file ~/.config/cockpit/config.toml, key margin): "
        "expected a fraction below 1, like 0.2, or a percentage, like 20%")
    french = cockpit(home, "queue", COCKPIT_LANG="fr")
    assert "fichier ~/.config/cockpit/config.toml, clé margin" in french.stderr


@pytest.mark.parametrize(("variable", "value", "said"), [
    ("COCKPIT_TZ", "Mars/Olympus", "unknown time zone"),
    ("COCKPIT_POLICY", "always", "expected one of: business, consumer"),
    # An unknown language cannot be spoken: the message is in French, the default.
    ("COCKPIT_LANG", "de", "il faut l'une de ces valeurs\xa0: fr, en"),
])
def test_a_bad_variable_is_named(home: Path, variable: str, value: str, said: str) -> None:
    done = cockpit(home, "check", **{variable: value})
    assert done.returncode == 2
    assert f"“{value}” (variable {variable}): {said}" in done.stderr \
        or f"«\xa0{value}\xa0» (variable {variable})\xa0: {said}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("text", "said"), [
    ('colour = "blue"\n', "unknown setting: colour (known settings: db, caller"),
    ('margin = "0.2\n', "not a readable TOML file"),
    ("caller = [1, 2]\n", "key caller: expected a plain value"),
])
def test_a_bad_config_file_says_what_is_wrong_in_it(home: Path, text: str, said: str) -> None:
    _config(home).write_text(text, encoding="utf-8")
    done = cockpit(home, "check")
    assert done.returncode == 2
    assert done.stderr.startswith(f"cockpit: {_config(home)}: {said}"), done.stderr


def test_the_caller_not_found_is_said_the_same_by_every_command(home: Path,
                                                                demo_url: str) -> None:
    said = {cockpit(home, "--db", demo_url, *args).stderr.strip()
            for args in (["--caller", "Nobody", "queue"], ["report", "--as", "Nobody"],
                         ["audit", "--as", "Nobody"], ["review", "--caller", "Nobody"],
                         ["--caller", "Nobody"])}
    assert len(said) == 1, said
    assert said.pop().startswith("cockpit: no caller named “Nobody” (callers: ")


def test_a_bad_value_in_the_file_is_refused_even_when_the_environment_hides_it(
        home: Path) -> None:
    _config(home).write_text('tz = "Paris"\n', encoding="utf-8")
    done = cockpit(home, "check", COCKPIT_TZ="Europe/Paris")
    assert done.returncode == 2
    assert "“Paris” (file ~/.config/cockpit/config.toml, key tz): unknown time zone" \
        in done.stderr
