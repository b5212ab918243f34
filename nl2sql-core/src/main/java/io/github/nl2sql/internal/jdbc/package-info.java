/** Internal, not API: JDBC helpers: translation of driver errors into typed exceptions. */
package io.github.nl2sql.internal.jdbc;
