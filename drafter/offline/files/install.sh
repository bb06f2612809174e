#!/bin/sh
# drafter {version} 离线安装（Linux）：在本文件夹中建立 venv，只从 wheels/ 安装，不连网。
# 用法：sh install.sh            （默认用 python3；也可 PYTHON=python3.11 sh install.sh）
set -e
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
if ! "$py" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= ({last_tuple}) else 1)' 2>/dev/null; then
  echo "需要 Python {first}–{last}（当前：$("$py" --version 2>&1 || echo 未找到 $py)）。"
  echo "请先安装其中一个版本，或用 PYTHON=python3.11 sh install.sh 指定。详见 使用说明.txt。"
  exit 1
fi
"$py" -m venv "$here/venv" || { echo "无法建立虚拟环境。Debian/统信/麒麟 上请先安装 python3-venv。"; exit 1; }
# 只用本安装包里的文件：忽略本机 pip 的镜像、索引等设置。
env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
  "$here/venv/bin/python" -m pip install --no-index --find-links "$here/wheels" "drafter[web]"
echo
echo "安装完成。启动网页：sh \"$here/启动.sh\" 报告所在文件夹"
echo "命令行：\"$here/venv/bin/drafter\" --help"
