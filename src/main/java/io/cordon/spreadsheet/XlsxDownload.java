package io.cordon.spreadsheet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends a finished workbook as a download. The rows are gathered first, so a failure is still a problem detail. */
public final class XlsxDownload {

  private XlsxDownload() {
  }

  public static void send(XlsxWriter workbook, String fileName, HttpServletResponse response) throws IOException {
    response.setContentType(XlsxWriter.CONTENT_TYPE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    workbook.write(response.getOutputStream());
    response.flushBuffer();
  }
}
