package io.cordon.nda;

import io.cordon.platform.UnprocessableContentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.docx4j.XmlUtils;
import org.docx4j.wml.CTSdtCell;
import org.docx4j.wml.CTSdtRow;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.SdtElement;
import org.docx4j.wml.SdtRun;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/**
 * Fields are Word content controls identified by their tag. Filling replaces the whole control by its value as one
 * plain run, so however Word has split the placeholder text into runs, nothing of it survives, and a value is only
 * ever text: never markup, a field, a hyperlink or hidden text.
 */
final class ContentControls {

  private static final ObjectFactory WML = new ObjectFactory();

  private ContentControls() {
  }

  /** Calls {@code visitor} with the tag of every content control (null for an untagged one), rows included once. */
  static void tags(List<Object> content, Consumer<String> visitor) {
    for (Object item : content) {
      Object o = XmlUtils.unwrap(item);
      if (o instanceof SdtElement sdt) {
        visitor.accept(tagOf(sdt));
        if (o instanceof CTSdtRow) {
          visitor.accept("(a content control around a table row)");
        }
        if (sdt.getSdtContent() != null) {
          tags(sdt.getSdtContent().getContent(), visitor);
        }
      } else if (o instanceof ContentAccessor accessor) {
        tags(accessor.getContent(), visitor);
      }
    }
  }

  /** Fills every control in {@code content}; rows holding Schedule A fields are repeated once per row of data. */
  static void fill(List<Object> content, Map<String, String> values, List<Object> clauses, List<Map<String, String>> rows) {
    for (int i = 0; i < content.size(); i++) {
      Object o = XmlUtils.unwrap(content.get(i));
      List<Object> replacement = null;
      if (o instanceof Tr row && holdsRowFields(row)) {
        replacement = new ArrayList<>(rows.size());
        for (Map<String, String> data : rows) {
          Tr copy = copyRow(row);
          fill(copy.getContent(), data, List.of(), List.of());
          replacement.add(copy);
        }
      } else if (o instanceof SdtElement sdt) {
        replacement = replace(sdt, tagOf(sdt), values, clauses);
      } else if (o instanceof ContentAccessor accessor) {
        fill(accessor.getContent(), values, clauses, rows);
      }
      if (replacement != null) {
        content.remove(i);
        content.addAll(i, replacement);
        i += replacement.size() - 1;
      }
    }
  }

  private static List<Object> replace(SdtElement sdt, String tag, Map<String, String> values, List<Object> clauses) {
    if (DocumentType.CLAUSES.equals(tag)) {
      return new ArrayList<>(clauses);
    }
    String value = values.get(tag);
    if (value == null || value.isBlank()) {
      throw new UnprocessableContentException("MISSING_FIELD", "Field '" + tag + "' has no value, so the document cannot be "
          + "generated. Record the missing data (for a partner: in the partner register) and generate again.");
    }
    List<Object> inner = sdt.getSdtContent() == null ? List.of() : sdt.getSdtContent().getContent();
    String safe = inert(value);
    R run = DocumentType.MULTI_LINE_FIELDS.contains(tag) ? linesRun(safe, visibleCopy(firstRunProperties(inner)))
        : textRun(safe, visibleCopy(firstRunProperties(inner)));
    if (sdt instanceof SdtRun) {
      return List.of(run);
    }
    P paragraph = firstParagraph(inner);
    if (paragraph == null) {
      throw new IllegalStateException("Content control '" + tag + "' holds no paragraph to put its value in");
    }
    paragraph.getContent().clear();
    paragraph.getContent().add(run);
    if (sdt instanceof CTSdtCell) {
      Tc cell = (Tc) XmlUtils.unwrap(inner.get(0));
      cell.getContent().removeIf(c -> c != paragraph);
      return List.of(cell);
    }
    return List.of(paragraph);
  }

  /**
   * A value as it is inserted, unable to change the text around it: bidirectional formatting characters are dropped
   * (a name ending in U+202E would print the rest of the line reversed), and a value holding right-to-left letters is
   * isolated (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE), so its direction stays inside it.
   */
  static String inert(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2);
    boolean rightToLeft = false;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (io.cordon.platform.PlainText.Validator.isBidiControl(c)) {
        continue;
      }
      byte direction = Character.getDirectionality(c);
      rightToLeft |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
      b.appendCodePoint(c);
    }
    return rightToLeft ? "\u2068" + b + "\u2069" : b.toString();
  }

  static R textRun(String value, RPr properties) {
    Text text = new Text();
    text.setValue(value);
    text.setSpace("preserve");
    R run = new R();
    run.setRPr(properties);
    run.getContent().add(WML.createRT(text));
    return run;
  }

  /** One run with a line break ({@code w:br}) between the lines of the value: an address as it is written. */
  static R linesRun(String value, RPr properties) {
    String[] lines = value.strip().split("\\r\\n|\\r|\\n");
    R run = textRun(lines[0].strip(), properties);
    for (int i = 1; i < lines.length; i++) {
      run.getContent().add(WML.createBr());
      Text text = new Text();
      text.setValue(lines[i].strip());
      text.setSpace("preserve");
      run.getContent().add(WML.createRT(text));
    }
    return run;
  }

  static String tagOf(SdtElement sdt) {
    return sdt.getSdtPr() == null || sdt.getSdtPr().getTag() == null ? null : sdt.getSdtPr().getTag().getVal();
  }

  private static boolean holdsRowFields(Tr row) {
    Set<String> found = new java.util.HashSet<>();
    tags(row.getContent(), found::add);
    return found.stream().anyMatch(DocumentType.ROW_FIELDS::contains);
  }

  private static RPr firstRunProperties(List<Object> content) {
    for (Object item : content) {
      Object o = XmlUtils.unwrap(item);
      if (o instanceof R r) {
        return r.getRPr();
      }
      if (o instanceof ContentAccessor accessor) {
        RPr found = firstRunProperties(accessor.getContent());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * A copy of a Schedule A row that shares every unchanged object with the template row: filling replaces the
   * controls in the copy's own lists and never changes the controls themselves. Rows with any other structure
   * (cell-level controls, nested tables) are deep-copied.
   */
  private static Tr copyRow(Tr row) {
    Tr copy = new Tr();
    copy.setTrPr(row.getTrPr());
    copy.setTblPrEx(row.getTblPrEx());
    for (Object item : row.getContent()) {
      if (!(XmlUtils.unwrap(item) instanceof Tc cell)) {
        return XmlUtils.deepCopy(row);
      }
      Tc cellCopy = new Tc();
      cellCopy.setTcPr(cell.getTcPr());
      for (Object inCell : cell.getContent()) {
        if (!(XmlUtils.unwrap(inCell) instanceof P p) || p.getContent().stream().map(XmlUtils::unwrap)
            .anyMatch(o -> o instanceof ContentAccessor && !(o instanceof SdtRun) && !(o instanceof R))) {
          return XmlUtils.deepCopy(row);
        }
        P pCopy = new P();
        pCopy.setPPr(p.getPPr());
        pCopy.getContent().addAll(p.getContent());
        cellCopy.getContent().add(pCopy);
      }
      copy.getContent().add(cellCopy);
    }
    return copy;
  }

  /**
   * The placeholder's formatting without what would hide the value or mark it as a placeholder. Changed in place:
   * the control it came from is discarded (or, in a repeated row, cleaned the same way each time).
   */
  private static RPr visibleCopy(RPr rPr) {
    if (rPr == null) {
      return null;
    }
    RPr copy = rPr;
    copy.setVanish(null);
    copy.setSpecVanish(null);
    copy.setWebHidden(null);
    if (copy.getRStyle() != null && "PlaceholderText".equals(copy.getRStyle().getVal())) {
      copy.setRStyle(null);
    }
    return copy;
  }

  private static P firstParagraph(List<Object> content) {
    for (Object item : content) {
      Object o = XmlUtils.unwrap(item);
      if (o instanceof P p) {
        return p;
      }
      if (o instanceof ContentAccessor accessor) {
        P found = firstParagraph(accessor.getContent());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
