/**
 * PSKC (RFC 6030) seed file reader: a hardened XML parser, pre-shared key and PBKDF2
 * decryption with MAC checks, and the mapping of key packages to seed records.
 */
@NullMarked
package io.keyfob.seedimport.pskc;

import org.jspecify.annotations.NullMarked;
