#include "server/auth/sealed_token.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace junheng::server::auth {
namespace {

constexpr int kKeyBytes = 32;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

bool DeriveKey(absl::string_view secret, absl::string_view purpose, unsigned char* key) {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr), &EVP_PKEY_CTX_free);
  size_t length = kKeyBytes;
  return ctx != nullptr && EVP_PKEY_derive_init(ctx.get()) == 1 &&
         EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) == 1 &&
         EVP_PKEY_CTX_set1_hkdf_key(ctx.get(),
                                    reinterpret_cast<const unsigned char*>(secret.data()),
                                    static_cast<int>(secret.size())) == 1 &&
         EVP_PKEY_CTX_add1_hkdf_info(ctx.get(),
                                     reinterpret_cast<const unsigned char*>(purpose.data()),
                                     static_cast<int>(purpose.size())) == 1 &&
         EVP_PKEY_derive(ctx.get(), key, &length) == 1 && length == kKeyBytes;
}

}  // namespace

absl::StatusOr<std::string> RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    return absl::InternalError("OpenSSL could not produce random bytes");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes);
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

absl::StatusOr<std::string> SealToken(absl::string_view secret, absl::string_view purpose,
                                      absl::string_view token) {
  unsigned char key[kKeyBytes];
  std::string out(kNonceBytes + token.size() + kTagBytes, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  int written = 0, final_written = 0;
  if (!DeriveKey(secret, purpose, key) || RAND_bytes(bytes, kNonceBytes) != 1 || ctx == nullptr ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key, bytes) != 1 ||
      EVP_EncryptUpdate(ctx.get(), bytes + kNonceBytes, &written,
                        reinterpret_cast<const unsigned char*>(token.data()),
                        static_cast<int>(token.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), bytes + kNonceBytes + written, &final_written) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                          bytes + kNonceBytes + token.size()) != 1) {
    return absl::InternalError("OpenSSL could not seal a token");
  }
  return out;
}

absl::StatusOr<std::string> OpenToken(absl::string_view secret, absl::string_view purpose,
                                      absl::string_view sealed) {
  if (sealed.size() < kNonceBytes + kTagBytes) {
    return absl::UnauthenticatedError("the stored sign-in record is damaged");
  }
  unsigned char key[kKeyBytes];
  const size_t length = sealed.size() - kNonceBytes - kTagBytes;
  std::string token(length, '\0');
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!DeriveKey(secret, purpose, key) || ctx == nullptr ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key, in) != 1) {
    return absl::InternalError("OpenSSL could not open a token");
  }
  int written = 0, final_written = 0;
  std::string tag(sealed.substr(kNonceBytes + length));
  if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(token.data()), &written,
                        in + kNonceBytes, static_cast<int>(length)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(token.data()) + written,
                          &final_written) != 1) {
    return absl::UnauthenticatedError("the sign-in secret does not open its record");
  }
  return token;
}

}  // namespace junheng::server::auth
