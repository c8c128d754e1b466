"""Output folders: no command writes the root, the home, working or model folder or a
parent of one, and none deletes a folder eakit did not write, ``--force`` or not.

Every test runs in the sandbox of ``conftest.py``: HOME, the working folder and the temp
folder are temporary, and a move or deletion outside them fails the test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from eakit.cli.main import build_app
from tests.security.conftest import MINI, Sandbox

# (command, how it names its output) for every command that writes a folder.
Argv = Callable[["Inputs", str], list[str]]


class Inputs:
    """The inputs of the commands, made inside the sandbox: a model folder two levels
    below the working folder, a second model, an exchange file and a survey workbook."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.models = sandbox.work / "models"
        self.model = self.models / "model"
        shutil.copytree(MINI, self.model)
        self.other = sandbox.work / "other-model"
        shutil.copytree(MINI, self.other)
        manifest = self.other / "eakit.yaml"
        manifest.write_text(
            manifest.read_text("utf-8").replace("id: ", "id: khac-", 1), encoding="utf-8"
        )
        self.xml = self.model / "exchange.xml"
        self.workbook = self.model / "survey.xlsx"

    def make_xml(self) -> None:
        result = CliRunner().invoke(
            build_app(), ["export", "archimate", str(self.model), "-o", str(self.xml)]
        )
        assert result.exit_code == 0, result.output

    def make_workbook(self) -> None:
        from eakit.pipeline import load_graph
        from eakit.render.excel import write_template

        write_template(load_graph(self.model), self.workbook, lang="en")


COMMANDS: dict[str, Argv] = {
    "build": lambda i, o: ["build", str(i.model), "-o", o, "--no-diagrams", "--force"],
    "docs": lambda i, o: ["docs", str(i.model), "-o", o, "--no-diagrams"],
    "diagram": lambda i, o: ["diagram", str(i.model), "-o", o],
    "import archimate": lambda i, o: ["import", "archimate", str(i.xml), "-o", o, "--force"],
    "merge": lambda i, o: [
        "merge",
        str(i.model),
        str(i.other),
        "--into",
        "gop",
        "-o",
        o,
        "--force",
    ],
    "generate": lambda i, o: ["generate", o, "-n", "1", "--force"],
    "init": lambda i, o: ["init", o],
    "import-survey": lambda i, o: ["import-survey", str(i.workbook), "-o", o],
}

TARGETS: dict[str, Callable[[Sandbox, Inputs], str]] = {
    "home": lambda s, i: str(s.home),
    "working": lambda s, i: ".",
    "model": lambda s, i: str(i.model),
    "parent-of-model": lambda s, i: str(i.models),
    "root": lambda s, i: "/",
}


def _run(argv: list[str]) -> Result:
    """The command in English (the tests below read its English messages)."""
    return CliRunner().invoke(build_app(), [*argv, "--lang", "en"])


def _refused(result: Result) -> None:
    """Exit 2 with an eakit error, no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "eakit: error:" in result.output


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_writes_a_protected_folder(sandbox: Sandbox, command: str, target: str) -> None:
    """``-o $HOME``, ``-o .``, ``-o MODEL``, ``-o PARENT-OF-MODEL`` and ``-o /`` are
    refused by every folder-writing command, with exit 2 and nothing changed.

    Fails on main for ``import archimate``, ``generate``, ``docs``, ``diagram`` and
    ``import-survey`` with every target, and ``merge -o $HOME`` (``import archimate -o
    $HOME --force`` replaced the home folder, ``-o .`` gave a traceback); ``build``,
    ``init`` and the other ``merge`` cases were refused already and must stay so.
    """
    if command == "import-survey" and target == "model":
        pytest.skip("import-survey updates the model folder it is given: that is its job")
    inputs = Inputs(sandbox)
    inputs.make_xml()
    inputs.make_workbook()
    sandbox.victim(sandbox.home)
    sandbox.victim(sandbox.work)
    sandbox.victim(sandbox.home / "site")
    sandbox.victim(sandbox.home / "diagrams")
    before = _files(sandbox.root)
    result = _run(COMMANDS[command](inputs, TARGETS[target](sandbox, inputs)))
    _refused(result)
    assert _files(sandbox.root) == before


@pytest.mark.parametrize("command", ["build", "import archimate", "merge", "generate"])
def test_force_never_replaces_a_folder_eakit_did_not_write(sandbox: Sandbox, command: str) -> None:
    """``--force`` with a folder of the user's (no marker) is refused, the files kept.

    Fails on main: ``build``, ``import archimate``, ``merge`` and ``generate`` with
    ``--force`` deleted the folder and wrote theirs in its place.
    """
    inputs = Inputs(sandbox)
    inputs.make_xml()
    mine = sandbox.work / "mine"
    victim = sandbox.victim(mine)
    result = _run(COMMANDS[command](inputs, str(mine)))
    _refused(result)
    assert "not written by eakit" in result.output
    assert victim.read_text("utf-8") == "victim in mine\n"
    assert sorted(p.name for p in mine.iterdir()) == ["precious.txt"]


@pytest.mark.parametrize(("command", "inner"), [("docs", "site"), ("diagram", "diagrams")])
def test_a_report_subfolder_of_the_user_is_not_replaced(
    sandbox: Sandbox, command: str, inner: str
) -> None:
    """``eakit docs -o OUT`` replaces ``OUT/site`` and ``eakit diagram -o OUT`` replaces
    ``OUT/diagrams``: a folder of the user's of that name is refused.

    Fails on main: both replaced the folder, whatever it held.
    """
    inputs = Inputs(sandbox)
    out = sandbox.work / "out"
    victim = sandbox.victim(out / inner)
    _refused(_run(COMMANDS[command](inputs, str(out))))
    assert victim.read_text("utf-8") == f"victim in {inner}\n"


def test_import_survey_makes_a_new_model_only_in_an_empty_folder(sandbox: Sandbox) -> None:
    """A survey with an architecture table makes a model in a folder without eakit.yaml:
    only a missing or empty one.

    Fails on main: the model's files were written among the user's files.
    """
    inputs = Inputs(sandbox)
    inputs.make_workbook()
    mine = sandbox.work / "mine"
    sandbox.victim(mine)
    _refused(_run(COMMANDS["import-survey"](inputs, str(mine))))
    assert sorted(p.name for p in mine.iterdir()) == ["precious.txt"]


def test_a_link_to_the_home_folder_is_refused(sandbox: Sandbox) -> None:
    """``-o LINK`` where LINK points at the home folder is the home folder.

    Fails on main: ``import archimate -o LINK --force`` replaced the link.
    """
    inputs = Inputs(sandbox)
    inputs.make_xml()
    sandbox.victim(sandbox.home)
    link = sandbox.work / "reports"
    link.symlink_to(sandbox.home, target_is_directory=True)
    for command in ("import archimate", "build", "generate"):
        result = _run(COMMANDS[command](inputs, str(link)))
        _refused(result)
        assert "home folder" in result.output
    assert link.is_symlink()
    assert sorted(p.name for p in sandbox.home.iterdir()) == ["precious.txt"]


@pytest.mark.parametrize(
    ("command", "written"),
    [
        ("build", "reports"),
        ("docs", "reports/site"),
        ("diagram", "reports/diagrams"),
        ("import archimate", "reports"),
        ("merge", "reports"),
        ("generate", "reports"),
        ("init", "reports"),
        ("import-survey", "reports"),
    ],
)
def test_every_command_marks_the_folder_it_writes(
    sandbox: Sandbox, command: str, written: str
) -> None:
    """The folder a command writes carries ``.eakit-output`` naming the command, so
    the next run knows eakit wrote it.

    Fails on main: only ``build`` wrote a marker (``.eakit-build``).
    """
    inputs = Inputs(sandbox)
    inputs.make_xml()
    inputs.make_workbook()
    argv = [arg for arg in COMMANDS[command](inputs, "reports") if arg != "--force"]
    result = _run(argv)
    assert result.exit_code in (0, 1), result.output
    marker = sandbox.work / written / ".eakit-output"
    assert marker.read_text("utf-8").splitlines()[0] == f"eakit {command}"


@pytest.mark.parametrize("command", ["build", "docs", "diagram", "generate"])
def test_a_command_replaces_its_own_output_again(sandbox: Sandbox, command: str) -> None:
    """A report or generated folder is replaced by the next run of its command.

    Passes on main too: the other side of the rule, which must keep working.
    """
    inputs = Inputs(sandbox)
    argv = [arg for arg in COMMANDS[command](inputs, "reports") if arg != "--force"]
    assert _run(argv).exit_code in (0, 1)
    assert _run(argv).exit_code in (0, 1)
    leftovers = sorted(p.name for p in sandbox.work.iterdir() if p.name.startswith("."))
    assert leftovers == []


def test_force_replaces_an_eakit_folder_of_another_command(sandbox: Sandbox) -> None:
    """A folder another eakit command wrote is replaced only with ``--force``.

    Fails on main: no folder but ``build``'s said which command wrote it (the marker
    checked at the end is missing).
    """
    inputs = Inputs(sandbox)
    assert _run(["build", str(inputs.model), "-o", "out", "--no-diagrams"]).exit_code in (0, 1)
    refused = _run(["generate", "out", "-n", "1"])
    _refused(refused)
    assert "written by 'eakit build'" in refused.output and "--force" in refused.output
    assert _run(["generate", "out", "-n", "1", "--force"]).exit_code == 0
    marker = sandbox.work / "out" / ".eakit-output"
    assert marker.read_text("utf-8").startswith("eakit generate\n")


def test_import_asks_for_force_before_replacing_a_model_it_wrote(sandbox: Sandbox) -> None:
    """An imported model may have been edited since: replacing it needs ``--force``.

    Passes on main too (main asked for ``--force`` for any non-empty folder).
    """
    inputs = Inputs(sandbox)
    inputs.make_xml()
    argv = ["import", "archimate", str(inputs.xml), "-o", "imported"]
    assert _run(argv).exit_code == 0
    again = _run(argv)
    _refused(again)
    assert "pass --force" in again.output
    assert _run([*argv, "--force"]).exit_code == 0


def test_the_python_api_cannot_replace_a_foreign_folder(sandbox: Sandbox) -> None:
    """:func:`eakit.atomic.replace_dir`, under every writer of the Python API, refuses a
    folder without eakit's marker and the home folder.

    Fails on main: ``replace_dir`` replaced any folder it was given.
    """
    from eakit import atomic

    mine = sandbox.work / "mine"
    victim = sandbox.victim(mine)
    for target in (mine, sandbox.home, sandbox.work):
        with (
            pytest.raises(OSError, match=r"không do eakit ghi ra|từ chối"),
            atomic.replace_dir(target) as staging,
        ):
            (staging / "new.txt").write_text("new", encoding="utf-8")
    assert victim.read_text("utf-8") == "victim in mine\n"
    assert sorted(os.listdir(sandbox.work)) == ["mine"]


def test_report_commands_share_an_output_folder(sandbox: Sandbox) -> None:
    """``docs``, ``diagram`` and ``build`` may write the same ``-o`` folder in any order:
    the folder they create is marked as theirs.

    Fails on main: ``build -o reports`` after ``docs -o reports`` was refused (the folder
    had no ``.eakit-build``), and with ``--force`` it would replace any folder.
    """
    inputs = Inputs(sandbox)
    model = str(inputs.model)
    for argv in (
        ["docs", model, "-o", "reports", "--no-diagrams"],
        ["diagram", model, "-o", "reports"],
        ["build", model, "-o", "reports", "--no-diagrams"],
        ["docs", model, "-o", "reports", "--no-diagrams"],
        ["diagram", model, "-o", "reports"],
    ):
        result = _run(argv)
        assert result.exit_code in (0, 1), (argv, result.output)
    assert (sandbox.work / "reports" / "site" / "index.html").is_file()


def test_import_survey_still_updates_the_model_in_the_working_folder(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside a model folder, ``eakit import-survey FILE -o .`` updates that model: the
    one command whose output is the model folder itself, and no folder is replaced.

    Passes on main too: the exception to the working-folder rule, which must keep working.
    """
    inputs = Inputs(sandbox)
    inputs.make_workbook()
    monkeypatch.chdir(inputs.model)
    before = (inputs.model / "eakit.yaml").read_bytes()
    result = _run(["import-survey", str(inputs.workbook), "-o", "."])
    assert result.exit_code == 0, result.output
    assert (inputs.model / "eakit.yaml").read_bytes() == before
    assert not (inputs.model / ".eakit-output").exists()  # the user's model, not eakit's
