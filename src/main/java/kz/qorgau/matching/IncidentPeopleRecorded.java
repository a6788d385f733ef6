package kz.qorgau.matching;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new incident's people were recorded with their tokens; fired inside the report's transaction. */
public record IncidentPeopleRecorded(
        UUID incidentId, UUID reportingAgencyId, Instant occurredAt, List<SurvivorRecognition.NamedPerson> people) {}
