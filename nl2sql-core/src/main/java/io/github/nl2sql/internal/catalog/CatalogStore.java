package io.github.nl2sql.internal.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.nl2sql.CatalogException;
import io.github.nl2sql.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where catalogs are kept between reads: a bounded in-memory cache (Caffeine) and, when a directory
 * is given, JSON snapshots on disk named {@code <fingerprint>.json}.
 *
 * <p>Snapshots are written atomically (a temporary file in the same directory, then a move), so a
 * reader never sees half a file. A snapshot that cannot be read back (corrupt, truncated, edited so
 * that its content no longer matches its fingerprint) is ignored with a logged warning: the caller
 * reads the database again and the next save replaces it.
 *
 * <p>Thread-safe. Several stores (and processes) may share one directory.
 */
public final class CatalogStore {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  /** Default number of catalogs kept in memory. */
  public static final long DEFAULT_MAXIMUM_SIZE = 64;

  private final Path directory;
  private final Cache<String, Catalog> memory;

  /**
   * A store with the default in-memory size.
   *
   * @param directory folder for snapshots (created on first save), or {@code null} for memory only
   */
  public CatalogStore(Path directory) {
    this(directory, DEFAULT_MAXIMUM_SIZE);
  }

  /**
   * A store keeping at most {@code maximumSize} catalogs in memory.
   *
   * @param directory folder for snapshots (created on first save), or {@code null} for memory only
   * @param maximumSize most catalogs kept in memory
   * @throws IllegalArgumentException when {@code maximumSize} is negative
   */
  public CatalogStore(Path directory, long maximumSize) {
    if (maximumSize < 0) {
      throw new IllegalArgumentException("maximumSize must not be negative: " + maximumSize);
    }
    this.directory = directory;
    this.memory = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /** The snapshot folder, if any. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /**
   * The catalog cached in memory under {@code key}, computing (and caching) it with {@code loader}
   * when absent. Concurrent calls for one key run the loader once.
   *
   * @throws IllegalArgumentException when an argument is null
   * @throws RuntimeException whatever the loader throws (nothing is cached then)
   */
  public Catalog get(String key, Function<String, Catalog> loader) {
    if (key == null || loader == null) {
      throw new IllegalArgumentException("key and loader must not be null");
    }
    return memory.get(key, loader);
  }

  /** The catalog cached in memory under {@code key}, if any. */
  public Optional<Catalog> getIfPresent(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(memory.getIfPresent(key));
  }

  /**
   * Caches {@code catalog} in memory under {@code key}.
   *
   * @throws IllegalArgumentException when an argument is null
   */
  public void put(String key, Catalog catalog) {
    if (key == null || catalog == null) {
      throw new IllegalArgumentException("key and catalog must not be null");
    }
    memory.put(key, catalog);
  }

  /** Drops the in-memory entry for {@code key} (snapshots on disk stay). */
  public void invalidate(String key) {
    if (key != null) {
      memory.invalidate(key);
    }
  }

  /** The file a snapshot with this fingerprint lives in, if the store has a directory. */
  public Optional<Path> snapshotFile(String fingerprint) {
    checkFingerprint(fingerprint);
    return directory().map(d -> d.resolve(fingerprint + ".json"));
  }

  /**
   * The snapshot saved under {@code fingerprint}; empty when there is no directory, no such file, or
   * the file cannot be read or does not match its fingerprint (logged as a warning).
   *
   * @throws IllegalArgumentException when {@code fingerprint} is not 64 lower-case hex digits
   */
  public Optional<Catalog> loadSnapshot(String fingerprint) {
    Optional<Path> file = snapshotFile(fingerprint);
    if (file.isEmpty() || !Files.isRegularFile(file.get())) {
      return Optional.empty();
    }
    try {
      Catalog c = CatalogSnapshots.fromJson(Files.readString(file.get(), StandardCharsets.UTF_8));
      if (!fingerprint.equals(c.fingerprint()) || !fingerprint.equals(Fingerprints.of(c))) {
        LOG.warn("Ignoring catalog snapshot {}: its content does not match its fingerprint; the "
            + "catalog will be read from the database again", file.get());
        return Optional.empty();
      }
      return Optional.of(c);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Ignoring unreadable catalog snapshot {} ({}); the catalog will be read from the "
          + "database again", file.get(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Writes {@code catalog} to {@code <directory>/<fingerprint>.json}, atomically replacing any file
   * there. Does nothing when the store has no directory.
   *
   * @throws IllegalArgumentException when {@code catalog} is null or has no valid fingerprint
   * @throws CatalogException when the file cannot be written
   */
  public void saveSnapshot(Catalog catalog) {
    if (catalog == null) {
      throw new IllegalArgumentException("catalog must not be null");
    }
    Optional<Path> target = snapshotFile(catalog.fingerprint());
    if (target.isEmpty()) {
      return;
    }
    Path tmp = null;
    try {
      Files.createDirectories(directory);
      tmp = Files.createTempFile(directory, catalog.fingerprint(), ".tmp");
      Files.writeString(tmp, CatalogSnapshots.toJson(catalog), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target.get(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target.get(), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new CatalogException("Cannot write catalog snapshot " + target.get() + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.debug("Cannot delete temporary file {}: {}", tmp, e.getMessage());
        }
      }
    }
  }

  private static void checkFingerprint(String fingerprint) {
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("not a catalog fingerprint (64 lower-case hex digits): "
          + fingerprint);
    }
  }
}
