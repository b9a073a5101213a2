import importlib
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _roles_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """Every `migrate` brings the Editors and Admins groups up to date with the permissions the code declares,
    so a permission a new version adds (merging speakers, say) reaches existing installations at once. After
    this app's migrations, when Django has created the permissions they name."""
    importlib.import_module("attribution.services.demo").roles_ensure()


class AttributionConfig(AppConfig):
    name = "attribution"
    verbose_name = "Attribution Desk"

    def ready(self) -> None:
        post_migrate.connect(_roles_after_migrate, sender=self)
