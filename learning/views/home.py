"""The learner's landing page, "Việc học của tôi"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from courses.content_cache import content_version_pinned
from learning.selectors.my_learning import my_learning
from learning.selectors.sessions import learner_sessions_context, upcoming_sessions_for
from org.selectors.access import employee_of


@login_required
def home(request):
    employee = employee_of(request.user)
    with content_version_pinned(request):  # cached content and URLs: one read of its version
        upcoming = upcoming_sessions_for(employee) if employee else []  # shown twice on the page
        context = {
            "employee": employee,
            "campaigns": my_learning(employee=employee, upcoming=upcoming) if employee else [],
            **learner_sessions_context(request.user, upcoming=upcoming),
        }
        return render(request, "learning/home.html", context)
