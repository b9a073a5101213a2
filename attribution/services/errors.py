class IngestError(ValueError):
    """An article that cannot be stored, with the field at fault."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field
        self.message = message
