"""Reading the partner pages, for their tests."""


def page_text(response):
    assert response.status_code == 200
    return response.content.decode()
