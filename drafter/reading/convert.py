"""Old Word and WPS files (.doc, binary .wps), RTF and OpenDocument → .docx, with LibreOffice.

Used only when LibreOffice is on the machine (``soffice`` on the PATH, its
usual Windows folders, or the program named by ``DRAFTER_SOFFICE``; an empty
``DRAFTER_SOFFICE`` turns conversion off). Each conversion runs in a fresh
temporary folder with its own LibreOffice profile (runs never share state or
wait for each other's lock), without a window, under a time limit and (where
the system allows) a memory limit; a conversion that overruns is killed with
everything it started, so a hostile file cannot hang a batch.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

TIME_LIMIT = 60  # seconds for one conversion
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space (POSIX)
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


class ConversionFailed(Exception):
    """Why a conversion did not give a .docx, in Chinese, with what to do."""


def program() -> str | None:
    """The LibreOffice program to convert with, or None."""
    chosen = os.environ.get("DRAFTER_SOFFICE")
    if chosen is not None:
        return chosen or None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((p for p in _WINDOWS_PLACES if os.name == "nt" and os.path.isfile(p)), None)


# The import filter for each kind: named, so a damaged file fails instead of being read as plain text.
FILTERS = {".doc": "MS Word 97", ".rtf": "Rich Text Format"}


def to_docx(data: bytes, suffix: str, limit: int) -> bytes:
    """``data`` (a file of the kind ``suffix`` names) converted to .docx; ConversionFailed when that fails."""
    soffice = program()
    if soffice is None:
        raise RuntimeError("no LibreOffice to convert with")
    with tempfile.TemporaryDirectory(prefix="drafter-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"draft{suffix}"
        source.write_bytes(data)
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--infilter={FILTERS[suffix]}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)]
        _run(command)
        result = folder / "out" / "draft.docx"
        if not result.is_file():
            raise ConversionFailed("用 LibreOffice 转换为 .docx 没有成功（文件可能已损坏）。"
                                   "请用 Word 或 WPS 打开，“另存为” .docx 后再检查。")
        if result.stat().st_size > limit:
            raise ConversionFailed(f"转换出的 .docx 超过 {limit // 1048576} MB，已停止。请删除文中的大图片后另存为 .docx。")
        return result.read_bytes()


def _run(command: list[str]) -> None:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=posix, preexec_fn=_limit_memory if posix else None,
        )
    except OSError as exc:
        raise ConversionFailed(f"无法启动 LibreOffice（{exc.strerror or exc}）。"
                               "请用 Word 或 WPS 把文件另存为 .docx 后再检查。") from None
    try:
        process.wait(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        _kill(process, posix)
        raise ConversionFailed(f"用 LibreOffice 转换超过 {TIME_LIMIT} 秒仍未完成，已停止。"
                               "请用 Word 或 WPS 打开，“另存为” .docx 后再检查。") from None
    except BaseException:
        _kill(process, posix)
        raise


def _kill(process: subprocess.Popen, posix: bool) -> None:
    try:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
        else:
            process.kill()
    except OSError:
        pass
    process.wait()


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
