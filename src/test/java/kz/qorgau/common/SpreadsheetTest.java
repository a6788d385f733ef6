package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetTest {

    /** A name typed by a person must not become a formula when a coordinator opens the file. */
    @Test
    void aCellThatASpreadsheetWouldRunIsWrittenAsText() {
        assertEquals("'=HYPERLINK(\"http://x\")", Spreadsheet.defused("=HYPERLINK(\"http://x\")"));
        assertEquals("'+7 701", Spreadsheet.defused("+7 701"));
        assertEquals("'-1", Spreadsheet.defused("-1"));
        assertEquals("'@SUM(A1)", Spreadsheet.defused("@SUM(A1)"));
        assertEquals("Алматы", Spreadsheet.defused("Алматы"));
        assertEquals(
                "\uFEFFReferral id,Agency\r\n1,'=1+1\r\n",
                Spreadsheet.of("en", "id", "agencyName").row(1, "=1+1").text());
    }
}
