"""Builds run in a worker thread, one at a time per bài (or per month's program); the page
polls a job for its progress, then for its result or the one line of its failure."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None]], dict]  # progress → what the page shows after


@dataclass
class Job:
    id: str
    key: str  # the bài (or month) it builds: one running job per key
    label: str
    done: int = 0
    total: int = 0
    state: str = "running"  # running, done, failed
    error: str = ""
    result: dict = field(default_factory=dict)
    ended: threading.Event = field(default_factory=threading.Event, repr=False)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "done": self.done, "total": self.total,
                "state": self.state, "error": self.error, "result": self.result}


class Jobs:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.jobs: dict[str, Job] = {}
        self.running: dict[str, str] = {}  # key → job id

    def start(self, key: str, label: str, work: Work, background: bool = True) -> Job:
        """A new job for ``key``; refused while another job of the same key runs."""
        with self.lock:
            if key in self.running:
                raise BroadcastError("Bài này đang được dựng: chờ lần dựng đó xong rồi thử lại.")
            job = Job(uuid.uuid4().hex[:12], key, label)
            self.jobs[job.id] = job
            self.running[key] = job.id
        if background:
            threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        else:
            self._run(job, work)
        return job

    def _run(self, job: Job, work: Work) -> None:
        try:
            job.result = work(job.progress)
            job.state = "done"
        except BroadcastError as exc:
            job.state, job.error = "failed", exc.message
        except Exception as exc:  # a bug: one line, the traceback in the log
            log.exception("build %s failed", job.key)
            job.state, job.error = "failed", (
                f"Lỗi ngoài dự kiến ({type(exc).__name__}: {exc}). Báo cho nhóm phát triển.")
        finally:
            with self.lock:
                self.running.pop(job.key, None)
            job.ended.set()

    def get(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise BroadcastError("Không có lần dựng này (máy chủ đã khởi động lại?).")
        return job
