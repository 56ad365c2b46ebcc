"""axe-core in the browser tests: the WCAG 2.2 AA audit of a page and the demo pages it runs on.

axe-core comes from the npm registry, pinned in package-lock.json; ``make test`` runs ``npm ci``
when ``node_modules/axe-core`` is missing. The script is injected into the page under test, which
the site's Content-Security-Policy forbids (no inline script), so the audit's browser context is
opened with ``bypass_csp=True``; the policy itself is tested in test_content_security_policy.py.
"""

import os
from pathlib import Path

import pytest
from django.db.models import Count

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added no level-A rule axe can check).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGES = ("en", "uz", "ru")

RUN_AXE = """
async ({tags, exclude}) => {
  const results = await axe.run({include: [document], exclude}, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}
"""


def axe_script():
    """The path of axe.min.js; missing, the audit fails in CI and skips elsewhere (run ``npm ci``)."""
    if not AXE.is_file():
        message = f"The accessibility audit needs {AXE.relative_to(ROOT)}: run `npm ci` (make test does)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return AXE


def audit(page, exclude=()):
    """axe's WCAG 2.2 AA violations on the page as it is now; ``exclude``: CSS selectors left out."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=axe_script())
    return page.evaluate(RUN_AXE, {"tags": TAGS, "exclude": [[selector] for selector in exclude]})


def describe(where, violations):
    """One line per violation: where, rule, impact, the elements and what axe asks for."""
    return [
        f"{where}: {v['id']} ({v['impact']}) {', '.join(v['targets'][:5])}"
        f"{' …' if len(v['targets']) > 5 else ''} — {v['help']}"
        for v in violations
    ]


def localised(path, language):
    return path if language == "en" else f"/{language}{path}"


def public_paths():
    """One address of each public page type on the demo office, chosen among the richest records."""
    from mobility.models import Visit
    from partners.models import Institution
    from programs.models import Call, GrantProgram, Project

    partner = Institution.objects.public().annotate(n=Count("agreements")).order_by("-n", "pk").first()
    programme = GrantProgram.objects.public().annotate(n=Count("calls")).order_by("-n", "pk").first()
    project = Project.objects.annotate(n=Count("members")).order_by("-n", "pk").first()
    call = Call.objects.published().open().open_to("students").order_by("deadline", "pk").first()
    visit = Visit.objects.public().annotate(n=Count("members")).order_by("-n", "pk").first()
    assert all((partner, programme, project, call, visit)), "the demo lost a partner, programme, project, call or visit"
    return {
        "home": "/",
        "partners": "/partners/",
        "a partner": partner.get_absolute_url(),
        "programmes": "/programs/",
        "a programme": programme.get_absolute_url(),
        "a project": project.get_absolute_url(),
        "joint programmes": "/joint-programmes/",
        "calls": "/calls/",
        "a call": call.get_absolute_url(),
        "visits": "/visits/",
        "a visit": visit.get_absolute_url(),
        "experts": "/experts/",
        "statistics": "/statistics/",
        "about": "/about/",
        "search results": "/search/?q=Tashkent",
    }
