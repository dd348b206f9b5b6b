"""An e-mail backend for Django that sends through Amazon SES (v2 SendEmail, raw MIME).

Django's mail API is sync and runs in the task worker, so each ``send_messages`` is one async
unit of work (``run_sync``): the loop's sesv2 client (``integrations.clients``: timeouts and
retries from settings, endpoint from TRA_SES_ENDPOINT_URL) sends every message of the batch,
and closes with the unit. Errors are translated at the boundary (``Throttled``,
``Unavailable``, ``IntegrationError`` for a refusal such as an unverified sender), which the
notification task retries; ``fail_silently`` returns the count sent instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from integrations.clients import get_client
from integrations.errors import IntegrationError, translate_aws_errors
from integrations.instrumentation import record
from integrations.runtime import run_sync

log = logging.getLogger(__name__)

SERVICE = "sesv2"


class SESEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        messages = [m for m in email_messages if m.recipients()]
        if not messages:
            return 0
        try:
            return run_sync(_send_all, messages)
        except IntegrationError:
            if not self.fail_silently:
                raise
            log.warning("SES refused or could not take %d message(s)", len(messages), exc_info=True)
            return 0


async def _send_all(messages: list[EmailMessage]) -> int:
    client = await get_client(
        SERVICE, endpoint_url=settings.TRA_SES_ENDPOINT_URL, region=settings.TRA_SES_REGION or None
    )
    sent = 0
    for message in messages:
        # Reference: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html
        # Raw content keeps Django's MIME message whole (text + HTML alternatives, headers);
        # Bcc is given as a destination only, never in the headers.
        record(SERVICE, "SendEmail")
        with translate_aws_errors("SendEmail"):
            await client.send_email(
                FromEmailAddress=message.from_email,
                Destination={
                    "ToAddresses": message.to,
                    "CcAddresses": message.cc,
                    "BccAddresses": message.bcc,
                },
                Content={"Raw": {"Data": message.message().as_bytes(linesep="\r\n")}},
            )
        sent += 1
    return sent
