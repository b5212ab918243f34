/**
 * The wrapping JDBC driver ({@code jdbc:nl2sql:<real-url>}) and {@link io.github.nl2sql.jdbc.Nl2SqlDataSource}.
 *
 * <p>Public here: {@link io.github.nl2sql.jdbc.Nl2SqlDriver}, {@link io.github.nl2sql.jdbc.Nl2SqlDataSource},
 * the settings enum {@link io.github.nl2sql.jdbc.Nl2SqlProperty}, the unwrap interfaces
 * {@link io.github.nl2sql.jdbc.Nl2SqlConnection} and {@link io.github.nl2sql.jdbc.Nl2SqlStatement}, the
 * answer record {@link io.github.nl2sql.jdbc.QuestionAnswer} and the {@link java.sql.SQLException}
 * subclasses (each with its own SQLState). The delegating wrappers and everything else are
 * package-private implementation details.
 */
package io.github.nl2sql.jdbc;
