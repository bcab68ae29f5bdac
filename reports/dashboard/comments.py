"""Comments of supervisors and leaders on a plan or one of its period reports (the ward sees them)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.periods import PERIODS, first_lower
from plans.models import Comment
from units.permissions import can_comment


class CommentForm(forms.Form):
    period = forms.ChoiceField(label=_("Về"), required=False,
                               choices=[("", _("Kế hoạch nói chung"))] + [(c, _("Báo cáo %(period)s") % {"period": first_lower(n)})
                                                                         for c, n in PERIODS])
    text = forms.CharField(label=_("Nhận xét"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("Nhận xét: vui lòng nhập nội dung.")})

    def __init__(self, data=None, *, plan, **kwargs):
        super().__init__(data, **kwargs)
        self.plan = plan
        self.fields["period"].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["text"].widget.attrs["class"] = "form-control"

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Nhận xét: vui lòng nhập nội dung."))
        return text


@transaction.atomic
def add_comment(plan, *, by, text, period=""):
    """Record a comment on ``plan`` (or its report for ``period``). Side effects: one INSERT."""
    return Comment.objects.create(plan=plan, author=by, text=text, period=period or "")


def comment_context(plan, user):
    """The plan's comments, newest first, with their authors (one query), and whether ``user`` may add one."""
    items = list(Comment.objects.filter(plan=plan).select_related("author").order_by("-created_at", "-pk"))
    return {"comments": items, "may_comment": can_comment(user, plan)}
