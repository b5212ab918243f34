#!/usr/bin/env bash
# Runs the pass-through JMH benchmark of nl2sql-jdbc (raw driver vs the forwarding-only floor vs
# jdbc:nl2sql: guard off / warn vs p6spy) on H2 in memory and on MariaDB, 5 forks each. Needs
# NL2SQL_TEST_MARIADB_URL. Extra arguments go to JMH, e.g. ./bench.sh -p db=h2 -f 8 -rf json -rff out.json,
# then python3 src/build/jmh_forks.py out.json for fork means and intervals.
# Compiles the module first (Maven fetches what the local repository lacks).
set -euo pipefail
cd "$(dirname "$0")"
(cd .. && mvn -q -pl nl2sql-jdbc -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp >/dev/null)
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
# p6spy as usually deployed: its logging module on, writing every statement to a log (here /dev/null so
# disk speed does not count); P6SPY_NOLOG=1 measures its bare proxy (no logging module) instead.
P6="-Dp6spy.config.appender=com.p6spy.engine.spy.appender.FileLogger -Dp6spy.config.logfile=/dev/null"
if [[ "${P6SPY_NOLOG:-0}" == 1 ]]; then
  P6="-Dp6spy.config.modulelist=com.p6spy.engine.spy.P6SpyFactory"
fi
exec java -cp "$CP" org.openjdk.jmh.Main PassThroughBenchmark -jvmArgsAppend "$P6 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" "$@"
