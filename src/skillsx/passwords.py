"""Which new passwords are refused, after NIST SP 800-63B (section 5.1.1.2, "memorized secrets").

Refused: fewer than 8 characters (12 for an admin account), more than 1,024, fewer than 5
different characters ("        ", "12121212"), one of the 30,000 most common passwords (the
list the ``zxcvbn`` package ships), also when only case, spaces or trailing digits and
punctuation differ ("Password1!", "pass word 1"), and passwords made from the account itself
(its email address or the part before the @) or from the site's name. No composition rules
(a digit, a capital, …) and no forced expiry, as NIST advises.
"""

from __future__ import annotations

import re
from functools import cache

from skillsx.errors import SkillsxError

MIN_LENGTH = 8
ADMIN_MIN_LENGTH = 12
MAX_LENGTH = 1024
MIN_DISTINCT = 5
SITE_WORDS = ("skillsx", "skillsexchange")
_TAIL = re.compile(r"[\W\d_]+$")
_NOT_ALNUM = re.compile(r"[\W_]+")


@cache
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords (lower case), as ``zxcvbn`` ranks them."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    words = FREQUENCY_LISTS["passwords"]
    return frozenset(words.split(",") if isinstance(words, str) else words)


def _variants(password: str) -> set[str]:
    lower = password.lower()
    squeezed = "".join(lower.split())
    found = {lower, lower.strip(), squeezed}
    found |= {_TAIL.sub("", v) for v in list(found)}
    return {v for v in found if v}


def password_problem(password: str, email: str = "", role: str = "viewer") -> str | None:
    """Why ``password`` may not be used for the account ``email`` with ``role``, or None."""
    least = ADMIN_MIN_LENGTH if role == "admin" else MIN_LENGTH
    if len(password) < least:
        whose = "An admin's password" if role == "admin" else "The password"
        return f"{whose} must have at least {least} characters."
    if len(password) > MAX_LENGTH:
        return f"The password must have at most {MAX_LENGTH:,} characters."
    if len(set(password)) < MIN_DISTINCT:
        return f"The password must use at least {MIN_DISTINCT} different characters."
    if _variants(password) & common_passwords():
        return "That password is one of the most common ones; choose another."
    plain = _NOT_ALNUM.sub("", password.lower())
    local = _NOT_ALNUM.sub("", email.lower().partition("@")[0])
    if (local and len(local) >= 3 and local in plain) or (
        email and email.lower() in password.lower()
    ):
        return "The password must not contain the account's email address or name."
    if any(word in plain for word in SITE_WORDS):
        return "The password must not contain the site's name."
    return None


def check_new_password(password: str, email: str = "", role: str = "viewer") -> None:
    """Raise ``SkillsxError`` saying why ``password`` is refused (see ``password_problem``)."""
    problem = password_problem(password, email, role)
    if problem:
        raise SkillsxError(problem)
