package kz.qorgau.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coordination networks this deployment serves. Each key is a tenant id and also the name of the
 * OIDC tenant ({@code quarkus.oidc.<id>.*}) that verifies its tokens: one Keycloak realm per tenant.
 */
@ConfigMapping(prefix = "qorgau.tenants")
public interface TenantsConfig {

    @WithParentName
    Map<String, Tenant> all();

    interface Tenant {
        /** How people call the network, such as "Almaty city". */
        String name();

        /** The network's local time zone: dates such as an order's expiry are its calendar days. */
        @WithDefault("Asia/Almaty")
        ZoneId zone();

        /** How many days before a protective order expires its agencies are told. */
        @WithDefault("3")
        int orderExpiryWarningDays();

        /**
         * How many days before a police protective order expires, while her case's risk is still HIGH or EMERGENCY,
         * the police unit's list prompts it to apply to the court for special requirements.
         */
        @WithDefault("7")
        int courtPromptDays();

        /**
         * How long a closed case keeps the survivor's personal data and its free text before retention
         * anonymises it; five years unless the network's rules say otherwise.
         */
        @WithDefault("1826d")
        java.time.Duration closedCaseRetention();

        /**
         * How long the change feed, relayed outbox events and finished webhook deliveries are kept; a partner
         * whose cursor is older hears 410 and resyncs. Ninety days unless the network says otherwise.
         */
        @WithDefault("90d")
        java.time.Duration feedRetention();

        /** How fast one client of the network (one token subject of one OAuth client) may call the API. */
        RateLimit rateLimit();

        /**
         * When set, the only receiver hosts (exact names, such as {@code hooks.crisis-centre.kz}) the
         * network's agencies may subscribe webhooks on; any other is refused.
         */
        Optional<List<String>> webhookHosts();

        /** How soon a receiver must acknowledge, and respond to (accept or decline), a referral of each priority. */
        Deadlines deadlines();

        /** When a case goes before the network's risk conference of its own accord. */
        Conferences conferences();

        /** By when a notice about children at an incident must be acknowledged. */
        ChildNotices childNotices();
    }

    /**
     * A notice reaches its addressees at once; one not acknowledged by this local time on the next school day
     * (Monday to Friday) after it was sent goes to the coordinators.
     */
    interface ChildNotices {
        @WithDefault("10:00")
        java.time.LocalTime acknowledgeBy();
    }

    /**
     * The criteria that propose a case to a risk conference without anyone asking (SafeLives' MARAC practice): a
     * checklist with this many ticks, an assessor's professional judgement that the risk is at least this level,
     * this many incidents within the window, or a new incident within the window of the case's last hearing.
     */
    interface Conferences {
        /** DASH practice: 14 "yes" answers of the checklist. */
        @WithDefault("14")
        int riskScore();

        /** A level an assessor set above the scored one, by professional judgement, at or above this. */
        @WithDefault("HIGH")
        kz.qorgau.common.Priority judgementLevel();

        /** Escalation: this many incidents linked to the case within the window. */
        @WithDefault("3")
        int escalationIncidents();

        @WithDefault("365d")
        java.time.Duration escalationWindow();

        /** A repeat: a new incident within this long of the case's last hearing. */
        @WithDefault("365d")
        java.time.Duration repeatWindow();
    }

    /**
     * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
     * Each replica keeps its own buckets, so a client of a deployment of n replicas may reach n times this.
     */
    interface RateLimit {
        @WithDefault("20")
        int requestsPerSecond();

        @WithDefault("200")
        int burst();
    }

    interface Deadlines {
        @WithDefault("1h")
        java.time.Duration emergencyAcknowledge();

        @WithDefault("4h")
        java.time.Duration emergencyRespond();

        @WithDefault("4h")
        java.time.Duration highAcknowledge();

        @WithDefault("24h")
        java.time.Duration highRespond();

        @WithDefault("72h")
        java.time.Duration routineAcknowledge();

        @WithDefault("7d")
        java.time.Duration routineRespond();

        /** From ACCEPT to START: an accepted survivor must not wait unseen. */
        @WithDefault("4h")
        java.time.Duration emergencyStart();

        @WithDefault("24h")
        java.time.Duration highStart();

        @WithDefault("7d")
        java.time.Duration routineStart();

        /** From PAUSE to RESUME (or an end): a paused referral is looked at again within this. */
        @WithDefault("24h")
        java.time.Duration emergencyReview();

        @WithDefault("3d")
        java.time.Duration highReview();

        @WithDefault("14d")
        java.time.Duration routineReview();

        default java.time.Duration acknowledge(kz.qorgau.common.Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergencyAcknowledge();
                case HIGH -> highAcknowledge();
                case ROUTINE -> routineAcknowledge();
            };
        }

        default java.time.Duration respond(kz.qorgau.common.Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergencyRespond();
                case HIGH -> highRespond();
                case ROUTINE -> routineRespond();
            };
        }

        default java.time.Duration start(kz.qorgau.common.Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergencyStart();
                case HIGH -> highStart();
                case ROUTINE -> routineStart();
            };
        }

        default java.time.Duration review(kz.qorgau.common.Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergencyReview();
                case HIGH -> highReview();
                case ROUTINE -> routineReview();
            };
        }
    }
}
