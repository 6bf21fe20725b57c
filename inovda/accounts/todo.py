"""What a signed-in user has to do, and where their pages are: the registry behind each role's
home page and the staff navigation bar.

``accounts`` sits below the apps that know what is due (innovations, verification, results,
and later the jury), so it cannot count their rows itself. Each app registers, in its
``AppConfig.ready()``, a provider per role: a function of the user that answers ``Task`` rows
(a count of what waits, with the page where it is done) and ``Link`` rows (every other page of
the role, so each is reachable from the home in one click). A role nobody registered for (a
new one, e.g. the jury, until its app registers) still gets a home: its account facts and the
password change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Task:
    """Something waiting for the user: ``count`` items at ``url``. ``urgent`` marks work that
    someone else waits on (returned items, decisions due)."""

    label: str
    count: int
    url: str
    hint: str = ""
    urgent: bool = False


@dataclass(frozen=True)
class Link:
    """A page of the role, for the home and (``nav``) for the staff navigation bar."""

    label: str
    url: str
    nav: bool = False


Provider = Callable[[object], Iterable[Task | Link]]
_providers: dict[str, list[tuple[int, Provider]]] = {}


def register(roles: Iterable[str], provider: Provider, order: int = 50) -> None:
    """``provider(user)`` adds its tasks and links to the home of each role in ``roles``; a
    lower ``order`` comes first."""
    for role in roles:
        entries = _providers.setdefault(str(role), [])
        if provider not in (p for _, p in entries):
            entries.append((order, provider))
            entries.sort(key=lambda entry: entry[0])


def role_key(user) -> str:
    # A superuser without a role acts as the national admin everywhere else too.
    if user.is_superuser and not user.role:
        return "admin_nasional"
    return user.role or ""


def home_items(user) -> tuple[list[Task], list[Link]]:
    tasks: list[Task] = []
    links: list[Link] = []
    for _, provider in _providers.get(role_key(user), []):
        for item in provider(user):
            (tasks if isinstance(item, Task) else links).append(item)
    links.append(Link("Ganti kata sandi", reverse("accounts:password_change")))
    return tasks, links
