from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "Đơn vị hành chính"

    def ready(self):
        from . import people  # models are importable only from here on

        user_logged_in.connect(people.use_one_time_password, dispatch_uid="units.one_time_password")
