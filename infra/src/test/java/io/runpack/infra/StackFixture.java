package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the stack in-process (no AWS account, no CDK CLI) for assertions. */
final class StackFixture {

  private StackFixture() {}

  static Path functionZip() {
    Path zip = RunpackApp.functionZip();
    assertTrue(Files.isRegularFile(zip), "package the function first (./mvnw package): " + zip);
    return zip;
  }

  static RunpackStack stack(StackOptions options) {
    return new RunpackStack(new App(), "RunpackTest", options, functionZip());
  }

  static Template template(StackOptions options) {
    return Template.fromStack(stack(options));
  }
}
