/**
 * Internal, not API: safe execution of compiled reads (read-only transaction, statement timeout, row
 * cap, typed errors, audit events).
 */
package io.github.nl2sql.internal.execute;
