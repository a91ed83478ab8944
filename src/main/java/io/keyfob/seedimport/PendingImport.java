package io.keyfob.seedimport;

import java.util.UUID;

/**
 * A file read and waiting for a worker: everything a run needs, the secrets in memory
 * only.
 *
 * @param jobId the job
 * @param file what the reader found, secrets included
 * @param request the options; its key and password are already overwritten
 * @param importer who asked
 */
record PendingImport(UUID jobId, SeedFile file, SeedImportRequest request, Importer importer) {

	@Override
	public String toString() {
		return "PendingImport[jobId=" + this.jobId + ", format=" + this.file.format() + "]";
	}

}
