"""Templates with limits (broadcast.sandbox): hostile or broken templates end in one line that
names the template and the line, within counted budgets; ordinary ones render as before."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import jinja2
import pytest

from broadcast import sandbox, script
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.sandbox import TemplateLimits

SMALL = TemplateLimits(max_output=10_000, max_alloc=40_000, max_steps=20_000, max_depth=20,
                       max_range=1_000, max_seconds=60, max_template_bytes=10_000)


def render(folder: Path, text: str, limits: TemplateLimits = SMALL, name: str = "mau.md.j2",
           **context) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    env = sandbox.environment([folder], limits=limits, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)
    return env.get_template(name).render(**context)


def refused(folder: Path, text: str, match: str, limits: TemplateLimits = SMALL,
            line: int | None = 1) -> str:
    with pytest.raises(BroadcastError, match=match) as info:
        render(folder, text, limits)
    message = str(info.value)
    assert "\n" not in message and message.startswith("Mẫu 'mau.md.j2'")
    if line:
        assert f"dòng {line}:" in message
    return message


@pytest.mark.parametrize(("text", "match"), [
    ("{{ 'x' * 10**9 }}", "dài 1.000.000.000"),
    ("{{ lipsum(10**6) }}", "lipsum"),
    ("{% for i in range(10**9) %}{% endfor %}", "range.*1.000.000.000 phần tử"),
    ("{{ 'x'|center(10**9) }}", "dài"),
    ("{{ ['x']|map('center', 10**9)|list }}", "dài"),
    ("{{ 'x'.ljust(10**9) }}", "dài"),
    ("{{ '{:999999999}'.format(1) }}", "dài"),
    ("{{ '%999999999d' % 1 }}", "dài"),
    ("{{ range(1000)|join('x' * 9000) }}", "dài"),
    ("{% set l = ['x' * 9000] * 1000 %}{{ l }}", "dài"),
    ("{{ [1]|batch(10**9, 'x')|list }}", "dài"),
    ("{{ 'ab'.replace('', 'x' * 5000) }}", "dài"),
])
def test_expressions_that_would_build_huge_values_are_refused_before_building(tmp_path, text,
                                                                                 match):
    refused(tmp_path, text, match)


def test_doubling_a_string_in_a_loop_stops_at_the_limit(tmp_path):
    refused(tmp_path, "{% set ns = namespace(x='ab') %}{% for i in range(60) %}"
            "{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x | length }}", "dài|ký tự")


def test_output_is_capped(tmp_path):
    refused(tmp_path, "{% for i in range(1000) %}{{ 'mười chữ!!' * 2 }}{% endfor %}",
            "tạo ra hơn 10.000 ký tự")


def test_static_text_in_a_macro_loop_counts_too(tmp_path):
    refused(tmp_path, "{% macro m() %}{% for i in range(1000) %}0123456789abcdef"
            "{% endfor %}{% endmacro %}{% set x = m() %}", "tạo ra hơn")


def test_nested_loops_that_output_nothing_stop_at_the_step_limit(tmp_path):
    refused(tmp_path, "{% set s = 'x' * 900 %}{% for a in s %}{% for b in s %}{% for c in s %}"
            "{% endfor %}{% endfor %}{% endfor %}", "quá 20.000 bước")


def test_time_limit_is_checked_while_looping(tmp_path):
    no_time = TemplateLimits(max_seconds=0)
    refused(tmp_path, "{% for a in range(3000) %}{% endfor %}", "quá 0 giây", no_time)


def test_a_recursive_macro_stops_at_the_depth_limit(tmp_path):
    refused(tmp_path, "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "quá 20 tầng")


def test_a_template_that_includes_itself_is_one_line(tmp_path):
    refused(tmp_path, "{% include 'mau.md.j2' %}", "lồng nhau")


def test_blocked_attributes_are_one_line(tmp_path):
    refused(tmp_path, "{{ ''.__class__.__mro__ }}", "không được phép")
    refused(tmp_path, "{% set l = [1] %}{{ l.append(2) }}", "không được phép")


def test_errors_name_the_line_where_they_happen(tmp_path):
    refused(tmp_path, "một\nhai\n{{ 1 // 0 }}", "ZeroDivisionError", line=3)
    refused(tmp_path, "một\n\n{{ khong_co.x }}", "biến không có.*khong_co", line=3)


def test_a_missing_include_is_named_with_the_line_that_includes_it(tmp_path):
    message = refused(tmp_path, "a\nb\n{% include 'thieu.md.j2' %}", "thieu.md.j2", line=3)
    assert "không tìm thấy mẫu 'thieu.md.j2'" in message


def test_a_syntax_error_in_an_included_template_names_that_template(tmp_path):
    (tmp_path / "hong.md.j2").write_text("x\n{% for %}", encoding="utf-8")
    with pytest.raises(BroadcastError, match="Mẫu 'hong.md.j2' sai cú pháp ở dòng 2"):
        render(tmp_path, "{% include 'hong.md.j2' %}")


def test_an_error_inside_an_include_names_the_included_template(tmp_path):
    (tmp_path / "con.md.j2").write_text("ok\n{{ 1 // 0 }}", encoding="utf-8")
    with pytest.raises(BroadcastError, match="Mẫu 'con.md.j2' dòng 2: .*ZeroDivisionError"):
        render(tmp_path, "{% include 'con.md.j2' %}")


# ---------------------------------------------------------------- the loader


def test_a_symlink_pointing_out_of_the_folder_is_refused(tmp_path):
    folder, secret = tmp_path / "mau", tmp_path / "bi-mat.txt"
    folder.mkdir()
    secret.write_text("mật khẩu", encoding="utf-8")
    (folder / "mau.md.j2").symlink_to(secret)
    env = sandbox.environment([folder], limits=SMALL)
    with pytest.raises(BroadcastError, match="trỏ ra ngoài thư mục mẫu") as info:
        env.get_template("mau.md.j2")
    assert "mật khẩu" not in str(info.value)


def test_an_include_through_a_symlink_out_is_refused(tmp_path):
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "passwd.j2").symlink_to(tmp_path)  # a folder outside, then a file in it
    (tmp_path / "x.j2").write_text("bí mật", encoding="utf-8")
    with pytest.raises(BroadcastError, match="trỏ ra ngoài"):
        render(folder, "{% include 'passwd.j2/x.j2' %}")


def test_a_symlink_inside_the_folder_is_read(tmp_path):
    (tmp_path / "that.md.j2").write_text("thật {{ 1 + 1 }}", encoding="utf-8")
    (tmp_path / "ten-khac.md.j2").symlink_to(tmp_path / "that.md.j2")
    env = sandbox.environment([tmp_path], limits=SMALL)
    assert env.get_template("ten-khac.md.j2").render() == "thật 2"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_template_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "ong.md.j2")
    env = sandbox.environment([tmp_path], limits=SMALL)
    with pytest.raises(BroadcastError, match="không phải tệp thường"):
        env.get_template("ong.md.j2")


def test_a_template_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "to.md.j2").write_text("x" * 20_000, encoding="utf-8")
    env = sandbox.environment([tmp_path], limits=SMALL)
    with pytest.raises(BroadcastError, match="quá giới hạn 10000 byte"):
        env.get_template("to.md.j2")


def test_the_first_folder_wins_and_the_next_is_searched(tmp_path):
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    user.mkdir()
    builtin.mkdir()
    (user / "a.j2").write_text("riêng", encoding="utf-8")
    (builtin / "a.j2").write_text("có sẵn", encoding="utf-8")
    (builtin / "b.j2").write_text("{% include 'a.j2' %} và b", encoding="utf-8")
    env = sandbox.environment([user, builtin], limits=SMALL)
    assert env.get_template("b.j2").render() == "riêng và b"


# ---------------------------------------------------------------- ordinary templates


def test_ordinary_templates_render_as_in_the_plain_sandbox(tmp_path):
    text = ("{% macro li(x) %}- {{ x | upper }}{% endmacro %}"
            "{% for x in items %}{{ li(x) }}\n{% endfor %}{{ 'a' ~ n ~ 'b' }} {{ 3 * 'ab' }} "
            "{{ '%05.1f' % 2.5 }} {{ '{:>4}'.format(7) }} {{ items | join(', ') }}")
    context = {"items": ["một", "hai"], "n": 3}
    plain = jinja2.sandbox.ImmutableSandboxedEnvironment().from_string(text).render(**context)
    assert render(tmp_path, text, **context) == plain


def test_the_built_in_script_templates_render_the_same(monkeypatch):
    """What the lead developer's swap in script.environment() gives: the same script."""
    from broadcast import document, sources
    from tests.conftest import FIXTURES

    directive = document.parse(sources.read(FIXTURES / "cong-van-nho.txt"))
    day, commune = dt.date(2025, 9, 5), Commune.from_text("Phúc Lộc")
    before = script.render(directive, commune, day)

    def limited(user_dir=None):
        env = sandbox.environment(script.template_dirs(user_dir),
                                  undefined=jinja2.StrictUndefined, trim_blocks=True,
                                  lstrip_blocks=True, keep_trailing_newline=True)
        env.filters.update(script.FILTERS)
        env.tests.update(script.TESTS)
        return env

    monkeypatch.setattr(script, "environment", limited)
    assert script.render(directive, commune, day) == before


def test_filters_added_later_keep_their_context_marks():
    env = sandbox.environment([], limits=SMALL)

    @jinja2.pass_context
    def who(context, value):
        return f"{context['name']}:{value}"

    env.filters.update({"who": who})
    assert env.from_string("{{ 'x' | who }}").render(name="A") == "A:x"
