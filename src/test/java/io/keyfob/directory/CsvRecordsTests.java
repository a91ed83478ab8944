package io.keyfob.directory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import io.keyfob.shared.KeyfobException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RFC 4180 reading, with the line numbers the import report names.
 */
class CsvRecordsTests {

	@Test
	void nextWhenQuotedFieldsThenCommasQuotesAndLineBreaksKept() {
		CsvRecords records = new CsvRecords(
				new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\n\nlast,\"\"\n"));
		assertThat(records.next()).containsExactly("a", "b,c", "say \"hi\"");
		assertThat(records.recordLine()).isEqualTo(1);
		assertThat(records.next()).containsExactly("two\nlines", "x");
		assertThat(records.recordLine()).isEqualTo(2);
		assertThat(records.next()).containsExactly("last", "");
		assertThat(records.recordLine()).isEqualTo(5);
		assertThat(records.next()).isNull();
	}

	@Test
	void nextWhenByteOrderMarkAndNoFinalNewlineThenIgnoredAndLastRecordRead() {
		CsvRecords records = new CsvRecords(new StringReader("\uFEFFuserPrincipalName,displayName\nx@y,Z"));
		assertThat(all(records)).containsExactly(List.of("userPrincipalName", "displayName"), List.of("x@y", "Z"));
	}

	@Test
	void nextWhenQuoteNotClosedThenInvalidWithLine() {
		CsvRecords records = new CsvRecords(new StringReader("ok\n\"open,field\n"));
		records.next();
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(records::next).withMessageContaining("Line 2");
	}

	@Test
	void nextWhenFieldTooLongThenInvalid() {
		CsvRecords records = new CsvRecords(new StringReader("x".repeat(CsvRecords.MAX_FIELD_LENGTH + 1)));
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(records::next).withMessageContaining("longer");
	}

	private static List<List<String>> all(CsvRecords records) {
		List<List<String>> all = new ArrayList<>();
		List<String> record;
		while ((record = records.next()) != null) {
			all.add(record);
		}
		return all;
	}

}
