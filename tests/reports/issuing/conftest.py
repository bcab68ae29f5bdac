"""An issued plan, a throwaway PKI (CA, organisation, leader, expired) and a private MEDIA_ROOT."""

import datetime

import pytest

from plans.models import PlanStatus
from reports.issuing import pades, services
from tests import factories as f

from . import certs

PASSPHRASE = b"mat-khau-thu"


@pytest.fixture(scope="session")
def pki():
    ca = certs.make_ca()
    return {
        "ca": ca,
        "org": certs.make_cert(ca, "ỦY BAN NHÂN DÂN PHƯỜNG A", "Ủy ban nhân dân phường A"),
        "leader": certs.make_cert(ca, "Nguyễn Văn An"),
        "expired": certs.make_expired(ca, "Trần Văn Hết Hạn"),
        "stranger_ca": certs.make_ca("CA Lạ"),
    }


@pytest.fixture(autouse=True)
def signing_settings(settings, tmp_path, pki):
    """Media under tmp_path; trust our CA; the organisation's PKCS#12 in a temporary file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    roots = tmp_path / "ca.pem"
    roots.write_bytes(pki["ca"].pem)
    bundle = tmp_path / "org.p12"
    bundle.write_bytes(pki["org"].pkcs12(PASSPHRASE, pki["ca"]))
    settings.SIGNING_TRUST_ROOTS = [str(roots)]
    settings.SIGNING_PKCS12_PATH = str(bundle)
    settings.SIGNING_PKCS12_PASSPHRASE = PASSPHRASE.decode()
    settings.SIGNING_VERIFY_URL = "https://kehoach.example.vn/verify/"
    return settings


@pytest.fixture
def plan_a(plan_a):
    """Plan A with some text: a plan with none is neither printed nor issued (exporters.no_body)."""
    f.SectionFactory(plan=plan_a, heading="I. MỤC TIÊU", body="Phấn đấu hoàn thành các chỉ tiêu.")
    return plan_a


def issue(plan, number="12"):
    plan.status, plan.number, plan.issued_on = PlanStatus.ISSUED, number, datetime.date(2023, 12, 1)
    plan.signer_name, plan.signer_title, plan.signer_authority = "Nguyễn Văn An", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"
    plan.save()
    if not plan.sections.exists():
        f.SectionFactory(plan=plan, heading="I. MỤC TIÊU", body="Phấn đấu hoàn thành các chỉ tiêu.")
    return plan


@pytest.fixture
def issued_a(plan_a):
    return issue(plan_a)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(func, *args, **kwargs): func's result once its transaction's on-commit work (the
    files it stores) has run, as a real commit would run it; the test's transaction stays open."""
    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)
    return run


@pytest.fixture
def frozen_a(issued_a, leader_a, committed):
    return committed(services.freeze_plan, issued_a, by=leader_a)


@pytest.fixture
def frozen_bytes(frozen_a):
    return services.read_document(frozen_a)


@pytest.fixture
def sign_with(pki, issued_a):
    """sign_with("leader", data) -> data signed elsewhere (as a USB-token client would)."""
    def sign(who, data, plan=None):
        return pades.sign_pdf(data, plan=plan or issued_a, signer=certs.simple_signer(pki[who], pki["ca"]))
    return sign
