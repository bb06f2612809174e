"""What a target machine needs that a folder of wheels lacks, judged by the target's own markers.

``pip download --platform`` resolves environment markers for the machine it
runs on, so a dependency only Windows needs (``colorama; platform_system ==
"Windows"``) is left out of a bundle built on Linux. This walks the wheels'
metadata from the root requirement, evaluating every marker for the target,
and names each requirement no wheel in the folder satisfies for it.
"""

from __future__ import annotations

import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from drafter.offline.targets import Platform


def missing(folder: Path, root: str, platform: Platform, python: str) -> list[Requirement]:
    """Requirements reachable from ``root`` on the target that no fitting wheel in ``folder`` meets."""
    wheels = _fitting_wheels(folder, platform, python)
    environment = platform.environment(python)
    wanted: list[Requirement] = [Requirement(root)]
    seen: set[tuple[str, frozenset[str]]] = set()
    lacking: list[Requirement] = []
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        wheel = next((w for v, w in wheels.get(name, []) if requirement.specifier.contains(v, prereleases=True)), None)
        if wheel is None:
            lacking.append(requirement)
            continue
        for line in _requires(wheel):
            dependency = Requirement(line)
            if _applies(dependency.marker, environment, requirement.extras):
                wanted.append(dependency)
    return lacking


def _applies(marker: Marker | None, environment: dict[str, str], extras: set[str]) -> bool:
    if marker is None:
        return True
    return any(marker.evaluate({**environment, "extra": extra}) for extra in (extras or {""}))


def _fitting_wheels(folder: Path, platform: Platform, python: str) -> dict[str, list]:
    """Wheels in ``folder`` that install on the target, by project name, newest first."""
    out: dict[str, list] = {}
    for path in folder.glob("*.whl"):
        name, version, _, tags = parse_wheel_filename(path.name)
        if any(_fits(tag, platform, python) for tag in tags):
            out.setdefault(name, []).append((version, path))
    for entries in out.values():
        entries.sort(reverse=True)
    return out


def _fits(tag, platform: Platform, python: str) -> bool:
    major, minor = (int(x) for x in python.split("."))
    if tag.platform != "any" and tag.platform not in platform.tags:
        return False
    interpreter, abi = tag.interpreter, tag.abi
    if interpreter in ("py3", f"py{major}{minor}") and abi == "none":
        return True
    if interpreter == f"cp{major}{minor}" and abi in (f"cp{major}{minor}", "none", "abi3"):
        return True
    return abi == "abi3" and interpreter.startswith("cp3") and int(interpreter[3:] or 0) <= minor


def _requires(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    return metadata.get_all("Requires-Dist") or []
