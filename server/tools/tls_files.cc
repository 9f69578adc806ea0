#include "server/tools/tls_files.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <ctime>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"

namespace junheng::server {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct StoreFree {
  void operator()(X509_STORE* store) const { X509_STORE_free(store); }
};
struct StoreCtxFree {
  void operator()(X509_STORE_CTX* ctx) const { X509_STORE_CTX_free(ctx); }
};
struct StackFree {
  void operator()(STACK_OF(X509) * certs) const { sk_X509_free(certs); }
};
using Cert = std::unique_ptr<X509, X509Free>;

std::unique_ptr<BIO, BioFree> ReadOnlyBio(absl::string_view pem) {
  return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// Every certificate of a PEM text, in order.
std::vector<Cert> Certificates(absl::string_view pem) {
  std::vector<Cert> certs;
  auto bio = ReadOnlyBio(pem);
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.emplace_back(cert);
  }
  return certs;
}

// A passphrase callback that gives none, so an encrypted key fails instead of prompting.
int NoPassphrase(char* /*buf*/, int /*size*/, int /*rwflag*/, void* /*u*/) { return 0; }

absl::Time TimeOf(const ASN1_TIME* time) {
  struct tm parts = {};
  if (ASN1_TIME_to_tm(time, &parts) != 1) return absl::InfinitePast();
  return absl::FromTimeT(timegm(&parts));
}

}  // namespace

std::optional<CertificateInfo> FirstCertificate(absl::string_view pem) {
  std::vector<Cert> certs = Certificates(pem);
  if (certs.empty()) return std::nullopt;
  X509* cert = certs.front().get();
  CertificateInfo info;
  std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE);
  char* text = nullptr;
  const long size = BIO_get_mem_data(out.get(), &text);
  info.subject.assign(text, static_cast<size_t>(size));
  info.not_before = TimeOf(X509_get0_notBefore(cert));
  info.not_after = TimeOf(X509_get0_notAfter(cert));
  return info;
}

KeyMatch MatchKey(absl::string_view cert_pem, absl::string_view key_pem) {
  auto bio = ReadOnlyBio(key_pem);
  std::unique_ptr<EVP_PKEY, KeyFree> key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, &NoPassphrase, nullptr));
  if (key == nullptr) return KeyMatch::kNoKey;
  std::vector<Cert> certs = Certificates(cert_pem);
  if (certs.empty()) return KeyMatch::kOtherKey;
  return X509_check_private_key(certs.front().get(), key.get()) == 1 ? KeyMatch::kMatches
                                                                     : KeyMatch::kOtherKey;
}

absl::Status VerifyChain(absl::string_view cert_pem, absl::string_view ca_pem) {
  std::vector<Cert> roots = Certificates(ca_pem);
  if (roots.empty()) return absl::InvalidArgumentError("no certificate in the CA file");
  std::vector<Cert> chain = Certificates(cert_pem);
  if (chain.empty()) return absl::InvalidArgumentError("no certificate to verify");
  std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
  for (const Cert& root : roots) X509_STORE_add_cert(store.get(), root.get());
  // Dates are the expiry check's business; this one says only who signed what.
  X509_STORE_set_flags(store.get(), X509_V_FLAG_NO_CHECK_TIME);
  std::unique_ptr<STACK_OF(X509), StackFree> intermediates(sk_X509_new_null());
  for (size_t i = 1; i < chain.size(); ++i) sk_X509_push(intermediates.get(), chain[i].get());
  std::unique_ptr<X509_STORE_CTX, StoreCtxFree> ctx(X509_STORE_CTX_new());
  if (X509_STORE_CTX_init(ctx.get(), store.get(), chain.front().get(), intermediates.get()) != 1) {
    return absl::InternalError("OpenSSL cannot set up the verification");
  }
  if (X509_verify_cert(ctx.get()) == 1) return absl::OkStatus();
  return absl::FailedPreconditionError(
      X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
}

}  // namespace junheng::server
