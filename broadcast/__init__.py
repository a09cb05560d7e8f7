"""broadcast: district directives → commune loudspeaker broadcasts (bài tuyên truyền)."""

__version__ = "0.1.0"
