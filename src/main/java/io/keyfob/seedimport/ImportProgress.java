package io.keyfob.seedimport;

/**
 * How far an import is: every row is checked first, then the accepted ones are stored.
 *
 * @param totalRows the token rows in the file, valid or not
 * @param validatedRows the rows checked so far
 * @param rowsToStore how many rows the checks found to store (create, replace, assign, or
 * take the validity dates of a token already there); 0 until every row is checked, and in
 * a dry run
 * @param storedRows the rows stored so far; stays 0 in a dry run
 */
public record ImportProgress(int totalRows, int validatedRows, int rowsToStore, int storedRows) {
}
