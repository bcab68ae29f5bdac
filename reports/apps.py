from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Văn bản và báo cáo"

    def ready(self):
        from plans.models import Comment, PeriodReport, Plan, Task
        from reports.models import CommentRead
        from reports.todo.items import todo_changed
        from units.models import Role

        # The writes that can change someone's to-do list forget the navbar's cached counts: saves and
        # deletions of these models, and the audit rows services stamp after a bulk UPDATE of them
        # (units.audit.record saves the newest history row).
        models = [Comment, CommentRead, PeriodReport, Plan, Role, Task]
        for model in models + [m.history.model for m in models if hasattr(m, "history")]:
            post_save.connect(todo_changed, sender=model, dispatch_uid=f"todo-{model._meta.label}-save")
            post_delete.connect(todo_changed, sender=model, dispatch_uid=f"todo-{model._meta.label}-delete")
