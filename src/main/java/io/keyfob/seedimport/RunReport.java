package io.keyfob.seedimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.keyfob.seedimport.ImportCandidate.Action;
import org.jspecify.annotations.Nullable;

/**
 * What one run of an import has found and done so far: the rows rejected, the warnings,
 * and how far it is. Used by one worker thread only.
 */
final class RunReport {

	private final List<RowError> rejected = new ArrayList<>();

	private final OptionNames names;

	private final List<RowWarning> warnings = new ArrayList<>();

	private final int totalRows;

	private int validatedRows;

	private int rowsToStore;

	private int storedRows;

	RunReport(SeedFile file, OptionNames names) {
		this.names = names;
		this.totalRows = file.rowCount();
		this.validatedRows = file.errorCount();
		file.errors()
			.forEach((error) -> this.rejected.add(rendered(error.location(), error.serialNumber(), error.reason())));
		this.warnings.addAll(file.warnings());
	}

	void reject(ImportCandidate candidate, String reason) {
		candidate.decide(Action.REJECTED, candidate.existing());
		candidate.markStored(false);
		this.rejected.add(rendered(candidate.location(), candidate.serialNumber(), reason));
	}

	private RowError rendered(Location location, @Nullable String serialNumber, String reason) {
		return new RowError(location, serialNumber, this.names.render(reason));
	}

	void warn(ImportCandidate candidate, String message) {
		this.warnings.add(new RowWarning(candidate.location(), candidate.serialNumber(), message));
	}

	void validated(int rows) {
		this.validatedRows += rows;
	}

	void toStore(int rows) {
		this.rowsToStore = rows;
	}

	void storedSoFar(int rows) {
		this.storedRows = rows;
	}

	ImportProgress progress() {
		return new ImportProgress(this.totalRows, this.validatedRows, this.rowsToStore, this.storedRows);
	}

	int rejected() {
		return this.rejected.size();
	}

	/**
	 * Counts what was done; in a dry run, what would have been done.
	 * @param candidates every candidate of the file
	 * @param planned count what was decided rather than what was stored
	 * @return the counts
	 */
	ImportCounts counts(List<ImportCandidate> candidates, boolean planned) {
		int created = 0;
		int replaced = 0;
		int unchanged = 0;
		int assigned = 0;
		for (ImportCandidate candidate : candidates) {
			boolean done = planned || candidate.stored();
			if (candidate.action() == Action.UNCHANGED || candidate.action() == Action.ASSIGN) {
				unchanged++;
			}
			else if (done && candidate.action() == Action.CREATE) {
				created++;
			}
			else if (done && candidate.action() == Action.REPLACE) {
				replaced++;
			}
			if (done && candidate.assigns()) {
				assigned++;
			}
		}
		return new ImportCounts(created, replaced, unchanged, assigned, this.rejected.size(), this.warnings.size());
	}

	/**
	 * The rows not imported, in file order.
	 */
	List<RowError> rejectedRows() {
		return inFileOrder(this.rejected);
	}

	/**
	 * The warnings, in file order.
	 */
	List<RowWarning> warnings() {
		return inFileOrder(this.warnings);
	}

	/**
	 * Sums up a finished run for people.
	 * @param counts the counts
	 * @param dryRun whether nothing was to be stored
	 * @return such as {@code 3 rows: 2 created, 1 rejected}
	 */
	String summary(ImportCounts counts, boolean dryRun) {
		List<String> parts = new ArrayList<>();
		String would = dryRun ? "would be " : "";
		part(parts, counts.created(), would + "created");
		part(parts, counts.replaced(), would + "replaced");
		part(parts, counts.unchanged(), "unchanged");
		part(parts, counts.rejected(), "rejected");
		String summary = String.format(Locale.ROOT, "%,d %s: %s", this.totalRows,
				(this.totalRows == 1) ? "row" : "rows", parts.isEmpty() ? "none imported" : String.join(", ", parts));
		if (counts.assigned() > 0) {
			summary += String.format(Locale.ROOT, "; %,d %sassigned to users", counts.assigned(), would);
		}
		return dryRun ? "Dry run, nothing stored. " + summary : summary;
	}

	private static void part(List<String> parts, int count, String what) {
		if (count > 0) {
			parts.add(String.format(Locale.ROOT, "%,d %s", count, what));
		}
	}

	private static <T extends SeedFileEntry> List<T> inFileOrder(List<T> entries) {
		List<T> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingInt((T entry) -> entry.location().number()));
		return sorted;
	}

}
