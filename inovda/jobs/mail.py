"""E-mail through Django's mail framework, always sent by a background job so no request
waits for a mail server. Console backend by default; SMTP when ``EMAIL_URL`` says so."""

import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tasks import task

from inovda.jobs.models import Once

logger = logging.getLogger("inovda.mail")


@task()
def send_email(to: list[str], subject: str, body: str, kind: str) -> int:
    sent = send_mail(subject, body, None, to)
    logger.info("mail %s sent to %d recipient(s)", kind, len(to))
    return sent


def notify(to: list[str], subject: str, body: str, kind: str) -> bool:
    """Queue one e-mail (after the caller's transaction commits); False when nobody has an
    address to send it to."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        logger.info("mail %s not sent: no recipient with an address", kind)
        return False
    transaction.on_commit(lambda: send_email.enqueue(recipients, subject, body, kind))
    return True


def once(key: str) -> bool:
    """True the first time ``key`` is seen, False ever after (also across processes)."""
    try:
        with transaction.atomic():
            Once.objects.create(key=key[:200])
    except IntegrityError:
        return False
    return True
