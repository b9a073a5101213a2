"""The one place the services' expected refusals (attribution.services.errors) become what a person sees,
for the views and the admin alike."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from attribution.services.errors import ServiceError


def form_errors(form: forms.BaseForm, error: ServiceError) -> None:
    """Show each problem on its field, or above the form where the field is not one of the form's."""
    for field, message in error.field_messages():
        form.add_error(field if field in form.fields else None, message)


def message_error(request: HttpRequest, error: ServiceError) -> None:
    """Show the refusal on the next page, for actions that redirect."""
    messages.error(request, error.message)
