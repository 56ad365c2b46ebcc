from .models import HomeInstitution
from .page_cache import cached_fragment


def site(request):
    """The home institution for the header and footer of every page (one query, shared until the content changes)."""
    return {"home_institution": cached_fragment("home-institution", HomeInstitution.load)}
