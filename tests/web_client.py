"""A visitor's browser for tests against real servers: one set of cookies, sent to every host it talks to.

Behind a load balancer a browser never knows which host answers: here each request names the
port of the host it goes to, and the cookies (the session, the CSRF token) go along whichever it
is, as they would to one site name. Redirects are not followed, so a test sees each answer.
"""

import http.client
import re
from contextlib import closing
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

HOST = "127.0.0.1"  # what a load balancer in front of every host sends to each
_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode()

    @property
    def location(self):
        return self.headers.get("Location", "")

    def csrf_token(self):
        found = _CSRF_FIELD.search(self.text)
        assert found, "no CSRF token on the page"
        return found.group(1)


class Browser:
    def __init__(self):
        self.cookies = {}

    def get(self, port, path):
        return self._request(port, "GET", path)

    def post(self, port, path, data):
        """POST ``data`` as a form would: multipart when a value is a file."""
        if any(hasattr(value, "read") for value in data.values()):
            body, content_type = encode_multipart(BOUNDARY, data), MULTIPART_CONTENT
        else:
            body, content_type = urlencode(data, doseq=True).encode(), "application/x-www-form-urlencoded"
        return self._request(port, "POST", path, body=body, headers={"Content-Type": content_type})

    def _request(self, port, method, path, body=None, headers=None):
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=30)) as connection:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return answer
