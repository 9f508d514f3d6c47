"""What every page's header needs to know about the signed-in account."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from org.selectors.access import employee_of


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
    none when the account was read with its session."""
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
    # One join on each side of an OR: half the Python of two EXISTS subqueries, the same rows.
    return Permission.objects.filter(Q(user=user.pk) | Q(group__user=user.pk), content_type__app_label="wagtailadmin",
                                     codename="access_admin").exists()
