#include "tests/testing/test_certificates.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

#include "absl/strings/str_cat.h"

namespace junheng::testing {
namespace {

struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct FileClose {
  void operator()(FILE* file) const { fclose(file); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;

bool AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (extension == nullptr) return false;
  const bool added = X509_add_ext(cert, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  return added;
}

// A certificate of `key` for CN `name`, signed by `issuer_key` as `issuer` (by itself when they
// are null); nullptr when OpenSSL refuses.
Cert NewCertificate(EVP_PKEY* key, const std::string& name, X509* issuer, EVP_PKEY* issuer_key,
                    absl::Time not_before, absl::Time not_after, bool is_ca) {
  static long serial = 1;
  Cert cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++serial);
  if (ASN1_TIME_set(X509_getm_notBefore(cert.get()), absl::ToTimeT(not_before)) == nullptr ||
      ASN1_TIME_set(X509_getm_notAfter(cert.get()), absl::ToTimeT(not_after)) == nullptr) {
    return nullptr;
  }
  X509_set_pubkey(cert.get(), key);
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("junheng test"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(name.c_str()), -1, -1, 0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  const bool extended =
      is_ca ? AddExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE") &&
                  AddExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign")
            : AddExtension(cert.get(), signer, NID_basic_constraints, "CA:FALSE") &&
                  AddExtension(cert.get(), signer, NID_subject_alt_name,
                               "DNS:localhost,IP:127.0.0.1");
  if (!extended ||
      X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256()) <= 0) {
    return nullptr;
  }
  return cert;
}

absl::StatusOr<PemFiles> Write(const std::string& base, X509* cert, EVP_PKEY* key) {
  PemFiles files{base + ".crt", base + ".key"};
  std::unique_ptr<FILE, FileClose> cert_file(fopen(files.cert.c_str(), "w"));
  std::unique_ptr<FILE, FileClose> key_file(fopen(files.key.c_str(), "w"));
  if (cert_file == nullptr || key_file == nullptr || PEM_write_X509(cert_file.get(), cert) != 1 ||
      PEM_write_PrivateKey(key_file.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return absl::InternalError(absl::StrCat("cannot write ", files.cert, " and ", files.key));
  }
  return files;
}

template <typename T, typename Read>
T ReadPem(const std::string& path, Read read) {
  std::unique_ptr<FILE, FileClose> file(fopen(path.c_str(), "r"));
  if (file == nullptr) return nullptr;
  return T(read(file.get(), nullptr, nullptr, nullptr));
}

}  // namespace

absl::StatusOr<PemFiles> MakeCa(const std::string& base, absl::Time not_before,
                                absl::Time not_after) {
  Key key(EVP_EC_gen("P-256"));
  if (key == nullptr) return absl::InternalError("OpenSSL makes no EC key");
  Cert cert = NewCertificate(key.get(), "junheng test CA", nullptr, nullptr, not_before, not_after,
                             /*is_ca=*/true);
  if (cert == nullptr) return absl::InternalError("OpenSSL makes no CA certificate");
  return Write(base, cert.get(), key.get());
}

absl::StatusOr<PemFiles> MakeSignedCertificate(const std::string& base, const PemFiles& ca,
                                               const std::string& name, absl::Time not_before,
                                               absl::Time not_after) {
  Cert ca_cert = ReadPem<Cert>(ca.cert, &PEM_read_X509);
  Key ca_key = ReadPem<Key>(ca.key, &PEM_read_PrivateKey);
  if (ca_cert == nullptr || ca_key == nullptr) {
    return absl::InternalError(absl::StrCat("cannot read the CA ", ca.cert, " and ", ca.key));
  }
  Key key(EVP_EC_gen("P-256"));
  if (key == nullptr) return absl::InternalError("OpenSSL makes no EC key");
  Cert cert = NewCertificate(key.get(), name, ca_cert.get(), ca_key.get(), not_before, not_after,
                             /*is_ca=*/false);
  if (cert == nullptr) return absl::InternalError("OpenSSL makes no certificate");
  return Write(base, cert.get(), key.get());
}

}  // namespace junheng::testing
