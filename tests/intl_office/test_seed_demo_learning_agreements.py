"""The demo's learning agreements: one at each stage, readable by the pages that show them."""

import pytest
from django.core.management import call_command
from django.db import transaction

from mobility.models import LearningAgreement, LearningAgreementApproval, LearningAgreementVersion

State = LearningAgreementVersion.State
Party = LearningAgreementApproval.Party


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", "--force", verbosity=0)
        yield
        transaction.set_rollback(True)


def test_the_demo_has_a_learning_agreement_at_each_stage(demo, db):
    agreements = LearningAgreement.objects.with_versions()
    stages = set()
    for agreement in agreements:
        versions = sorted(agreement.versions.all(), key=lambda version: version.number)
        latest = versions[-1]
        answered = {approval.party for approval in latest.approvals.all()}
        stages.add((len(versions), latest.state, frozenset(answered)))
        assert all(version.rows.all() for version in versions)
        assert agreement.mobility.application is None or agreement.mobility.application.place_taken

    assert stages == {
        (1, State.DRAFT, frozenset()),
        (1, State.SUBMITTED, frozenset()),
        (1, State.SUBMITTED, frozenset({Party.HOST})),
        (1, State.APPROVED, frozenset({Party.HOST, Party.FACULTY})),
        (2, State.SUBMITTED, frozenset({Party.FACULTY})),
    }
    assert LearningAgreement.objects.waiting_for(Party.FACULTY).count() == 2


def test_a_second_run_changes_nothing(demo, db):
    before = LearningAgreement.objects.count(), LearningAgreementVersion.objects.count()

    call_command("seed_demo", "--force", verbosity=0)

    assert (LearningAgreement.objects.count(), LearningAgreementVersion.objects.count()) == before
