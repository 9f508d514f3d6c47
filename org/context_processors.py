"""What every page's header needs to know about the signed-in account."""

from org.selectors.access import employee_of


def profile(request):
    """`has_profile`: the account is a member of staff, so the learner's links (quizzes,
    certificates) lead somewhere; an admin-only account does not see them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"has_profile": False}
    return {"has_profile": employee_of(user) is not None}
