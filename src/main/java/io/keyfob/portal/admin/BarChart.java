package io.keyfob.portal.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as SVG on the server: the geometry is computed here so the template
 * only places rectangles. The view box is {@value #WIDTH} by {@value #HEIGHT}; bars grow
 * up from the axis at {@value #AXIS_Y}.
 *
 * @param title what is counted, for example "Activations"
 * @param bars one bar per day, oldest first
 * @param max the largest value, at least 1 (the top of the scale)
 * @param total the sum of all values
 */
record BarChart(String title, List<Bar> bars, long max, long total) {

	static final int WIDTH = 420;

	static final int HEIGHT = 175;

	static final int AXIS_Y = 145;

	private static final int PLOT_HEIGHT = 120;

	private static final int LEFT = 34;

	/**
	 * Lay out a chart.
	 * @param title what is counted
	 * @param labels the label of each day
	 * @param values the value of each day
	 * @return the chart
	 */
	static BarChart of(String title, List<String> labels, List<Long> values) {
		long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(0));
		double slot = (WIDTH - LEFT) / (double) Math.max(1, values.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			long value = values.get(i);
			double height = (value == 0) ? 0 : Math.max(2, PLOT_HEIGHT * value / (double) max);
			bars.add(new Bar(labels.get(i), value, round(LEFT + i * slot + slot * 0.15), round(AXIS_Y - height),
					round(slot * 0.7), round(height), (values.size() - 1 - i) % 7 == 0));
		}
		return new BarChart(title, bars, max, values.stream().mapToLong(Long::longValue).sum());
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * One bar.
	 *
	 * @param label the day
	 * @param value the count
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height
	 * @param labelled whether the axis shows this day's label (weekly, counting back from
	 * the last day)
	 */
	record Bar(String label, long value, double x, double y, double width, double height, boolean labelled) {

		public double centre() {
			return this.x + this.width / 2;
		}

	}

}
