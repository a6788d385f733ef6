package kz.qorgau.matching;

import java.time.Instant;
import java.util.UUID;

/** An incident was reported naming as victim the survivor of an open case; fired inside the report's transaction. */
public record IncidentAboutKnownSurvivor(UUID caseId, UUID leadAgencyId, UUID incidentId, Instant at) {}
