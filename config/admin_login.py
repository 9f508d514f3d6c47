"""The Wagtail admin's login form (WAGTAILADMIN_USER_LOGIN_FORM in config/settings/base.py).

Wagtail 8.0 declares the password field without a label, so Django falls back to the field's name
and the admin login shows "Password" in every language. This form takes the label of Django's own
AuthenticationForm (a translated string: "Mật khẩu" in Vietnamese) and changes nothing else.
"""

from django.contrib.auth.forms import AuthenticationForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
