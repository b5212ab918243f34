/**
 * Internal, not API: schema linking that needs no model (name tokens, comments, stored values) and the
 * prompt selection closed under foreign-key paths; its {@code lexical} provider; and the linker a facade
 * uses when none is chosen (the preferred one on the class path, falling back to the lexical one).
 */
package io.github.nl2sql.internal.link;
