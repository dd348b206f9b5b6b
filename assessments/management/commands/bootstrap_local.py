"""Everything `make run` prepares before serving: DB, table + indexes, questionnaire, demo users."""

from __future__ import annotations

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from assessments.models import QuestionnaireVersion
from assessments.selectors.questionnaires import default_questionnaire_path
from assessments.services.demo import demo_users_ensure
from assessments.services.questionnaires import questionnaire_import


class Command(BaseCommand):
    help = "Prepare a local installation (idempotent): migrate, create the table and GSIs, load the questionnaire, create demo users."

    def handle(self, *args: object, **options: object) -> None:
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        # create_table on its own ends with "Add the other indexes with: manage.py create_gsis";
        # here the indexes are created next, so their own output is kept out of the way.
        quiet = StringIO()
        call_command("create_table", verbosity=0, stdout=quiet)
        call_command("create_gsis", verbosity=0, stdout=quiet)
        self.stdout.write(f"Table {settings.TRA_TABLE_NAME} and its indexes are ready.")
        if settings.TRA_DOCUMENT_STORE == "local":
            # The document store exists from the start, so /healthz is ready before the first upload.
            settings.TRA_DOCUMENT_DIR.mkdir(parents=True, exist_ok=True)
        if not QuestionnaireVersion.objects.filter(key="default", is_active=True).exists():
            version = questionnaire_import(
                text=default_questionnaire_path().read_text(), key="default", activate=True
            )
            self.stdout.write(f"Loaded questionnaire {version.name} (version {version.version}).")
        users = demo_users_ensure(credentials_path=settings.VAR_DIR / "demo-users.json")
        self.stdout.write(self.style.SUCCESS("Demo users (passwords kept in var/demo-users.json):"))
        for user in users:
            self.stdout.write(f"  {user.role:<17} {user.username:<11} {user.password}")
