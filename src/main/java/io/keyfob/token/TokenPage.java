package io.keyfob.token;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of tokens.
 *
 * @param tokens the tokens, in the query's order
 * @param nextCursor where the next page starts, or {@code null} if this is the last;
 * opaque to callers
 * @param count how many tokens match the filter, when asked for
 */
public record TokenPage(List<HardwareOathToken> tokens, @Nullable String nextCursor, @Nullable Long count) {

	public TokenPage {
		tokens = List.copyOf(tokens);
	}

}
