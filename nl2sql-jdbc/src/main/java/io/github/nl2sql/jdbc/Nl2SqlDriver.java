package io.github.nl2sql.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The wrapping JDBC driver: {@code jdbc:nl2sql:} followed by any real JDBC URL without its
 * {@code jdbc:} ({@code jdbc:nl2sql:mariadb://host/db}, {@code jdbc:nl2sql:postgresql://host/db},
 * {@code jdbc:nl2sql:sqlite:/path/file.db}, {@code jdbc:nl2sql:h2:mem:test},
 * {@code jdbc:nl2sql:mysql://host/db}). The real driver must be on the class path.
 *
 * <p>Statements that start (after whitespace) with {@code -- nl:} are questions; everything else goes
 * to the real driver untouched, checked first by the guard when {@code nl2sql.guard} is {@code warn}
 * or {@code block}. Settings are the {@code nl2sql.*} keys of {@link Nl2SqlProperty}, given in the URL
 * or the connection properties; they are removed before the real driver sees either.
 *
 * <p>Registered with {@link DriverManager} when the class loads and through
 * {@code META-INF/services/java.sql.Driver}. Thread-safe. Connections to the same real URL, user and
 * settings share state (the guard's catalog cache), kept while the driver class lives.
 */
public final class Nl2SqlDriver implements Driver {
  /** The URL prefix this driver accepts. */
  public static final String PREFIX = "jdbc:nl2sql:";

  private static final Nl2SqlDriver INSTANCE = new Nl2SqlDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  /** For {@link java.util.ServiceLoader} and tools that instantiate drivers; all instances share nothing. */
  public Nl2SqlDriver() {}

  /** Whether {@code url} starts with {@link #PREFIX} (case-insensitively); looks at nothing else. */
  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Opens a connection to the real database named after the prefix, wrapped.
   *
   * @return the connection, or {@code null} when {@code url} is not an {@code jdbc:nl2sql:} URL
   * @throws InvalidPropertyException for an unknown {@code nl2sql.*} key or a bad value
   * @throws SQLException (08001) when no driver on the class path accepts the real URL, and whatever
   *     the real driver throws when it cannot connect; no connection is left open then
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    JdbcUrls.Split split = JdbcUrls.split(url);
    Settings settings = Settings.of(split.settings(), info);
    Properties realInfo = Settings.stripped(info);
    Driver real = realDriver(split.innerUrl(), url);
    Connection raw = real.connect(split.innerUrl(), realInfo);
    if (raw == null) {
      throw new SQLException("The driver " + real.getClass().getName() + " declined the URL '"
          + JdbcUrls.mask(split.innerUrl()) + "' (from '" + JdbcUrls.mask(url) + "')", "08001");
    }
    try {
      Target target = targets.computeIfAbsent(targetKey(split.innerUrl(), realInfo, settings),
          k -> new Target(settings, JdbcUrls.mask(url), split.innerUrl()));
      return new WrappedConnection(raw, target);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static String targetKey(String innerUrl, Properties realInfo, Settings settings) {
    return innerUrl + '\u0000' + realInfo.getProperty("user", "") + '\u0000' + settings.cacheKey();
  }

  /**
   * The driver for the real URL: {@link DriverManager} first, then the {@code java.sql.Driver} services
   * visible to this class's and the thread's class loaders (for containers where DriverManager cannot
   * see the application's drivers).
   */
  static Driver realDriver(String innerUrl, String url) throws SQLException {
    try {
      Driver d = DriverManager.getDriver(innerUrl);
      if (!(d instanceof Nl2SqlDriver)) {
        return d;
      }
    } catch (SQLException notRegistered) {
      // fall through to the service loaders
    }
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(Nl2SqlDriver.class.getClassLoader());
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    if (tccl != null) {
      loaders.add(tccl);
    }
    for (ClassLoader loader : loaders) {
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        try {
          if (!(d instanceof Nl2SqlDriver) && d.acceptsURL(innerUrl)) {
            return d;
          }
        } catch (SQLException ignored) {
          // a driver that cannot even look at the URL is not the one
        }
      }
    }
    throw new SQLException("No JDBC driver on the class path accepts '" + JdbcUrls.mask(innerUrl)
        + "' (the real URL inside '" + JdbcUrls.mask(url) + "'). Check the URL after " + PREFIX
        + " (e.g. " + PREFIX + "postgresql://host:5432/db) and add the database's driver jar; drivers "
        + "registered now: " + registeredDrivers(), "08001");
  }

  private static String registeredDrivers() {
    List<String> names = new ArrayList<>();
    Enumeration<Driver> e = DriverManager.getDrivers();
    while (e.hasMoreElements()) {
      names.add(e.nextElement().getClass().getName());
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * Our settings (with their current values from {@code url} and {@code info}), followed by the real
   * driver's properties when it can be found.
   *
   * @throws InvalidPropertyException for an unknown {@code nl2sql.*} key or a bad value
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return new DriverPropertyInfo[0];
    }
    JdbcUrls.Split split = JdbcUrls.split(url);
    Settings settings = Settings.of(split.settings(), info);
    List<DriverPropertyInfo> out = new ArrayList<>();
    for (Nl2SqlProperty p : Nl2SqlProperty.values()) {
      out.add(p.info(settings.isSet(p) ? settings.get(p) : null));
    }
    try {
      Driver real = realDriver(split.innerUrl(), url);
      out.addAll(Arrays.asList(real.getPropertyInfo(split.innerUrl(), Settings.stripped(info))));
    } catch (SQLException noRealDriver) {
      // our properties alone are still useful to a tool building the URL
    }
    return out.toArray(new DriverPropertyInfo[0]);
  }

  /** 0. */
  @Override
  public int getMajorVersion() {
    return 0;
  }

  /** 1. */
  @Override
  public int getMinorVersion() {
    return 1;
  }

  /** {@code false}: compliance is the real driver's, which this driver cannot vouch for. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("io.github.nl2sql.jdbc");
  }

  @Override
  public String toString() {
    return "Nl2SqlDriver[" + PREFIX.toLowerCase(Locale.ROOT) + "]";
  }
}
