package io.github.nl2sql.link;

/** A kind of evidence that ties a question to a schema element. */
public enum Signal {
  /** Question words match the element's name tokens (with plural/singular, abbreviations, synonyms). */
  LEXICAL,
  /** Question words match the element's comment. */
  COMMENT,
  /** A question word or quoted string matches a stored value of the column (frequent values). */
  VALUE,
  /** Text-embedding similarity of the question and the element's description. */
  EMBEDDING,
  /** The graph neural network's relevance score over the schema graph. */
  GNN,
  /** The element was added to connect other selected elements (foreign-key path, key columns). */
  STRUCTURE
}
