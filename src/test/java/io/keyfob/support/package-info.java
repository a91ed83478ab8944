/**
 * Helpers shared by the tests of several modules, such as running reference tools.
 */
@NullMarked
package io.keyfob.support;

import org.jspecify.annotations.NullMarked;
