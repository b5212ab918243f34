package io.github.nl2sql.bench;

import io.github.nl2sql.internal.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes one JSON object per line to a file (or nowhere). Not thread-safe. */
public final class JsonLines implements AutoCloseable {
  private final BufferedWriter writer;
  private int written;

  private JsonLines(BufferedWriter writer) {
    this.writer = writer;
  }

  /**
   * Opens {@code file} for writing (replacing it), or a sink that drops everything when {@code file}
   * is {@code null}.
   *
   * @throws BenchException when the file cannot be created
   */
  public static JsonLines open(Path file) {
    if (file == null) {
      return new JsonLines(null);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new JsonLines(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BenchException("Cannot write --out " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code record} as one line. */
  public void write(Map<String, ?> record) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(Json.toJson(record));
      writer.newLine();
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written so far. */
  public int written() {
    return written;
  }

  @Override
  public void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
