package io.keyfob.graphapi;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Graph's query options under {@code /beta}: the {@code $} is optional
 * ({@code filter=...} is {@code $filter=...}), and a route takes only the options its
 * {@link QueryOptions} names. Anything else is refused with 400 naming it, never ignored:
 * a script that deletes "the filtered result" must not act on everything.
 */
final class ODataOptions implements HandlerInterceptor {

	/** OData's system query options, which Graph accepts with or without {@code $}. */
	static final Set<String> SYSTEM_OPTIONS = Set.of("filter", "select", "top", "skip", "search", "expand", "count",
			"orderby", "skiptoken", "format", "apply", "compute", "levels", "deltatoken", "index", "schemaversion");

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !isGraph(request)) {
			return true;
		}
		QueryOptions declared = method.getMethodAnnotation(QueryOptions.class);
		Set<String> allowed = (declared != null) ? Set.of(declared.value()) : Set.of();
		for (String name : Collections.list(request.getParameterNames())) {
			String option = name.startsWith("$") ? name.substring(1) : name;
			if (!allowed.contains(option)) {
				throw GraphRequestException.badQuery(refusal(option, allowed));
			}
		}
		return true;
	}

	private static String refusal(String option, Set<String> allowed) {
		String takes = allowed.isEmpty() ? "this resource takes no query options" : "this resource takes "
				+ allowed.stream().sorted().map((o) -> "$" + o).collect(Collectors.joining(", "));
		if (option.equals("skip")) {
			return "'$skip' is not supported by the service: page with $top and follow @odata.nextLink; " + takes;
		}
		if (option.equals("search")) {
			return "'$search' is not supported by the service: use $filter; " + takes;
		}
		if (SYSTEM_OPTIONS.contains(option)) {
			return "The query option '$" + option + "' is not supported on this resource; " + takes;
		}
		return "The query parameter '" + option + "' is not known here; " + takes;
	}

	static boolean isGraph(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length()).toLowerCase(Locale.ROOT);
		return path.equals("/beta") || path.startsWith("/beta/");
	}

	/**
	 * The request with every system option named with {@code $}, lower case, so routes
	 * read {@code $filter} however the client wrote it.
	 * @param request a Graph request
	 * @return the request as routes read it
	 */
	static HttpServletRequest normalized(HttpServletRequest request) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String lower = parameter.getKey().toLowerCase(Locale.ROOT);
			String bare = lower.startsWith("$") ? lower.substring(1) : lower;
			String name = SYSTEM_OPTIONS.contains(bare) ? "$" + bare : parameter.getKey();
			if (parameters.containsKey(name)) {
				throw GraphRequestException.badQuery("The query option '" + name + "' is given twice.");
			}
			parameters.put(name, parameter.getValue());
		}
		return new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getParameter(String name) {
				String[] values = parameters.get(name);
				return (values != null && values.length > 0) ? values[0] : null;
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Collections.unmodifiableMap(parameters);
			}

			@Override
			public Enumeration<String> getParameterNames() {
				return Collections.enumeration(parameters.keySet());
			}

			@Override
			public String @Nullable [] getParameterValues(String name) {
				String[] values = parameters.get(name);
				return (values != null) ? Arrays.copyOf(values, values.length) : null;
			}

		};
	}

}
