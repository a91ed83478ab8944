package io.keyfob.portal.admin;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The geometry of the dashboard's server-drawn bar charts.
 */
class BarChartTests {

	@Test
	void ofWhenValuesThenTallestBarFillsThePlotAndZeroHasNone() {
		BarChart chart = BarChart.of("Activations", List.of("1 Nov", "2 Nov", "3 Nov"), List.of(0L, 2L, 4L));
		assertThat(chart.max()).isEqualTo(4);
		assertThat(chart.total()).isEqualTo(6);
		assertThat(chart.bars()).extracting(BarChart.Bar::height).containsExactly(0.0, 60.0, 120.0);
		assertThat(chart.bars()).allSatisfy((bar) -> assertThat(bar.y() + bar.height()).isEqualTo(BarChart.AXIS_Y));
		assertThat(chart.bars().get(2).x() + chart.bars().get(2).width()).isLessThanOrEqualTo(BarChart.PLOT_RIGHT);
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@Test
	void ofWhenMaximumIsNotRoundThenScaleEndsAtTheNextRoundMarkWithFewMarks() {
		BarChart chart = BarChart.of("Activations", List.of("1 Nov", "2 Nov"), List.of(37L, 7L));
		assertThat(chart.max()).isEqualTo(37);
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 10L, 20L, 30L, 40L);
		assertThat(chart.ticks()).extracting(BarChart.Tick::y).containsExactly(145.0, 115.0, 85.0, 55.0, 25.0);
		assertThat(chart.bars().get(0).height()).isEqualTo(111.0);
	}

	@Test
	void ofWhenThirtyDaysThenLastLabelFitsInTheViewBox() {
		List<String> labels = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj((d) -> d + " Nov").toList();
		List<Long> values = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj((d) -> 1L).toList();
		BarChart.Bar last = BarChart.of("Activations", labels, values).bars().get(29);
		// "30 Nov" at 13 px is about 40 units wide, centred under its bar
		assertThat(last.labelled()).isTrue();
		assertThat(last.centre() + 20).isLessThanOrEqualTo(BarChart.WIDTH);
	}

	@Test
	void ofWhenAllZeroThenScaleOfOneAndNoBars() {
		BarChart chart = BarChart.of("Failed sign-ins", List.of("1 Nov", "2 Nov"), List.of(0L, 0L));
		assertThat(chart.max()).isEqualTo(1);
		assertThat(chart.bars()).extracting(BarChart.Bar::height).containsOnly(0.0);
		assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@Test
	void ofWhenThirtyDaysThenWeeklyLabelsCountedBackFromToday() {
		List<String> labels = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj((d) -> d + " Nov").toList();
		List<Long> values = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj((d) -> 1L).toList();
		assertThat(BarChart.of("Activations", labels, values).bars()).filteredOn(BarChart.Bar::labelled)
			.extracting(BarChart.Bar::label)
			.containsExactly("2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov");
	}

}
