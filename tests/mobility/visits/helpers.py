"""The visit list's address and how the tests read a page."""

from django.urls import reverse

LIST_URL = reverse("mobility:visit-list")


def content(response):
    return response.content.decode()
