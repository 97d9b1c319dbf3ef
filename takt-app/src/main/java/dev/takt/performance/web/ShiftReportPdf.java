package dev.takt.performance.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.takt.performance.internal.ShiftReports;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.CurrentSite;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The shift report as a PDF: the same template as the page, laid out by openhtmltopdf. */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class ShiftReportPdf {

  private final ShiftReports shiftReports;
  private final CurrentSite currentSite;
  private final SpringTemplateEngine templates;

  ShiftReportPdf(
      ShiftReports shiftReports, CurrentSite currentSite, SpringTemplateEngine templates) {
    this.shiftReports = shiftReports;
    this.currentSite = currentSite;
    this.templates = templates;
  }

  @GetMapping(PerformancePages.SHIFTS + "/report.pdf")
  ResponseEntity<byte[]> pdf(
      @RequestParam String shift,
      @RequestParam(required = false) String site,
      HttpSession session) {
    if (site == null || site.isBlank()) {
      site = currentSite.get(session).orElseThrow(() -> new NotFoundException("site", "(none)"));
    }
    ShiftReports.ShiftReport report =
        shiftReports.report(site, PerformancePages.parseInstant(shift));
    if (report == null) {
      throw new NotFoundException("shift", shift);
    }
    Context context = new Context(LocaleContextHolder.getLocale());
    context.setVariable("report", report);
    String html = templates.process("performance/shift-report", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            "inline; filename=\"shift-"
                + report.site()
                + "-"
                + report.start().toString().replaceAll("[^0-9T]", "")
                + ".pdf\"")
        .body(out.toByteArray());
  }
}
