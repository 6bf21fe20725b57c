from inovda.core.models import AuditEntry


def log_action(actor, action: str, obj, data: dict | None = None) -> AuditEntry:
    """Write one audit entry. Call it inside the service's transaction."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        data=data or {},
    )
