"""The POST half of verification's form pages: form → service → redirect, or the page again
with the reason (400)."""

from inovda.verification.duties import Refused


def handle_post(request, form, invalid: str, act, refused=Refused):
    """``(response, error, status)``: on a valid POST, ``act(cleaned data)`` runs the service,
    flashes its success and returns the redirect; an invalid form gives ``invalid``, a refusal
    (``refused``) its message, both with status 400; a GET gives ``(None, "", 200)``."""
    if request.method != "POST":
        return None, "", 200
    if not form.is_valid():
        return None, invalid, 400
    try:
        return act(form.cleaned_data), "", 200
    except refused as exc:
        return None, str(exc), 400
