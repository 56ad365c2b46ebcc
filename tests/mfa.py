"""Second factor for tests: staff with admin access must have one (intl_office.second_factor).

``enrolled(user)`` gives the account an authenticator, as setting up an app would, and returns it;
``totp_code(secret)`` is what the app shows right now.
"""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from intl_office.second_factor import totp_enroll

TOTP_PERIOD = 30  # seconds, allauth's default (MFA_TOTP_PERIOD)


def enrolled(user):
    user.totp_secret = totp_enroll(user=user)
    return user


def totp_code(secret):
    """The code of the current 30-second window; one about to close is waited out, as a person would."""
    if TOTP_PERIOD - time.time() % TOTP_PERIOD < 3:
        time.sleep(TOTP_PERIOD - time.time() % TOTP_PERIOD + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def answer_code_prompt(page, user):
    """In a browser: type the code of ``user``'s authenticator where the login asks for it."""
    page.locator('input[name="code"]').fill(totp_code(user.totp_secret))
    page.get_by_role("button", name="Sign In").click()
