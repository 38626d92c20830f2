package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 6 (read side), through the {@code runpack} jar: while a runpack is verified,
 * its files are swapped, as fast as renames go, for a FIFO, for a link to a file outside the
 * runpack and back. Every run ends, within the usual guard, with a report; the swapped file is
 * either read as it is or reported unreadable; nothing outside the runpack is ever read (its bytes
 * would be a hash mismatch).
 */
class VerifySpecialFilesIT {

  private static final String TRIGGERS = "artifacts/triggers.json";

  private static final String REFUSED_AFTER_A_HUNG_OPEN =
      "not opened: an earlier open has not completed";

  @TempDir Path temp;

  @Test
  void filesSwappedForFifosAndOutsideLinksDuringVerificationNeverHangIt() throws Exception {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Path outside = Files.writeString(temp.resolve("outside.json"), "[\"outside\"]");
    Path original = temp.resolve("triggers.json");
    Files.copy(runpack.resolve(TRIGGERS), original);
    Path fifos = Files.createDirectories(temp.resolve("fifos"));
    Path fifo = fifos.resolve("marker");
    Path link = temp.resolve("link");
    Files.createSymbolicLink(link, outside);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong swaps = new AtomicLong();
    Thread swapper =
        new Thread(
            () -> {
              Path staged = runpack.resolve("artifacts/.swap");
              Path[] kinds = {original, fifo, link};
              try {
                for (long i = 0; !done.get(); i++) {
                  Path kind = kinds[(int) (i % kinds.length)];
                  if (kind == original) {
                    Files.copy(original, staged, StandardCopyOption.REPLACE_EXISTING);
                  } else if (kind == fifo) {
                    Files.deleteIfExists(staged);
                    Files.move(nextFifo(fifos, i), staged);
                  } else {
                    Files.deleteIfExists(staged);
                    Files.createSymbolicLink(staged, outside);
                  }
                  Files.move(staged, runpack.resolve(TRIGGERS), StandardCopyOption.ATOMIC_MOVE);
                  swaps.incrementAndGet();
                }
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    swapper.start();
    List<String> reasons = new ArrayList<>();
    try {
      for (int run = 0; run < 8; run++) {
        CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());
        assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result.stderr());
        JsonObject report = (JsonObject) RunpackCorpusIT.CODEC.decode(result.stdout());
        boolean hung = false;
        boolean refusedAfter = false;
        for (var error : ((JsonArray) report.get("errors").orElseThrow()).elements()) {
          String message = ((JsonString) error).value();
          if (message.startsWith("artifact read failed for " + TRIGGERS + ": ")) {
            hung |= message.contains("opening it did not complete within");
            reasons.add(message);
          } else {
            // once an open hangs, every later open of that run is refused (BoundedOpen): the
            // decision log's, or another artifact's read after the swapped one
            assertTrue(
                message.endsWith(": " + REFUSED_AFTER_A_HUNG_OPEN),
                "only the swapped file is unreadable, and never read from outside: " + message);
            refusedAfter = true;
          }
        }
        assertTrue(hung || !refusedAfter, "opens refused without one that hung: " + report);
      }
    } finally {
      done.set(true);
      swapper.join();
    }
    assertTrue(swaps.get() > 8, "the file was swapped while verifying: " + swaps.get());
    for (String reason : reasons) {
      assertTrue(
          reason.endsWith(": not a regular file")
              || reason.endsWith(": changed while it was being opened")
              || reason.contains(" leads outside the runpack root through a symbolic link")
              || reason.contains("opening it did not complete within")
              || reason.contains("an earlier open has not completed"),
          reason);
    }
  }

  /** A fresh FIFO; made a thousand at a time (one process each time). */
  private static Path nextFifo(Path dir, long i) throws IOException, InterruptedException {
    long batch = i / 3 / 1000;
    Path fifo = dir.resolve(batch + "-" + (i / 3 % 1000));
    if (i / 3 % 1000 == 0) {
      List<String> command = new ArrayList<>(List.of("mkfifo"));
      for (int k = 0; k < 1000; k++) {
        command.add(dir.resolve(batch + "-" + k).toString());
      }
      assertEquals(0, new ProcessBuilder(command).start().waitFor());
    }
    return fifo;
  }
}
