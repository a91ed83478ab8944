/**
 * My Security Info: a user's own sign-in methods, and adding a hardware token by its
 * serial number, a name and a code.
 */
@NullMarked
package io.keyfob.portal.selfservice;

import org.jspecify.annotations.NullMarked;
