"""An entry's notice → a draft script file and a draft broadcast, through the pipeline. A
changed notice's later versions are built beside the earlier ones (…-v2.md, …-v2-DRAFT.mp3)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from broadcast import pipeline
from broadcast.feed.run import Builder
from broadcast.pipeline import BuildOptions, EngineChoice
from broadcast.script import Script
from broadcast.sources import SourceText


def draft_builder(options: BuildOptions, choice: EngineChoice | None = None) -> Builder:
    def build(text: SourceText, version: int) -> tuple[int, dict[str, str]]:
        script = free_version(replace(pipeline.draft_script(text, options), version=version),
                              options)
        path = pipeline.write_script(script, options)
        try:
            result = pipeline.build(path, replace(options, draft=True), choice=choice)
        except BaseException:
            path.unlink(missing_ok=True)  # no draft without its broadcast: the retry redoes both
            raise
        return script.version, {"script": str(path), "mp3": result.mp3,
                                "docx": str(Path(result.mp3).with_suffix(".docx")),
                                "manifest": result.manifest}
    return build


def free_version(script: Script, options: BuildOptions) -> Script:
    """The first version from ``script.version`` on whose files do not exist yet (another
    notice on the same topic, or an officer's own draft, keeps its files)."""
    while _taken(script, options):
        script = replace(script, version=script.version + 1)
    return script


def _taken(script: Script, options: BuildOptions) -> bool:
    draft_names = pipeline.output_names(replace(options, draft=True), script)
    return pipeline.script_path(options, script).exists() or draft_names[".mp3"].exists()
