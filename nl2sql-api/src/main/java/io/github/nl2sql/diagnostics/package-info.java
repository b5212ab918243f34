/**
 * Diagnostics: coded, parameterised messages from one catalogue ({@link
 * io.github.nl2sql.diagnostics.DiagnosticCode}) with positions and ranked "did you mean" suggestions.
 */
package io.github.nl2sql.diagnostics;
