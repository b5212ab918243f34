/**
 * Schema linking: the {@link io.github.nl2sql.link.SchemaLinker} SPI and its result types (ranked tables
 * and columns with evidence, value matches, and the prompt selection closed under join paths), and
 * {@link io.github.nl2sql.link.SchemaLinkers}, the linkers on the class path by name.
 */
package io.github.nl2sql.link;
