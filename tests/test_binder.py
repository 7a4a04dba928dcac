"""Binder builds the workbook from the root environment.yml and installs it.

``jupyter-repo2docker --no-build --debug .`` prints the Dockerfile Binder
would build, without needing Docker. The conda build must read
``environment.yml`` at the repository root (Python as pinned there), with
the repository copied in first so that its ``pip: [-e .]`` installs the
project.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from analysis.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow


def _repo2docker() -> str:
    local = Path(sys.executable).with_name("jupyter-repo2docker")
    found = str(local) if local.exists() else shutil.which("jupyter-repo2docker")
    if not found:
        pytest.skip("jupyter-repo2docker is not installed (it is in the project's test extra: make test installs it)")
    return found


@pytest.fixture(scope="module")
def dockerfile() -> tuple[str, str]:
    """``(Dockerfile, log)`` as repo2docker would build this repository."""
    try:
        proc = subprocess.run(
            [_repo2docker(), "--no-build", "--debug", "."],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"jupyter-repo2docker could not run here: {exc}")
    if proc.returncode != 0 and re.search(r"docker|daemon|socket", proc.stderr, flags=re.I):
        pytest.skip(f"jupyter-repo2docker could not run here: {proc.stderr.strip().splitlines()[-1]}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout, proc.stderr


def test_conda_build_uses_root_environment_yml(dockerfile):
    text, log = dockerfile
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment\.yml"', text), "conda does not read environment.yml"
    assert "requirements.txt" not in text and "binder/" not in text
    python = next(str(d) for d in yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())["dependencies"] if str(d).startswith("python="))
    assert f"Building conda environment for {python}" in log, f"repo2docker did not pick {python}:\n{log}"


def test_project_is_installed_by_the_conda_build(dockerfile):
    text, _ = dockerfile
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip, "environment.yml's pip section must install the project"
    # The repository must be in the image before the environment is built,
    # or `pip install -e .` has nothing to install.
    copy = re.search(r"^COPY .*\bsrc/ \$\{REPO_DIR\}/", text, flags=re.M)
    update = re.search(r"env update .*environment\.yml", text)
    assert copy and update and copy.start() < update.start(), "the repository is not copied before the conda build"


def test_binder_serves_the_voila_app():
    """``urlpath=voila/render/notebooks/05_explore.ipynb`` needs Voila as a Jupyter server extension.

    The pip package enables it through a ``jupyter_server_config.d`` file; the
    same package, pinned in environment.yml's pip section, installs it on Binder.
    """
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(re.fullmatch(r"voila==\S+", p.strip()) for p in pip), "voila is not pinned in environment.yml"
    config = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / "voila.json"
    assert config.exists(), f"{config} missing: voila is not enabled as a server extension"
    enabled = json.loads(config.read_text())["ServerApp"]["jpserver_extensions"]
    assert enabled.get("voila.server_extension") is True
    assert (PROJECT_ROOT / "notebooks" / "05_explore.ipynb").exists()
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "urlpath=voila/render/notebooks/05_explore.ipynb" in readme
    assert "urlpath=lab/tree/notebooks/" in readme
