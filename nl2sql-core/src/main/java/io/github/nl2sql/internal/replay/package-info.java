/**
 * Internal, not API: a local HTTP server speaking the OpenAI chat-completions API and Ollama's
 * {@code /api/chat}, replaying recorded model answers, for tests and the bench.
 */
package io.github.nl2sql.internal.replay;
