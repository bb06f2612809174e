"""The machines a bundle installs on: platform tags and the environment markers they answer to."""

from __future__ import annotations

from dataclasses import dataclass

PYTHONS = ("3.10", "3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Platform:
    id: str
    name: str  # for people
    tags: tuple[str, ...]  # wheel platform tags pip may take, preferred first
    markers: dict[str, str]  # PEP 508 environment values besides the Python version

    def environment(self, python: str) -> dict[str, str]:
        return {**self.markers, "python_version": python, "python_full_version": python + ".0",
                "implementation_name": "cpython", "platform_python_implementation": "CPython"}


_LINUX = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
PLATFORMS = {
    p.id: p for p in (
        Platform("win_amd64", "Windows x64", ("win_amd64",),
                 {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"}),
        # manylinux2014 (glibc 2.17) runs on every Linux a government office uses; 2.28 is
        # the floor of 统信 UOS 20 and 麒麟 V10, taken only when a package offers nothing older.
        Platform("linux_x86_64", "Linux x86_64",
                 ("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_28_x86_64"),
                 {**_LINUX, "platform_machine": "x86_64"}),
        Platform("linux_aarch64", "Linux aarch64（ARM，国产化终端）",
                 ("manylinux_2_17_aarch64", "manylinux2014_aarch64", "manylinux_2_28_aarch64"),
                 {**_LINUX, "platform_machine": "aarch64"}),
    )
}


def pip_target_options(platform: Platform, python: str) -> list[str]:
    """pip's options that make it choose wheels for ``platform`` and CPython ``python``."""
    abi = "cp" + python.replace(".", "")
    options = ["--only-binary=:all:", "--python-version", python, "--implementation", "cp",
               "--abi", abi, "--abi", "abi3", "--abi", "none"]
    for tag in platform.tags:
        options += ["--platform", tag]
    return options
