package io.keyfob.graphapi;

import jakarta.servlet.MultipartConfigElement;
import io.keyfob.seedimport.SeedImportProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits for multipart uploads (seed files, user CSVs), from
 * {@code keyfob.seed-import.max-file-size}: a larger file is refused with {@code 413}
 * while it is read. Uploads are kept in memory, never in a temporary file, so a seed
 * file's secrets never reach the disk unencrypted. Replaces Spring Boot's
 * {@code spring.servlet.multipart} sizes.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

	// room for the other form fields and the multipart boundaries
	private static final long FORM_FIELDS = 64 * 1024;

	@Bean
	MultipartConfigElement multipartConfigElement(SeedImportProperties properties) {
		long maxFile = properties.maxFileSize().toBytes();
		long maxRequest = maxFile + FORM_FIELDS;
		return new MultipartConfigElement(null, maxFile, maxRequest, (int) Math.min(Integer.MAX_VALUE, maxRequest));
	}

}
