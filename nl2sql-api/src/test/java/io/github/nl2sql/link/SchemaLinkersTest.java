package io.github.nl2sql.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nl2sql.spi.SchemaLinkerProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link SchemaLinkers} orders and checks the providers a class loader offers (a services file written
 * here, read by a real {@link java.util.ServiceLoader}): by falling priority then name, the first of two
 * with one name, and a clear error for a provider without a valid name. nl2sql-api alone has none.
 */
class SchemaLinkersTest {
  @TempDir
  Path dir;

  /** A provider whose name, priority and linker a subclass sets. */
  abstract static class Fixed implements SchemaLinkerProvider {
    private final String name;
    private final int priority;

    Fixed(String name, int priority) {
      this.name = name;
      this.priority = priority;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int priority() {
      return priority;
    }

    @Override
    public SchemaLinker linker() {
      return (q, c, o) -> {
        throw new UnsupportedOperationException(name);
      };
    }
  }

  public static final class Alpha extends Fixed {
    public Alpha() {
      super("alpha", 5);
    }
  }

  public static final class Beta extends Fixed {
    public Beta() {
      super("beta", 5);
    }
  }

  public static final class Gamma extends Fixed {
    public Gamma() {
      super("gamma", 9);
    }
  }

  public static final class AlphaAgain extends Fixed {
    public AlphaAgain() {
      super("alpha", 1);
    }
  }

  public static final class Shouting extends Fixed {
    public Shouting() {
      super("Fused Linker", 1);
    }
  }

  private ClassLoader loaderWith(Class<?>... providers) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    StringBuilder lines = new StringBuilder();
    for (Class<?> p : providers) {
      lines.append(p.getName()).append('\n');
    }
    Files.writeString(services.resolve(SchemaLinkerProvider.class.getName()), lines);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void providersAreOrderedByPriorityThenName_andTheFirstOfOneNameWins() throws Exception {
    List<SchemaLinkerProvider> found = SchemaLinkers.providers(
        loaderWith(AlphaAgain.class, Beta.class, Alpha.class, Gamma.class));
    assertThat(found).extracting(SchemaLinkerProvider::name).containsExactly("gamma", "alpha", "beta");
    assertThat(found.get(1)).isInstanceOf(Alpha.class);
  }

  @Test
  void aProviderWithoutAValidName_isAClearError() throws Exception {
    ClassLoader loader = loaderWith(Alpha.class, Shouting.class);
    assertThatThrownBy(() -> SchemaLinkers.providers(loader)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Schema linker provider " + Shouting.class.getName() + " has the name 'Fused Linker'; "
            + "a name is lower-case letters, digits and '-'");
  }

  @Test
  void withoutAnImplementationOnTheClassPath_thereIsNoLinker() {
    assertThat(SchemaLinkers.names()).isEmpty();
    assertThatThrownBy(SchemaLinkers::preferred).isInstanceOf(IllegalStateException.class)
        .hasMessage("No schema linker found; add io.github.nl2sql:nl2sql-core to the class path");
    assertThatThrownBy(() -> SchemaLinkers.named("lexical")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No schema linker named 'lexical'; the class path has []");
  }
}
