package io.keyfob.graphapi.directory;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OData conventions of Graph responses: {@code @odata.context}, collections in
 * {@code value} with {@code @odata.nextLink} and {@code @odata.count}, and {@code $top}.
 */
final class OData {

	static final int DEFAULT_TOP = 100;

	static final int MAX_TOP = 999;

	private OData() {
	}

	/**
	 * The context URL of a response, for the current request's host.
	 * @param fragment what follows {@code $metadata#}, for example {@code users/$entity}
	 * @return the URL
	 */
	static String context(String fragment) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").build().toUriString() + "#"
				+ fragment;
	}

	/**
	 * The URL of a resource, for {@code Location} headers.
	 * @param path the path below {@code /beta/}
	 * @return the URL
	 */
	static URI location(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/").path(path).build().toUri();
	}

	/**
	 * The link to the next page: this request with a new {@code $skiptoken}.
	 * @param next the page key, or {@code null} on the last page
	 * @return the link, or {@code null}
	 */
	static @Nullable String nextLink(@Nullable String next) {
		if (next == null) {
			return null;
		}
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String query = (request.getQueryString() != null) ? request.getQueryString() : "";
		String kept = Arrays.stream(query.split("&"))
			.filter((parameter) -> !parameter.isEmpty() && !parameter.startsWith("$skiptoken=")
					&& !parameter.startsWith("%24skiptoken="))
			.collect(Collectors.joining("&"));
		return ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString() + "?"
				+ (kept.isEmpty() ? "" : kept + "&") + "$skiptoken=" + next;
	}

	static int top(@Nullable Integer top) {
		if (top == null) {
			return DEFAULT_TOP;
		}
		if (top < 1 || top > MAX_TOP) {
			throw badRequest("Invalid value for $top: give a number from 1 to " + MAX_TOP + ".");
		}
		return top;
	}

	static KeyfobException badRequest(String message) {
		return new KeyfobException(ErrorKind.INVALID, "Request_BadRequest", message);
	}

	static <T> Collection<T> collection(String contextFragment, List<T> value, @Nullable String next) {
		return new Collection<>(context(contextFragment), null, value, nextLink(next));
	}

	/**
	 * A Graph collection response.
	 *
	 * @param <T> the item type
	 * @param context the {@code @odata.context}
	 * @param count the {@code @odata.count}, when asked for
	 * @param value the items
	 * @param nextLink the {@code @odata.nextLink}, unless this is the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "@odata.context", "@odata.count", "value", "@odata.nextLink" })
	record Collection<T>(@JsonProperty("@odata.context") String context,
			@JsonProperty("@odata.count") @Nullable Long count, List<T> value,
			@JsonProperty("@odata.nextLink") @Nullable String nextLink) {

		Collection<T> withCount(long count) {
			return new Collection<>(this.context, count, this.value, this.nextLink);
		}

	}

}
