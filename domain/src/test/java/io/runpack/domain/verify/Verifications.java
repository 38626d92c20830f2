package io.runpack.domain.verify;

import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the verify use case on runpacks held by a {@link FakeRunpackReader}. */
final class Verifications {

  static final String MANIFEST = "manifest.json";
  static final int LIMIT = 16_777_216;

  private Verifications() {}

  static VerificationReport verify(FakeRunpackReader reader) {
    return new VerifyRunpackService(new FakeJsonDecoder())
        .verify(new VerifyRunpackCommand(reader, RunpackPath.of(MANIFEST)));
  }

  static VerificationReport verify(Map<String, byte[]> files) {
    return verify(new FakeRunpackReader(files));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
