package io.runpack.benchmarks;

import java.util.Locale;
import org.openjdk.jmh.annotations.Param;

/**
 * Prints, as JSON lines, the size in bytes of every document {@link ExportCoreBenchmark} measures
 * (its parameters, read from the benchmark itself), so that throughput is reported in bytes
 * actually processed.
 */
public final class DocumentSizes {

  private DocumentSizes() {}

  public static void main(String[] args) throws NoSuchFieldException {
    String[] logs = ExportCoreBenchmark.class.getField("log").getAnnotation(Param.class).value();
    String[] sizes = ExportCoreBenchmark.class.getField("bytes").getAnnotation(Param.class).value();
    for (String log : logs) {
      for (String bytes : sizes) {
        byte[] document =
            CoreLog.valueOf(log).document(Integer.parseInt(bytes), ExportCoreBenchmark.SEED);
        System.out.printf(
            Locale.ROOT,
            "{\"log\":\"%s\",\"bytes\":%s,\"document_bytes\":%d}%n",
            log,
            bytes,
            document.length);
      }
    }
  }
}
