from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from inovda.accounts.access import creatable_roles
from inovda.accounts.models import Role, User
from inovda.accounts.services import current_regions


class AccountForm(forms.Form):
    """A new account. The role and region fields offer only what the actor may create."""

    username = forms.CharField(
        label="Nama pengguna", max_length=150, validators=[User.username_validator]
    )
    first_name = forms.CharField(label="Nama lengkap", max_length=150, required=False)
    email = forms.EmailField(label="Surel", required=False)
    role = forms.ChoiceField(label="Peran")
    region_code = forms.ChoiceField(label="Pemda", required=False)
    opd = forms.CharField(label="Perangkat daerah (OPD)", max_length=255, required=False)

    def __init__(self, actor: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["role"].choices = [(r.value, r.label) for r in creatable_roles(actor)]
        if actor.is_national_admin:
            self.fields["region_code"].choices = [("", "— (bukan akun pemda) —")] + [
                (code, f"{code} {name}") for code, name in current_regions().items()
            ]
        else:
            del self.fields["region_code"]  # forced to the actor's own region
            self.fields["opd"].required = True

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("Nama pengguna ini sudah dipakai.")
        return username

    def clean(self) -> dict:
        data = super().clean()
        if data.get("role") == Role.PEMDA_ADMIN and not data.get("region_code"):
            self.add_error("region_code", "Admin pemda harus memiliki pemda.")
        return data


class LoginForm(AuthenticationForm):
    # Django's sentence names the username field by its label, which read "nama pengguna
    # nama pengguna" in Indonesian.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "Masukkan nama pengguna dan kata sandi yang benar. "
            "Keduanya membedakan huruf besar dan kecil."
        ),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"


class ChangePasswordForm(PasswordChangeForm):
    """Django's checks (old password, validators, match), with our words for the fields."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Kata sandi lama"
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"
