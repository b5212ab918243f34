package io.github.nl2sql.internal.validate;

import io.github.nl2sql.catalog.Catalog;
import io.github.nl2sql.catalog.Column;
import io.github.nl2sql.catalog.Table;
import io.github.nl2sql.internal.compile.SqlCompiler;
import io.github.nl2sql.internal.ir.IrTree;
import io.github.nl2sql.ir.Cte;
import io.github.nl2sql.ir.SelectItem;
import io.github.nl2sql.ir.Statement;
import io.github.nl2sql.ir.TableRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalog's spelling of table and column names, for compiling validated IR.
 *
 * <p>The validator resolves names ignoring case, as the databases do for unquoted names; the compiler
 * quotes every identifier, which makes case significant on PostgreSQL (which folds unquoted names to
 * lower case) and H2 (upper case by default). So IR that says {@code Products} or {@code products}
 * validates against a table the catalog has as {@code products} or {@code PRODUCTS}, and must be
 * compiled with the catalog's spelling to run. {@link #spelling(Statement)} gives that spelling for one
 * statement: names the statement defines itself (aliases, CTEs, derived tables and their columns,
 * select-list aliases) keep the spelling of their definition; table and column names take the
 * catalog's; anything else stays as written. Where the catalog has two spellings of one name that
 * differ only in case (possible with quoted names), a name written exactly as one of them is kept,
 * and other spellings stay as written (the validator reports such names as it finds them).
 *
 * <p>Built once per catalog; immutable and thread-safe.
 */
public final class CatalogNames {
  private final Map<String, String> tables = new HashMap<>();
  private final Set<String> tablesExact = new HashSet<>();
  private final Map<String, String> columns = new HashMap<>();
  private final Set<String> columnsExact = new HashSet<>();

  /** The spelling of {@code catalog}'s table and column names. */
  public CatalogNames(Catalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    Set<String> ambiguousTables = new HashSet<>();
    Set<String> ambiguousColumns = new HashSet<>();
    for (Table t : catalog.tables()) {
      add(t.name(), tables, tablesExact, ambiguousTables);
      for (Column c : t.columns()) {
        add(c.name(), columns, columnsExact, ambiguousColumns);
      }
    }
    ambiguousTables.forEach(tables::remove);
    ambiguousColumns.forEach(columns::remove);
  }

  private static void add(String name, Map<String, String> byLower, Set<String> exact,
      Set<String> ambiguous) {
    exact.add(name);
    String previous = byLower.putIfAbsent(Scopes.lower(name), name);
    if (previous != null && !previous.equals(name)) {
      ambiguous.add(Scopes.lower(name));
    }
  }

  /** The spelling to compile {@code statement} with. */
  public SqlCompiler.Spelling spelling(Statement statement) {
    Definitions d = new Definitions();
    d.collect(statement);
    Map<String, String> defined = d.names;
    Map<String, String> ctes = d.ctes;
    return new SqlCompiler.Spelling() {
      @Override
      public String table(String name) {
        String cte = ctes.get(Scopes.lower(name));
        if (cte != null) {
          return cte;
        }
        return catalogTable(name);
      }

      @Override
      public String column(String name) {
        if (columnsExact.contains(name)) {
          return name;
        }
        String c = columns.get(Scopes.lower(name));
        if (c != null) {
          return c;
        }
        return defined.getOrDefault(Scopes.lower(name), name);
      }

      @Override
      public String qualifier(String name) {
        String alias = defined.get(Scopes.lower(name));
        return alias != null ? alias : catalogTable(name);
      }
    };
  }

  private String catalogTable(String name) {
    if (tablesExact.contains(name)) {
      return name;
    }
    return tables.getOrDefault(Scopes.lower(name), name);
  }

  /** Collects the names a statement defines, lower case to the spelling of the first definition. */
  private static final class Definitions implements IrTree.Visitor {
    /** Every defined name: aliases, CTE names and columns, derived-table columns. */
    final Map<String, String> names = new HashMap<>();
    /** CTE names only: a FROM item may name one. */
    final Map<String, String> ctes = new HashMap<>();

    void collect(Statement s) {
      IrTree.walk(s, this);
    }

    private void define(String name) {
      if (name != null) {
        names.putIfAbsent(Scopes.lower(name), name);
      }
    }

    @Override
    public void target(TableRef.Table t) {
      define(t.alias());
    }

    @Override
    public void cte(Cte c) {
      define(c.name());
      ctes.putIfAbsent(Scopes.lower(c.name()), c.name());
      c.columns().forEach(this::define);
    }

    @Override
    public void selectItem(SelectItem i) {
      define(i.alias());
    }

    @Override
    public void from(TableRef r) {
      if (r instanceof TableRef.Table t) {
        define(t.alias());
      } else if (r instanceof TableRef.Derived d) {
        define(d.alias());
        d.columnAliases().forEach(this::define);
      }
    }
  }
}
