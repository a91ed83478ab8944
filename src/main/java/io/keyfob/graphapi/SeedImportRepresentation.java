package io.keyfob.graphapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyfob.seedimport.ImportCounts;
import io.keyfob.seedimport.ImportProgress;
import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedImportJob;
import org.jspecify.annotations.Nullable;

/**
 * An import job as JSON: status, progress, counts and, once finished, the rejected rows
 * and warnings with their line or {@code KeyPackage} and reason.
 */
final class SeedImportRepresentation {

	private SeedImportRepresentation() {
	}

	static Map<String, @Nullable Object> of(SeedImportJob job) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", job.id());
		body.put("status", job.status().apiName());
		body.put("fileName", job.fileName());
		body.put("format", format(job.format()));
		body.put("dryRun", job.dryRun());
		body.put("allOrNothing", job.allOrNothing());
		body.put("replace", job.replace());
		body.put("requestedBy", job.requestedBy());
		body.put("createdDateTime", job.createdDateTime());
		body.put("startedDateTime", job.startedDateTime());
		body.put("finishedDateTime", job.finishedDateTime());
		body.put("progress", progress(job.progress()));
		body.put("counts", counts(job.counts()));
		body.put("message", job.message());
		if (job.status().finished()) {
			body.put("rejectedRows", rejected(job.rejectedRows()));
			body.put("warnings", warnings(job.warnings()));
		}
		return body;
	}

	/**
	 * The API name of a format.
	 * @return {@code entraCsv}, {@code vendorCsv}, {@code privacyIdeaCsv} or {@code pskc}
	 */
	static String format(SeedFileFormat format) {
		return switch (format) {
			case ENTRA_CSV -> "entraCsv";
			case VENDOR_CSV -> "vendorCsv";
			case PRIVACYIDEA_CSV -> "privacyIdeaCsv";
			case PSKC -> "pskc";
		};
	}

	private static Map<String, Object> progress(ImportProgress progress) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("totalRows", progress.totalRows());
		body.put("validatedRows", progress.validatedRows());
		body.put("rowsToStore", progress.rowsToStore());
		body.put("storedRows", progress.storedRows());
		return body;
	}

	private static Map<String, Object> counts(ImportCounts counts) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("created", counts.created());
		body.put("replaced", counts.replaced());
		body.put("unchanged", counts.unchanged());
		body.put("assigned", counts.assigned());
		body.put("rejected", counts.rejected());
		body.put("warnings", counts.warnings());
		return body;
	}

	private static List<Map<String, @Nullable Object>> rejected(List<RowError> rows) {
		return rows.stream()
			.map((row) -> row(row.location(), row.serialNumber(), row.reason(), row.message()))
			.toList();
	}

	private static List<Map<String, @Nullable Object>> warnings(List<RowWarning> rows) {
		return rows.stream()
			.map((row) -> row(row.location(), row.serialNumber(), row.message(), row.toString()))
			.toList();
	}

	private static Map<String, @Nullable Object> row(Location location, @Nullable String serialNumber, String reason,
			String message) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put(location.kind() == Location.Kind.LINE ? "line" : "keyPackage", location.number());
		body.put("serialNumber", serialNumber);
		body.put("reason", reason);
		body.put("message", message);
		return body;
	}

}
