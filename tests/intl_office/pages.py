"""How the page tests read a response."""


def html(response):
    return response.content.decode()
