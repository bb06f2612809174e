#!/bin/sh
# 启动 drafter 网页。用法：sh 启动.sh [报告所在文件夹]（默认 ~/法治政府建设年度报告）
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-"$HOME/法治政府建设年度报告"}
mkdir -p "$dir"
exec "$here/venv/bin/drafter" serve "$dir"
