"""The link of an account invitation: the invited user sets their own password."""

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from inovda.accounts import invitations, services


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, uidb64: str, token: str):
    user = invitations.user_for(uidb64, token)
    if user is None:
        return render(request, "accounts/invitation.html", {"invalid": True}, status=400)
    form = SetPasswordForm(user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_password(user, form.cleaned_data["new_password1"])
        except services.AccountError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Kata sandi disimpan. Silakan masuk.")
            return redirect("accounts:login")
    return render(request, "accounts/invitation.html", {"form": form, "invited": user})
