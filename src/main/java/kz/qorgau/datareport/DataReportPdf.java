package kz.qorgau.datareport;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qorgau.common.Texts;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.datareport.DataReportDtos.ConsentEntry;
import kz.qorgau.datareport.DataReportDtos.DataReport;
import kz.qorgau.datareport.DataReportDtos.GroundView;
import kz.qorgau.datareport.DataReportDtos.HolderView;

/**
 * Her report as a PDF in her language, for a person who has never seen the system: sentences rather than codes, laid
 * out from HTML by openhtmltopdf, in DejaVu Sans, embedded, which has every Kazakh letter.
 */
@ApplicationScoped
public class DataReportPdf {

    static final String BUNDLE = "report.report";

    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

    static {
        // PDFBox keeps its scan of the system's fonts in the home directory, read-only in the chart's container.
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", System.getProperty("java.io.tmpdir"));
        }
    }

    @Inject
    kz.qorgau.common.Pages templates;

    @Inject
    kz.qorgau.security.TenantsConfig tenants;

    public record HolderLines(String name, List<String> why, String now, String read) {}

    public record ConsentLines(String given, String to, String what, List<String> status) {}

    public record Page(
            String lang,
            String title,
            String intro,
            String forLine,
            String caseLine,
            String prepared,
            String holdersTitle,
            String whyTitle,
            String nowTitle,
            String readTitle,
            List<HolderLines> holders,
            String coordinators,
            String consentsTitle,
            String noConsents,
            String toTitle,
            String whatTitle,
            List<ConsentLines> consents,
            String footer) {}

    public byte[] render(DataReport report, String tenant, String leadName) {
        Texts t = Texts.of(BUNDLE, report.language());
        ZoneId zone = tenants.all().get(tenant).zone();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(t.locale())
                .withZone(zone);
        String html = templates
                .template("report/report")
                .data("page", page(report, t, day, leadName))
                .render();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            ClassLoader loader = DataReportPdf.class.getClassLoader();
            builder.useFont(
                    () -> loader.getResourceAsStream(FONTS + "DejaVuSans.ttf"),
                    "DejaVu Sans",
                    400,
                    FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> loader.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"),
                    "DejaVu Sans",
                    700,
                    FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(html, null);
            builder.withProducer("Qorgau");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return pdf.toByteArray();
    }

    static Page page(DataReport report, Texts t, DateTimeFormatter day, String leadName) {
        List<HolderLines> holders = new ArrayList<>();
        for (HolderView holder : report.agencies()) {
            List<String> why = new ArrayList<>();
            for (GroundView ground : holder.grounds()) {
                String line = t.format("basis." + ground.basis(), date(day, ground.since()));
                if (ground.until() != null) {
                    line += " (" + t.format("until", date(day, ground.until())) + ")";
                }
                why.add(line);
            }
            holders.add(new HolderLines(
                    holder.agencyName(),
                    why,
                    holder.holdsNow().isEmpty() ? t.get("now.nothing") : categories(t, holder.holdsNow()) + ".",
                    holder.reads() == 0
                            ? t.get("read.never")
                            : categories(t, holder.categoriesRead()).isEmpty()
                                    ? t.format("read.times", holder.reads(), date(day, holder.lastReadAt()))
                                    : categories(t, holder.categoriesRead()) + ". "
                                            + t.format("read.times", holder.reads(), date(day, holder.lastReadAt()))));
        }
        List<ConsentLines> consents = new ArrayList<>();
        for (ConsentEntry consent : report.consents()) {
            List<String> to = new ArrayList<>(consent.recipientAgencies());
            consent.recipientKinds().stream().sorted().forEach(k -> to.add(t.get("kind." + k)));
            List<String> status = new ArrayList<>();
            if (consent.withdrawnAt() != null) {
                status.add(t.format("consent.withdrawn", date(day, consent.withdrawnAt())));
            } else {
                if (!consent.withdrawnFrom().isEmpty()) {
                    status.add(t.format("consent.withdrawn.from", String.join(", ", consent.withdrawnFrom())));
                }
                status.add(
                        consent.expiresAt() == null
                                ? t.get("consent.standing")
                                : t.format("consent.expires", date(day, consent.expiresAt())));
            }
            consents.add(new ConsentLines(
                    t.format("consent.given", date(day, consent.givenAt()), t.get("method." + consent.method())),
                    String.join(", ", to),
                    categories(t, consent.categories()),
                    status));
        }
        return new Page(
                t.lang(),
                t.get("title"),
                t.get("intro"),
                t.format("for", report.survivorName() == null ? "" : report.survivorName()),
                t.format("case", report.caseId()),
                t.format("prepared", date(day, report.producedAt()), report.producedBy(), leadName),
                t.get("holders"),
                t.get("why"),
                t.get("now"),
                t.get("read"),
                holders,
                report.coordinatorReads() == 0
                        ? null
                        : t.format(
                                "coordinators", report.coordinatorReads(), date(day, report.coordinatorLastReadAt())),
                t.get("consents"),
                t.get("consents.none"),
                t.get("consent.to"),
                t.get("consent.what"),
                consents,
                t.format("footer", leadName));
    }

    private static String categories(Texts t, Set<DataCategory> categories) {
        String listed =
                categories.stream().sorted().map(c -> t.get("category." + c)).collect(Collectors.joining(", "));
        return listed.isEmpty() ? listed : Character.toUpperCase(listed.charAt(0)) + listed.substring(1);
    }

    private static String date(DateTimeFormatter day, Instant at) {
        return at == null ? "" : day.format(at);
    }
}
