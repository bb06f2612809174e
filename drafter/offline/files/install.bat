@echo off
rem drafter {version} 离线安装（Windows）：在本文件夹中建立 venv，只从 wheels 安装，不连网。
setlocal
cd /d "%~dp0"
set "PY="
for %%V in ({py_order}) do (
  if not defined PY (
    py -%%V -c "import sys" >nul 2>&1 && set "PY=py -%%V"
  )
)
if not defined PY (
  python -c "import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= ({last_tuple}) else 1)" >nul 2>&1 && set "PY=python"
)
if not defined PY (
  echo 没有找到 Python {first}–{last}。请先安装 Python（见 使用说明.txt），再双击本文件。
  pause
  exit /b 1
)
echo 使用 %PY% 建立虚拟环境……
%PY% -m venv "%~dp0venv"
if errorlevel 1 (
  echo 建立虚拟环境失败。
  pause
  exit /b 1
)
set "PIP_CONFIG_FILE=NUL"
set "PIP_FIND_LINKS="
set "PIP_INDEX_URL="
set "PIP_EXTRA_INDEX_URL="
"%~dp0venv\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" "drafter[web]"
if errorlevel 1 (
  echo 安装失败，请把上面的信息发给维护人员。
  pause
  exit /b 1
)
echo.
echo 安装完成。以后双击“启动.bat”即可打开 drafter 网页。
pause
