/**
 * Internal, not API: schema linking that needs no model (name tokens, comments, stored values) and the
 * prompt selection closed under foreign-key paths.
 */
package io.github.nl2sql.internal.link;
