/**
 * JMH benchmarks, built and run only with the Maven profile {@code bench}; see
 * docs/benchmarks.md.
 */
@NullMarked
package io.keyfob.bench;

import org.jspecify.annotations.NullMarked;
