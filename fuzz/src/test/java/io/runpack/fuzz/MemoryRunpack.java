package io.runpack.fuzz;

import io.runpack.domain.port.out.RunpackReader;
import io.runpack.domain.service.InMemoryRunpack;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A runpack as a mutable map of path to bytes, read through the domain's in-memory reader. */
final class MemoryRunpack implements RunpackReader {

  final Map<String, byte[]> files;
  private final InMemoryRunpack reader;

  MemoryRunpack(Map<String, byte[]> files) {
    this.files = new TreeMap<>(files);
    this.reader = InMemoryRunpack.over(this.files);
  }

  static MemoryRunpack of(Path directory) {
    return new MemoryRunpack(Fixtures.readTree(directory));
  }

  MemoryRunpack copy() {
    Map<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
    return new MemoryRunpack(copy);
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    return reader.read(path, maxBytes);
  }
}
