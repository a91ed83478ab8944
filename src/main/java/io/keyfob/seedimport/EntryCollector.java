package io.keyfob.seedimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Gathers what a format reader finds into a {@link SeedFile}, applying the rules that
 * span rows: serial numbers are unique within a file and the row count is capped.
 * <p>
 * Serial numbers are compared trimmed and ignoring case, as the Graph contract compares
 * them. A repeated serial is reported on every later row, whether or not the first row
 * was valid: either way the file says two different things about one device.
 */
final class EntryCollector implements Consumer<SeedFileEntry> {

	private final int maxRows;

	private final Map<String, Location> firstSeen = new HashMap<>();

	private final List<SeedRecord> records = new ArrayList<>();

	private final List<RowError> errors = new ArrayList<>();

	private final List<RowWarning> warnings = new ArrayList<>();

	private @Nullable Location duplicateLocation;

	EntryCollector(int maxRows) {
		this.maxRows = maxRows;
	}

	@Override
	public void accept(SeedFileEntry entry) {
		if (entry instanceof RowWarning) {
			addWarning((RowWarning) entry);
			return;
		}
		if (this.records.size() + this.errors.size() >= this.maxRows) {
			if (entry instanceof SeedRecord) {
				((SeedRecord) entry).clear();
			}
			throw new SeedFileRejected(Problem.TOO_MANY_ROWS, String.format(Locale.ROOT,
					"This file has more than %,d tokens: split it into smaller files", this.maxRows));
		}
		RowError duplicate = checkUnique(entry);
		if (entry instanceof RowError) {
			this.errors.add((RowError) entry);
		}
		else if (duplicate != null) {
			((SeedRecord) entry).clear();
			this.duplicateLocation = entry.location();
			this.errors.add(duplicate);
		}
		else {
			this.records.add((SeedRecord) entry);
		}
	}

	SeedFile toSeedFile(SeedFileFormat format) {
		return new SeedFile(format, this.records, this.errors, this.warnings);
	}

	void clearSecrets() {
		this.records.forEach(SeedRecord::clear);
	}

	private @Nullable RowError checkUnique(SeedFileEntry entry) {
		String serialNumber = entry.serialNumber();
		if (serialNumber == null) {
			return null;
		}
		Location first = this.firstSeen.putIfAbsent(serialNumber.strip().toLowerCase(Locale.ROOT), entry.location());
		if (first == null) {
			return null;
		}
		return new RowError(entry.location(), serialNumber,
				"serial number " + serialNumber + " appears again (first " + first.reference() + ")");
	}

	// A rejected duplicate's warnings would only distract; warnings beyond the row limit
	// are dropped so that a hostile file cannot grow this list without bound.
	private void addWarning(RowWarning warning) {
		if (!warning.location().equals(this.duplicateLocation) && this.warnings.size() < this.maxRows) {
			this.warnings.add(warning);
		}
	}

}
