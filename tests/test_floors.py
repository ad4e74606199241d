"""The floors in pyproject.toml are the versions `make test-lowest` installs and tests.

constraints/lowest.txt pins every dependency (and every dev tool) to the lowest version
pyproject.toml allows; this test keeps the two files in step, so a floor cannot move
without the versions CI tests moving with it.
"""

from pathlib import Path

import tomllib
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOWEST = ROOT / "constraints" / "lowest.txt"

Key = tuple[str, str]  # (canonical name, environment marker or "")


def _key(requirement: Requirement) -> Key:
    marker = str(requirement.marker) if requirement.marker else ""
    return canonicalize_name(requirement.name), marker


def declared(pyproject_text: str) -> dict[Key, Requirement]:
    """Every runtime and dev requirement of a pyproject.toml, by name and marker."""
    project = tomllib.loads(pyproject_text)["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {_key(requirement): requirement for requirement in map(Requirement, lines)}


def pinned(constraints_text: str) -> dict[Key, Requirement]:
    """Every ``name==version`` line of a constraints file (comments and blanks skipped)."""
    lines = (line.split("#", 1)[0].strip() for line in constraints_text.splitlines())
    return {_key(requirement): requirement for requirement in map(Requirement, filter(None, lines))}


def floor(requirement: Requirement) -> Version:
    """The lowest version a requirement allows: its one ``>=`` or ``==X.*`` bound.

    Raises ValueError when there is no such bound, or more than one.
    """
    bounds = [
        Version(spec.version.removesuffix(".*"))
        for spec in requirement.specifier
        if spec.operator in (">=", "==")
    ]
    if len(bounds) != 1:
        raise ValueError(f"{requirement} needs exactly one lower bound (>= or ==)")
    return bounds[0]


def _pin(requirement: Requirement) -> Version:
    (spec,) = requirement.specifier
    assert spec.operator == "==" and "*" not in spec.version, f"{requirement}: pin with =="
    return Version(spec.version)


def mismatches(pyproject_text: str, constraints_text: str) -> list[str]:
    """What differs between the floors of a pyproject.toml and a constraints file."""
    wanted, pins = declared(pyproject_text), pinned(constraints_text)
    problems = [
        f"{req} is not pinned in the constraints" for key, req in wanted.items() if key not in pins
    ]
    problems += [
        f"{req} pins something pyproject.toml does not ask for"
        for key, req in pins.items()
        if key not in wanted
    ]
    for key in wanted.keys() & pins.keys():
        lowest, pin = floor(wanted[key]), _pin(pins[key])
        if pin != lowest or not wanted[key].specifier.contains(pin, prereleases=True):
            problems.append(f"{wanted[key]} has floor {lowest}, constraints pin {pin}")
    return problems


def test_every_floor_in_pyproject_is_the_version_pinned_for_the_lowest_check():
    """pyproject.toml's floors and constraints/lowest.txt name the same versions."""
    assert mismatches(PYPROJECT.read_text("utf-8"), LOWEST.read_text("utf-8")) == []


def test_a_floor_moved_in_only_one_file_is_caught():
    """Raising a floor, adding a dependency or dropping a pin without the other file fails."""
    pyproject, lowest = PYPROJECT.read_text("utf-8"), LOWEST.read_text("utf-8")
    raised = pyproject.replace('"platformdirs>=', '"platformdirs>=99', 1)
    added = pyproject.replace('"pypdf>=', '"tomli>=2",\n    "pypdf>=', 1)
    dropped = "\n".join(line for line in lowest.splitlines() if "cryptography" not in line)
    assert raised != pyproject and added != pyproject and dropped != lowest
    assert any("platformdirs" in problem for problem in mismatches(raised, lowest))
    assert any("tomli" in problem for problem in mismatches(added, lowest))
    assert any("cryptography" in problem for problem in mismatches(pyproject, dropped))


def test_a_python_version_marker_must_match_too():
    """A PySide6 floor pinned for the wrong Python versions is not the same floor."""
    pyproject = PYPROJECT.read_text("utf-8")
    lowest = LOWEST.read_text("utf-8").replace("python_version < '3.12'", "python_version < '3.13'")
    assert lowest != LOWEST.read_text("utf-8")
    assert mismatches(pyproject, lowest) != []
