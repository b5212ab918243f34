/**
 * Schema linking: the {@link io.github.nl2sql.link.SchemaLinker} SPI and its result types (ranked tables
 * and columns with evidence, value matches, and the prompt selection closed under join paths).
 */
package io.github.nl2sql.link;
