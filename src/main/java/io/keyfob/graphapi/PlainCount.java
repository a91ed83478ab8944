package io.keyfob.graphapi;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * The answer of a {@code .../$count} path segment: the number as plain text. A client
 * that asks for JSON (as most Graph scripts send by habit) still gets the plain-text
 * number, as from Graph; any other {@code Accept} is a 406. The
 * {@code ConsistencyLevel: eventual} header Graph asks for is accepted and changes
 * nothing: Keyfob's counts are always exact.
 */
public final class PlainCount {

	private PlainCount() {
	}

	/**
	 * The response.
	 * @param count the number
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @return the response
	 * @throws HttpMediaTypeNotAcceptableException if the client takes neither text nor
	 * JSON
	 */
	public static ResponseEntity<String> of(long count, @Nullable String accept)
			throws HttpMediaTypeNotAcceptableException {
		if (accept != null && MediaType.parseMediaTypes(accept)
			.stream()
			.noneMatch((type) -> type.isCompatibleWith(MediaType.TEXT_PLAIN)
					|| type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
			throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.TEXT_PLAIN));
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(String.valueOf(count));
	}

}
