package io.keyfob.seedimport.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large CSV is read as a stream: the rows here are made while the reader pulls them, so
 * neither the test nor the reader ever holds the file's text. Not a benchmark: nothing is
 * timed.
 */
class CsvStreamingTests {

	private static final int ROWS = 100_000;

	@Test
	void readWhen100000RowsThenReadsEveryRowAndReportsEachBadOne() throws IOException {
		GeneratedEntraCsv in = new GeneratedEntraCsv(ROWS);

		SeedFile file = new SeedFileReader().read(in, ReadOptions.defaults());

		assertThat(in.finished()).isTrue();
		assertThat(file.rowCount()).isEqualTo(ROWS);
		assertThat(file.errorCount()).isEqualTo(ROWS / 10_000);
		assertThat(file.errors()).first()
			.extracting(RowError::message)
			.isEqualTo("line 5001: time interval 45 is not allowed: use 30 or 60");
		assertThat(file.records().get(file.validCount() - 1).location().number()).isEqualTo(ROWS + 1);
	}

	/**
	 * An Entra CSV made row by row as it is read; rows 5,000, 15,000 ... have a bad
	 * interval.
	 */
	private static final class GeneratedEntraCsv extends InputStream {

		private final int rows;

		private int nextRow;

		private byte[] line = "upn,serial number,secret key,time interval,manufacturer,model\n"
			.getBytes(StandardCharsets.US_ASCII);

		private int position;

		GeneratedEntraCsv(int rows) {
			this.rows = rows;
		}

		boolean finished() {
			return this.nextRow > this.rows && this.position == this.line.length;
		}

		@Override
		public int read() {
			if (this.position == this.line.length) {
				if (this.nextRow >= this.rows) {
					this.nextRow = this.rows + 1;
					return -1;
				}
				this.nextRow++;
				String interval = (this.nextRow % 10_000 == 5_000) ? "45" : "30";
				this.line = ("user" + this.nextRow + "@example.com,SN" + this.nextRow
						+ ",GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ," + interval + ",Vendor,Model\n")
					.getBytes(StandardCharsets.US_ASCII);
				this.position = 0;
			}
			return this.line[this.position++];
		}

	}

}
