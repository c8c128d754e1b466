"""A model folder (and a survey workbook, an exchange file, a git revision) is untrusted
input: what it names outside itself is never read, the work it can ask for is bounded,
and every bad input ends with a located error and exit code 2, never a traceback.

Each test builds its attack in a temporary folder; "secret" files live beside the model
copy, outside it, and their content must never reach the output. Commands run in a
child process with a temporary ``HOME`` and cache folder, bounded memory and a time guard
(a guard against a hang, not a timing test).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model
from eakit.survey.errors import quote_sheet

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "valid" / "mini"
MEMORY_LIMIT = 2 * 1024**3
TIMEOUT = 120  # a guard against a hang, not a timing test
SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA-SECRET-KEY-MATERIAL\n"
ENV_SECRET = "DB_PASSWORD=hunter2-do-not-print-me\n"
VALID_PACK = "pack: tinh-mau-local\ntitle: Quy tắc riêng\nrules: []\n"
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="links and pipes: Linux")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m eakit ARGS`` in ``cwd``, sandboxed: HOME and the caches in ``cwd``."""
    sandbox = {
        **os.environ,
        "HOME": str(cwd),
        "XDG_CACHE_HOME": str(cwd / ".cache"),
        "EAKIT_LANG": "en",  # the tests below read eakit's English messages
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "eakit", *args],
        cwd=cwd,
        env=sandbox,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )


def refused(result: subprocess.CompletedProcess, *secrets: str) -> str:
    """The output of a run that must end with exit 2 and no traceback, showing nothing of
    ``secrets``."""
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output, output
    for secret in secrets:
        for line in secret.strip().splitlines():
            assert line not in output, output
    return output


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A temporary folder holding a copy of a small valid model (``model``) and, beside
    it, a ``secret`` folder with a private key and a ``.env`` file."""
    shutil.copytree(MINI, tmp_path / "model")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "id_rsa").write_text(SECRET, encoding="utf-8")
    (secret / ".env").write_text(ENV_SECRET, encoding="utf-8")
    return tmp_path


def set_manifest(model: Path, old: str, new: str) -> None:
    manifest = model / "eakit.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new), encoding="utf-8")


# --- nothing outside the model folder is read ---------------------------------------------


def test_absolute_pack_path_is_refused_at_its_key(sandbox: Path) -> None:
    """On main the key file is read as a pack and its text printed in the error."""
    key = sandbox / "secret" / "id_rsa"
    set_manifest(sandbox / "model", "packs: [vn-egov-2.0]", f"packs: [vn-egov-2.0, {key}]")
    output = refused(run("check", "model", cwd=sandbox), SECRET)
    assert "model/eakit.yaml:12:" in output
    assert "is an absolute path" in output


def test_pack_path_climbing_out_is_refused(sandbox: Path) -> None:
    """On main '../secret/.env' is read and the password printed in the error."""
    set_manifest(sandbox / "model", "packs: [vn-egov-2.0]", "packs: [../secret/.env]")
    output = refused(run("check", "model", cwd=sandbox), ENV_SECRET)
    assert "model/eakit.yaml:12:" in output
    assert "leaves the model folder" in output


@linux_only
def test_pack_file_linked_outside_is_refused(sandbox: Path) -> None:
    """On main a pack that is a link to an outside file (in a folder the include globs
    do not match) is read and the key printed in the error."""
    model = sandbox / "model"
    (model / "packs").mkdir()
    (model / "packs" / "local.yaml").symlink_to(sandbox / "secret" / "id_rsa")
    set_manifest(model, "packs: [vn-egov-2.0]", "packs: [packs/local.yaml]")
    set_manifest(model, 'include: ["**/*.yaml"]', 'include: ["*.yaml"]')
    output = refused(run("check", "model", cwd=sandbox), SECRET)
    assert "model/eakit.yaml:12:" in output
    assert "a link to a place outside the model folder" in output


def test_pack_include_climbing_out_is_refused(sandbox: Path) -> None:
    """On main a pack's 'include: [../../secret/.env]' is read and printed."""
    model = sandbox / "model"
    (model / "packs").mkdir()
    pack = VALID_PACK + "include: [../../secret/.env]\n"
    (model / "packs" / "local.yaml").write_text(pack, encoding="utf-8")
    set_manifest(model, "packs: [vn-egov-2.0]", "packs: [packs/local.yaml]")
    set_manifest(model, 'include: ["**/*.yaml"]', 'include: ["*.yaml"]')
    output = refused(run("check", "model", cwd=sandbox), ENV_SECRET)
    assert "model/packs/local.yaml:4:11:" in output
    assert "included pack file '../../secret/.env' leaves the model folder" in output


@linux_only
def test_pack_include_through_a_linked_folder_is_refused(sandbox: Path) -> None:
    """On main an include reaching through a link to an outside folder is read and
    printed."""
    model = sandbox / "model"
    (model / "packs").mkdir()
    (model / "packs" / "shared").symlink_to(sandbox / "secret", target_is_directory=True)
    pack = VALID_PACK + "include: [shared/id_rsa]\n"
    (model / "packs" / "local.yaml").write_text(pack, encoding="utf-8")
    set_manifest(model, "packs: [vn-egov-2.0]", "packs: [packs/local.yaml]")
    set_manifest(model, 'include: ["**/*.yaml"]', 'include: ["*.yaml"]')
    output = refused(run("check", "model", cwd=sandbox), SECRET)
    assert "model/packs/local.yaml:4:11:" in output
    assert "link to a place outside the model folder" in output


@linux_only
def test_waivers_file_linked_outside_is_refused(sandbox: Path) -> None:
    """On main the waivers file, a link to the key, is read and the key printed."""
    model = sandbox / "model"
    (model / "waivers.yaml").symlink_to(sandbox / "secret" / "id_rsa")
    (model / "eakit.yaml").write_text(
        (model / "eakit.yaml").read_text(encoding="utf-8") + "waivers: waivers.yaml\n",
        encoding="utf-8",
    )
    output = refused(run("check", "model", cwd=sandbox), SECRET)
    assert "model/eakit.yaml:13:1:" in output
    assert "waivers file 'waivers.yaml'" in output


def test_schema_errors_quote_only_an_excerpt(sandbox: Path) -> None:
    """On main a pack file inside the model that is one long line is printed whole in
    the schema error ("the file: '...' is not of type 'object'")."""
    model = sandbox / "model"
    (model / "packs").mkdir()
    long_line = "TOKEN=" + "x" * 2000 + "-END"
    (model / "packs" / "local.yaml").write_text(long_line + "\n", encoding="utf-8")
    set_manifest(model, "packs: [vn-egov-2.0]", "packs: [packs/local.yaml]")
    output = refused(run("check", "model", cwd=sandbox))
    assert "model/packs/local.yaml:1:1:" in output
    assert "-END" not in output
    assert "x" * 200 not in output


@linux_only
def test_linked_folder_outside_is_not_listed(sandbox: Path) -> None:
    """On main the include globs enter a linked outside folder and name its files."""
    model = sandbox / "model"
    (sandbox / "secret" / "private-names.yaml").write_text("components: []\n", encoding="utf-8")
    (model / "linked").symlink_to(sandbox / "secret", target_is_directory=True)
    set_manifest(model, 'include: ["**/*.yaml"]', 'include: ["*.yaml", "linked/*.yaml"]')
    output = refused(run("check", "model", cwd=sandbox))
    assert "private-names" not in output
    assert "model/linked:1:1: error: is a link to a folder outside the model root" in output


# --- bounded work ------------------------------------------------------------------------


def test_include_globs_list_each_folder_once(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On main an include pattern of eight '**' lists the folders of a nested tree
    thousands of times (minutes on a deeper tree); now each folder is listed once."""
    model = sandbox / "model"
    folder = model
    for depth in range(6):
        folder = folder / f"level-{depth}"
        folder.mkdir()
    (folder / "leaf.yaml").write_text("components: []\n", encoding="utf-8")
    pattern = "/".join(["**"] * 8) + "/*.yaml"
    set_manifest(model, 'include: ["**/*.yaml"]', f'include: ["{pattern}"]')
    listed: list[str] = []
    real_scandir = os.scandir

    def counting_scandir(path: str | os.PathLike[str] = ".") -> object:
        listed.append(os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", counting_scandir)
    loaded = load_model(model)
    leaf = "/".join(f"level-{depth}" for depth in range(6)) + "/leaf.yaml"
    assert loaded.files == ["agencies.yaml", leaf, "systems.yaml"]
    model_folders = [path for path in listed if Path(path).is_relative_to(model)]
    assert len(model_folders) == len(set(model_folders)) == 7  # the root and six levels


def test_the_walk_for_model_files_is_bounded(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On main the include globs look at every file of the folder, however many."""
    from eakit.loader import files

    model = sandbox / "model"
    (model / "clutter").mkdir()
    for number in range(20):
        (model / "clutter" / f"{number}.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(files, "MAX_ENTRIES", 10)
    with pytest.raises(ModelLoadError) as caught:
        load_model(model)
    assert [str(d) for d in caught.value.diagnostics] == [
        "eakit.yaml:1:1: error: the model folder holds more than 10 files and folders; "
        "eakit stops looking: keep only the model's files in it"
    ]


def test_an_unreadable_folder_is_reported(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On main a folder that cannot be listed is skipped without a word, and the model
    loads without its files."""
    model = sandbox / "model"
    (model / "more").mkdir()
    (model / "more" / "x.yaml").write_text("components: []\n", encoding="utf-8")
    real_scandir = os.scandir

    def denying_scandir(path: str | os.PathLike[str] = ".") -> object:
        if Path(path).name == "more":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", denying_scandir)
    with pytest.raises(ModelLoadError) as caught:
        load_model(model)
    assert [str(d) for d in caught.value.diagnostics] == [
        "more:1:1: error: folder cannot be read: Permission denied"
    ]


def test_model_size_limit_names_its_option(sandbox: Path) -> None:
    """On main there is no bound on a model's total size (nor the option)."""
    output = refused(run("check", "model", "--max-model-bytes", "1000", cwd=sandbox))
    assert "model/eakit.yaml:1:1: error: the model files total" in output
    assert "over the limit of 1,000 bytes; raise it with --max-model-bytes" in output


def test_component_limit_from_the_environment(sandbox: Path) -> None:
    """On main there is no bound on a model's number of components (exit 1: findings)."""
    result = run("check", "model", cwd=sandbox, env={"EAKIT_MAX_COMPONENTS": "4"})
    output = refused(result)
    assert "the model has more than 4 components, over the limit" in output
    assert "--max-components" in output


def test_limits_apply_to_every_command_that_loads_a_model(sandbox: Path) -> None:
    """On main no command takes --max-components."""
    for command in ("diagram", "report", "docs", "build"):
        args = (command, "model", "--max-components", "2", "-o", str(sandbox / f"out-{command}"))
        output = refused(run(*args, cwd=sandbox))
        assert "over the limit" in output, command
        assert not (sandbox / f"out-{command}").exists()


# --- tracebacks turned into located errors -----------------------------------------------


def test_an_integer_of_thousands_of_digits_is_a_located_error(sandbox: Path) -> None:
    """On main Python's int-to-text limit (4,300 digits) ends in a traceback."""
    model = sandbox / "model"
    (model / "big.yaml").write_text(
        "components:\n  - id: so-lon\n    kind: agency\n    agency_type: department\n"
        f"    name: Sở\n    since: {'7' * 5000}\n",
        encoding="utf-8",
    )
    output = refused(run("check", "model", cwd=sandbox))
    assert "model/big.yaml:6:12: error: number of 5000 characters, over the limit" in output


def _inject_dtd(source: Path, target: Path, part: str, dtd: str, use: str = "") -> None:
    """Copy the workbook ``source`` to ``target`` with ``dtd`` at the top of ``part``
    (after the XML declaration) and ``use`` (an entity reference) in its first text."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == part:
                text = data.decode("utf-8")
                head, _, rest = text.partition("?>")
                if not rest:
                    head, rest = "", text
                else:
                    head += "?>"
                if use:
                    rest = rest.replace("<t>", f"<t>{use}", 1)
                data = (head + dtd + rest).encode("utf-8")
            new.writestr(item, data)


@pytest.fixture
def template(sandbox: Path) -> Path:
    """An inventory template of the small model, as agencies fill it in."""
    result = run("report", "model", "--template", "-o", str(sandbox / "out"), cwd=sandbox)
    assert result.returncode == 0, result.stderr
    found = sorted((sandbox / "out").rglob("*.xlsx"))
    assert found
    return found[0]


def test_survey_with_a_stray_cell_far_down_is_bounded(sandbox: Path, template: Path) -> None:
    """On main one value in A1048576 (a 30 KB file) makes the import build every cell
    above it: gigabytes, so the bounded child process dies with a traceback."""
    from openpyxl import load_workbook

    book = load_workbook(template)
    sheet = book.worksheets[1]
    sheet["A1048576"] = "x"
    stray = sandbox / "stray.xlsx"
    book.save(stray)
    result = run("import-survey", str(stray), "-o", str(sandbox / "imported"), cwd=sandbox)
    output = refused(result)
    assert f"{quote_sheet(sheet.title)}!A1048576 holds a value beyond row 200,000" in output
    assert not (sandbox / "imported").exists()


@pytest.mark.parametrize(
    ("dtd", "use"),
    [
        ('<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>', "&e;"),
        (
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            + "".join(
                f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
            )
            + "]>",
            "&j;",
        ),
    ],
    ids=["xxe", "billion-laughs"],
)
def test_survey_with_a_dtd_is_refused(sandbox: Path, template: Path, dtd: str, use: str) -> None:
    """On main the entity declarations of a sheet reach openpyxl's XML parser, which fails
    with a traceback (exit 1)."""
    hostile = sandbox / "hostile.xlsx"
    dtd = dtd.replace("{secret}", str(sandbox / "secret" / "id_rsa"))
    _inject_dtd(template, hostile, "xl/worksheets/sheet2.xml", dtd, use)
    result = run("import-survey", str(hostile), "-o", str(sandbox / "imported"), cwd=sandbox)
    output = refused(result, SECRET)
    assert "declares a DTD or XML entities" in output
    assert not (sandbox / "imported").exists()


def test_archimate_file_in_utf16_with_a_dtd_is_refused(sandbox: Path) -> None:
    """On main the DOCTYPE check looks for ASCII bytes only: a UTF-16 file declaring an
    entity is imported with the entity expanded."""
    exported = sandbox / "exchange.xml"
    assert run("export", "archimate", "model", "-o", str(exported), cwd=sandbox).returncode == 0
    text = exported.read_text(encoding="utf-8")
    head, _, rest = text.partition("?>")
    dtd = '<!DOCTYPE model [<!ENTITY injected "INJECTED-BY-DTD">]>'
    rest = rest.replace('<name xml:lang="vi">', '<name xml:lang="vi">&injected;', 1)
    hostile = sandbox / "exchange-utf16.xml"
    hostile.write_bytes((head.replace("UTF-8", "UTF-16") + "?>" + dtd + rest).encode("utf-16"))
    result = run("import", "archimate", str(hostile), "-o", str(sandbox / "imported"), cwd=sandbox)
    output = refused(result)
    assert "exchange-utf16.xml: DOCTYPE and entity declarations are not accepted" in output
    assert not (sandbox / "imported").exists()


@linux_only
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_revision_with_a_link_outside_is_refused(sandbox: Path) -> None:
    """On main the link in the revision ends in a traceback from the tar filter (exit 1)."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    env = {**os.environ, "HOME": str(sandbox), "GIT_CONFIG_NOSYSTEM": "1"}

    def git_run(*args: str) -> None:
        subprocess.run([*git, *args], cwd=sandbox, env=env, check=True, capture_output=True)

    git_run("init", "-q")
    git_run("add", "model")
    git_run("commit", "-qm", "model")
    (sandbox / "model" / "key.yaml").symlink_to("../../../../secret/id_rsa")
    git_run("add", "model/key.yaml")
    git_run("commit", "-qm", "link")
    output = refused(run("diff", "--git", "HEAD~1", "HEAD", "model", cwd=sandbox), SECRET)
    assert "'model/key.yaml' at revision 'HEAD' is a link or special file" in output
