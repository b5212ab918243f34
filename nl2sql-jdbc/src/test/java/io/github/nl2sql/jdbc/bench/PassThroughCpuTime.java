package io.github.nl2sql.jdbc.bench;

import io.github.nl2sql.jdbc.FloorConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The same operations as {@link PassThroughBenchmark}, timed in <b>CPU time of the calling thread</b>
 * rather than wall-clock time. On H2 in memory (all work on the calling thread) this is the whole
 * operation's cost; on MariaDB ({@code mariadb} as third argument, {@code NL2SQL_TEST_MARIADB_URL}) it is
 * the client side's cost, which is where a wrapper adds anything. Either way it is free of the scheduling
 * noise of a shared machine; it complements the JMH figures, it does not replace them. Rounds of the
 * drivers are interleaved so drift hits them alike, and each round starts with the next driver so none
 * always runs first; the median round is reported. {@code floor} is the raw driver behind
 * {@link FloorConnection}, a wrapper that only forwards (the cost of wrapping as such, see
 * {@link PassThroughBenchmark}). {@code raw-2} is a control: a second connection of
 * the raw driver, so its difference from {@code raw} shows what the harness itself adds.
 *
 * <p>Two modes (fourth argument): {@code shared} runs every driver through one copy of the loop, so each
 * JDBC call site sees five receiver classes (megamorphic: no call through a wrapper can be inlined, the
 * worst case for any wrapper); {@code separate} (the default) loads the loop class once per driver in its
 * own class loader, so each copy's call sites see one driver, as in an application that uses one JDBC
 * driver, where the JIT can inline a wrapper's forwarding calls.
 *
 * <p>Run: {@code java -cp <test classpath> io.github.nl2sql.jdbc.bench.PassThroughCpuTime [ops] [rounds]
 * [h2|mariadb] [separate|shared]} (with {@code -Dp6spy.config.*} as in {@code bench.sh}).
 */
public final class PassThroughCpuTime {
  private PassThroughCpuTime() {}

  public static void main(String[] args) throws Exception {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    boolean maria = args.length > 2 && args[2].equals("mariadb");
    boolean shared = args.length > 3 && args[3].equals("shared");
    String base = maria ? System.getenv("NL2SQL_TEST_MARIADB_URL").substring("jdbc:".length())
        : "h2:mem:cpu;DB_CLOSE_DELAY=-1";
    String sep = maria ? "&" : ";";
    try (Connection c = DriverManager.getConnection("jdbc:" + base); Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE IF EXISTS jmh_items");
      s.executeUpdate("CREATE TABLE jmh_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2))");
      for (int i = 1; i <= 100; i++) {
        s.executeUpdate("INSERT INTO jmh_items VALUES (" + i + ", 'item " + i + "', " + BigDecimal.valueOf(i * 101L, 2) + ")");
      }
    }
    String[] names = {"raw", "raw-2", "floor", "nl2sql-off", "nl2sql-warn", "p6spy"};
    String[] urls = {"jdbc:" + base, "jdbc:" + base, "jdbc:" + base, "jdbc:nl2sql:" + base,
        "jdbc:nl2sql:" + base + sep + "nl2sql.guard=warn", "jdbc:p6spy:" + base};
    Connection[] conns = new Connection[urls.length];
    for (int i = 0; i < urls.length; i++) {
      Connection c = DriverManager.getConnection(urls[i]);
      conns[i] = names[i].equals("floor") ? new FloorConnection(c) : c;
    }
    System.out.println("mode " + (shared ? "shared (one loop for all drivers: megamorphic call sites)"
        : "separate (one loop class per driver: call sites see one driver)"));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String op : new String[] {"statementPointSelect", "preparedPointSelect", "preparedRangeSelect"}) {
      IntConsumer[] loops = new IntConsumer[conns.length];
      for (int i = 0; i < conns.length; i++) {
        Class<?> loopClass = shared ? Loop.class : new OwnCopy().loadClass(Loop.class.getName());
        loops[i] = (IntConsumer) loopClass.getConstructor(Connection.class, String.class)
            .newInstance(conns[i], op);
      }
      List<double[]> perDriver = new ArrayList<>();
      for (int i = 0; i < urls.length; i++) {
        perDriver.add(new double[rounds]);
      }
      for (int warm = 0; warm < 3; warm++) {
        for (IntConsumer loop : loops) {
          loop.accept(ops);
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < loops.length; k++) {
          int i = (r + k) % loops.length;
          long t0 = mx.getCurrentThreadCpuTime();
          loops[i].accept(ops);
          perDriver.get(i)[r] = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / ops;
        }
      }
      double rawMedian = median(perDriver.get(0));
      for (int i = 0; i < names.length; i++) {
        double m = median(perDriver.get(i));
        System.out.printf(Locale.ROOT, "%-22s %-12s %8.3f us/op CPU (median of %d rounds of %d ops)  %+6.1f%% vs raw%n",
            op, names[i], m, rounds, ops, (m / rawMedian - 1) * 100);
      }
    }
    for (Connection c : conns) {
      c.close();
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** Defines its own copy of {@link Loop} (so the JIT profiles it apart); everything else comes from the parent. */
  private static final class OwnCopy extends ClassLoader {
    OwnCopy() {
      super(PassThroughCpuTime.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Loop.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            byte[] b = in.readAllBytes();
            c = defineClass(name, b, 0, b.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return c;
      }
    }
  }

  /** The measured loop: {@code ops} selects on one connection, every row read. Public for {@link OwnCopy}. */
  public static final class Loop implements IntConsumer {
    private static long sink;
    private final Connection c;
    private final boolean prepared;
    private final boolean range;

    public Loop(Connection c, String op) {
      this.c = c;
      this.prepared = op.equals("preparedPointSelect");
      this.range = op.equals("preparedRangeSelect");
    }

    @Override
    public void accept(int ops) {
      try {
        if (range) {
          for (int i = 0; i < ops; i++) {
            try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, price FROM jmh_items WHERE id BETWEEN ? AND ? ORDER BY id")) {
              ps.setInt(1, i % 80 + 1);
              ps.setInt(2, i % 80 + 20);
              try (ResultSet rs = ps.executeQuery()) {
                consume(rs);
              }
            }
          }
        } else if (!prepared) {
          for (int i = 0; i < ops; i++) {
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, price FROM jmh_items WHERE id = 42")) {
              consume(rs);
            }
          }
        } else {
          for (int i = 0; i < ops; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, price FROM jmh_items WHERE id = ?")) {
              ps.setInt(1, i % 100 + 1);
              try (ResultSet rs = ps.executeQuery()) {
                consume(rs);
              }
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private static void consume(ResultSet rs) throws SQLException {
      while (rs.next()) {
        sink += rs.getInt(1) + rs.getString(2).length() + rs.getBigDecimal(3).scale();
      }
    }
  }
}
