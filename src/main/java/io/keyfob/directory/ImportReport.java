package io.keyfob.directory;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a user import did, row by row.
 *
 * @param created how many users were created
 * @param failed how many rows were refused
 * @param rows one entry per data row, in file order
 */
public record ImportReport(int created, int failed, List<Row> rows) {

	/**
	 * One data row.
	 *
	 * @param line the line the row starts on
	 * @param userPrincipalName the sign-in name as given
	 * @param id the new user's id, or {@code null} when the row was refused
	 * @param errorCode why the row was refused, or {@code null}
	 * @param message what to do about it, or {@code null}
	 */
	public record Row(long line, String userPrincipalName, @Nullable UUID id, @Nullable String errorCode,
			@Nullable String message) {

		public boolean isCreated() {
			return this.id != null;
		}

	}

}
