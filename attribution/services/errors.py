"""The services' expected refusals. Each carries the message an editor or admin is shown, and the form field
at fault where there is one; views and the admin map them to forms and messages through attribution/feedback.py."""


class ServiceError(Exception):
    """A request the service refuses, having written nothing."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def field_messages(self) -> list[tuple[str | None, str]]:
        """(field or None for the whole form, message) for each problem."""
        return [(self.field, self.message)]


class IngestError(ServiceError):
    """An article that cannot be stored, with the field at fault."""
