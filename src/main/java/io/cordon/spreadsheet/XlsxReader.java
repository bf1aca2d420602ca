package io.cordon.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of an .xlsx file row by row with POI's event API (SAX over the sheet XML, shared strings
 * read-only): memory stays bounded by one row plus the shared strings, whatever the number of rows. Before and while
 * reading it refuses what an import must not take: anything but an .xlsx workbook (415), macro-enabled workbooks
 * (415), zip bombs and parts larger than the limit (413), more data rows than the limit (413, reading stops there),
 * hidden sheets, formulas, merged cells and Excel error values (422, naming every cell).
 */
public final class XlsxReader {

  /** Receives each non-empty row: its number as Excel shows it, and its cells' text by column index (null = empty). */
  public interface RowHandler {
    void row(int rowNumber, String[] cells);
  }

  /** Excel's own limit for the text of one cell. */
  static final int MAX_CELL_CHARS = 32_767;
  private static final int MAX_LISTED = 100;
  private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";

  private XlsxReader() {
  }

  public static void read(Path file, SpreadsheetLimits limits, RowHandler handler) {
    checkMagic(file);
    // POI's zip-bomb guards are static settings: set them for every import, not once at start-up.
    ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
    ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
    ZipSecureFile.setMaxFileCount(1000);
    OPCPackage pkg = open(file);
    try {
      checkContentTypes(pkg);
      XSSFReader reader = new XSSFReader(pkg);
      String firstSheet = checkSheets(reader);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      SheetHandler sheet = new SheetHandler(strings, limits.maxRows(), handler);
      try (InputStream in = reader.getSheet(firstSheet)) {
        parse(in, sheet);
      } catch (TooManyRows e) {
        throw SpreadsheetRejectedException.tooLarge("The sheet has more than " + limits.maxRows() + " data rows, the most "
            + "one import takes (reading stopped at row " + e.rowNumber + "). Split the file and import the parts one after another.");
      }
      if (!sheet.problems.isEmpty()) {
        List<RowError> listed = sheet.problems.size() > MAX_LISTED ? sheet.problems.subList(0, MAX_LISTED) : sheet.problems;
        throw SpreadsheetRejectedException.unprocessable("Unsupported cells",
            "The sheet has " + sheet.problemCount() + " cell(s) Cordon does not import: formulas, merged cells or error "
                + "values. Replace formulas by their values (Paste special > Values), unmerge cells, then upload again; see 'errors'"
                + (listed.size() < sheet.problemCount() ? " (the first " + MAX_LISTED + ")." : "."), listed);
      }
    } catch (SpreadsheetRejectedException e) {
      throw e;
    } catch (Exception e) {
      throw unreadable(e);
    } finally {
      pkg.revert();
    }
  }

  private static void checkMagic(Path file) {
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(file.toFile());
    } catch (IOException e) {
      throw SpreadsheetRejectedException.unsupported("The upload is empty or cannot be read: send an Excel workbook (.xlsx).");
    }
    if (magic == FileMagic.OLE2) {
      throw SpreadsheetRejectedException.unsupported("This is an Excel 97-2003 (.xls) or another legacy Office file. "
          + "Open it in Excel and save it as Excel Workbook (.xlsx).");
    }
    if (magic != FileMagic.OOXML) {
      throw SpreadsheetRejectedException.unsupported("The upload is not an Excel workbook (.xlsx). Use the import template.");
    }
  }

  private static OPCPackage open(Path file) {
    try {
      return OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OLE2NotOfficeXmlFileException e) {
      throw SpreadsheetRejectedException.unsupported("This is a legacy Office file: save it as Excel Workbook (.xlsx).");
    } catch (Exception e) {
      throw unreadable(e);
    }
  }

  private static void checkContentTypes(OPCPackage pkg) throws Exception {
    var main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
    if (main.size() != 1) {
      throw SpreadsheetRejectedException.unsupported("The upload is a zip file but not an Excel workbook (.xlsx).");
    }
    String type = pkg.getPart(main.getRelationship(0)).getContentType();
    if (XSSFRelation.MACROS_WORKBOOK.getContentType().equals(type) || XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType().equals(type)
        || XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType().equals(type) || hasMacros(pkg)) {
      throw SpreadsheetRejectedException.unsupported("Macro-enabled workbooks (.xlsm) are not accepted. Save the workbook "
          + "as Excel Workbook (.xlsx), which removes the macros, and upload that.");
    }
    if (!XSSFRelation.WORKBOOK.getContentType().equals(type) && !XSSFRelation.TEMPLATE_WORKBOOK.getContentType().equals(type)) {
      throw SpreadsheetRejectedException.unsupported("The upload is an Office file but not an Excel workbook (.xlsx): "
          + "a Word document or a presentation cannot be imported.");
    }
  }

  private static boolean hasMacros(OPCPackage pkg) throws Exception {
    for (PackagePart part : pkg.getParts()) {
      if (VBA_PROJECT.equals(part.getContentType())) {
        return true;
      }
    }
    return false;
  }

  /** Refuses hidden and very hidden sheets (their rows would be imported unseen); returns the first sheet's id. */
  private static String checkSheets(XSSFReader reader) throws Exception {
    List<String[]> sheets = new ArrayList<>();
    try (InputStream workbook = reader.getWorkbookData()) {
      parse(workbook, new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
          if ("sheet".equals(localName)) {
            String relationId = null;
            for (int i = 0; i < a.getLength(); i++) {
              if ("id".equals(a.getLocalName(i)) && !a.getURI(i).isEmpty()) {
                relationId = a.getValue(i);
              }
            }
            sheets.add(new String[] {a.getValue("name"), a.getValue("state"), relationId});
          }
        }
      });
    }
    if (sheets.isEmpty()) {
      throw SpreadsheetRejectedException.unprocessable("No sheet", "The workbook has no sheet.", List.of());
    }
    List<RowError> hidden = sheets.stream().filter(s -> s[1] != null && !"visible".equals(s[1]))
        .map(s -> RowError.ofFile("sheet '" + s[0] + "' is " + ("veryHidden".equals(s[1]) ? "very hidden" : "hidden"))).toList();
    if (!hidden.isEmpty()) {
      throw SpreadsheetRejectedException.unprocessable("Hidden sheets", "The workbook has hidden sheets. Cordon imports only "
          + "what a person can see: unhide or delete them, then upload again; see 'errors'.", hidden);
    }
    return sheets.get(0)[2];
  }

  private static void parse(InputStream in, DefaultHandler handler) throws Exception {
    XMLReader xml = XMLHelper.newXMLReader();
    xml.setContentHandler(handler);
    try {
      xml.parse(new InputSource(in));
    } catch (SAXException e) {
      if (e.getException() instanceof RuntimeException unwrapped) {
        throw unwrapped;
      }
      throw e;
    }
  }

  private static RuntimeException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb") || message.contains("ZipSecureFile") || message.contains("max. size")
          || message.contains(ZipSecureFile.MAX_FILE_COUNT_MSG.substring(0, 20))) {
        return SpreadsheetRejectedException.tooLarge("The workbook expands to more than Cordon reads (a part larger than "
            + "the limit, or compressed suspiciously well, as a zip bomb is). Save a plain copy of the sheet without images "
            + "or other content and upload that.");
      }
      if (t instanceof SpreadsheetRejectedException rejected) {
        return rejected;
      }
    }
    if (e instanceof POIXMLException || e instanceof IOException || e instanceof SAXException
        || e instanceof org.apache.poi.openxml4j.exceptions.OpenXML4JException || e instanceof RuntimeException) {
      return SpreadsheetRejectedException.unsupported("The file cannot be read as an Excel workbook (.xlsx): it is damaged "
          + "or of another kind. Open it in Excel, save it as Excel Workbook (.xlsx) and upload it again.");
    }
    return new IllegalStateException(e);
  }

  static final class TooManyRows extends RuntimeException {
    final int rowNumber;

    TooManyRows(int rowNumber) {
      super(null, null, false, false);
      this.rowNumber = rowNumber;
    }
  }

  /** SAX handler for one worksheet: cells to text, rows to the {@link RowHandler}, unsupported content to problems. */
  static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final int maxRows;
    private final RowHandler handler;
    final List<RowError> problems = new ArrayList<>();
    private int problemCount;

    private int rowNumber;
    private int dataRows;
    private int rowElements;
    private final List<String> cells = new ArrayList<>();
    private boolean rowHasValue;
    private int column;
    private String cellRef;
    private String type;
    private boolean inValue;
    private boolean inInlineText;
    private boolean inPhonetic;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    SheetHandler(ReadOnlySharedStringsTable strings, int maxRows, RowHandler handler) {
      this.strings = strings;
      this.maxRows = maxRows;
      this.handler = handler;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      switch (localName) {
        case "row" -> {
          String r = a.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          cells.clear();
          rowHasValue = false;
          column = -1;
          // Empty row elements cost nothing to store but time to stream: bound them too.
          if (++rowElements > 4 * maxRows + 1000) {
            throw new TooManyRows(rowNumber);
          }
        }
        case "c" -> {
          cellRef = a.getValue("r");
          column = cellRef == null ? column + 1 : columnOf(cellRef);
          if (cellRef == null) {
            cellRef = SheetLayout.cellRef(rowNumber, column);
          }
          type = a.getValue("t");
          text.setLength(0);
          truncated = false;
        }
        case "v" -> inValue = true;
        case "t" -> inInlineText = !inPhonetic;
        case "rPh" -> inPhonetic = true;
        case "f" -> problem(new RowError(rowNumber, null, cellRef, "formula: replace it by its value"));
        case "mergeCell" -> problem(new RowError(null, null, a.getValue("ref"), "merged cells " + a.getValue("ref")
            + ": unmerge them and put the value in every row it belongs to"));
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if ((inValue || inInlineText) && !truncated) {
        text.append(ch, start, length);
        if (text.length() > MAX_CELL_CHARS) {
          truncated = true;
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v" -> inValue = false;
        case "t" -> inInlineText = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> endCell();
        case "row" -> endRow();
        default -> {
        }
      }
    }

    private void endCell() {
      String value;
      if (truncated) {
        value = null;
        problem(new RowError(rowNumber, null, cellRef, "text longer than " + MAX_CELL_CHARS + " characters, Excel's limit"));
      } else if (text.isEmpty()) {
        value = null;
      } else {
        value = switch (type == null ? "n" : type) {
          case "s" -> sharedString(text.toString().trim());
          case "inlineStr", "str" -> decode(text.toString());
          case "b" -> "1".equals(text.toString().trim()) ? "TRUE" : "FALSE";
          case "e" -> {
            problem(new RowError(rowNumber, null, cellRef, "error value " + text + ": enter the value itself"));
            yield null;
          }
          case "n" -> number(text.toString().trim());
          default -> text.toString();
        };
      }
      while (cells.size() <= column) {
        cells.add(null);
      }
      cells.set(column, value);
      if (value != null && !value.isBlank()) {
        rowHasValue = true;
      }
    }

    private void endRow() {
      if (!rowHasValue) {
        return;
      }
      // The header (first non-empty row) is not a data row.
      if (dataRows++ > maxRows) {
        throw new TooManyRows(rowNumber);
      }
      handler.row(rowNumber, cells.toArray(String[]::new));
    }

    private String sharedString(String index) {
      try {
        return strings.getItemAt(Integer.parseInt(index)).getString();
      } catch (RuntimeException e) {
        problem(new RowError(rowNumber, null, cellRef, "refers to a shared text that does not exist: the file is damaged"));
        return null;
      }
    }

    private void problem(RowError error) {
      problemCount++;
      if (problems.size() < MAX_LISTED + 1) {
        problems.add(error);
      }
    }

    int problemCount() {
      return problemCount;
    }

    private static int columnOf(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
        col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      }
      return Math.max(0, col - 1);
    }

    /** A number as a person typed it: 12345, not 12345.0 or 1.2345E4. */
    private static String number(String raw) {
      try {
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return raw;
      }
    }
  }

  /** Excel escapes characters XML cannot carry as {@code _xHHHH_}; {@code _x005F_} escapes a literal underscore. */
  static String decode(String s) {
    if (!s.contains("_x")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
          && isHex(s, i + 2, i + 6)) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 7;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
