package io.github.nl2sql.bench;

import java.io.PrintWriter;

/**
 * A progress bar on stderr, redrawn at most every 200 ms on a console ({@code \r}) and at most every
 * 10 s as plain lines otherwise, so logs stay short. Not thread-safe (one run loop).
 */
public final class Progress {
  private final PrintWriter err;
  private final String label;
  private final int total;
  private final boolean console;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean finished;

  /**
   * @param err where to draw
   * @param label what is counted
   * @param total how many steps
   * @param mode {@code auto} (console bar when a console is attached, sparse lines otherwise),
   *     {@code on} (always the console bar), {@code off}
   */
  public Progress(PrintWriter err, String label, int total, String mode) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = !"off".equals(mode);
    this.console = "on".equals(mode) || System.console() != null;
  }

  /** Reports that {@code done} of {@code total} steps are done; {@code note} is shown beside. */
  public void update(int done, String note) {
    if (!enabled || finished) {
      return;
    }
    long now = System.nanoTime();
    long gap = console ? 200_000_000L : 10_000_000_000L;
    if (done < total && now - lastDraw < gap) {
      return;
    }
    lastDraw = now;
    finished = done >= total;
    double secs = (now - start) / 1e9;
    int pct = total == 0 ? 100 : (int) (100L * done / total);
    String eta = done == 0 || done >= total ? "" : String.format(" eta %.0fs",
        secs / done * (total - done));
    if (console) {
      int width = 30;
      int fill = total == 0 ? width : (int) ((long) width * done / total);
      err.print("\r" + label + " [" + "#".repeat(fill) + " ".repeat(width - fill) + "] " + done + "/"
          + total + " " + pct + "% " + String.format("%.0fs", secs) + eta + (note == null ? "" : " " + note)
          + "   ");
      if (done >= total) {
        err.println();
      }
    } else {
      err.println(label + " " + done + "/" + total + " (" + pct + "%) " + String.format("%.0fs", secs)
          + eta + (note == null ? "" : " " + note));
    }
    err.flush();
  }
}
