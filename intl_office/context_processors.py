from .models import HomeInstitution


def site(request):
    """The home institution for the header and footer of every page (one query)."""
    return {"home_institution": HomeInstitution.load()}
