package io.runpack.cli;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code runpack canonicalize}: JSON in, Decision Gate's canonical bytes out (FORMAT §1). */
@Command(
    name = "canonicalize",
    description = {
      "Write the canonical bytes (Decision Gate's canonical JSON) of a JSON document, without a newline.",
      "Duplicate keys, lone surrogates and numbers that overflow a double are refused."
    })
final class CanonicalizeCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "The JSON to read; standard input if absent or '-'.")
  String file;

  @Override
  public Integer call() {
    JacksonJsonCodec codec = new JacksonJsonCodec();
    byte[] input = Inputs.read(file, codec.limits().maxDocumentBytes(), parent.console, "input");
    byte[] canonical;
    try {
      canonical = RunpackJson.toBytes(codec.decode(input));
    } catch (RunpackException e) {
      throw new Failures.InvalidInput(e);
    }
    parent.console.printBytes(canonical);
    return 0;
  }
}
