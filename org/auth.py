"""Log in with the employee code or the email address, as well as the username."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class EmployeeCodeOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        username = username.strip()
        users = list(
            get_user_model()
            .objects.filter(
                Q(username__iexact=username) | Q(email__iexact=username) | Q(employee__employee_code__iexact=username)
            )
            .distinct()[:2]
        )
        if len(users) != 1:
            # Unknown, or an email shared by two accounts: refuse rather than guess. Hash anyway
            # so the timing does not tell whether the login exists.
            get_user_model()().set_password(password)
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
