"""``{{ entry.action|action_label }}``: the Indonesian label an app registered for an audit
action (its ``audit.py``), or the code itself when no app registered one."""

from django import template

from inovda.core import history

register = template.Library()


@register.filter
def action_label(action: str) -> str:
    return history.label(action) or action
