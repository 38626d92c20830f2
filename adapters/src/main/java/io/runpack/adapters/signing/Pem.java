package io.runpack.adapters.signing;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The PEM text form of keys (RFC 7468): one {@code -----BEGIN <label>-----} block of base64. Reads
 * the block's DER when the bytes are PEM, and refuses a file of more than one block (which key it
 * holds would depend on the reader); writes a block with 64-character lines, as openssl does.
 */
final class Pem {

  static final String PRIVATE_KEY = "PRIVATE KEY";
  static final String PUBLIC_KEY = "PUBLIC KEY";

  private Pem() {}

  /** The DER of the {@code label} block, empty when the bytes are not PEM at all. */
  static Optional<byte[]> decode(byte[] bytes, String label, String what) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.contains("-----BEGIN ")) {
      return Optional.empty();
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw invalid(what + ": a PEM file without a " + label + " block");
    }
    if (text.indexOf("-----BEGIN ") != text.lastIndexOf("-----BEGIN ")) {
      throw invalid(what + ": a PEM file of more than one block; give the key alone");
    }
    String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Optional.of(Base64.getDecoder().decode(body));
    } catch (IllegalArgumentException e) {
      throw invalid(what + ": the " + label + " block is not base64");
    }
  }

  /** The PEM text of {@code der} under {@code label}. */
  static byte[] encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    String text = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static RunpackException invalid(String why) {
    return new RunpackException(ErrorCode.INVALID_REQUEST, why);
  }
}
