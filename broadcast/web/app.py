"""The local page: Starlette routes that wire the CLI's own functions (pipeline, month, feed,
config) to forms. A BroadcastError is shown as the one line the CLI prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from broadcast.errors import BroadcastError
from broadcast.web import editing, feedview, security
from broadcast.web.jobs import Jobs
from broadcast.web.security import Guard, Refused, Tokens
from broadcast.web.workspace import MAX_SCRIPT_BYTES, Workspace

HERE = Path(__file__).resolve().parent
DOWNLOADS = (".mp3", ".docx", ".txt", ".srt")


@dataclass
class Context:
    """What every handler needs: the folder, the running jobs, the session tokens."""

    workspace: Workspace
    jobs: Jobs
    tokens: Tokens
    pages: jinja2.Environment
    background: bool = True  # builds in a worker thread (tests may run them inline)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["mmss"] = mmss
    env.filters["marked"] = editing.marked
    env.filters["outcome"] = feedview.outcome_label
    return env


def mmss(seconds: float) -> str:
    minutes, secs = divmod(round(seconds or 0), 60)
    return f"{minutes}:{secs:02d}"


def page(request: Request, name: str, status: int = 200, **values) -> HTMLResponse:
    ctx: Context = request.app.state.ctx
    running, failed = job_view(request)
    html = ctx.pages.get_template(name).render(
        csrf=request.state.csrf, nav=request.url.path, months=_safe_months(ctx), job=running,
        failed=failed, **values)
    return HTMLResponse(html, status_code=status)


def _safe_months(ctx: Context) -> list[str]:
    try:
        return ctx.workspace.months()
    except BroadcastError:
        return []


async def posted(request: Request) -> dict[str, str]:
    """The form of a POST, after its token was checked (every POST comes through here)."""
    form = await request.form(max_files=1, max_fields=60, max_part_size=MAX_SCRIPT_BYTES)
    given = form.get(security.TOKEN_FIELD) or request.headers.get(security.TOKEN_HEADER, "")
    security.check_token(request.state.session, str(given), request.app.state.ctx.tokens)
    request.state.form = form
    return {k: v for k, v in form.items() if isinstance(v, str)}


def ctx_of(request: Request) -> Context:
    return request.app.state.ctx


def job_view(request: Request) -> tuple[str, str]:
    """(the running job the page follows, the line of the job that failed) of ?viec=."""
    job = ctx_of(request).jobs.jobs.get(request.query_params.get("viec", ""))
    if job is None:
        return "", ""
    return (job.id if job.state == "running" else ""), job.error


def today() -> dt.date:
    return dt.date.today()


# ---------------------------------------------------------------- errors


async def broadcast_error(request: Request, exc: BroadcastError):
    if _wants_json(request):
        return JSONResponse({"error": exc.message}, status_code=400)
    return page(request, "error.html", status=400, error=exc.message, back=_back(request))


async def refused(request: Request, exc: Refused):
    if _wants_json(request):
        return JSONResponse({"error": exc.message}, status_code=exc.status)
    return HTMLResponse(f"Lỗi: {exc.message}", status_code=exc.status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or \
        "application/json" in request.headers.get("accept", "")


def _back(request: Request) -> str:
    referer = request.headers.get("referer", "")
    return referer if referer.startswith(str(request.base_url)) else "/"


def create_app(folder: Path, config: Path | None = None, hosts=security.LOCAL_NAMES,
               background: bool = True, required: bool = False) -> Guard:
    """The page for the working folder ``folder`` (its broadcast.toml, its audio_out)."""
    from broadcast.web import routes

    workspace = Workspace(folder, config)
    app = Starlette(routes=[*routes.ROUTES, Mount("/static", StaticFiles(
        directory=HERE / "static"), name="static")],
        exception_handlers={BroadcastError: broadcast_error, Refused: refused})
    tokens = Tokens()
    app.state.ctx = Context(workspace, Jobs(), tokens, environment(), background)
    return Guard(app, hosts, workspace.password, tokens, required)


__all__ = ["DOWNLOADS", "Context", "FileResponse", "RedirectResponse", "Route", "create_app",
           "ctx_of", "page", "posted", "today"]
