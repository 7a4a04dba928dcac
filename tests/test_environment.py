"""environment.yml (conda, Binder) and pyproject.toml (pip, .venv) must agree.

Both files pin the same runtime dependencies at the same versions, the same
Python minor version, and environment.yml installs the project itself. Conda
provides Python and pip only: every package comes from PyPI through the pip
section, with the pins ``make test`` installs (and so proves to exist).
"""
from __future__ import annotations

import re
import sys
import tomllib

import pytest
import yaml

from analysis.paths import PROJECT_ROOT


def _norm(name: str) -> str:
    """PEP 503 normalisation: case-insensitive, runs of -_. are one '-'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _split_pip(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;,]+)\s*", spec)
    if not match:
        raise ValueError(f"expected an exact pin 'name==version', got {spec!r}")
    return _norm(match.group(1)), match.group(2)


def _split_conda(spec: str) -> tuple[str, str | None]:
    match = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:=\s*([^\s=]+))?\s*", spec)
    if not match:
        raise ValueError(f"expected a conda spec 'name=version', got {spec!r}")
    return _norm(match.group(1)), match.group(2)


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def environment() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))


def _conda_and_pip(environment: dict) -> tuple[list[str], list[str]]:
    conda: list[str] = []
    pip: list[str] = []
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            assert set(entry) == {"pip"}, f"unexpected section in environment.yml: {entry}"
            pip.extend(entry["pip"])
        else:
            conda.append(str(entry))
    return conda, pip


def test_pyproject_pins_every_dependency_exactly(pyproject):
    project = pyproject["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs.extend(extra)
    for spec in specs:
        _split_pip(spec)  # raises on anything but name==version


def test_conda_gives_python_and_pip_only(environment):
    conda, pip = _conda_and_pip(environment)
    names = sorted(_split_conda(spec)[0] for spec in conda)
    assert names == ["pip", "python"], (
        f"environment.yml asks conda for {names}; only python and pip belong there, "
        "every other package goes in the pip section with the pyproject.toml pin"
    )
    assert pip, "environment.yml has no pip section"


def test_same_dependencies_and_versions(pyproject, environment):
    wanted = dict(_split_pip(s) for s in pyproject["project"]["dependencies"])
    conda, pip = _conda_and_pip(environment)
    declared: dict[str, str | None] = {}
    for spec in conda:
        name, version = _split_conda(spec)
        if name in ("python", "pip"):
            continue
        assert name not in declared, f"environment.yml lists {name} twice"
        declared[name] = version
    for spec in pip:
        if spec.strip().startswith("-e"):
            continue
        name, version = _split_pip(spec)
        assert name not in declared, f"environment.yml lists {name} twice"
        declared[name] = version
    expected = dict(wanted)
    missing = sorted(set(expected) - set(declared))
    extra = sorted(set(declared) - set(expected))
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    assert not extra, f"in environment.yml but not in pyproject.toml: {extra}"
    different = {n: (expected[n], declared[n]) for n in expected if expected[n] != declared[n]}
    assert not different, f"versions differ (pyproject, environment.yml): {different}"


def test_python_version_agrees(pyproject, environment):
    conda, _ = _conda_and_pip(environment)
    pins = [v for n, v in map(_split_conda, conda) if n == "python"]
    assert len(pins) == 1 and pins[0], "environment.yml must pin python exactly once (python=3.X)"
    major, minor = (int(x) for x in pins[0].split(".")[:2])
    requires = pyproject["project"]["requires-python"]
    assert f">={major}.{minor}" in requires.replace(" ", ""), requires
    assert f"<{major}.{minor + 1}" in requires.replace(" ", ""), requires
    assert sys.version_info[:2] == (major, minor), (
        f"the virtualenv runs Python {sys.version_info[0]}.{sys.version_info[1]}, "
        f"environment.yml pins {major}.{minor}"
    )


def test_environment_is_binder_ready(environment):
    assert environment.get("channels") == ["conda-forge"]
    _, pip = _conda_and_pip(environment)
    assert "-e ." in [p.strip() for p in pip], "environment.yml's pip section must install the project (-e .)"
    # A binder/ folder would make Binder ignore the root environment.yml.
    assert not (PROJECT_ROOT / "binder").exists()
    assert not (PROJECT_ROOT / ".binder").exists()
