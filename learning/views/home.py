"""The learner's landing page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from learning.selectors.access import employee_of, is_hr, is_unit_head


@login_required
def home(request):
    employee = employee_of(request.user)
    context = {
        "employee": employee,
        "is_hr": is_hr(request.user),
        "is_unit_head": is_unit_head(request.user),
    }
    return render(request, "learning/home.html", context)
