"""Refuse .docx packages that would cost unbounded memory to open.

python-docx reads every part of the package into memory and parses the XML
parts with lxml. A zip's central directory declares each member's size, and
CPython's zipfile never returns more than the declared size (a member that
inflates further fails its CRC check), so checking the declared sizes and
compression ratios before python-docx touches the file bounds the memory use.
"""

from __future__ import annotations

import io
import zipfile

from drafter.errors import DrafterError

MAX_MEMBERS = 5000
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all members, uncompressed (pictures included)
MAX_XML_BYTES = 32 * 1024 * 1024  # one XML part; a 300-page report is about 3 MB
MAX_RATIO = 100  # plain Word XML compresses 5–30×; bombs compress 1000× and more
RATIO_FLOOR = 1024 * 1024  # small members may compress very well without harm

_FIX = "请用 Word 或 WPS 打开该文件，“另存为”新的 .docx 后再检查。"


def check(data: bytes, name: str) -> None:
    """Raise DrafterError unless ``data`` is a zip whose members are safe to inflate."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # reading a stranger's zip directory fails in many ways (bad offsets, versions, names)
        raise DrafterError(f"{name}：文件已损坏，不是有效的 .docx（zip 结构无法读取）。{_FIX}") from None
    if len(members) > MAX_MEMBERS:
        raise DrafterError(f"{name}：压缩包内有 {len(members)} 个文件，远超正常 Word 文档，已拒绝处理。{_FIX}")
    total = 0
    for info in members:
        total += info.file_size
        is_xml = info.filename.endswith((".xml", ".rels"))
        if is_xml and info.file_size > MAX_XML_BYTES:
            raise DrafterError(
                f"{name}：其中的 {info.filename} 解压后有 {info.file_size / 1048576:.0f} MB，"
                f"超过上限 {MAX_XML_BYTES // 1048576} MB，已拒绝处理（可能是恶意构造的文件）。{_FIX}"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DrafterError(
                f"{name}：其中的 {info.filename} 压缩比异常（{info.compress_size} 字节解压为 "
                f"{info.file_size} 字节），像是“压缩炸弹”，已拒绝处理。{_FIX}"
            )
    if total > MAX_TOTAL_BYTES:
        raise DrafterError(
            f"{name}：解压后共 {total / 1048576:.0f} MB，超过上限 {MAX_TOTAL_BYTES // 1048576} MB。"
            "请删除文中的大图片或附件后另存为 .docx 再检查。"
        )
