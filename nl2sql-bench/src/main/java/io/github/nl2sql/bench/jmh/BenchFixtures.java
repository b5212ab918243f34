package io.github.nl2sql.bench.jmh;

import io.github.nl2sql.Dialect;
import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.internal.catalog.CatalogOptions;
import io.github.nl2sql.internal.catalog.CatalogReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The benchmarks' fixture: Spider's {@code department_management} schema (DDL only, built in an
 * in-memory SQLite database) and gold queries of that database from the Spider training split, from a
 * one-table filter to a three-way join intersected with another, plus a misspelled one (the error
 * path with suggestions). Stateless.
 */
public final class BenchFixtures {
  /** Spider's department_management schema, as in its SQLite file. */
  static final String DDL = """
      CREATE TABLE "department" ("Department_ID" int, "Name" text, "Creation" text, "Ranking" int,
        "Budget_in_Billions" real, "Num_Employees" real, PRIMARY KEY ("Department_ID"));
      CREATE TABLE "head" ("head_ID" int, "name" text, "born_state" text, "age" real,
        PRIMARY KEY ("head_ID"));
      CREATE TABLE "management" ("department_ID" int, "head_ID" int, "temporary_acting" text,
        PRIMARY KEY ("Department_ID","head_ID"),
        FOREIGN KEY ("Department_ID") REFERENCES `department`("Department_ID"),
        FOREIGN KEY ("head_ID") REFERENCES `head`("head_ID"))
      """;

  /** Query name -> SQL (Spider gold queries, unchanged, except {@code misspelled}). */
  public static final Map<String, String> QUERIES = Map.of(
      "simple", "SELECT count(*) FROM head WHERE age  >  56",
      "join", "SELECT T1.name ,  T1.num_employees FROM department AS T1 JOIN management AS T2 ON "
          + "T1.department_id  =  T2.department_id WHERE T2.temporary_acting  =  'Yes'",
      "group", "SELECT T1.department_id ,  T1.name ,  count(*) FROM management AS T2 JOIN department AS "
          + "T1 ON T1.department_id  =  T2.department_id GROUP BY T1.department_id HAVING count(*)  >  1",
      "subquery", "SELECT count(*) FROM department WHERE department_id NOT IN "
          + "(SELECT department_id FROM management);",
      "setop", "SELECT T3.born_state FROM department AS T1 JOIN management AS T2 ON T1.department_id  = "
          + "  T2.department_id JOIN head AS T3 ON T2.head_id  =  T3.head_id WHERE T1.name  =  'Treasury' "
          + "INTERSECT SELECT T3.born_state FROM department AS T1 JOIN management AS T2 ON "
          + "T1.department_id  =  T2.department_id JOIN head AS T3 ON T2.head_id  =  T3.head_id WHERE "
          + "T1.name  =  'Homeland Security'",
      "misspelled", "SELECT T1.nmae ,  T1.num_employes FROM department AS T1 JOIN managment AS T2 ON "
          + "T1.department_id  =  T2.department_id WHERE T2.temporary_acting  =  'Yes'");

  private BenchFixtures() {}

  /** Builds the schema in a fresh in-memory SQLite database and reads its catalog (no statistics). */
  public static Catalog catalog() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      for (String ddl : DDL.split(";")) {
        if (!ddl.isBlank()) {
          s.execute(ddl);
        }
      }
      return new CatalogReader(new CatalogOptions(null, Dialect.SQLITE, false, Duration.ofSeconds(10),
          0, 0)).read(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot build the benchmark schema: " + e.getMessage(), e);
    }
  }
}
