"""Templates rendered with limits: a user's template may be wrong or hostile, and the tool must
still end with one Vietnamese line in bounded time and memory.

``environment(folders, **options)`` returns a ``LimitedEnvironment``: Jinja's immutable sandbox
(no attribute tricks, no mutating lists or dicts) plus

- a loader that reads only regular files inside the template folders (a symlink that points
  out of its folder, a FIFO, a file over ``max_template_bytes`` are refused);
- budgets per render (``TemplateLimits``): characters produced, characters allocated by the
  template's own expressions (``*``, ``+``, ``~``, filters, string methods), steps (loop
  iterations and calls), macro/loop recursion depth, the size of ``range()``, and wall time,
  checked at every step so a loop that outputs nothing still stops;
- every error while rendering turned into one ``BroadcastError`` line naming the template and
  the line where it happened (an include that is not found names the include, not the
  outer template).

The guards are put into the compiled template by the code generator: every ``for`` iterable,
every output expression and every ``~`` goes through the environment, so macros, includes,
imports and call blocks are all covered.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import logging
import re
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TemplateLimits:
    """What one render may use. The defaults fit a script of a 10,000-item document many times
    over; a hostile template meets them in well under a second of work."""

    max_output: int = 10_000_000  # characters produced (output, macro and block bodies)
    max_alloc: int = 40_000_000  # characters built by the template's own expressions
    max_steps: int = 5_000_000  # loop iterations + calls
    max_depth: int = 100  # nested macro calls / recursive loops
    max_range: int = 100_000  # items of one range()
    max_seconds: float = 20.0
    max_template_bytes: int = 1_000_000  # one template file


class TemplateLimitError(BroadcastError):
    """A render that went over one of its limits (the render adds where it happened)."""


# ---------------------------------------------------------------- budget of one render


class _Budget:
    CLOCK_EVERY = 1024

    def __init__(self, limits: TemplateLimits) -> None:
        self.limits = limits
        self.output = 0
        self.alloc = 0
        self.steps = 0
        self.depth = 0
        self.deadline = time.monotonic() + limits.max_seconds

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.limits.max_steps:
            raise TemplateLimitError(
                f"mẫu chạy quá {_n(self.limits.max_steps)} bước (vòng lặp hoặc lời gọi); hãy "
                "kiểm tra các vòng lặp lồng nhau trong mẫu"
            )
        if self.steps % self.CLOCK_EVERY < n and time.monotonic() > self.deadline:
            raise TemplateLimitError(f"mẫu chạy quá {self.limits.max_seconds:g} giây; hãy kiểm "
                                     "tra các vòng lặp trong mẫu")

    def produce(self, n: int) -> None:
        self.output += n
        if self.output > self.limits.max_output:
            raise TemplateLimitError(
                f"mẫu tạo ra hơn {_n(self.limits.max_output)} ký tự (giới hạn của một bài); hãy "
                "kiểm tra vòng lặp hoặc phép nhân chuỗi trong mẫu"
            )

    def allocate(self, n: int) -> None:
        if n > self.limits.max_output:
            raise TemplateLimitError(
                f"một biểu thức trong mẫu tạo chuỗi hoặc danh sách dài {_n(n)} (giới hạn "
                f"{_n(self.limits.max_output)}); hãy bỏ phép nhân chuỗi hay độ rộng quá lớn"
            )
        self.alloc += n
        if self.alloc > self.limits.max_alloc:
            raise TemplateLimitError(
                f"các biểu thức trong mẫu tạo ra hơn {_n(self.limits.max_alloc)} ký tự; hãy kiểm "
                "tra vòng lặp nối chuỗi trong mẫu"
            )


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("template_budget",
                                                                         default=None)


def _n(number: int) -> str:
    """1.000.000: Vietnamese groups thousands with dots."""
    return f"{number:,}".replace(",", ".")


def weight(value: Any, _memo: dict[int, int] | None = None, _depth: int = 0) -> int:
    """About how many characters ``value`` becomes as text: strings by length, containers by
    their items (an item listed N times counts N times, computed once)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int | float | bool) or value is None:
        return 8 if not isinstance(value, int) or value.bit_length() < 64 \
            else value.bit_length() // 3
    if not isinstance(value, list | tuple | dict | set | frozenset | range):
        return 16  # the caller's data (a Directive) or a template helper: sized by its input
    memo = {} if _memo is None else _memo
    key = id(value)
    if key in memo:
        return memo[key]
    if _depth > 50:
        raise TemplateLimitError("mẫu tạo cấu trúc lồng nhau quá sâu")
    if isinstance(value, range):
        total = len(value) * 8
    elif isinstance(value, dict):
        total = sum(weight(k, memo, _depth + 1) + weight(v, memo, _depth + 1) + 4
                    for k, v in value.items())
    else:
        total = sum(weight(item, memo, _depth + 1) + 2 for item in value)
    memo[key] = total
    return total


# ---------------------------------------------------------------- amplification checks

FORMAT_NUMBER = re.compile(r"\d+")


def _format_sized(fmt: Any, args: tuple, kwargs: dict, limit: int) -> int:
    """An upper bound on a formatted string: its fields' widths and precisions are numbers
    in the format string (or, with '*' or nested fields, in the arguments)."""
    text = str(fmt)
    widths = [int(n) for n in FORMAT_NUMBER.findall(text) if len(n) < 12]
    if any(len(n) >= 12 for n in FORMAT_NUMBER.findall(text)):
        return limit + 1
    if "*" in text or re.search(r"\{[^{}]*\{", text):
        widths += [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
    values = sum(weight(a) for a in (*args, *kwargs.values()))
    return len(text) + values + sum(widths)


def _replace_size(s: Any, old: Any, new: Any, count: Any = -1) -> int:
    s, old, new = str(s), str(old), str(new)
    times = len(s) + 1 if old == "" else s.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(s) + times * len(new)


def _join_size(items: Any, sep: Any = "") -> int:
    items = list(items) if not isinstance(items, list | tuple | str) else items
    return weight(items) + max(0, len(items) - 1) * len(str(sep))


def _indent_size(s: Any, width: Any = 4, *args: Any, **kwargs: Any) -> int:
    s = str(s)
    pad = width if isinstance(width, int) else len(str(width))
    return len(s) + (s.count("\n") + 1) * max(0, pad)


def _width(_s: Any, width: Any = 80, *args: Any, **kwargs: Any) -> int:
    return (width if isinstance(width, int) else 0) + weight(_s)


# str methods a template may call that can make a string much longer than its inputs
STR_METHODS = {
    "center": _width, "ljust": _width, "rjust": _width, "zfill": _width,
    "expandtabs": lambda s, tabsize=8: len(s) + s.count("\t") * max(0, int(tabsize)),
    "replace": _replace_size,
    "join": lambda sep, items: _join_size(items, sep),
    "format": lambda fmt, *a, **k: _format_sized(fmt, a, k, 1 << 62),
    "format_map": lambda fmt, mapping: _format_sized(fmt, (), dict(mapping), 1 << 62),
    "translate": lambda s, table: len(s) * max([1] + [weight(v) for v in dict(table).values()]),
}

# filters that can amplify, with the size of what they would build
FILTER_SIZES = {
    "center": _width,
    "indent": _indent_size,
    "replace": _replace_size,
    "join": lambda value, d="", attribute=None: _join_size(value, d),
    "format": lambda fmt, *a, **k: _format_sized(fmt, a, k, 1 << 62),
    "wordwrap": lambda s, width=79, break_long_words=True, wrapstring=None, *a, **k:
        len(str(s)) * max(1, len(str(wrapstring or "\n"))),
    "batch": lambda value, linecount, fill_with=None: weight(value) + max(0, linecount) * 4,
    "slice": lambda value, slices, fill_with=None: weight(value) + max(0, slices) * 4,
    "sum": lambda iterable, attribute=None, start=0:
        0 if isinstance(start, int | float) else weight(start) + weight(iterable),
    "string": lambda value: weight(value),
    "pprint": lambda value: weight(value) * 2,
    "tojson": lambda value, indent=None: weight(value) * 2,
    "list": lambda value: weight(value),
}


def _guarded_filter(name: str, func: Any, env: LimitedEnvironment) -> Any:
    size = FILTER_SIZES.get(name)

    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = env.budget()
        budget.step()
        plain = [a for a in args if not isinstance(a, jinja2.runtime.Context | jinja2.nodes
                                                  .EvalContext | jinja2.Environment)]
        if size is not None and plain:
            with contextlib.suppress(TypeError, ValueError):  # the filter itself says so
                budget.allocate(size(*plain, **kwargs))
        return func(*args, **kwargs)

    # keep Jinja's pass_context / pass_eval_context / pass_environment marks
    if hasattr(func, "jinja_pass_arg"):
        guarded.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    guarded.__name__ = getattr(func, "__name__", name)
    return guarded


# ---------------------------------------------------------------- loader


class FolderLoader(jinja2.FileSystemLoader):
    """Templates from these folders only: the real file (symlinks resolved) must be a regular
    file inside the real folder it was found in, and no larger than ``max_bytes``; checked
    before it is opened (a FIFO would block there)."""

    def __init__(self, searchpath: Any, max_bytes: int = TemplateLimits.max_template_bytes,
                 **kwargs: Any) -> None:
        super().__init__(searchpath, **kwargs)
        self.max_bytes = max_bytes

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder).joinpath(*pieces)
            if not candidate.exists():
                continue
            real = Path(candidate).resolve()
            if not real.is_relative_to(Path(folder).resolve()):
                raise BroadcastError(
                    f"Mẫu '{template}' ({candidate}) trỏ ra ngoài thư mục mẫu (tới '{real}'); "
                    "chỉ đọc mẫu nằm trong thư mục mẫu, không theo liên kết ra ngoài."
                )
            info = real.stat()
            if stat.S_ISDIR(info.st_mode):
                continue
            if not stat.S_ISREG(info.st_mode):
                raise BroadcastError(f"Mẫu '{template}' ({candidate}) không phải tệp thường.")
            if info.st_size > self.max_bytes:
                raise BroadcastError(f"Mẫu '{template}' ({candidate}) lớn {info.st_size} byte, "
                                     f"quá giới hạn {self.max_bytes} byte cho một mẫu.")
            break
        return super().get_source(environment, template)


def loader(folders: Iterable[str | Path],
           max_bytes: int = TemplateLimits.max_template_bytes) -> jinja2.BaseLoader:
    """The user's folder first, then the built-ins: the first folder that has a name wins."""
    return jinja2.ChoiceLoader([FolderLoader(str(p), max_bytes) for p in folders])


# ---------------------------------------------------------------- code generation


def _env_call(name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name, lineno=lineno), args, [], None, None,
                      lineno=lineno)


class _GuardedCodeGenerator(CodeGenerator):
    """Puts the guards into the compiled template: every for iterable, every output expression
    (template text included: it may sit in a loop) and every ``~``."""

    def visit_For(self, node: nodes.For, frame) -> None:
        node = copy.copy(node)
        node.iter = _env_call("guard_iter", [node.iter], node.lineno)
        node.iter.set_environment(self.environment)
        super().visit_For(node, frame)

    def visit_Output(self, node: nodes.Output, frame) -> None:
        node = copy.copy(node)
        node.nodes = [_env_call("guard_output", [child], child.lineno) for child in node.nodes]
        for child in node.nodes:
            child.set_environment(self.environment)
        super().visit_Output(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        call = _env_call("guard_concat", list(node.nodes), node.lineno)
        call.set_environment(self.environment)
        self.visit_Call(call, frame)


# ---------------------------------------------------------------- template and environment


class LimitedTemplate(jinja2.Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        env: LimitedEnvironment = self.environment  # type: ignore[assignment]
        token = _BUDGET.set(_Budget(env.limits))
        try:
            ctx = self.new_context(dict(*args, **kwargs))
            try:
                return env.concat(self.root_render_func(ctx))  # type: ignore[attr-defined]
            except Exception:
                env.handle_exception()
        except BroadcastError as exc:
            raise _located(exc, exc.message, self.name) from exc
        except jinja2.TemplateSyntaxError as exc:  # an included or imported template
            raise BroadcastError(f"Mẫu '{exc.name or self.name}' sai cú pháp ở dòng "
                                 f"{exc.lineno}: {exc.message}.") from exc
        except RecursionError as exc:
            raise _located(exc, "mẫu gọi lồng nhau (macro, include, vòng lặp đệ quy) quá sâu",
                           self.name) from exc
        except Exception as exc:
            raise _located(exc, _problem(exc), self.name) from exc
        finally:
            _BUDGET.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        yield self.render(*args, **kwargs)  # the limits hold in one place


def _problem(exc: BaseException) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"không tìm thấy mẫu '{exc.name}' mà mẫu này gọi tới (include/import)"
    if isinstance(exc, jinja2.UndefinedError):
        return f"dùng một biến không có: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"dùng thao tác không được phép trong mẫu ({exc})"
    if isinstance(exc, MemoryError):
        return "mẫu dùng quá nhiều bộ nhớ"
    text = " ".join(str(exc).split())[:200]
    return f"lỗi khi dựng mẫu ({type(exc).__name__}{': ' + text if text else ''})"


def _located(exc: BaseException, problem: str, outer: str | None) -> BroadcastError:
    """One line: the innermost template frame of the traceback (Jinja rewrites it to point at
    the template file and line), else the outer template."""
    where = _where(exc.__traceback__)
    name, line = where if where else (outer or "<mẫu>", None)
    at = f" dòng {line}" if line else ""
    return BroadcastError(f"Mẫu '{name}'{at}: {problem.rstrip('.')}.")


TEMPLATE_FRAMES = ("template", "top-level template code")


def _where(tb) -> tuple[str, int] | None:
    found = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name in TEMPLATE_FRAMES or code.co_name.startswith("block "):
            found = (_template_name(code.co_filename), tb.tb_lineno)
        tb = tb.tb_next
    return found


def _template_name(filename: str) -> str:
    return Path(filename).name if filename and not filename.startswith("<") else filename


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with budgets; see the module's docstring."""

    template_class = LimitedTemplate
    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "+", "%", "//"])

    def __init__(self, *args: Any, limits: TemplateLimits | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or TemplateLimits()
        self.globals["range"] = self.limited_range
        self.globals["lipsum"] = self.limited_lipsum
        self.filters = _GuardedFilters(self, self.filters)

    # the budget of the render under way (a fresh one when rendering through another door)
    def budget(self) -> _Budget:
        budget = _BUDGET.get()
        if budget is None:
            budget = _Budget(self.limits)
            _BUDGET.set(budget)
        return budget

    # -- guards called from compiled templates

    def guard_iter(self, iterable: Any) -> Iterator[Any]:
        budget = self.budget()
        budget.step()
        return _counted(iterable, budget)

    def guard_output(self, value: Any) -> Any:
        budget = self.budget()
        budget.step()
        budget.produce(weight(value))
        return value

    def guard_concat(self, *parts: Any) -> str:
        budget = self.budget()
        budget.allocate(sum(weight(p) for p in parts))
        if any(hasattr(p, "__html__") for p in parts):
            return markup_join(parts)
        return str_join(parts)

    def limited_range(self, *args: int) -> range:
        rng = range(*args)
        if len(rng) > self.limits.max_range:
            raise TemplateLimitError(f"range() trong mẫu có {_n(len(rng))} phần tử, quá giới "
                                     f"hạn {_n(self.limits.max_range)}")
        self.budget().step()
        return rng

    def limited_lipsum(self, n: int = 5, html: bool = True, min: int = 20,
                       max: int = 100) -> str:
        if not (0 <= n <= 20 and 0 <= min <= max <= 200):
            raise TemplateLimitError("lipsum() trong mẫu chỉ dùng được tới 20 đoạn, 200 từ "
                                     "mỗi đoạn")
        from jinja2.utils import generate_lorem_ipsum

        return generate_lorem_ipsum(n, html, min, max)

    # -- sandbox hooks

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        budget = __self.budget()
        budget.step()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in STR_METHODS:
            with contextlib.suppress(TypeError, ValueError, AttributeError):  # the call says so
                budget.allocate(STR_METHODS[name](owner, *args, **kwargs))
        if isinstance(__obj, Macro | LoopContext):
            budget.depth += 1
            try:
                if budget.depth > __self.limits.max_depth:
                    raise TemplateLimitError(
                        f"macro hoặc vòng lặp đệ quy gọi lồng nhau quá {__self.limits.max_depth} "
                        "tầng; hãy kiểm tra macro tự gọi lại chính nó")
                return super().call(__context, __obj, *args, **kwargs)
            finally:
                budget.depth -= 1
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        """The sandbox's own str.format/format_map, after the size of what it would build."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template, method = value.__self__, value.__name__

        def sized(*args: Any, **kwargs: Any) -> str:
            with contextlib.suppress(TypeError, ValueError, AttributeError):
                budget = self.budget()
                budget.allocate(STR_METHODS[method](template, *args, **kwargs))
            return wrapped(*args, **kwargs)

        return sized

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = self.budget()
        budget.step()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(times, int) and not isinstance(seq, int | float):
                    budget.allocate(weight(seq) * max(0, times))
            if isinstance(left, int) and isinstance(right, int):
                budget.allocate((abs(left).bit_length() + abs(right).bit_length()) // 3)
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                budget.allocate(abs(left).bit_length() * right // 3)
        elif operator == "+":
            if not isinstance(left, int | float) or not isinstance(right, int | float):
                budget.allocate(weight(left) + weight(right))
        elif operator == "%" and isinstance(left, str):
            args = right if isinstance(right, tuple) else (right,)
            kwargs = right if isinstance(right, dict) else {}
            budget.allocate(_format_sized(left, args, kwargs, self.limits.max_output))
        return super().call_binop(context, operator, left, right)


def _counted(iterable: Any, budget: _Budget) -> Iterator[Any]:
    for item in iterable:
        budget.step()
        yield item


class _GuardedFilters(dict):
    """The environment's filters, each counted and size-checked; a filter registered later
    (``env.filters.update(FILTERS)``) is wrapped as it is set."""

    def __init__(self, env: LimitedEnvironment, filters: dict) -> None:
        super().__init__()
        self._env = env
        self.update(filters)

    def __setitem__(self, name: str, func: Any) -> None:
        super().__setitem__(name, _guarded_filter(name, func, self._env))

    def update(self, *args: Any, **kwargs: Any) -> None:  # dict.update bypasses __setitem__
        for name, func in dict(*args, **kwargs).items():
            self[name] = func

    def setdefault(self, name: str, func: Any = None) -> Any:
        if name not in self:
            self[name] = func
        return self[name]


def environment(folders: Iterable[str | Path], limits: TemplateLimits | None = None,
                **options: Any) -> LimitedEnvironment:
    """A LimitedEnvironment reading templates from ``folders`` (first match wins); ``options``
    are Jinja's (undefined, trim_blocks, …)."""
    limits = limits or TemplateLimits()
    return LimitedEnvironment(loader=loader(folders, limits.max_template_bytes), limits=limits,
                              **options)
