package kz.qorgau.children;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.tenant.TenantRows;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** The minimal notice to one addressee about one child at one incident. */
@Entity
@Table(name = "child_notice")
@SQLRestriction(TenantRows.OF_THE_CONNECTIONS_TENANT)
public class ChildNotice {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "child_id", nullable = false, updatable = false)
    public UUID childId;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "addressee_kind", nullable = false, updatable = false)
    public AgencyKind addresseeKind;

    /** Null when the network has no child-protection agency for the district: the coordinators have it. */
    @Column(name = "addressee_agency_id", updatable = false)
    public UUID addresseeAgencyId;

    @Column(nullable = false, updatable = false)
    public String district;

    @Column(name = "incident_date", nullable = false, updatable = false)
    public LocalDate incidentDate;

    @Column(name = "child_present", nullable = false, updatable = false)
    public boolean childPresent;

    @Column(name = "contact_agency_id", nullable = false, updatable = false)
    public UUID contactAgencyId;

    @Column(name = "contact_person", updatable = false)
    public String contactPerson;

    @Column(name = "due_at", nullable = false, updatable = false)
    public Instant dueAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
