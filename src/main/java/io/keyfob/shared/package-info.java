/**
 * Small types every module may use: the data directory, the clock and the Graph-style
 * identifiers.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.keyfob.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
