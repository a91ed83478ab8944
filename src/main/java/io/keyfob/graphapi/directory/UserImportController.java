package io.keyfob.graphapi.directory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import io.keyfob.directory.ImportReport;
import io.keyfob.directory.UserImport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keyfob's bulk user import: {@code POST /api/v1/users/import} with a CSV body
 * ({@code Content-Type: text/csv}) or a multipart form with the file in field
 * {@code file}. Answers {@code 200} with a report row per data row.
 */
@RestController
class UserImportController {

	private final UserImport userImport;

	UserImportController(UserImport userImport) {
		this.userImport = userImport;
	}

	@PostMapping(path = "/api/v1/users/import", consumes = "text/csv")
	@PreAuthorize("hasAuthority('User.ReadWrite.All')")
	ImportReport importCsv(HttpServletRequest request) throws IOException {
		try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
			return this.userImport.importUsers(reader);
		}
	}

	@PostMapping(path = "/api/v1/users/import", consumes = "multipart/form-data")
	@PreAuthorize("hasAuthority('User.ReadWrite.All')")
	ImportReport importFile(@RequestParam("file") MultipartFile file) throws IOException {
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			return this.userImport.importUsers(reader);
		}
	}

}
