package io.github.nl2sql.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Splits {@code jdbc:nl2sql:<real-url>} into the real URL and our settings; masks secrets. Internal. */
final class JdbcUrls {
  private JdbcUrls() {}

  /** The real URL with our settings removed, and our settings as given (keys as written). */
  record Split(String innerUrl, Map<String, String> settings) {}

  private static final Pattern SECRET_PARAM = Pattern.compile(
      "(?i)([?&;:]\\s*(?:password|passwd|pwd|secret|token|api[-_.]?key|sslpassword)\\s*=)[^&;]*");
  private static final Pattern USERINFO = Pattern.compile("(//[^/?#@:]*:)[^/?#@]*@");

  /**
   * Splits a URL that starts with {@link Nl2SqlDriver#PREFIX}. Settings are {@code nl2sql.*} parameters
   * in the query ({@code ?k=v&k=v}) or in H2-style {@code ;k=v} segments; every other parameter, and
   * the URL's own syntax, stays as it was. A real URL written with its own {@code jdbc:} (as in
   * {@code jdbc:nl2sql:jdbc:h2:mem:x}) is accepted too.
   *
   * @throws SQLException (08001) when nothing follows the prefix or the real URL is ours again
   */
  static Split split(String url) throws SQLException {
    String rest = url.substring(Nl2SqlDriver.PREFIX.length());
    if (rest.regionMatches(true, 0, "jdbc:", 0, 5)) {
      rest = rest.substring(5);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    int q = rest.indexOf('?');
    String base = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? null : rest.substring(q + 1);
    StringBuilder inner = new StringBuilder(rest.length());
    // H2-style ";key=value" segments of the part before any '?'
    String[] segments = base.split(";", -1);
    inner.append(segments[0]);
    for (int i = 1; i < segments.length; i++) {
      if (!take(segments[i], settings)) {
        inner.append(';').append(segments[i]);
      }
    }
    if (query != null) {
      StringBuilder kept = new StringBuilder();
      for (String part : query.split("&", -1)) {
        if (!take(part, settings)) {
          kept.append(kept.length() == 0 ? "" : "&").append(part);
        }
      }
      if (kept.length() > 0) {
        inner.append('?').append(kept);
      }
    }
    String innerRest = inner.toString();
    if (innerRest.isBlank()) {
      throw new SQLException("The URL '" + mask(url) + "' names no real database: write "
          + Nl2SqlDriver.PREFIX + "<real JDBC URL without jdbc:>, e.g. " + Nl2SqlDriver.PREFIX
          + "h2:mem:test or " + Nl2SqlDriver.PREFIX + "postgresql://host/db", "08001");
    }
    String innerUrl = "jdbc:" + innerRest;
    if (innerUrl.toLowerCase(Locale.ROOT).startsWith(Nl2SqlDriver.PREFIX)) {
      throw new SQLException("The URL '" + mask(url) + "' wraps the nl2sql driver in itself; name the real "
          + "database once: " + Nl2SqlDriver.PREFIX + "<real JDBC URL without jdbc:>", "08001");
    }
    return new Split(innerUrl, settings);
  }

  private static boolean take(String param, Map<String, String> settings) {
    String p = param.trim();
    if (!p.regionMatches(true, 0, Nl2SqlProperty.KEY_PREFIX, 0, Nl2SqlProperty.KEY_PREFIX.length())) {
      return false;
    }
    int eq = p.indexOf('=');
    String key = eq < 0 ? p : p.substring(0, eq).trim();
    settings.put(key, eq < 0 ? "" : decode(p.substring(eq + 1)));
    return true;
  }

  /** Replaces passwords, secrets and URL user-info passwords with {@code ***}; safe for logs and messages. */
  static String mask(String url) {
    if (url == null) {
      return null;
    }
    String s = SECRET_PARAM.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(s).replaceAll("$1***@");
  }

  /** Percent-decoding only ({@code +} stays a plus: paths and values are not form data). */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
