package io.keyfob.shared.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokenizer against RFC 4180 and the ways real files differ from it.
 */
class CsvParserTests {

	@Test
	void nextWhenQuotedFieldsThenKeepsDelimitersAndDoubledQuotes() throws IOException {
		List<CsvRow> rows = parse("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\n", ',', false);

		assertThat(rows).singleElement().extracting(CsvRow::fields).isEqualTo(List.of("a", "b,c", "say \"hi\"", ""));
	}

	@Test
	void nextWhenQuotedFieldSpansLinesThenRowKeepsItsFirstLine() throws IOException {
		List<CsvRow> rows = parse("h1,h2\n\"multi\nline\",x\nlast,y\n", ',', false);

		assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 4);
		assertThat(rows.get(1).fields()).containsExactly("multi\nline", "x");
	}

	@Test
	void nextWhenCrLfOrCrLineEndsThenCountsLines() throws IOException {
		List<CsvRow> rows = parse("a,1\r\nb,2\rc,3\r\n", ',', false);

		assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 3);
		assertThat(rows).extracting((row) -> row.field(1)).containsExactly("1", "2", "3");
	}

	@Test
	void nextWhenBlankLinesAndEmptyRowsThenSkipsThem() throws IOException {
		List<CsvRow> rows = parse("a,1\n\n   \n,,,\nb,2", ',', false);

		assertThat(rows).extracting(CsvRow::line).containsExactly(1, 5);
	}

	@Test
	void nextWhenCommentsEnabledThenReturnsThemWhole() throws IOException {
		List<CsvRow> rows = parse("  # version: 2, \"not a quote\nt,1\n", ',', true);

		assertThat(rows.get(0).comment()).isTrue();
		assertThat(rows.get(0).fields()).containsExactly("   version: 2, \"not a quote");
		assertThat(rows.get(1).line()).isEqualTo(2);
	}

	@Test
	void nextWhenCommentsDisabledThenHashIsData() throws IOException {
		assertThat(parse("#1,x\n", ',', false)).singleElement()
			.satisfies((row) -> assertThat(row.comment()).isFalse())
			.extracting((row) -> row.field(0))
			.isEqualTo("#1");
	}

	@Test
	void nextWhenSemicolonDelimiterThenSplitsThere() throws IOException {
		assertThat(parse("a;b,c;d\n", ';', false)).singleElement()
			.extracting(CsvRow::fields)
			.isEqualTo(List.of("a", "b,c", "d"));
	}

	@Test
	void nextWhenFieldTooLongThenMarksTheRowAndReadsOn() throws IOException {
		List<CsvRow> rows = parse("a," + "x".repeat(300) + ",c\nnext,1\n", ',', false);

		assertThat(rows.get(0).problem()).isEqualTo("a field is longer than 256 characters");
		assertThat(rows.get(0).fields().get(1)).hasSize(256);
		assertThat(rows.get(1).line()).isEqualTo(2);
		assertThat(rows.get(1).problem()).isNull();
	}

	@Test
	void nextWhenTooManyFieldsThenMarksTheRow() throws IOException {
		assertThat(parse("x,".repeat(70) + "x\n", ',', false)).singleElement()
			.extracting(CsvRow::problem)
			.isEqualTo("the row has more than 64 fields");
	}

	@Test
	void nextWhenQuoteNeverClosesThenMarksTheRow() throws IOException {
		assertThat(parse("a,\"open\nb,2\n", ',', false)).singleElement()
			.extracting(CsvRow::problem)
			.isEqualTo("a quoted field is not closed");
	}

	@Test
	void nextWhenByteOrderMarkAndNoFinalLineEndThenIgnoresTheMarkAndReadsTheLastRow() throws IOException {
		List<CsvRow> rows = parse("\uFEFFuserPrincipalName,displayName\nx@y,Z", ',', false);

		assertThat(rows).extracting(CsvRow::fields)
			.containsExactly(List.of("userPrincipalName", "displayName"), List.of("x@y", "Z"));
	}

	@Test
	void nextWhenByteOrderMarkAloneInFirstReadThenIgnoresIt() throws IOException {
		CsvParser parser = new CsvParser(new OneCharReader("\uFEFFa,b\n"), ',', false, 256);

		assertThat(parser.next()).extracting(CsvRow::fields).isEqualTo(List.of("a", "b"));
	}

	@Test
	void nextWhenQuoteInsideUnquotedFieldThenKeepsIt() throws IOException {
		assertThat(parse("5\" token,x\n", ',', false)).singleElement()
			.extracting((row) -> row.field(0))
			.isEqualTo("5\" token");
	}

	private static List<CsvRow> parse(String text, char delimiter, boolean comments) throws IOException {
		CsvParser parser = new CsvParser(new StringReader(text), delimiter, comments, 256);
		List<CsvRow> rows = new ArrayList<>();
		for (CsvRow row = parser.next(); row != null; row = parser.next()) {
			rows.add(row);
		}
		return rows;
	}

	/** Hands out one character per read, as a slow stream may. */
	private static final class OneCharReader extends Reader {

		private final StringReader text;

		OneCharReader(String text) {
			this.text = new StringReader(text);
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			return this.text.read(buffer, offset, Math.min(length, 1));
		}

		@Override
		public void close() {
			this.text.close();
		}

	}

}
