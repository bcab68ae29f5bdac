"""E-mail reminders: each person gets one Vietnamese digest of the to-do items that became due,
overdue, reopened or late since the last run (``manage.py send_reminders``, from cron).

Never the same reminder twice: every item sent is recorded in ReminderSent under (person, kind,
key, state), recorded in the same transaction as the sending, so a failed send is retried by the
next run and a second run the same day sends nothing. Unread comments and drafts waiting to be
issued stay on the page only (they do not fall due). A person turns reminders off on the to-do
page (ReminderPreference).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.models import ReminderPreference, ReminderSent
from units.models import Role

from .items import REOPENED, REPORT, SECTIONS, TASK, WARD, todo_list

REMINDED_KINDS = (REPORT, REOPENED, TASK, WARD)


@dataclass
class Digest:
    user: object
    items: list
    subject: str
    text: str
    html: str


def recipients():
    """Active people with an e-mail address and a role, who have not turned reminders off."""
    off = ReminderPreference.objects.filter(user=OuterRef("pk"), email_reminders=False)
    return (get_user_model().objects.filter(is_active=True).exclude(email="")
            .filter(Exists(Role.objects.filter(user=OuterRef("pk")))).exclude(Exists(off)).order_by("pk"))


def new_items(user, *, today):
    """The items of ``user``'s to-do list on ``today`` that fall due and were never e-mailed in their state."""
    items = [item for item in todo_list(user, today=today).items if item.kind in REMINDED_KINDS]
    if not items:
        return []
    sent = set(ReminderSent.objects.filter(user=user, key__in={i.key for i in items})
               .values_list("kind", "key", "state"))
    return [item for item in items if (item.kind, item.key, item.state) not in sent]


def digest(user, items, *, today):
    """The e-mail for ``items`` (subject, plain text, HTML), grouped as on the page."""
    labels = dict(SECTIONS)
    groups = [(str(labels[kind]), [i for i in items if i.kind == kind]) for kind in REMINDED_KINDS]
    context = {"user": user, "groups": [(label, group) for label, group in groups if group], "today": today,
               "site_url": settings.SITE_URL, "count": len(items)}
    subject = _("[Kế hoạch KT-XH] Việc cần làm: %(n)s việc đến hạn hoặc cần xử lý") % {"n": len(items)}
    return Digest(user, items, subject, render_to_string("reports/email/reminders.txt", context),
                  render_to_string("reports/email/reminders.html", context))


def send_reminders(*, today=None, dry_run=False):
    """E-mail every recipient the items new to them; with ``dry_run`` build the digests and send or
    record nothing. Returns the digests (sent, or that would be sent).

    Side effects: one e-mail per person with something new, and one ReminderSent row per item in it,
    written in the same transaction as the sending (a failed send records nothing)."""
    today = today or timezone.localdate()
    digests = []
    for user in recipients():
        items = new_items(user, today=today)
        if not items:
            continue
        mail = digest(user, items, today=today)
        digests.append(mail)
        if dry_run:
            continue
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                [ReminderSent(user=user, kind=i.kind, key=i.key, state=i.state) for i in items],
                ignore_conflicts=True)
            message = EmailMultiAlternatives(mail.subject, mail.text, settings.DEFAULT_FROM_EMAIL, [user.email])
            message.attach_alternative(mail.html, "text/html")
            message.send()
    return digests


@transaction.atomic
def set_email_reminders(user, *, enabled):
    """Turn ``user``'s e-mail reminders on or off. Side effects: one INSERT or UPDATE."""
    ReminderPreference.objects.update_or_create(user=user, defaults={"email_reminders": enabled})


def email_reminders_on(user):
    """Whether ``user`` receives e-mail reminders (on unless turned off). One query."""
    return not ReminderPreference.objects.filter(user=user, email_reminders=False).exists()
