package io.keyfob.shared.secret;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a module keeps sealed secrets: a table, the columns that identify a row, the
 * three columns of a {@link SealedSecret}, and how to compute the context a row's secret
 * was sealed for. Each module that seals secrets declares one bean of this type per such
 * table, so that {@link MasterKeyRotation} re-wraps every secret without knowing the
 * modules.
 *
 * @param table the table name
 * @param idColumns the columns that identify a row
 * @param keyIdColumn the column of the sealing key's id; rows where it is null hold no
 * secret
 * @param nonceColumn the column of the nonce
 * @param ciphertextColumn the column of the ciphertext
 * @param context the context of a row's secret, from the values of its id columns in
 * order
 */
public record SealedColumns(String table, List<String> idColumns, String keyIdColumn, String nonceColumn,
		String ciphertextColumn, Function<List<Object>, String> context) {

	public SealedColumns {
		idColumns = List.copyOf(idColumns);
		for (String name : concat(table, idColumns, keyIdColumn, nonceColumn, ciphertextColumn)) {
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("Not a plain SQL name: " + name);
			}
		}
	}

	private static List<String> concat(String table, List<String> ids, String... columns) {
		return Stream.concat(Stream.concat(Stream.of(table), ids.stream()), Stream.of(columns)).toList();
	}

}
