package io.keyfob.graphapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import io.keyfob.seedimport.Importer;
import io.keyfob.seedimport.SeedImportJob;
import io.keyfob.seedimport.SeedImportProperties;
import io.keyfob.seedimport.SeedImportRequest;
import io.keyfob.seedimport.SeedImports;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keyfob's seed file import (not part of Graph): {@code POST /api/v1/seed-imports} takes
 * a multipart upload and answers {@code 202} with the job and its {@code Location};
 * {@code GET /api/v1/seed-imports/{id}} gives its status, progress and, once finished,
 * the report; {@code GET /api/v1/seed-imports} lists the latest jobs. Importing needs
 * {@code Policy.ReadWrite.AuthenticationMethod}, and a file that assigns tokens to users
 * also {@code UserAuthenticationMethod.ReadWrite.All}. The key and password are never
 * echoed.
 */
@RestController
@RequestMapping(SeedImportsController.PATH)
class SeedImportsController {

	static final String PATH = "/api/v1/seed-imports";

	private static final int LIST_SIZE = 50;

	private final SeedImports seedImports;

	private final SeedImportProperties properties;

	private final GraphErrors errors;

	SeedImportsController(SeedImports seedImports, SeedImportProperties properties, GraphErrors errors) {
		this.seedImports = seedImports;
		this.properties = properties;
		this.errors = errors;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(HardwareOathDevicesController.WRITE)
	ResponseEntity<Map<String, @Nullable Object>> upload(@RequestParam("file") MultipartFile file,
			@RequestParam Map<String, String> parameters, GraphCaller caller) throws IOException {
		if (file.getSize() > this.properties.maxFileSize().toBytes()) {
			throw new MaxUploadSizeExceededException(this.properties.maxFileSize().toBytes());
		}
		SeedImportRequest request = SeedImportParameters.request(parameters, file.getOriginalFilename());
		Importer importer = new Importer(Actors.acting(caller),
				caller.hasPermission(HardwareOathDevicesController.ASSIGN_PERMISSION),
				SeedImportParameters.optionNames(parameters));
		SeedImportJob job;
		try (InputStream upload = file.getInputStream()) {
			job = this.seedImports.start(upload, request, importer);
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(job.id());
		return ResponseEntity.accepted().location(location).body(SeedImportRepresentation.of(job));
	}

	@GetMapping("/{id}")
	@PreAuthorize(HardwareOathDevicesController.READ)
	Map<String, @Nullable Object> status(@PathVariable UUID id) {
		return SeedImportRepresentation.of(this.seedImports.status(id));
	}

	@GetMapping
	@PreAuthorize(HardwareOathDevicesController.READ)
	Map<String, @Nullable Object> recent() {
		List<Map<String, @Nullable Object>> jobs = this.seedImports.recent(LIST_SIZE)
			.stream()
			.map(SeedImportRepresentation::of)
			.toList();
		return Map.of("value", jobs);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		return this.errors.response(HttpStatus.PAYLOAD_TOO_LARGE, "fileTooLarge", this.properties.fileTooLargeMessage(),
				request);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> noFile(MissingServletRequestPartException ex, HttpServletRequest request) {
		return this.errors.response(HttpStatus.BAD_REQUEST, "BadRequest",
				"The upload has no file: send the seed file in the multipart field 'file'.", request);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> notMultipart(MultipartException ex, HttpServletRequest request) {
		// the mapping takes multipart requests only: this is a body that could not be
		// read
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return this.errors.response(HttpStatus.BAD_REQUEST, "BadRequest",
				"The multipart upload could not be read (" + cause.getClass().getSimpleName()
						+ "): send the whole file again as multipart/form-data, in the field 'file'.",
				request);
	}

}
