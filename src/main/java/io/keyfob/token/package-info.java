/**
 * The hardware OATH token inventory: the token aggregate, its status machine, sealed
 * seeds and code checks.
 */
@ApplicationModule(allowedDependencies = { "otp", "shared" })
@NullMarked
package io.keyfob.token;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
