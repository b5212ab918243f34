package io.github.nl2sql.bench;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code nl2sql-bench.jar}: {@code java -jar nl2sql-bench.jar <command> --data DIR
 * --questions FILE [options]}. Subcommands are registered in {@link #commandLine}; each prints its
 * summary as one JSON object on the last line of stdout and exits 0 when the run completed, 2 on bad
 * arguments, 1 when the run failed.
 */
@Command(name = "nl2sql-bench", mixinStandardHelpOptions = true, version = "nl2sql-bench 0.1.0",
    description = "Evaluates nl2sql on Spider-format data; the summary is the last line of stdout.",
    subcommands = {RoundtripCommand.class, GuardCommand.class, LinkCommand.class, AskCommand.class})
public final class BenchMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the CLI and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI without exiting, writing to the given streams.
   *
   * @return the exit code: 0 completed, 1 failed, 2 bad arguments
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command line with every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchMain());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof BenchException) {
        err.println("nl2sql-bench: " + e.getMessage());
        return 2;
      }
      err.println("nl2sql-bench: run failed: " + e);
      e.printStackTrace(err);
      return 1;
    });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing subcommand: one of " + spec.subcommands().keySet());
  }
}
