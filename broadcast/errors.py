"""The one exception type for failures a user can cause or fix.

The message is Vietnamese and says what failed, the likely cause and the fix. Only
``broadcast.cli`` turns it into a printed line and an exit code.
"""


class BroadcastError(Exception):
    """A user-facing failure with a one-line Vietnamese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())

    def __str__(self) -> str:
        return self.message
