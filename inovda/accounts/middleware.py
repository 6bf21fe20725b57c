from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class ForcePasswordChangeMiddleware:
    """A user who must change the password (new account, reset) reaches nothing else first:
    every URL but the change page, logout and static files redirects to the change page."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.must_change_password:
            change = reverse("accounts:password_change")
            allowed = (change, reverse("accounts:logout"))
            if request.path_info not in allowed and not request.path_info.startswith(
                settings.STATIC_URL
            ):
                return redirect(change)
        return self.get_response(request)
