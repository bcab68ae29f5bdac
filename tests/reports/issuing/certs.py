"""A throwaway CA and certificates made at test time: nothing secret is committed."""

import datetime
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

NOW = datetime.datetime.now(datetime.UTC)


@dataclass
class Issued:
    key: object
    cert: x509.Certificate

    @property
    def pem(self):
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def pkcs12(self, passphrase, ca):
        return pkcs12.serialize_key_and_certificates(
            b"org", self.key, self.cert, [ca.cert],
            serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption())


def _name(common_name, organisation=None):
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


def make_ca(common_name="CA Thử Nghiệm"):
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common_name)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - datetime.timedelta(days=3650)).not_valid_after(NOW + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return Issued(key, cert)


def make_cert(ca, common_name, organisation=None, *, not_before=None, not_after=None):
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name(common_name, organisation))
            .issuer_name(ca.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or NOW - datetime.timedelta(days=30))
            .not_valid_after(not_after or NOW + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(ca.key, hashes.SHA256()))
    return Issued(key, cert)


def make_expired(ca, common_name):
    return make_cert(ca, common_name, not_before=NOW - datetime.timedelta(days=400),
                     not_after=NOW - datetime.timedelta(days=2))


def simple_signer(issued, ca):
    """A pyHanko signer holding ``issued``'s key, as a USB-token client would sign."""
    from pyhanko.sign import signers

    data = issued.pkcs12(None, ca)
    return signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=None)
