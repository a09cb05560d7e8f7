"""The routes: each reads a form, calls the function the CLI calls, and shows the result."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

from broadcast import script as scripts
from broadcast.errors import BroadcastError
from broadcast.web import adding, editing, feedview, settings_form
from broadcast.web.app import ctx_of, page, posted, today
from broadcast.web.workspace import Workspace, read_script_text

SERVED = (".mp3", ".docx", ".txt", ".srt", ".json", ".md")
SOURCE_NAME = re.compile(r"^[0-9]{8}-[0-9]{6}-[a-z0-9-]+\.[a-z]{2,4}$")


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# ---------------------------------------------------------------- the month


async def home(request):
    return see_other(f"/thang/{ctx_of(request).workspace.default_month()}")


async def month_page(request):
    ws, month = ctx_of(request).workspace, request.path_params["month"]
    return page(request, "month.html", month=month, bai=ws.month(month),
                program=ws.program(month))


async def month_build(request):
    form = await posted(request)
    ctx, month = ctx_of(request), request.path_params["month"]
    draft = form.get("draft") == "1"
    paths = [b.path for b in ctx.workspace.month(month)
             if draft or b.state in ("da-duyet", "da-dung")]
    work = program_work(ctx.workspace, month, paths, draft)
    job = ctx.jobs.start(f"thang:{month}", f"Chương trình tháng {month}", work, ctx.background)
    return see_other(f"/thang/{month}?viec={job.id}")


def program_work(ws: Workspace, month: str, paths: list[Path], draft: bool):
    """`broadcast month MONTH BÀI…` (with --draft when asked) as a job."""
    from broadcast.month import build_month, default_date, parse_month
    from broadcast.pipeline import choose_engine

    first = parse_month(month)
    options = ws.options(date=default_date(first).isoformat(), draft=draft)

    def work(progress) -> dict:
        result = build_month(first, [str(p) for p in paths], options, progress=progress,
                             choice=choose_engine(options))
        return {"mp3": Path(result.mp3).name, "schedule": Path(result.schedule).name}
    return work


# ---------------------------------------------------------------- adding a bài


async def add_page(request):
    return page(request, "add.html", day=today().isoformat())


async def add(request):
    form = await posted(request)
    name, data = await _given(request, form)
    ws = ctx_of(request).workspace
    source = adding.keep(ws.out_dir / adding.SOURCES_DIR, name, data)
    return _understood(request, source, form.get("ngay", ""), force=False)


async def _given(request, form: dict[str, str]) -> tuple[str, bytes]:
    upload = request.state.form.get("tep")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        return upload.filename, await upload.read()
    if form.get("van_ban", "").strip():
        return "van-ban-dan.txt", form["van_ban"].encode("utf-8")
    if form.get("dia_chi", "").strip():
        return await run_in_threadpool(adding.fetch_page, form["dia_chi"])
    raise BroadcastError("Chưa có văn bản: chọn một tệp, dán nội dung văn bản, hoặc ghi địa "
                         "chỉ trang web.")


async def add_again(request):
    """Draft the kept document anyway: the CLI's `draft --force`."""
    form = await posted(request)
    ws, name = ctx_of(request).workspace, form.get("nguon", "")
    source = ws.out_dir / adding.SOURCES_DIR / name
    if not SOURCE_NAME.match(name) or not source.is_file():
        raise BroadcastError(f"Không có văn bản '{name}' đã tải lên.")
    return _understood(request, source, form.get("ngay", ""), force=True)


def _understood(request, source: Path, day: str, force: bool):
    ws = ctx_of(request).workspace
    options = ws.options(date=day or None, force=force)

    def draft(path: Path) -> Path:
        from broadcast.pipeline import write_draft

        return write_draft(path, options, overwrite=force)[0]
    result = adding.understand(source, draft)
    link = _link(ws, result.script) if result.script else ""
    return page(request, "understood.html", result=result, link=link, day=day,
                status=200 if result.script else 422)


def _link(ws: Workspace, script: Path) -> str:
    return f"/bai/{script.parent.name}/{script.stem}"


# ---------------------------------------------------------------- one bài


async def bai_page(request):
    return _bai(request)


def _bai(request, body: str | None = None, short_title: str | None = None,
         loaded: str | None = None, error: str = "", status: int = 200):
    ws = ctx_of(request).workspace
    month, name = request.path_params["month"], request.path_params["name"]
    path = ws.script_path(month, name)
    bai, text = ws.bai(month, path), read_script_text(path)
    front = scripts.FRONT.match(text)
    body = body if body is not None else (front["body"].strip() if front else text)
    return page(request, "bai.html", status=status, bai=bai, month=month,
                body=body, short_title=bai.short_title if short_title is None else short_title,
                version=loaded or editing.version(text), error=error,
                spoken=_spoken(ws, body), cues=cues_of(bai.mp3), files=files_of(bai),
                signer=ws.settings().signer.name, said=request.query_params.get("xong", ""))


def _spoken(ws: Workspace, body: str) -> list[editing.Spoken]:
    try:
        return editing.spoken_form(body, ws.options().speech)
    except BroadcastError:
        return []


def cues_of(mp3: Path | None) -> dict:
    from broadcast.writers import read_json

    data = read_json(mp3.with_suffix(".json")) if mp3 else None
    if not data:
        return {"segments": [], "repeats": [0], "engine": ""}
    segments = [{"start": s.get("start", 0), "end": s.get("end", 0), "text": s.get("text", "")}
                for s in data.get("segments", []) if isinstance(s, dict)]
    return {"segments": segments, "repeats": data.get("repeats") or [0],
            "engine": str(data.get("engine") or "")}


def files_of(bai) -> list[tuple[str, str]]:
    """(label, file name) of the bài's files there are to download."""
    found = []
    if bai.mp3 is not None:
        found += [(suffix[1:].upper(), bai.mp3.with_suffix(suffix).name) for suffix in
                  (".mp3", ".docx", ".txt", ".srt") if bai.mp3.with_suffix(suffix).is_file()]
    if not any(label == "DOCX" for label, _ in found) and bai.path.with_suffix(".docx").is_file():
        found.append(("DOCX", bai.path.with_suffix(".docx").name))
    return found


async def bai_save(request):
    form = await posted(request)
    path = _path(request)
    body, short = form.get("body", ""), form.get("short_title", "")
    try:
        editing.save(path, form.get("version", ""), short, body)
    except editing.Conflict as exc:
        return _bai(request, body, short, form.get("version", ""), exc.message, 409)
    except BroadcastError as exc:
        return _bai(request, body, short, form.get("version", ""), exc.message, 400)
    return see_other(f"{_here(request)}?xong=luu")


def _path(request) -> Path:
    return ctx_of(request).workspace.script_path(request.path_params["month"],
                                                 request.path_params["name"])


def _here(request) -> str:
    return f"/bai/{request.path_params['month']}/{request.path_params['name']}"


async def bai_approve(request):
    from broadcast.pipeline import approve_file

    form = await posted(request)
    path, settings = _path(request), ctx_of(request).workspace.settings()
    if editing.version(path.read_text(encoding="utf-8")) != form.get("version", ""):
        raise editing.Conflict("Bài đã được sửa từ lúc bạn mở trang: tải lại trang, đọc lại "
                               "bài rồi mới duyệt.")
    approve_file(path, form.get("by", "").strip() or settings.signer.name, today(),
                 settings.build.templates)
    return see_other(f"{_here(request)}?xong=duyet")


async def bai_build(request):
    await posted(request)
    ctx, path = ctx_of(request), _path(request)
    bai = ctx.workspace.bai(request.path_params["month"], path)
    options = ctx.workspace.options(draft=bai.state not in ("da-duyet", "da-dung"))
    job = ctx.jobs.start(f"bai:{path}", f"Dựng {bai.short_title}", build_work(path, options),
                         ctx.background)
    return see_other(f"{_here(request)}?viec={job.id}")


def build_work(path: Path, options):
    """`broadcast build BÀI` (--draft for a bài not approved) as a job."""
    from broadcast.pipeline import build, choose_engine

    def work(progress) -> dict:
        choice = choose_engine(options)
        result = build(str(path), options, progress=progress, choice=choice)
        return {"mp3": Path(result.mp3).name, "engine": result.engine, "reason": choice.reason,
                "spelled": list(result.spelled)}
    return work


# ---------------------------------------------------------------- data for the scripts


async def api_spoken(request):
    form = await posted(request)
    spoken = _spoken(ctx_of(request).workspace, form.get("body", ""))
    html = ctx_of(request).pages.get_template("_spoken.html").render(spoken=spoken)
    return HTMLResponse(html)


async def api_job(request):
    return JSONResponse(ctx_of(request).jobs.get(request.path_params["job"]).to_dict())


async def download(request):
    name = request.path_params["name"]
    path = ctx_of(request).workspace.output_file(request.path_params["month"], name)
    if path.suffix.lower() not in SERVED:
        raise BroadcastError(f"Không có tệp '{name}' để tải.")
    attach = request.query_params.get("tai") == "1"
    return FileResponse(path, filename=path.name,
                        content_disposition_type="attachment" if attach else "inline")


# ---------------------------------------------------------------- settings and feed


async def settings_page(request):
    ws = ctx_of(request).workspace
    try:
        values, error = settings_form.current(ws.settings()), ""
    except BroadcastError as exc:
        values, error = {}, exc.message
    return _settings(request, values, error, saved=request.query_params.get("xong") == "luu")


def _settings(request, values: dict, error: str = "", saved: bool = False, status: int = 200):
    ws = ctx_of(request).workspace
    return page(request, "settings.html", status=status, fields=settings_form.FIELDS,
                values=values, error=error, saved=saved, config=ws.config,
                exists=ws.config.is_file())


async def settings_save(request):
    form = await posted(request)
    try:
        settings_form.save(ctx_of(request).workspace.config, form)
    except BroadcastError as exc:
        return _settings(request, form, exc.message, status=400)
    return see_other("/cai-dat?xong=luu")


async def feed_page(request):
    from broadcast.feed.run import STATE_NAME

    ctx = ctx_of(request)
    job = ctx.jobs.jobs.get(request.query_params.get("viec", ""))
    view = feedview.read(ctx.workspace.out_dir / STATE_NAME)
    return page(request, "feed.html", view=view, labels=feedview.STATUS,
                report=job.result if job is not None and job.state == "done" else None)


async def feed_run(request):
    form = await posted(request)
    ctx = ctx_of(request)
    sources = [line.strip() for line in form.get("nguon", "").splitlines() if line.strip()]
    if not sources:
        raise BroadcastError("Chưa có nguồn tin: ghi địa chỉ RSS của huyện, mỗi dòng một nguồn.")
    options = ctx.workspace.options()
    job = ctx.jobs.start("nguon-tin", "Đọc nguồn tin",
                         lambda progress: feedview.run_now(sources, options, progress),
                         ctx.background)
    return see_other(f"/nguon-tin?viec={job.id}")


M, N = "{month}", "{name}"
ROUTES = [
    Route("/", home),
    Route(f"/thang/{M}", month_page),
    Route(f"/thang/{M}/chuong-trinh", month_build, methods=["POST"]),
    Route("/them", add_page),
    Route("/them", add, methods=["POST"]),
    Route("/them/van-soan", add_again, methods=["POST"]),
    Route(f"/bai/{M}/{N}", bai_page),
    Route(f"/bai/{M}/{N}/luu", bai_save, methods=["POST"]),
    Route(f"/bai/{M}/{N}/duyet", bai_approve, methods=["POST"]),
    Route(f"/bai/{M}/{N}/dung", bai_build, methods=["POST"]),
    Route("/api/loi-doc", api_spoken, methods=["POST"]),
    Route("/api/viec/{job}", api_job),
    Route(f"/tep/{M}/{N}", download),
    Route("/cai-dat", settings_page),
    Route("/cai-dat", settings_save, methods=["POST"]),
    Route("/nguon-tin", feed_page),
    Route("/nguon-tin", feed_run, methods=["POST"]),
]
