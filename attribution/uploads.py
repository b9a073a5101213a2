"""An upload of articles, from the form to the import service: shared by the upload page and the admin's
"Add import batch", so both validate, queue and report alike."""

from django.http import HttpRequest

from attribution.feedback import form_errors
from attribution.forms import ImportUploadForm
from attribution.models import ImportBatch
from attribution.services.errors import IngestError
from attribution.services.imports import import_upload


def upload_form_queue(request: HttpRequest) -> tuple[ImportUploadForm, ImportBatch | None]:
    """The upload form bound to the request and, when it was posted valid, the batch its file was queued as
    (or None, with the reason on the form): for this page and the admin's."""
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return form, None
    try:
        batch = import_upload(
            upload=form.cleaned_data["file"],
            imported_by=request.user if request.user.is_authenticated else None,
            publisher=form.cleaned_data["publisher"],
        )
    except IngestError as error:
        form_errors(form, error)
        return form, None
    return form, batch
