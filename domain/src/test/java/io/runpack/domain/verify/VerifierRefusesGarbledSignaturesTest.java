package io.runpack.domain.verify;

import static io.runpack.domain.verify.Signatures.SIG;
import static io.runpack.domain.verify.Signatures.keyOf;
import static io.runpack.domain.verify.Signatures.signedRunpack;
import static io.runpack.domain.verify.Signatures.verify;
import static io.runpack.domain.verify.Verifications.text;
import static io.runpack.domain.verify.Verifications.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.fake.FakeSigner;
import io.runpack.domain.model.SignatureStatus.State;
import io.runpack.domain.port.in.SignedVerification;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signature file that is not exactly a signature document (not JSON, another shape, an unknown
 * scheme, a hash or key id or signature that cannot be what it claims) is garbled: one error naming
 * what is wrong, and never a pass.
 */
class VerifierRefusesGarbledSignaturesTest {

  static final FakeSigner SIGNER = FakeSigner.ed25519(7);

  static Stream<Arguments> garbled() {
    String key = SIGNER.keyId();
    return Stream.of(
        Arguments.of(
            "an array",
            (UnaryOperator<String>) d -> "[" + d + "]",
            "signature must be an object, not array"),
        Arguments.of(
            "no key_id",
            (UnaryOperator<String>) d -> d.replace("\"key_id\":\"" + key + "\",", ""),
            "signature.key_id is missing"),
        Arguments.of(
            "an extra member",
            (UnaryOperator<String>) d -> d.replace("{\"hash\"", "{\"extra\":1,\"hash\""),
            "signature has unknown member \"extra\""),
        Arguments.of(
            "an unknown scheme",
            (UnaryOperator<String>) d -> d.replace("\"ed25519\"", "\"rsa-pss\""),
            "signature.scheme \"rsa-pss\" is not ed25519 or ecdsa-p256-sha256"),
        Arguments.of(
            "another hash algorithm",
            (UnaryOperator<String>) d -> d.replace("\"sha256\"", "\"sha512\""),
            "signature.hash.algorithm must be \"sha256\", not \"sha512\""),
        Arguments.of(
            "an uppercase digest",
            (UnaryOperator<String>) d -> d.replaceFirst("\"value\":\"([0-9a-f])", "\"value\":\"F"),
            "signature.hash must be a SHA-256 digest (64 lowercase hex digits)"),
        Arguments.of(
            "a key_id that is a number",
            (UnaryOperator<String>) d -> d.replace("\"" + key + "\"", "5"),
            "signature.key_id must be a string, not number 5"),
        Arguments.of(
            "a key_id of 31 bytes",
            (UnaryOperator<String>)
                d -> d.replace(key, Base64.getEncoder().encodeToString(new byte[31])),
            "signature.key_id must be the base64 of a 32-byte Ed25519 public key"),
        Arguments.of(
            "a signature that is not base64",
            (UnaryOperator<String>)
                d -> d.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\"!!\""),
            "signature.signature must be the base64 of an ed25519 signature (64 bytes)"),
        Arguments.of(
            "a signature without its padding",
            (UnaryOperator<String>) d -> d.replace("==\"}", "\"}"),
            "signature.signature must be the base64 of an ed25519 signature (64 bytes)"),
        Arguments.of(
            "a signature of 63 bytes",
            (UnaryOperator<String>)
                d ->
                    d.replaceFirst(
                        "\"signature\":\"[^\"]*\"",
                        "\"signature\":\""
                            + Base64.getEncoder().encodeToString(new byte[63])
                            + "\""),
            "signature.signature must be the base64 of an ed25519 signature (64 bytes)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbled")
  void garbledSignatureIsOneErrorNamingTheDefect(
      String what, UnaryOperator<String> garble, String reason) {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    String document = text(files.get(SIG));
    String changed = garble.apply(document);
    assertTrue(!changed.equals(document), "the case changes the document: " + what);
    files.put(SIG, utf8(changed));

    SignedVerification result = verify(files, keyOf(SIGNER));

    assertEquals(State.GARBLED, result.signature().state());
    assertEquals(
        List.of("signature invalid: manifest.json.sig: " + reason), result.report().errors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notJson")
  void bytesThatAreNotJsonAreGarbled(String bytes) {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    files.put(SIG, utf8(bytes));

    SignedVerification result = verify(files, keyOf(SIGNER));

    assertEquals(State.GARBLED, result.signature().state());
    assertEquals(1, result.report().errors().size());
    assertTrue(
        result.report().errors().get(0).startsWith("signature invalid: manifest.json.sig: "),
        result.report().errors().get(0));
  }

  static Stream<String> notJson() {
    return Stream.of("", "not json", "{\"hash\":", "\u0000");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooLarge")
  void signatureOverItsLimitIsNotRead(int size) {
    Map<String, byte[]> files = signedRunpack(SIGNER);
    files.put(SIG, new byte[size]);

    SignedVerification result = verify(files, keyOf(SIGNER));

    assertEquals(State.UNREADABLE, result.signature().state());
    assertEquals(
        List.of("signature read failed for manifest.json.sig: over 8192 bytes"),
        result.report().errors());
  }

  static Stream<Integer> tooLarge() {
    return Stream.of(8193, 1 << 20);
  }
}
