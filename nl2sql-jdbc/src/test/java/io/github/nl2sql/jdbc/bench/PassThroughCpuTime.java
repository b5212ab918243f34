package io.github.nl2sql.jdbc.bench;

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

/**
 * The same operations as {@link PassThroughBenchmark} on H2 in memory, timed in <b>CPU time of the
 * calling thread</b> rather than wall-clock time. Embedded H2 does all its work on the calling thread,
 * so this is the cost of an operation without the scheduling noise of a shared machine; it complements
 * the JMH figures, it does not replace them. Rounds of the four drivers are interleaved so drift hits
 * them alike; the median round is reported.
 *
 * <p>Run: {@code java -cp <test classpath> io.github.nl2sql.jdbc.bench.PassThroughCpuTime [ops] [rounds]}
 * (with {@code -Dp6spy.config.*} as in {@code bench.sh}).
 */
public final class PassThroughCpuTime {
  private PassThroughCpuTime() {}

  private static long sink;

  public static void main(String[] args) throws SQLException {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    String base = "h2:mem:cpu;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection("jdbc:" + base); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE jmh_items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2))");
      for (int i = 1; i <= 100; i++) {
        s.executeUpdate("INSERT INTO jmh_items VALUES (" + i + ", 'item " + i + "', " + BigDecimal.valueOf(i * 101L, 2) + ")");
      }
    }
    String[] names = {"raw", "nl2sql-off", "nl2sql-warn", "p6spy"};
    String[] urls = {"jdbc:" + base, "jdbc:nl2sql:" + base, "jdbc:nl2sql:" + base + ";nl2sql.guard=warn",
        "jdbc:p6spy:" + base};
    Connection[] conns = new Connection[urls.length];
    for (int i = 0; i < urls.length; i++) {
      conns[i] = DriverManager.getConnection(urls[i]);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String op : new String[] {"statementPointSelect", "preparedPointSelect"}) {
      List<double[]> perDriver = new ArrayList<>();
      for (int i = 0; i < urls.length; i++) {
        perDriver.add(new double[rounds]);
      }
      for (int warm = 0; warm < 3; warm++) {
        for (Connection c : conns) {
          run(c, op, ops);
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < conns.length; i++) {
          long t0 = mx.getCurrentThreadCpuTime();
          run(conns[i], op, ops);
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
    System.out.println(sink == 42 ? "" : " ");
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static void run(Connection c, String op, int ops) throws SQLException {
    if (op.equals("statementPointSelect")) {
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
  }

  private static void consume(ResultSet rs) throws SQLException {
    while (rs.next()) {
      sink += rs.getInt(1) + rs.getString(2).length() + rs.getBigDecimal(3).scale();
    }
  }
}
