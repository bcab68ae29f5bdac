"""The "Việc cần làm" page and the person's reminder switch."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import items, reminders


class ReminderForm(forms.Form):
    email_reminders = forms.BooleanField(label=gettext_lazy("Nhận thư nhắc việc qua thư điện tử"), required=False)


# /viec-can-lam/

@login_required
def todo(request):
    form = ReminderForm(initial={"email_reminders": reminders.email_reminders_on(request.user)})
    return render(request, "reports/todo.html", {"todo": items.cached_todo_list(request), "form": form})


# /viec-can-lam/nhac-viec/

@login_required
@require_POST
def reminder_settings(request):
    form = ReminderForm(request.POST)
    form.is_valid()  # a checkbox: absent means off, anything else on
    enabled = bool(form.cleaned_data.get("email_reminders"))
    reminders.set_email_reminders(request.user, enabled=enabled)
    messages.success(request, _("Đã bật nhận thư nhắc việc.") if enabled else _("Đã tắt nhận thư nhắc việc."))
    return redirect("todo:todo")
