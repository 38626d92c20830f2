package io.runpack.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app: one {@link RunpackStack}. Synthesized without an AWS account or the CDK CLI by
 * {@code ./mvnw -DskipTests -pl infra -am compile -Psynth} (after {@code ./mvnw -DskipTests
 * package} has built the function's zip) into {@code infra/cdk.out}; deployed with {@code cdk
 * deploy --app infra/cdk.out}. Options come from the CDK context (see {@link StackOptions}).
 */
public final class RunpackApp {

  private RunpackApp() {}

  public static void main(String[] args) throws IOException {
    // Run by the CDK CLI, the CLI says where to write and passes cdk.json's context itself.
    boolean underCli = System.getenv("CDK_OUTDIR") != null;
    AppProps.Builder props = AppProps.builder();
    if (!underCli) {
      props
          .outdir(System.getProperty("runpack.cdk.out", "cdk.out"))
          .context(context(Path.of("cdk.json")));
    }
    App app = new App(props.build());
    new RunpackStack(app, "Runpack", StackOptions.fromContext(app), functionZip());
    app.synth();
  }

  /**
   * The {@code context} of cdk.json, which the CDK CLI would read, when the app runs without it.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> context(Path cdkJson) throws IOException {
    if (!Files.isRegularFile(cdkJson)) {
      return Map.of();
    }
    Map<String, Object> json = new ObjectMapper().readValue(cdkJson.toFile(), Map.class);
    Object context = json.get("context");
    return context instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The deployment package built by {@code ./mvnw package} in the function module. */
  static Path functionZip() {
    return Path.of(System.getProperty("runpack.function.zip", "../function/target/function.zip"))
        .toAbsolutePath()
        .normalize();
  }
}
