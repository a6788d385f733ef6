package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.consent.ConsentMethod;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.datareport.DataHolders;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralState;
import org.junit.jupiter.api.Test;

/**
 * Every language file of the recipient's page and of her report has every key of the English one and no other, each
 * code the page or the report shows has its label, and a language asked for is the one given.
 */
class TextsTest {

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of("external/page", "report/report")) {
            Set<String> english = keys(bundle + ".properties");
            for (String lang : List.of("kk", "ru")) {
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(keys(bundle + "_" + lang + ".properties"));
                Set<String> extra = new TreeSet<>(keys(bundle + "_" + lang + ".properties"));
                extra.removeAll(english);
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    wrong.add(bundle + "_" + lang + ": missing " + missing + ", extra " + extra);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyCodeShownHasALabel() throws IOException {
        Set<String> page = keys("external/page.properties");
        Set<String> report = keys("report/report.properties");
        List<String> missing = new ArrayList<>();
        need(page, "service.", ServiceType.values(), missing);
        need(page, "decline.", DeclineReason.values(), missing);
        need(page, "state.", ReferralState.values(), missing);
        need(page, "priority.", Priority.values(), missing);
        need(report, "category.", DataCategory.values(), missing);
        need(report, "kind.", AgencyKind.values(), missing);
        need(report, "method.", ConsentMethod.values(), missing);
        need(report, "basis.", DataHolders.HoldingBasis.values(), missing);
        assertEquals(List.of(), missing);
    }

    @Test
    void theLanguageAskedForIsTheOneGiven() {
        assertEquals("kk", Texts.chosen("kk", "en"));
        assertEquals("ru", Texts.chosen(null, "ru-RU,ru;q=0.9,en;q=0.8"));
        assertEquals("kk", Texts.chosen(null, "kk-KZ"));
        assertEquals("en", Texts.chosen("de", "de-DE,fr;q=0.5"));
        assertEquals("en", Texts.chosen(null, null));
        assertEquals("en", Texts.chosen(null, ";;;=,q=zz"));
        assertEquals("Жолдама", Texts.of("external.page", "kk").get("title"));
        assertEquals("Направление", Texts.of("external.page", "ru").get("title"));
        assertEquals("Referral", Texts.of("external.page", "xx").get("title"));
        // A placeholder is replaced as it stands: an apostrophe is no quote.
        assertEquals(
                "The network's coordinators looked at your case 2 time(s), last on today; they never see your name,"
                        + " contacts or address.",
                Texts.of("report.report", "en").format("coordinators", 2, "today"));
    }

    private static void need(Set<String> keys, String prefix, Enum<?>[] codes, List<String> missing) {
        Arrays.stream(codes)
                .map(c -> prefix + c.name())
                .filter(k -> !keys.contains(k))
                .forEach(missing::add);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
