from django.conf import settings


def site(request):
    """What every page needs to know: whether the data is the synthetic demo."""
    return {"DEMO": settings.DEMO}
