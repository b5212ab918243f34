package io.github.nl2sql.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes (the "evaluation CLI contract"). Filled in by picocli. */
public final class CommonOptions {
  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Spider-format folder: tables.json and database/<db_id>/<db_id>.sqlite")
  Path data;

  @Option(names = "--questions", required = true, paramLabel = "FILE",
      description = "JSON list of objects with question, query (gold SQL) and db_id")
  Path questions;

  @Option(names = "--question-field", defaultValue = "question", paramLabel = "NAME",
      description = "field holding the question text (default: ${DEFAULT-VALUE})")
  String questionField;

  @Option(names = "--out", paramLabel = "FILE", description = "write per-item results as JSON lines")
  Path out;

  @Option(names = "--limit", paramLabel = "N", description = "run only the first N items")
  Integer limit;

  @Option(names = "--timeout-ms", defaultValue = "20000", paramLabel = "MS",
      description = "per-statement timeout on SQLite (default: ${DEFAULT-VALUE}; 0 = none)")
  long timeoutMillis;

  @Option(names = "--max-rows", defaultValue = "1000000", paramLabel = "N",
      description = "rows read at most per statement (default: ${DEFAULT-VALUE})")
  int maxRows;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|on|off",
      description = "progress bar on stderr (default: ${DEFAULT-VALUE}: a bar on a console, "
          + "a line every 10 s otherwise)")
  String progress;
}
