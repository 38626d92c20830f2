package io.runpack.infra;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app: one {@link RunpackStack}. Synthesized without an AWS account or the CDK CLI by
 * {@code ./mvnw -pl infra exec:java} into {@code infra/cdk.out}; deployed with
 * {@code cdk deploy --app infra/cdk.out}. Options come from the CDK context (see {@link StackOptions}).
 */
public final class RunpackApp {

  private RunpackApp() {}

  public static void main(String[] args) {
    App app = new App(AppProps.builder().outdir(System.getProperty("runpack.cdk.out", "cdk.out")).build());
    new RunpackStack(app, "Runpack", StackOptions.fromContext(app), functionZip());
    app.synth();
  }

  /** The deployment package built by {@code ./mvnw package} in the function module. */
  static Path functionZip() {
    return Path.of(System.getProperty("runpack.function.zip", "../function/target/function.zip")).toAbsolutePath().normalize();
  }
}
