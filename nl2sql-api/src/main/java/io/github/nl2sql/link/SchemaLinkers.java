package io.github.nl2sql.link;

import io.github.nl2sql.spi.SchemaLinkerProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The schema linkers on the class path, by name: {@code lexical} (nl2sql-core's lexical and value linker,
 * always there), and with nl2sql-gnn {@code fused} (lexical, embedding and graph-network scores fused, for
 * schemas with hundreds of tables), {@code synonyms} (the fused ranking, plus question words that name a
 * table or column by another word, such as "cars" for vehicles) and {@code embedding}. {@link #preferred()}
 * is the one used when no linker is chosen: the provider with the highest
 * {@link SchemaLinkerProvider#priority()}.
 *
 * <pre>{@code
 * Nl2Sql nl2sql = Nl2Sql.builder().dataSource(ds).schemaLinker(SchemaLinkers.named("lexical")).build();
 * }</pre>
 */
public final class SchemaLinkers {
  private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private SchemaLinkers() {}

  /**
   * The linker of the provider called {@code name}.
   *
   * @throws NullPointerException when {@code name} is null
   * @throws IllegalArgumentException when no provider has that name; the message lists the names there are
   * @throws IllegalStateException when a provider cannot be loaded or has an invalid name
   */
  public static SchemaLinker named(String name) {
    Objects.requireNonNull(name, "name");
    for (SchemaLinkerProvider p : providers()) {
      if (p.name().equals(name)) {
        return linkerOf(p);
      }
    }
    throw new IllegalArgumentException("No schema linker named '" + name + "'; the class path has "
        + names() + (name.equals("synonyms") || name.equals("fused") || name.equals("embedding")
            ? " (" + name + " comes with io.github.nl2sql:nl2sql-gnn)" : ""));
  }

  /**
   * The name of the linker used when none is chosen: the provider with the highest priority.
   *
   * @throws IllegalStateException when there is none (nl2sql-core is not on the class path) or a provider
   *     cannot be loaded or has an invalid name
   */
  public static String preferredName() {
    return preferredProvider().name();
  }

  /**
   * The linker used when none is chosen: the provider with the highest priority.
   *
   * @throws IllegalStateException when there is none (nl2sql-core is not on the class path) or a provider
   *     cannot be loaded or has an invalid name
   */
  public static SchemaLinker preferred() {
    return linkerOf(preferredProvider());
  }

  private static SchemaLinkerProvider preferredProvider() {
    List<SchemaLinkerProvider> all = providers();
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "No schema linker found; add io.github.nl2sql:nl2sql-core to the class path");
    }
    return all.get(0);
  }

  /**
   * The names of the providers on the class path, the preferred first.
   *
   * @throws IllegalStateException when a provider cannot be loaded or has an invalid name
   */
  public static List<String> names() {
    return providers().stream().map(SchemaLinkerProvider::name).toList();
  }

  /**
   * Providers by falling priority, then name; of two with one name, the first in that order.
   *
   * @throws IllegalStateException when a provider cannot be loaded or has no valid name
   */
  private static List<SchemaLinkerProvider> providers() {
    return providers(SchemaLinkers.class.getClassLoader());
  }

  static List<SchemaLinkerProvider> providers(ClassLoader loader) {
    List<SchemaLinkerProvider> all = new ArrayList<>();
    try {
      for (SchemaLinkerProvider p : ServiceLoader.load(SchemaLinkerProvider.class, loader)) {
        String name = p.name();
        if (name == null || !VALID_NAME.matcher(name).matches()) {
          throw new IllegalStateException("Schema linker provider " + p.getClass().getName() + " has the name "
              + (name == null ? "null" : "'" + name + "'") + "; a name is lower-case letters, digits and '-'");
        }
        all.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("A schema linker provider on the class path cannot be loaded: "
          + e.getMessage(), e);
    }
    all.sort(Comparator.comparingInt(SchemaLinkerProvider::priority).reversed()
        .thenComparing(SchemaLinkerProvider::name));
    List<SchemaLinkerProvider> unique = new ArrayList<>(all.size());
    for (SchemaLinkerProvider p : all) {
      if (unique.stream().noneMatch(u -> u.name().equals(p.name()))) {
        unique.add(p);
      }
    }
    return unique;
  }

  private static SchemaLinker linkerOf(SchemaLinkerProvider p) {
    SchemaLinker linker = p.linker();
    if (linker == null) {
      throw new IllegalStateException(
          "Schema linker provider " + p.getClass().getName() + " (" + p.name() + ") returned no linker");
    }
    return linker;
  }
}
