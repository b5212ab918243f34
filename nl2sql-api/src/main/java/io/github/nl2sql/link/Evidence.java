package io.github.nl2sql.link;

/**
 * Why a schema element was linked: which signal, which words of the question, and how strongly.
 *
 * @param signal kind of evidence
 * @param matched the question text (words or quoted value) that matched, or {@code null}
 * @param detail what it matched in the schema (a name token, a value, a comment word), or {@code null}
 * @param score the signal's score, 0..1
 */
public record Evidence(Signal signal, String matched, String detail, double score) {}
