@echo off
rem 启动 drafter 网页。双击：处理“文档\法治政府建设年度报告”文件夹；把文件夹拖到本文件上：处理那个文件夹。
setlocal
set "DIR=%~1"
if "%DIR%"=="" set "DIR=%USERPROFILE%\Documents\法治政府建设年度报告"
if not exist "%DIR%" mkdir "%DIR%"
if not exist "%~dp0venv\Scripts\drafter.exe" (
  echo 还没有安装。请先双击“安装.bat”。
  pause
  exit /b 1
)
"%~dp0venv\Scripts\drafter.exe" serve "%DIR%"
pause
