/**
 * Service provider interfaces: extension points implemented by other nl2sql modules or by applications
 * (audit sinks, schema linker providers). Listener-style interfaces never fail the query when they throw.
 */
package io.github.nl2sql.spi;
