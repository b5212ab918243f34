/** Runnable demos on the embedded demo store database ({@link io.github.nl2sql.examples.DemoStore}). */
package io.github.nl2sql.examples;
