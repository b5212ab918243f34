package io.github.nl2sql;

import io.github.nl2sql.catalog.SqlType;

/**
 * A result column: its label, the database's type name, the JDBC type code and the portable type.
 */
public record ResultColumn(String label, String typeName, int jdbcType, SqlType type) {}
