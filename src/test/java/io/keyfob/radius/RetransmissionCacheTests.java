package io.keyfob.radius;

import java.util.concurrent.TimeUnit;

import io.keyfob.radius.RetransmissionCache.Lookup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retransmission cache of RFC 5080 §2.2.2, with the time passed in.
 */
class RetransmissionCacheTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void beginWhenSameRequestThenInProgressThenCachedUntilThirtySeconds() {
		RetransmissionCache cache = new RetransmissionCache();
		assertThat(cache.begin("a", 0)).isInstanceOf(Lookup.Fresh.class);
		assertThat(cache.begin("a", SECOND)).isInstanceOf(Lookup.InProgress.class);
		cache.finish("a", new byte[] { 2, 7 }, SECOND);
		assertThat(cache.begin("a", 30 * SECOND)).isInstanceOfSatisfying(Lookup.Cached.class,
				(cached) -> assertThat(cached.answer()).containsExactly(2, 7));
		assertThat(cache.begin("b", 30 * SECOND)).isInstanceOf(Lookup.Fresh.class);
		assertThat(cache.begin("a", 32 * SECOND)).as("expired").isInstanceOf(Lookup.Fresh.class);
	}

	@Test
	void abandonWhenCheckFailedThenNextCopyCheckedAgain() {
		RetransmissionCache cache = new RetransmissionCache();
		cache.begin("a", 0);
		cache.abandon("a");
		assertThat(cache.begin("a", SECOND)).isInstanceOf(Lookup.Fresh.class);
	}

}
