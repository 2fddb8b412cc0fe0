"""The company CA, the tablets' sealing keys and certificates, and the revocation list's facts. No Qt.

The CA issues each tablet's certificate from a certificate request the tablet makes itself, so a tablet's key
never leaves it and the CA key never lives on a tablet. The same functions serve the demo enrolment at first
start and a later enrolment service.
"""

from fieldact.trust.ca import (
    CompanyCA,
    DeviceCertificate,
    EnrolmentError,
    certificate_sha256,
    describe_device,
    issue_device_certificate,
    load_ca,
    load_chain,
    make_company_ca,
    make_csr,
    make_device_key,
)
from fieldact.trust.device import DeviceIdentity, device_folder_files, enrol, load_device

__all__ = [
    "CompanyCA",
    "DeviceCertificate",
    "DeviceIdentity",
    "EnrolmentError",
    "certificate_sha256",
    "describe_device",
    "device_folder_files",
    "enrol",
    "issue_device_certificate",
    "load_ca",
    "load_chain",
    "load_device",
    "make_company_ca",
    "make_csr",
    "make_device_key",
]
