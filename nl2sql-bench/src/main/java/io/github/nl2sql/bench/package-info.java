/**
 * The evaluation CLI ({@code nl2sql-bench}): subcommands that run the library's parts over
 * Spider-format data (a folder with {@code tables.json} and {@code database/<db_id>/<db_id>.sqlite},
 * plus a JSON list of questions) and print one JSON summary object as the last line of stdout.
 *
 * <p>Internal tooling, not API: nothing here is meant to be used from other code. The output keys
 * named in the design's "evaluation CLI contract" are stable; everything else may change.
 */
package io.github.nl2sql.bench;
