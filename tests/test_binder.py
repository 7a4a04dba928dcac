"""Binder builds the workbook from the root environment.yml and installs it.

``jupyter-repo2docker --no-build --debug .`` prints the Dockerfile Binder
would build, without needing Docker. The conda build must read
``environment.yml`` at the repository root (Python as pinned there), with
the repository copied in first so that its ``pip: [-e .]`` installs the
project.
"""
from __future__ import annotations

import importlib.util
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


#: conda-forge packages whose PyPI distribution has another name.
CONDA_TO_PYPI = {"jupyterhub-base": "jupyterhub", "nbconvert-core": "nbconvert", "brotli-python": "brotli",
                 "python-fastjsonschema": "fastjsonschema"}
#: The installer's own tools: the simulated environment has its own.
INSTALLER_TOOLS = {"pip", "setuptools", "wheel"}
_OFFLINE = re.compile(r"Failed to establish a new connection|Temporary failure in name resolution|Network is unreachable|"
                      r"Could not fetch URL|ConnectionError|No matching distribution found", re.I)


def binder_base_packages() -> list[str]:
    """``name==version`` of every Python package in Binder's base environment for our Python.

    Read from the lock file of the pinned ``jupyter-repo2docker`` (what
    mybinder.org builds on): conda packages with a Python build, named as on PyPI.
    """
    spec = importlib.util.find_spec("repo2docker")
    if spec is None or spec.origin is None:
        pytest.skip("jupyter-repo2docker is not installed (it is in the project's test extra: make test installs it)")
    python = next(str(d) for d in yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())["dependencies"]
                  if str(d).startswith("python="))[len("python="):]
    lock = Path(spec.origin).parent / "buildpacks" / "conda" / f"environment.py-{python}-linux-64.lock"
    pins = []
    for line in lock.read_text().splitlines():
        if not line.startswith("https://"):
            continue
        name, version, build = re.sub(r"\.(conda|tar\.bz2)$", "", line.rsplit("/", 1)[1].split("#")[0]).rsplit("-", 2)
        if build.startswith("py") and name not in INSTALLER_TOOLS:
            pins.append(f"{CONDA_TO_PYPI.get(name, name)}=={version}")
    return pins


def test_binder_base_environment_is_known():
    pins = dict(p.split("==") for p in binder_base_packages())
    # The packages whose pins our own must accept.
    assert {"jupyterlab", "notebook", "jupyter_server", "jupyterhub", "ipywidgets"} <= set(pins)


@pytest.mark.slow
def test_pip_check_is_clean_in_a_simulated_binder_build(tmp_path):
    """The image's own Jupyter, then our pip section over it, as Binder installs them; then ``pip check``.

    Needs the package index (skips, saying so, when it cannot be reached);
    takes a few minutes.
    """
    venv = tmp_path / "image"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]

    def run(*args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
        return subprocess.run([*pip, *args], capture_output=True, text=True, timeout=timeout)

    (tmp_path / "image.txt").write_text("\n".join(binder_base_packages()) + "\n")
    base = run("install", "--quiet", "--no-compile", "--no-deps", "-r", str(tmp_path / "image.txt"))
    if base.returncode != 0 and _OFFLINE.search(base.stderr):
        pytest.skip(f"the package index cannot be reached: {base.stderr.strip().splitlines()[-1]}")
    assert base.returncode == 0, base.stderr[-3000:]
    assert run("check").returncode == 0, "the simulated image is not consistent on its own"

    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    ours = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    (tmp_path / "ours.txt").write_text("\n".join(f"-e {PROJECT_ROOT}" if p.strip() == "-e ." else p for p in ours) + "\n")
    installed = run("install", "--quiet", "--no-compile", "-r", str(tmp_path / "ours.txt"))
    assert installed.returncode == 0, installed.stderr[-3000:]
    check = run("check")
    assert check.returncode == 0, f"pip check in the simulated Binder image:\n{check.stdout}{check.stderr}"
