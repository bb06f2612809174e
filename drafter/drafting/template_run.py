"""Running a template, with every failure said in Chinese: where, what, and what to do.

Templates may come from a unit (``--templates DIR``), so their mistakes are
the user's to fix: the message names the template file and line, and says
Jinja's complaint in Chinese.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.errors import DrafterError


def run(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render the template ``name`` with ``context``."""
    return _guarded(lambda: env.get_template(name).render(context), env)


def run_string(env: SandboxedEnvironment, source: str, context: dict[str, Any]) -> str:
    """Render a template given as text (it may import the environment's files)."""
    return _guarded(lambda: env.from_string(source).render(context), env)


def _guarded(render, env: SandboxedEnvironment) -> str:
    try:
        return render()
    except jinja2.TemplateNotFound as exc:
        raise DrafterError(
            f"找不到模板文件“{exc.name}”。内置模板不完整时请重新安装 drafter；"
            "自定义模板请检查 --templates 文件夹中的 include/import 文件名。"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise DrafterError(
            f"{exc.filename or exc.name}:{exc.lineno}：模板语法错误{_syntax(exc.message or '')}。"
            "请对照内置模板检查 {% %} 和 {{ }} 是否成对、拼写是否正确。"
        ) from None
    except jinja2.UndefinedError as exc:
        _bug_unless_custom(env, exc)
        raise DrafterError(
            f"{_where(exc)}：模板{_undefined(exc.message or '')}。可用的数据见内置模板 report.md.j2 开头的说明。"
        ) from None
    except jinja2.TemplateError as exc:
        _bug_unless_custom(env, exc)
        raise DrafterError(f"{_where(exc)}：模板出错。请对照内置模板检查这一行的写法。") from None
    except RecursionError as exc:
        _bug_unless_custom(env, exc)
        raise DrafterError(
            f"{_where(exc)}：模板中的宏或 include 无休止地调用自己。请检查这一行调用的宏是否在调用自己。"
        ) from None
    except (TypeError, ValueError, ArithmeticError, KeyError, IndexError, AttributeError) as exc:
        _bug_unless_custom(env, exc)
        raise DrafterError(
            f"{_where(exc)}：模板运行出错（对不合适的数据做了运算或取值）。请对照内置模板检查这一行的写法。"
        ) from None


def _bug_unless_custom(env: SandboxedEnvironment, exc: BaseException) -> None:
    """Re-raise ``exc`` as the bug it is when only the built-in templates ran.

    The input model admits only values the built-in templates can word (finite
    numbers, dates a .docx can hold), so their failing is drafter's fault
    (exit 3), not a user's template and not a user's input.
    """
    if len(getattr(env.loader, "searchpath", ())) <= 1:
        raise exc


# Jinja's messages for the mistakes template authors make, in Chinese.
_UNDEFINED = (
    (re.compile(r"has no attribute '([^']+)'"), "使用了不存在的字段“{0}”（是否拼错？）"),
    (re.compile(r"^'([^']+)' is undefined"), "使用了不存在的变量“{0}”（是否拼错？）"),
    (re.compile(r"access to attribute '([^']+)'.*unsafe"), "访问了模板中不允许使用的“{0}”"),
)
_SYNTAX = (
    (re.compile(r"No filter named '([^']+)'"), "（没有名为“{0}”的过滤器）"),
    (re.compile(r"No test named '([^']+)'"), "（没有名为“{0}”的测试）"),
    (re.compile(r"Unexpected end of template"), "（模板在块结束前就结束了，缺少 end 标记）"),
    (re.compile(r"Encountered unknown tag '([^']+)'"), "（不认识的标记“{0}”，或与它配对的开始标记有误）"),
    (re.compile(r"unexpected '([^']+)'"), "（此处不应出现“{0}”）"),
    (re.compile(r"expected token '([^']+)'"), "（此处缺少“{0}”）"),
)


def _undefined(message: str) -> str:
    for pattern, chinese in _UNDEFINED:
        found = pattern.search(message)
        if found:
            return chinese.format(*found.groups())
    return "使用了不存在的变量或字段，或做了模板中不允许的操作"


def _syntax(message: str) -> str:
    for pattern, chinese in _SYNTAX:
        found = pattern.search(message)
        if found:
            return chinese.format(*found.groups())
    return ""


def _where(exc: BaseException) -> str:
    """file:line of the innermost template frame in the traceback."""
    place = "模板"
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            place = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return place


