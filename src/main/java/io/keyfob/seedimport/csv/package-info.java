/**
 * CSV seed file readers: Entra CSV, header-driven vendor CSV and privacyIDEA OATH CSV,
 * over one streaming RFC 4180 tokenizer.
 */
@NullMarked
package io.keyfob.seedimport.csv;

import org.jspecify.annotations.NullMarked;
