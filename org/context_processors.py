"""What every page's header needs to know about the signed-in account."""

from django.utils.functional import SimpleLazyObject

from org.selectors.access import employee_of
from org.sessions import access_admin


def profile(request):
    """`has_profile`: the account is a member of staff, so the learner's links (quizzes,
    certificates) lead somewhere; an admin-only account does not see them. `can_open_admin`: the
    header links the admin (read only when the header asks)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"has_profile": False, "can_open_admin": False}
    return {"has_profile": employee_of(user) is not None,
            "can_open_admin": SimpleLazyObject(lambda: can_open_admin(user))}


def can_open_admin(user) -> bool:
    """`user.is_staff or user.has_perm("wagtailadmin.access_admin")` in at most one query (Django's
    permission check reads the user's and the groups' permissions in two, on every learner page),
    none when the account was read with its session; the rule is `org.sessions.access_admin`'s."""
    if user.is_staff or (user.is_active and user.is_superuser):
        return True
    if not user.is_active:
        return False
    known = getattr(user, "_access_admin", None)  # read with the account (org.auth, org.sessions)
    if known is not None:
        return known
    cached = getattr(user, "_perm_cache", None)  # Django's own, when this request already read it
    if cached is not None:
        return "wagtailadmin.access_admin" in cached
    accounts = type(user)._default_manager.filter(pk=user.pk)
    return bool(accounts.annotate(access=access_admin(type(user), "id")).values_list("access", flat=True).first())
