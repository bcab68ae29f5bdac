"""manage.py send_reminders (reports.todo.reminders): a Vietnamese digest of what became due, once."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from plans.reporting import period_report, submit_period
from reports.models import ReminderSent
from reports.todo.reminders import email_reminders_on, send_reminders, set_email_reminders


@pytest.fixture
def mailed(editor_a, editor_b, supervisor_d):
    for user, email in ((editor_a, "canbo.a@example.vn"), (editor_b, "canbo.b@example.vn"),
                        (supervisor_d, "giamsat.d@example.vn")):
        user.email = email
        user.first_name = "Lan"
        user.save()
    return editor_a


def run(today, *args):
    call_command("send_reminders", "--today", today, *args, stdout=open("/dev/null", "w"))


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_digest_is_vietnamese_and_links_where_things_are_done(mailed, issued_a, settings):
    settings.SITE_URL = "https://kehoach.example.vn"

    run("2026-03-05")

    [message] = mails_to("canbo.a@example.vn")
    assert message.subject == "[Kế hoạch KT-XH] Việc cần làm: 2 việc đến hạn hoặc cần xử lý"
    assert "Kính gửi Lan," in message.body
    assert "Phường A: Nộp báo cáo tháng 1 năm 2026. Hạn nộp 10/02/2026, quá hạn 23 ngày" in message.body
    assert "Nộp báo cáo tháng 2 năm 2026" in message.body
    link = "https://kehoach.example.vn" + reverse("plans:result_list", args=[issued_a.pk]) + "?period=m1"
    assert link in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and f'href="{link}"' in html


def test_second_run_sends_nothing(mailed, issued_a):
    run("2026-03-05")
    sent = len(mail.outbox)
    assert sent >= 1

    run("2026-03-05")

    assert len(mail.outbox) == sent
    assert ReminderSent.objects.filter(user=mailed).count() == 2


def test_an_item_turning_overdue_is_reminded_once_more(mailed, issued_a):
    run("2026-03-05")
    mail.outbox.clear()

    run("2026-03-11")   # February's report is now overdue; January's was already reminded overdue

    [message] = mails_to("canbo.a@example.vn")
    assert "Nộp báo cáo tháng 2 năm 2026. Hạn nộp 10/3/2026, quá hạn 1 ngày" in message.body
    assert "tháng 1" not in message.body


def test_submitted_reports_are_not_reminded(mailed, issued_a):
    submit_period(period_report(issued_a, "m1"), by=mailed)
    submit_period(period_report(issued_a, "m2"), by=mailed)

    run("2026-03-05")

    assert mails_to("canbo.a@example.vn") == []


def test_another_wards_items_never_reach_a_person(mailed, issued_a, issued_b):
    run("2026-03-05")

    [message] = mails_to("canbo.b@example.vn")
    assert "Phường B" in message.body and "Phường A" not in message.body
    [supervisor] = mails_to("giamsat.d@example.vn")   # district D: ward A is missing January's report
    assert "Phường A: Chưa nộp báo cáo tháng 1 năm 2026" in supervisor.body
    assert "Phường B" not in supervisor.body


def test_opt_out_is_respected(mailed, issued_a):
    set_email_reminders(mailed, enabled=False)

    run("2026-03-05")

    assert mails_to("canbo.a@example.vn") == []
    assert not ReminderSent.objects.filter(user=mailed).exists()


def test_the_person_turns_reminders_off_and_on_on_the_todo_page(client, mailed):
    client.force_login(mailed)

    response = client.post(reverse("todo:reminder_settings"), {})

    assert response.status_code == 302 and not email_reminders_on(mailed)
    assert "Đã tắt nhận thư nhắc việc." in client.get(response.url).content.decode()
    client.post(reverse("todo:reminder_settings"), {"email_reminders": "on"})
    assert email_reminders_on(mailed)


def test_dry_run_sends_and_records_nothing(mailed, supervisor_d, issued_a):
    digests = send_reminders(today=date(2026, 3, 5), dry_run=True)

    assert {d.user for d in digests} == {mailed, supervisor_d}
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_people_without_an_address_get_nothing(editor_a, issued_a):
    run("2026-03-05")

    assert mail.outbox == []


def test_a_bad_date_is_refused_in_vietnamese():
    with pytest.raises(CommandError, match="ngày không hợp lệ"):
        call_command("send_reminders", "--today", "05/03/2026")
