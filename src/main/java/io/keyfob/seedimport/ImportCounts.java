package io.keyfob.seedimport;

/**
 * What an import did, or for a dry run would do, with the file's tokens. Each row counts
 * once among created, replaced, unchanged and rejected; {@code assigned} counts the
 * tokens among them that were given to a user.
 *
 * @param created tokens new to the inventory
 * @param replaced unassigned tokens overwritten with the file's secret and settings
 * ({@code replace})
 * @param unchanged tokens already in the inventory with the same secret and settings
 * (where the file gives validity dates, the token takes them)
 * @param assigned tokens assigned to the user the file names
 * @param rejected rows not imported
 * @param warnings rows imported with a warning
 */
public record ImportCounts(int created, int replaced, int unchanged, int assigned, int rejected, int warnings) {

	/** Nothing counted yet. */
	public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

	/**
	 * The rows imported or found already there.
	 * @return created, replaced and unchanged
	 */
	public int imported() {
		return this.created + this.replaced + this.unchanged;
	}

}
