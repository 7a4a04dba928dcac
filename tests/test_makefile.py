"""The Makefile's set-up: the right Python, JupyterLab's folders and user, notebooks committed without outputs.

Checked with ``make -n`` (what make would run) in a copy of the Makefile, and
with the git filter set up by ``make git-filter`` in a fresh repository.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

from analysis.paths import NOTEBOOKS_DIR, PROJECT_ROOT

MAKEFILE = PROJECT_ROOT / "Makefile"


def _make() -> str:
    found = shutil.which("make")
    if not found:
        pytest.skip("make is not installed")
    return found


def _python_version() -> str:
    return re.search(r"^PYTHON_VERSION\s*:=\s*(\S+)", MAKEFILE.read_text(encoding="utf-8"), flags=re.M).group(1)


def _dry_run(folder: Path, *args: str) -> str:
    proc = subprocess.run([_make(), "-n", *args], cwd=folder, capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


def _fake_venv(folder: Path, version: str | None) -> None:
    """A .venv whose python says it is ``version`` (None: its python is gone), installed and up to date."""
    shutil.copy(MAKEFILE, folder / "Makefile")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", folder / "pyproject.toml")
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (folder / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    if version is not None:
        (bin_dir / "python").write_text(f"#!/bin/sh\necho {version}\n")
        (bin_dir / "python").chmod(0o755)
    (folder / ".venv" / ".installed").touch()


def test_the_makefile_asks_for_the_pinned_python():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pinned = next(str(d) for d in env["dependencies"] if str(d).startswith("python="))
    assert pinned == f"python={_python_version()}"
    requires = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert f">={_python_version()}" in requires.replace(" ", "")


@pytest.mark.parametrize(("version", "remade"), [("3.11", False), ("3.12", True), (None, True)],
                         ids=["same-python", "other-python", "python-gone"])
def test_a_venv_made_by_another_python_is_made_again(tmp_path, version, remade):
    _fake_venv(tmp_path, version if version != "3.11" else _python_version())
    plan = _dry_run(tmp_path, "venv")
    assert ("-m venv .venv" in plan) == remade, plan
    assert ("making it again" in plan) == remade


def test_lab_reads_seeds_and_out_and_runs_as_root(tmp_path):
    _fake_venv(tmp_path, _python_version())
    plan = _dry_run(tmp_path, "lab", "SEEDS=/data/articoli", "OUT=/data/uscita")
    assert 'WORKBOOK_SEEDS="/data/articoli"' in plan and 'WORKBOOK_OUT="/data/uscita"' in plan
    assert ("--allow-root" in plan) == (os.geteuid() == 0)
    default = _dry_run(tmp_path, "lab")
    assert f'WORKBOOK_SEEDS="{tmp_path / "seeds"}"' in default and "WORKBOOK_OUT" not in default


def _git(folder: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_notebooks_reach_git_without_outputs(tmp_path):
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    _make()
    repo = tmp_path / "clone"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.org")
    _git(repo, "config", "user.name", "test")
    for name in ("Makefile", ".gitattributes"):
        shutil.copy(PROJECT_ROOT / name, repo / name)
    (repo / ".venv").symlink_to(Path(sys.prefix))  # the filter runs the clone's own .venv
    subprocess.run([_make(), "--no-print-directory", "git-filter"], cwd=repo, check=True, timeout=60)
    assert "nbstripout" in _git(repo, "config", "filter.nbstripout.clean")

    nb = nbformat.read(NOTEBOOKS_DIR / "00_corpus_overview.ipynb", as_version=4)
    (repo / "overview.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "clean notebook")
    ran = nbformat.read(repo / "overview.ipynb", as_version=4)
    code = next(c for c in ran.cells if c.cell_type == "code")
    code.execution_count = 3
    code.outputs = [nbformat.v4.new_output("stream", text="12 documents\n")]
    (repo / "overview.ipynb").write_text(nbformat.writes(ran), encoding="utf-8")
    assert _git(repo, "diff") == ""  # running a notebook is not a change
    _git(repo, "add", "-A")
    assert _git(repo, "status", "--porcelain") == ""  # and adding it stages nothing
    staged = json.loads(_git(repo, "show", ":overview.ipynb"))
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in staged["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", sorted(NOTEBOOKS_DIR.glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebooks_are_as_the_filter_writes_them(path):
    """Otherwise the filter would show an untouched notebook as changed."""
    proc = subprocess.run([sys.executable, "-m", "nbstripout", "--keep-id", "-t"], input=path.read_text(encoding="utf-8"),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == path.read_text(encoding="utf-8"), f"{path.name}: run `nbstripout --keep-id` on it"
