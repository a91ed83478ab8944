package io.keyfob.portal.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as SVG on the server: the geometry is computed here so the template
 * only places rectangles. The view box is {@value #WIDTH} by {@value #HEIGHT}; bars grow
 * up from the axis at {@value #AXIS_Y} and end at {@value #PLOT_RIGHT}, leaving room for
 * half of the last day's label, which is centred under its bar.
 *
 * @param title what is counted, for example "Activations"
 * @param bars one bar per day, oldest first
 * @param max the largest value, at least 1
 * @param ticks the marks of the value axis, from 0 up to the top of the scale
 * @param total the sum of all values
 */
record BarChart(String title, List<Bar> bars, long max, List<Tick> ticks, long total) {

	static final int WIDTH = 420;

	static final int PLOT_RIGHT = 400;

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
		long step = step(max);
		// at least four steps, so a quiet month still shows a readable scale
		long top = Math.max(4, (max + step - 1) / step * step);
		double slot = (PLOT_RIGHT - LEFT) / (double) Math.max(1, values.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			long value = values.get(i);
			double height = (value == 0) ? 0 : Math.max(2, PLOT_HEIGHT * value / (double) top);
			bars.add(new Bar(labels.get(i), value, round(LEFT + i * slot + slot * 0.15), round(AXIS_Y - height),
					round(slot * 0.7), round(height), (values.size() - 1 - i) % 7 == 0));
		}
		List<Tick> ticks = new ArrayList<>();
		for (long value = 0; value <= top; value += step) {
			ticks.add(new Tick(value, round(AXIS_Y - PLOT_HEIGHT * value / (double) top)));
		}
		return new BarChart(title, bars, max, ticks, values.stream().mapToLong(Long::longValue).sum());
	}

	// a round step (1, 2 or 5 times a power of ten) that gives the axis about four marks
	private static long step(long max) {
		long step = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 5 }) {
				if (step * factor * 4 >= max) {
					return step * factor;
				}
			}
			step *= 10;
		}
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * One mark of the value axis.
	 *
	 * @param value the count it marks
	 * @param y where it is
	 */
	record Tick(long value, double y) {
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
