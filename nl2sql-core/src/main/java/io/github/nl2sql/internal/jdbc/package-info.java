/** Internal, not API: JDBC helpers shared by catalog reading and execution (type mapping, error translation). */
package io.github.nl2sql.internal.jdbc;
