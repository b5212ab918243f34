package io.github.nl2sql.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps any {@link DataSource} (a HikariCP pool, a driver's own data source) so that its connections
 * answer {@code -- nl:} questions and run the pass-through guard, exactly like connections of
 * {@link Nl2SqlDriver}. Pooling stays with the wrapped data source: each {@link #getConnection()}
 * borrows one of its connections and {@code close()} returns it.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(hikariConfig);
 * DataSource ds = Nl2SqlDataSource.wrap(pool, Map.of("nl2sql.guard", "warn"));
 * }</pre>
 *
 * <p>Thread-safe. Connections share the guard's catalog cache. {@link #unwrap} reaches the wrapped data
 * source (e.g. {@code unwrap(HikariDataSource.class)}); closing the pool is the caller's business.
 */
public final class Nl2SqlDataSource implements DataSource {
  private final DataSource delegate;
  private final Target target;

  private Nl2SqlDataSource(DataSource delegate, Settings settings) {
    this.delegate = delegate;
    this.target = new Target(settings, "DataSource " + delegate.getClass().getName(), null);
  }

  /**
   * Wraps {@code dataSource} with default settings (guard off).
   *
   * @throws NullPointerException when {@code dataSource} is null
   */
  public static Nl2SqlDataSource wrap(DataSource dataSource) {
    return new Nl2SqlDataSource(Objects.requireNonNull(dataSource, "dataSource"), Settings.defaults());
  }

  /**
   * Wraps {@code dataSource} with {@code settings} ({@code nl2sql.*} keys of {@link Nl2SqlProperty}).
   *
   * @throws InvalidPropertyException for an unknown key (the message lists the valid ones) or a bad value
   * @throws NullPointerException when an argument is null
   */
  public static Nl2SqlDataSource wrap(DataSource dataSource, Map<String, String> settings)
      throws InvalidPropertyException {
    Objects.requireNonNull(dataSource, "dataSource");
    Properties p = new Properties();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (!Settings.isOurs(e.getKey())) {
        Nl2SqlProperty.forKey(e.getKey());
      }
      p.setProperty(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    return new Nl2SqlDataSource(dataSource, Settings.of(Map.of(), p));
  }

  /** A wrapped connection of the wrapped data source. */
  @Override
  public Connection getConnection() throws SQLException {
    return wrapConnection(delegate.getConnection());
  }

  /** A wrapped connection of the wrapped data source, for {@code username}. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrapConnection(delegate.getConnection(username, password));
  }

  private Connection wrapConnection(Connection raw) throws SQLException {
    if (raw == null) {
      throw new SQLException("The wrapped DataSource " + delegate.getClass().getName()
          + " returned no connection", "08001");
    }
    return new WrappedConnection(raw, target);
  }

  /** The value of one setting. */
  public String setting(Nl2SqlProperty property) {
    return target.settings.get(property);
  }

  /** Test access to the shared state. */
  Target target() {
    return target;
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return "Nl2SqlDataSource[" + delegate + "]";
  }
}
