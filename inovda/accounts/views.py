"""Login, logout, password change, "my account" and account management."""

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from inovda.accounts import services, todo
from inovda.accounts.access import (
    accounts_for_user,
    can_change_account,
    creatable_roles,
    get_account_for_user,
    require_account_manager,
)
from inovda.accounts.forms import AccountForm, ChangePasswordForm, LoginForm
from inovda.accounts.models import Role


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


@never_cache
def login(request):
    # django-axes counts failures through authenticate(); its middleware swaps in the
    # lockout page (HTTP 429) once a username + IP is locked out.
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth.login(request, form.get_user())
        return redirect(_safe_next(request))
    return render(request, "accounts/login.html", {"form": form, "next": _safe_next(request)})


@require_POST
def logout(request):
    auth.logout(request)
    messages.info(request, "Anda telah keluar.")
    return redirect("accounts:login")


@never_cache
@login_required
def password_change(request):
    form = ChangePasswordForm(request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.change_password(request.user, form.cleaned_data["new_password1"])
        except services.AccountError as exc:
            form.add_error(None, str(exc))
        else:
            # Keeps this session; every other session of the user ends (session auth hash).
            auth.update_session_auth_hash(request, user)
            messages.success(request, "Kata sandi diganti. Sesi di perangkat lain telah diakhiri.")
            return redirect("accounts:home")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
def home(request):
    """The role's home: what waits (with counts), then every page of the role."""
    user = request.user
    tasks, links = todo.home_items(user)
    context = {
        "region_name": services.current_regions().get(user.region_code, ""),
        "manages_accounts": bool(creatable_roles(user)),
        "manages_periods": user.is_national_admin,
        "tasks": tasks,
        "links": links,
    }
    return render(request, "accounts/home.html", context)


@login_required
def account_list(request):
    accounts = accounts_for_user(request.user)
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    regions = services.current_regions()
    rows = [(a, regions.get(a.region_code, ""), can_change_account(request.user, a)) for a in page]
    return render(request, "accounts/account_list.html", {"page": page, "rows": rows})


@never_cache
@login_required
def account_create(request):
    require_account_manager(request.user)
    form = AccountForm(request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account, password = services.create_account(request.user, **form.cleaned_data)
        except services.AccountError as exc:
            form.add_error(None, str(exc))
        else:
            # The temporary password is shown on this response only and stored nowhere.
            context = {
                "account": account,
                "password": password,
                "region_name": services.current_regions().get(account.region_code, ""),
            }
            return render(request, "accounts/account_created.html", context)
    context = {"form": form, "pemda_admin": request.user.role == Role.PEMDA_ADMIN}
    return render(request, "accounts/account_create.html", context)


@require_POST
@login_required
def account_deactivate(request, pk: int):
    account = get_account_for_user(request.user, pk, write=True)
    try:
        services.deactivate_account(request.user, account)
    except services.AccountError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Akun {account.username} dinonaktifkan.")
    return redirect("accounts:list")
